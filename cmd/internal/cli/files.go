package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/rescue-stories/redact/redact"
)

// MaxFileSize bounds one input file; larger files are refused with a clear
// error rather than read into memory (override with --max-file-size).
const MaxFileSize = 64 << 20

// input is one file to scan.
type input struct {
	Path  string // as shown to the user
	Stdin bool
	// Walked is set for files found in a directory: binary files among
	// them are skipped with a note instead of failing the run.
	Walked bool
}

// collectInputs expands the arguments: files as given, directories walked
// for files matching include and not exclude, "-" for standard input.
// Symbolic links inside a directory are not followed.
func collectInputs(args []string, include, exclude []string) ([]input, []error) {
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
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
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
				if p != a && (strings.HasPrefix(d.Name(), ".") || matchAny(exclude, rel, d.Name())) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
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
		out = append(out, found...)
	}
	return out, errs
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
}

// scanAll reads and scans inputs with a bounded pool of workers and returns
// the outcomes in input order, so output is identical to a sequential run.
func scanAll(sc *redact.Scanner, ins []input, stdin io.Reader, maxSize int64, progress func(done, total int)) []scanned {
	out := make([]scanned, len(ins))
	workers := min(runtime.GOMAXPROCS(0), len(ins))
	var wg sync.WaitGroup
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = scanOne(sc, ins[i], stdin, maxSize)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(ins))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range ins {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func scanOne(sc *redact.Scanner, in input, stdin io.Reader, maxSize int64) scanned {
	s := scanned{In: in}
	src, err := readInput(in, stdin, maxSize)
	if err != nil {
		s.Err = err
		return s
	}
	res, err := sc.Scan(in.Path, src)
	if err != nil {
		if in.Walked && (errors.Is(err, redact.ErrBinary) || errors.Is(err, redact.ErrUTF16)) {
			s.Skipped = err.Error()
			return s
		}
		s.Err = fmt.Errorf("%s: %w", in.Path, err)
		return s
	}
	s.Result = res
	return s
}

func readInput(in input, stdin io.Reader, maxSize int64) ([]byte, error) {
	var r io.Reader
	if in.Stdin {
		r = stdin
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory", in.Path)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Path, unwrapPathError(err))
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%s: larger than the %d MB limit (--max-file-size)", in.Path, maxSize>>20)
	}
	return data, nil
}
