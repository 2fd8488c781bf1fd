package rules

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what a pack may ask for. Packs come from other teams, so a pack
// must not be able to stall the scan of every draft or exhaust memory. The
// built-in pack uses a small fraction of each (its largest pattern compiles
// to under 8,000 instructions). docs/limits.md lists them.
const (
	// MaxPatternLen bounds the text of one regular expression.
	MaxPatternLen = 32 << 10
	// MaxPatternInsts bounds the compiled size of one regular expression.
	// Go's regexp (RE2) matches in time proportional to the text times the
	// program, so a pattern of a hundred thousand alternatives, which RE2
	// itself accepts, would make every scan crawl. Long lists of words
	// belong in a terms rule, which is matched by lookup.
	MaxPatternInsts = 50_000
	// MaxDataFileSize bounds one data file (terms_file and the like).
	MaxDataFileSize = 64 << 20
	// MaxRules bounds the rules of one pack. Every rule runs over every
	// segment of every draft, and a 4 MiB pack holds 50,000 one-line
	// rules; the built-in pack has about 30.
	MaxRules = 1000
)

// checkRuleCount refuses a pack with more than MaxRules rules as soon as its
// YAML is read, before the rules are checked, decoded or compiled, at the
// position of its rules list.
func checkRuleCount(file string, root *yaml.Node) *PackError {
	n := len(ruleNodes(root))
	if n <= MaxRules {
		return nil
	}
	l, col := fieldPos(root, "rules")
	return &PackError{File: file, Line: l, Col: col,
		Msg: fmt.Sprintf("pack has %d rules; the limit is %d (put long word lists in a terms rule)", n, MaxRules)}
}

// checkProgram refuses a parsed pattern whose program would be larger than
// MaxPatternInsts. Compiling it to count (Simplify expands counted
// repetitions) costs as much as parsing it again, so a bound read off the
// tree answers for every pattern well within the limit, and only one near
// it or over it is compiled to give the exact count.
func checkProgram(tree *syntax.Regexp) error {
	if instBound(tree) <= MaxPatternInsts {
		return nil
	}
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil {
		return nil
	}
	if n := len(prog.Inst); n > MaxPatternInsts {
		return fmt.Errorf("pattern compiles to %d instructions; the limit is %d (put long word lists in a terms rule)", n, MaxPatternInsts)
	}
	return nil
}

// instBound is at least len(syntax.Compile(re.Simplify()).Inst): the
// program has one instruction per rune of a literal, per class, per
// assertion and per empty match, one or two per repetition operator, two
// per capture and one per alternative after the first, plus a fail and a
// match instruction; Simplify writes x{n,m} as n copies of x and m-n nested
// optional copies. Counts saturate well above the limit.
func instBound(re *syntax.Regexp) int {
	return min(instSize(re), maxBound) + 2
}

const maxBound = 1 << 40

func instSize(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpNoMatch:
		return 0
	case syntax.OpLiteral:
		return max(len(re.Rune), 1)
	case syntax.OpCapture:
		return instSize(re.Sub[0]) + 2
	case syntax.OpStar:
		return instSize(re.Sub[0]) + 2
	case syntax.OpPlus, syntax.OpQuest:
		return instSize(re.Sub[0]) + 1
	case syntax.OpRepeat:
		sub := instSize(re.Sub[0])
		n := max(re.Min, re.Max, 1)
		return min(n*sub, maxBound) + n + 2
	case syntax.OpConcat, syntax.OpAlternate:
		n := len(re.Sub) + 1
		for _, s := range re.Sub {
			n = min(n+instSize(s), maxBound)
		}
		return n
	}
	// Classes, any character, assertions, the empty match.
	return 1
}

// shorten cuts s for an error message: a message that repeats a 30 kB
// pattern helps nobody.
func shorten(s string) string {
	const max = 120
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// errLeavesDir is returned by packDir for a path that a symbolic link takes
// out of the pack's directory.
var errLeavesDir = errors.New("leaves the pack's directory through a symbolic link")

// packDir is os.DirFS for a pack's directory, except that no path, through
// symbolic links included, can lead out of it: data files are opened with
// os.OpenInRoot, and a link that points outside gets errLeavesDir.
type packDir string

func (d packDir) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := filepath.Join(string(d), filepath.FromSlash(name))
	if real, err := filepath.EvalSymlinks(full); err == nil {
		top, err := filepath.EvalSymlinks(string(d))
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		if rel, err := filepath.Rel(top, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errLeavesDir}
		}
	}
	// The check above gives the clear message; OpenInRoot is what holds
	// if the directory changes in between.
	f, err := os.OpenInRoot(string(d), filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	return f, nil
}

// readPackFile reads a pack from the OS, refusing one over MaxPackSize
// before reading it.
func readPackFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxPackSize {
		return nil, PackErrors{tooBig(name, st.Size())}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxPackSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxPackSize {
		return nil, PackErrors{{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("pack is larger than the limit of %d bytes", MaxPackSize)}}
	}
	return data, nil
}

func tooBig(name string, size int64) *PackError {
	return &PackError{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("pack is %d bytes; the limit is %d", size, MaxPackSize)}
}

// limitError is a limit a pack went over; its message is complete.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// readDataFile reads the data file at p in fsys (name as the pack gives
// it), refusing one over MaxDataFileSize, by its size before reading or, for
// a file that is not regular or grows, while reading.
func readDataFile(fsys fs.FS, p, name string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	big := func(size string) error {
		return &limitError{fmt.Sprintf("data file %q is %s bytes; the limit is %d", name, size, MaxDataFileSize)}
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if st.Size() > MaxDataFileSize {
			return nil, big(fmt.Sprint(st.Size()))
		}
		// Read into a buffer of the right size at once: growing one for
		// the 6.5 MB gazetteer cost a fifth of start-up.
		data := make([]byte, st.Size())
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, err
		}
		one := make([]byte, 1)
		if n, _ := f.Read(one); n == 0 {
			return data, nil
		}
		// The file grew while it was read: read the rest, bounded.
		rest, err := io.ReadAll(io.LimitReader(f, MaxDataFileSize-st.Size()))
		if err != nil {
			return nil, err
		}
		data = append(append(data, one[0]), rest...)
		if len(data) > MaxDataFileSize {
			return nil, big("over " + fmt.Sprint(MaxDataFileSize))
		}
		return data, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxDataFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxDataFileSize {
		return nil, big("over " + fmt.Sprint(MaxDataFileSize))
	}
	return data, nil
}
