package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact"
)

// MaxFileSize bounds one input file; larger files are refused with a clear
// error rather than read into memory (override with --max-file-size). A
// scan's peak memory is 30 to 70 times the file's size (docs/limits.md), so
// 16 MiB keeps it near a gigabyte; a story is rarely over 100 kB.
const MaxFileSize = 16 << 20

// Seams for tests: permissions cannot make a read or a walk fail when the
// tests run as root (as in CI), so tests replace these to inject failures.
var (
	openFile = os.Open
	walkDir  = filepath.WalkDir
)

// input is one file to scan.
type input struct {
	Path  string // as shown to the user
	Stdin bool
	// Walked is set for files found in a directory: binary files among
	// them are skipped with a note instead of failing the run.
	Walked bool
	// Skip, when set, says why a path met while walking is not read (a
	// symbolic link); every command must say so, never drop it silently.
	Skip string
	// Link is where that symbolic link leads, for signoff and verify,
	// which judge it against the repository rather than the walked tree.
	Link *walkedLink
}

// collectAll expands the arguments: files as given, directories walked
// for files matching include and not exclude, "-" for standard input, and
// the symbolic links met while walking, each with a Skip note, so that
// every command can say what it did not follow.
// Links are never followed from a walk, so a link loop or a link to /
// cannot make it hang or leave the tree; a link named as an argument is
// followed, as the user asked for it.
func collectAll(args []string, include, exclude []string) ([]input, []error) {
	var out []input
	var errs []error
	for _, a := range args {
		if a == "-" {
			out = append(out, input{Path: "-", Stdin: true})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, unwrapPathError(err)))
			continue
		}
		if !st.IsDir() {
			out = append(out, input{Path: a})
			continue
		}
		var found []input
		// The tree's real place, to tell links that stay inside it.
		top := resolvedPath(a)
		root := a
		if lst, err := os.Lstat(a); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link; the trailing
			// separator makes it, as the user named the directory.
			root = a + string(filepath.Separator)
		}
		err = walkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(a, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if p != root && (strings.HasPrefix(d.Name(), ".") || matchAny(exclude, rel, d.Name())) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Links the walk would not have scanned anyway (hidden,
				// excluded, or to a file that include does not pick) are
				// not worth a note.
				if strings.HasPrefix(d.Name(), ".") || matchAny(exclude, rel, d.Name()) {
					return nil
				}
				if l := resolveLink(p); l.Dir || matchAny(include, rel, d.Name()) {
					found = append(found, input{Path: p, Walked: true, Skip: l.scanNote(top), Link: l})
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if matchAny(exclude, rel, d.Name()) || !matchAny(include, rel, d.Name()) {
				return nil
			}
			found = append(found, input{Path: p, Walked: true})
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		if out == nil {
			// One directory, the usual case: its list is the list, not a
			// copy (a list of 100,000 files is about 10 MB).
			out = found
			continue
		}
		out = append(out, found...)
	}
	return out, errs
}

// walkedLink is where a symbolic link met while walking leads.
type walkedLink struct {
	Err    error  // why it does not resolve (dangling, a loop); nil when it does
	Dir    bool   // it resolves to a directory
	Target string // its absolute, link-free target; "" when unknown
}

// resolveLink follows the link at p without reading its target.
func resolveLink(p string) *walkedLink {
	st, err := os.Stat(p)
	if err != nil {
		return &walkedLink{Err: unwrapPathError(err)}
	}
	return &walkedLink{Dir: st.IsDir(), Target: resolvedPath(p)}
}

// canonicalPath is p made absolute and, where it can be, free of links:
// two paths to one file, or to one directory, give the same string.
func canonicalPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return filepath.Clean(p)
}

// resolvedPath is p made absolute and free of links, or "" when it cannot be.
func resolvedPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return ""
	}
	return real
}

// within reports whether the link leads to dir or below it (dir is
// absolute and link-free); a target that is unknown is not within.
func (l *walkedLink) within(dir string) bool { return within(dir, l.Target) }

// within reports whether path p is dir or under it.
func within(dir, p string) bool {
	if p == "" || dir == "" {
		return false
	}
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// what names the target for messages.
func (l *walkedLink) what() string {
	if l.Dir {
		return "directory"
	}
	return "file"
}

// scanNote says why scan does not follow the link, met while walking the
// tree whose real place is top.
func (l *walkedLink) scanNote(top string) string {
	switch {
	case l.Err != nil:
		return fmt.Sprintf("symbolic link that does not resolve (%v); not followed", l.Err)
	case l.within(top):
		return fmt.Sprintf("symbolic link to a %s inside the scanned tree; not followed (the target is scanned in its own place)", l.what())
	}
	return fmt.Sprintf("symbolic link to a %s outside the scanned tree; not followed (name it to scan it)", l.what())
}

// printSkipped says, on stderr unless quiet, that a file was not read and
// why: every command that walks says it the same way.
func printSkipped(w io.Writer, quiet bool, path, why string) {
	if !quiet {
		fmt.Fprintf(w, "%s: skipped: %s\n", path, why)
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// matchAny matches glob patterns against the base name, or against the
// slash path relative to the scanned directory when the pattern has a slash
// ("archive/**" matches everything below archive).
func matchAny(patterns []string, rel, base string) bool {
	for _, p := range patterns {
		if strings.Contains(p, "/") {
			if strings.HasSuffix(p, "/**") {
				prefix := strings.TrimSuffix(p, "/**")
				if rel == prefix || strings.HasPrefix(rel, prefix+"/") {
					return true
				}
				continue
			}
			if ok, _ := filepath.Match(p, rel); ok {
				return true
			}
			continue
		}
		if ok, _ := filepath.Match(p, base); ok {
			return true
		}
	}
	return false
}

// scanned is the outcome for one input.
type scanned struct {
	In      input
	Result  *redact.Result
	Err     error
	Skipped string // why a walked file was skipped
	// Note tells the user how the file was read when it is not the
	// obvious way, as "LINE: message" (Markdown scanned as plain text, see
	// redact.MarkdownHazard).
	Note string
}

// scanEach scans inputs on a pool of workers and hands each outcome to
// emit in input order, as soon as it and all before it are done. At most a
// few batches per worker wait to be emitted, so a caller that does not keep
// them scans any number of files in bounded memory, and the order, hence the
// output, is that of a sequential run. emit and progress are called from
// the calling goroutine only. The first error emit returns (a report that
// can no longer be written) stops the run: no more files are handed out,
// the workers finish the ones they hold, and the error is returned.
func scanEach(sc *redact.Scanner, ins []input, stdin io.Reader, maxSize int64, workers int, progress func(done, total int), emit func(scanned) error) error {
	if len(ins) == 0 {
		return nil
	}
	workers = max(1, min(workers, len(ins)))
	window := windowBatches * workers
	// Outcome i travels through slot i%len(slots). A batch is handed out
	// only while fewer than window batches have outcomes not yet emitted
	// (the tokens), and a batch has at most batchFiles inputs, so the
	// inputs under way never span more than len(slots): a slot never
	// holds two outcomes and a worker never waits to deliver one.
	slots := make([]chan scanned, min(window*batchFiles, len(ins)))
	for i := range slots {
		slots[i] = make(chan scanned, 1)
	}
	// ends[i]: input i is the last of its batch. Written before the batch
	// is handed out, read after its outcome arrives through its slot.
	ends := make([]bool, len(ins))
	tokens := make(chan struct{}, window)
	next := make(chan [2]int) // a batch: the inputs lo to hi-1
	stop := make(chan struct{})
	// On the way out, stop handing out files, then wait for the workers
	// to finish the ones they hold (their slots are free, see above), so
	// no scan outlives the call.
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	for range workers {
		wg.Go(func() {
			for b := range next {
				for k, o := range scanRange(sc, ins[b[0]:b[1]], stdin, maxSize) {
					slots[(b[0]+k)%len(slots)] <- o
				}
			}
		})
	}
	go func() {
		defer close(next)
		for lo := 0; lo < len(ins); {
			hi := batchEnd(ins, lo)
			ends[hi-1] = true
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- [2]int{lo, hi}:
			case <-stop:
				return
			}
			lo = hi
		}
	}()
	for i := range ins {
		if err := emit(<-slots[i%len(slots)]); err != nil {
			return err
		}
		if ends[i] {
			<-tokens
		}
		if progress != nil {
			progress(i+1, len(ins))
		}
	}
	return nil
}

// Small files are scanned in batches (redact.Scanner.ScanBatch): the rules
// then run over many files' texts in a row, their tables still in the
// processor's caches, which took a tenth to a quarter off the CPU time of
// a corpus of 3 KB stories (the more, the busier the machine's caches;
// batches of 16 files gained a little less, of 64 no more). A batch ends
// at batchFiles inputs or once its files hold batchBytes, so a large file
// is scanned alone, as before, and the files under way hold at most
// windowBatches*(batchBytes+maxSize) bytes per worker.
const (
	batchBytes    = 256 << 10
	windowBatches = 4
)

// batchFiles is a variable for the tests, which make the window of
// outcomes wrap with fewer inputs.
var batchFiles = 32

// batchEnd returns where the batch that starts at input lo ends. Sizes are
// those the file system gives now (standard input counts as full); a
// file that grows before it is read only makes its batch larger.
func batchEnd(ins []input, lo int) int {
	size := int64(0)
	hi := lo
	for hi < len(ins) && hi-lo < batchFiles && size < batchBytes {
		size += inputSize(ins[hi])
		hi++
	}
	return hi
}

// inputSize is how many bytes reading in would take, as far as known
// without reading it.
func inputSize(in input) int64 {
	switch {
	case in.Skip != "":
		return 0
	case in.Stdin:
		return batchBytes
	}
	st, err := os.Stat(in.Path)
	if err != nil {
		return 0 // reading it will say what is wrong
	}
	return st.Size()
}

// scanRange scans a batch of inputs and returns their outcomes, in order.
func scanRange(sc *redact.Scanner, ins []input, stdin io.Reader, maxSize int64) []scanned {
	out := make([]scanned, len(ins))
	var paths []string
	var srcs [][]byte
	var of []int // of[k]: the outcome of srcs[k]
	for i, in := range ins {
		out[i].In = in
		if in.Skip != "" {
			out[i].Skipped = in.Skip
			continue
		}
		src, err := readInput(in, stdin, maxSize)
		if err != nil {
			out[i].Err = err
			continue
		}
		paths, srcs, of = append(paths, in.Path), append(srcs, src), append(of, i)
	}
	results, errs := sc.ScanBatch(paths, srcs)
	for k, i := range of {
		out[i] = scannedAs(out[i], results[k], errs[k])
	}
	return out
}

// scannedAs completes the outcome s of an input with what scanning it
// returned.
func scannedAs(s scanned, res *redact.Result, err error) scanned {
	in := s.In
	if err != nil {
		// Binary files in a directory are not drafts; UTF-16 and UTF-32
		// ones are, so refusing them must fail the run, not pass it.
		if in.Walked && errors.Is(err, redact.ErrBinary) {
			s.Skipped = err.Error()
			return s
		}
		s.Err = fmt.Errorf("%s: %w", in.Path, err)
		return s
	}
	s.Result = res
	if h := res.Hazard; h != nil {
		s.Note = fmt.Sprintf("%d: %s; scanned as plain text", h.Line, h.Reason)
	}
	return s
}

func readInput(in input, stdin io.Reader, maxSize int64) ([]byte, error) {
	var r io.Reader
	if in.Stdin {
		r = stdin
	} else {
		f, err := openFile(in.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))
		}
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory", in.Path)
		}
		if st.Mode().IsRegular() && st.Size() > maxSize {
			// Refused before reading a byte.
			return nil, fmt.Errorf("%s: larger than the %s limit (%d bytes); raise --max-file-size to scan it", in.Path, byteCount(maxSize), st.Size())
		}
		r = f
	}
	// A file that grows while it is read is still cut off at the limit; one
	// that changes is scanned as read (docs/limits.md).
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%s: larger than the %s limit; raise --max-file-size to scan it", in.Path, byteCount(maxSize))
	}
	return data, nil
}

// byteCount writes a size for people, as an adjective: "900-byte",
// "16 MiB", "1.5 MiB".
func byteCount(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d-byte", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 3; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	return s + " " + []string{"KiB", "MiB", "GiB", "TiB"}[exp]
}

// newProgress returns a progress bar for long runs (200 files or more),
// drawn on standard error only when it is a terminal and not --quiet, at
// most ten times a second, and erased when the run ends so that the report
// and summary start on a clean line; nil when none is drawn.
func newProgress(ios *iostreams.IOStreams, quiet bool) *progress {
	if quiet || !ios.IsStderrTTY() {
		return nil
	}
	return &progress{w: ios.ErrOut, now: time.Now}
}

// progress draws the bar; see newProgress.
type progress struct {
	w     io.Writer
	now   func() time.Time
	last  time.Time
	drawn bool // the bar is on the screen
}

func (p *progress) update(done, total int) {
	const width = 30
	if total < 200 {
		return
	}
	if done == total {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
		return
	}
	if t := p.now(); t.Sub(p.last) >= 100*time.Millisecond {
		p.last = t
		fill := width * done / total
		bar := strings.Repeat("=", fill) + ">" + strings.Repeat(" ", width-fill)
		fmt.Fprintf(p.w, "\r[%s] %d/%d files %3d%%", bar[:width], done, total, 100*done/total)
		p.drawn = true
	}
}

// clear erases the bar, if drawn, until the next redraw.
func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// aboveProgress writes a report that streams to the terminal the bar is
// drawn on: each write first erases the bar, so report lines never start
// after it; it is drawn again below them at the next redraw.
type aboveProgress struct {
	w io.Writer
	p *progress
}

func (a aboveProgress) Write(b []byte) (int, error) {
	a.p.clear()
	return a.w.Write(b)
}
