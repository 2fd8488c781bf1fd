// Command gencorpus writes the benchmark inputs for bench/run.sh: a corpus
// of clean stories made from the annotated fixtures with their marked names
// and places swapped for others from the built-in data (so every copy is a
// different text, not one file repeated), a single story of about 4 KB, and
// a place list for the grep baseline.
//
//	go run ./bench/gencorpus -out /tmp/corpus -mb 24 -places /tmp/places.txt -story /tmp/story.md
//
// The output depends only on the flags and the repository contents (fixed
// random seed), so runs on different machines scan the same bytes.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/redact/eval"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
}

func run() error {
	repo := flag.String("repo", ".", "repository root")
	out := flag.String("out", "", "directory to write the corpus into (created)")
	mb := flag.Float64("mb", 24, "corpus size in MB")
	places := flag.String("places", "", "write a place list for grep here")
	nplaces := flag.Int("nplaces", 150000, "number of places in the list (most populous first, ASCII only)")
	story := flag.String("story", "", "write one story of about 4 KB here")
	flag.Parse()

	drafts, err := loadDrafts(filepath.Join(*repo, "fixtures", "drafts"))
	if err != nil {
		return err
	}
	data := filepath.Join(*repo, "rules", "packs", "default", "data")
	given, err := column(filepath.Join(data, "given.tsv"))
	if err != nil {
		return err
	}
	surnames, err := column(filepath.Join(data, "surnames.tsv"))
	if err != nil {
		return err
	}
	pl, err := placesByPopulation(filepath.Join(data, "places.tsv"))
	if err != nil {
		return err
	}
	if *places != "" {
		// ASCII names only: GNU grep -F -w slows down by orders of
		// magnitude in a UTF-8 locale when a few hundred patterns hold
		// other scripts, which would flatter redact.
		var list []string
		for _, p := range pl {
			if len(list) == *nplaces {
				break
			}
			if isASCII(p) {
				list = append(list, p)
			}
		}
		if err := os.WriteFile(*places, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	g := &generator{given: given, surnames: surnames, places: pl[:min(20000, len(pl))], rng: rand.New(rand.NewPCG(1, 2))}
	if *story != "" {
		if err := os.WriteFile(*story, g.story(drafts, 4096), 0o644); err != nil {
			return err
		}
	}
	if *out == "" {
		return nil
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	total, limit := 0, int(*mb*1e6)
	for i := 0; total < limit; i++ {
		d := drafts[i%len(drafts)]
		// 200 stories a directory, as an archive of stories would be laid out.
		dir := filepath.Join(*out, fmt.Sprintf("%03d", i/200))
		if i%200 == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		b := g.vary(d)
		name := filepath.Join(dir, fmt.Sprintf("%05d-%s.md", i, d.name))
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return err
		}
		total += len(b)
	}
	return nil
}

type draft struct {
	name  string
	clean []byte
	spans []eval.Span
}

func loadDrafts(dir string) ([]draft, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.ann.md"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no annotated drafts in %s", dir)
	}
	slices.Sort(paths)
	var out []draft
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		clean, spans, err := eval.Strip(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, draft{name: strings.TrimSuffix(filepath.Base(p), ".ann.md"), clean: clean, spans: spans})
	}
	return out, nil
}

// column reads the first column of a generated data file, title-cased.
func column(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, _, _ := strings.Cut(sc.Text(), "\t")
		if k != "" && !strings.HasPrefix(k, "#") {
			out = append(out, title(k))
		}
	}
	return out, sc.Err()
}

// placesByPopulation returns the gazetteer's names, title-cased, most
// populous first (ties by name), without duplicates.
func placesByPopulation(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type place struct {
		name string
		pop  int
	}
	var ps []place
	for _, ln := range strings.Split(string(b), "\n") {
		f := strings.Split(ln, "\t")
		if len(f) < 4 || f[0] == "" {
			continue
		}
		pop, _ := strconv.Atoi(f[3])
		ps = append(ps, place{title(f[0]), pop})
	}
	slices.SortFunc(ps, func(a, b place) int {
		return cmp.Or(cmp.Compare(b.pop, a.pop), strings.Compare(a.name, b.name))
	})
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		if !seen[p.name] {
			seen[p.name] = true
			out = append(out, p.name)
		}
	}
	return out, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func title(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

type generator struct {
	given, surnames, places []string
	rng                     *rand.Rand
}

func (g *generator) pick(l []string) string { return l[g.rng.IntN(len(l))] }

// vary returns the clean draft with each marked name and location replaced
// by a random one of the same length in words.
func (g *generator) vary(d draft) []byte {
	var b bytes.Buffer
	pos := 0
	for _, s := range d.spans {
		b.Write(d.clean[pos:s.Start])
		pos = s.End
		switch s.Category {
		case "name":
			if len(strings.Fields(s.Text)) > 1 {
				b.WriteString(g.pick(g.given) + " " + g.pick(g.surnames))
			} else {
				b.WriteString(g.pick(g.given))
			}
		case "location":
			b.WriteString(g.pick(g.places))
		default:
			b.WriteString(s.Text)
		}
	}
	b.Write(d.clean[pos:])
	return b.Bytes()
}

// story joins varied drafts until about size bytes, cut at a paragraph.
func (g *generator) story(drafts []draft, size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		b.Write(g.vary(drafts[i%len(drafts)]))
		b.WriteString("\n")
	}
	out := b.Bytes()
	if i := bytes.LastIndex(out[:size], []byte("\n\n")); i > size/2 {
		out = out[:i+1]
	}
	return out
}
