package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Categories are the kinds of sensitive detail the publication policy names.
var Categories = []string{"name", "location", "date", "operational", "identifier"}

// Severity says what a finding does to the gate and to apply.
type Severity string

const (
	// Block findings fail the gate and are replaced by apply.
	Block Severity = "block"
	// Review findings are judgement calls: shown and counted, but replaced
	// only when asked (apply --all or the rule's auto_apply).
	Review Severity = "review"
)

// Kinds of rule. Each kind has its own file (kind_*.go).
const (
	KindTerms   = "terms"
	KindPattern = "pattern"
	KindContext = "context"
	KindProper  = "proper"
	KindHashed  = "hashed"
	// KindClassifier scores sentences with a trained model (kind_classifier.go).
	KindClassifier = "classifier"
)

// The raw* types mirror the YAML schema one to one; docs/rule-packs.md and
// docs/pack.schema.json describe the same fields.
type rawPack struct {
	Pack        string    `yaml:"pack"`
	Version     string    `yaml:"version"`
	Description string    `yaml:"description"`
	Allow       *rawAllow `yaml:"allow"`
	Rules       []rawRule `yaml:"rules"`
	// Composition (compose.go): packs to build on, rules to drop or change.
	Extends  []string               `yaml:"extends"`
	Disable  []string               `yaml:"disable"`
	Override map[string]rawOverride `yaml:"override"`
	// Salt keys the HMAC of hashed rules (kind_hashed.go).
	Salt string `yaml:"salt"`
	// Tests are annotated drafts (globs relative to the pack) for `rules test`.
	Tests []string `yaml:"tests"`
	Lint  *rawLint `yaml:"lint"`
}

// rawOverride changes a rule of an extended pack; empty fields keep the
// rule's own value.
type rawOverride struct {
	Severity   string       `yaml:"severity"`
	Message    string       `yaml:"message"`
	Replace    string       `yaml:"replace"`
	Scope      []string     `yaml:"scope"`
	Likelihood string       `yaml:"likelihood"`
	AutoApply  *bool        `yaml:"auto_apply"`
	Generalize string       `yaml:"generalize"`
	Widen      string       `yaml:"widen"`
	Context    []rawContext `yaml:"context"`
	Allow      *rawAllow    `yaml:"allow"`
}

// rawLint silences named `rules lint` checks that a rule trips on purpose.
type rawLint struct {
	Ignore []string `yaml:"ignore"`
}

type rawAllow struct {
	Terms      []string `yaml:"terms"`
	TermsFile  string   `yaml:"terms_file"`
	Patterns   []string `yaml:"patterns"`
	Pseudonyms bool     `yaml:"pseudonyms"`
}

type rawRule struct {
	ID          string       `yaml:"id"`
	Category    string       `yaml:"category"`
	Severity    string       `yaml:"severity"`
	Message     string       `yaml:"message"`
	Replace     string       `yaml:"replace"`
	Kind        string       `yaml:"kind"`
	Description string       `yaml:"description"`
	Scope       []string     `yaml:"scope"`
	Likelihood  string       `yaml:"likelihood"`
	AutoApply   bool         `yaml:"auto_apply"`
	Generalize  string       `yaml:"generalize"`
	Widen       string       `yaml:"widen"`
	Terms       []string     `yaml:"terms"`
	TermsFile   string       `yaml:"terms_file"`
	Case        bool         `yaml:"case_sensitive"`
	Accents     bool         `yaml:"accent_sensitive"`
	Capitalized bool         `yaml:"capitalized"`
	Hyphens     bool         `yaml:"hyphens"`
	Pattern     string       `yaml:"pattern"`
	Patterns    []string     `yaml:"patterns"`
	Group       int          `yaml:"group"`
	IgnoreCase  bool         `yaml:"ignore_case"`
	Keywords    []string     `yaml:"keywords"`
	Cues        *rawCues     `yaml:"cues"`
	Target      string       `yaml:"target"`
	MaxWords    int          `yaml:"max_words"`
	Ordinary    string       `yaml:"ordinary_words"`
	IncludeCue  bool         `yaml:"include_cue"`
	Proper      *rawProper   `yaml:"proper"`
	Context     []rawContext `yaml:"context"`
	Allow       *rawAllow    `yaml:"allow"`
	Examples    *rawExamples `yaml:"examples"`
	Hashes      []string     `yaml:"hashes"`
	HashesFile  string       `yaml:"hashes_file"`
	ModelFile   string       `yaml:"model_file"`
	Threshold   *float64     `yaml:"threshold"`
	Lint        *rawLint     `yaml:"lint"`
}

type rawCues struct {
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
}

type rawContext struct {
	Words    []string `yaml:"words"`
	Patterns []string `yaml:"patterns"`
	Before   int      `yaml:"before"`
	After    int      `yaml:"after"`
	Within   bool     `yaml:"within"`
	Effect   string   `yaml:"effect"`
}

type rawProper struct {
	Names       []string `yaml:"names"`
	Places      []string `yaml:"places"`
	Words       string   `yaml:"words"`
	Honorifics  []string `yaml:"honorifics"`
	Connectors  []string `yaml:"connectors"`
	Venues      []string `yaml:"venues"`
	PlaceCues   []string `yaml:"place_cues"`
	NameCues    []string `yaml:"name_cues"`
	NameAfter   []string `yaml:"name_after"`
	Common      []string `yaml:"common"`
	CommonFile  string   `yaml:"common_file"`
	Unknown     string   `yaml:"unknown"`
	MinPlacePop int      `yaml:"min_place_population"`
}

type rawExamples struct {
	Flag  []string `yaml:"flag"`
	Allow []string `yaml:"allow"`
}

// decodePack parses YAML strictly: unknown keys are errors that point at the
// key (yaml.Node.Decode does not honour KnownFields, go-yaml#460, so keys are
// checked by hand against the struct tags).
func decodePack(name string, data []byte) (*rawPack, *yaml.Node, PackErrors) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, PackErrors{{File: name, Line: 1, Col: 1, Msg: "empty rule pack"}}
		}
		e := yamlError(name, err)
		if e.Line == 0 {
			// Some YAML errors carry no line: those about the end of the
			// input belong on the last line, the rest at the start.
			e.Line, e.Col = 1, 1
			if strings.Contains(e.Msg, "end of stream") {
				e.Line = bytes.Count(data, []byte("\n")) + 1
			}
		}
		return nil, nil, PackErrors{e}
	}
	if len(doc.Content) == 0 {
		return nil, nil, PackErrors{{File: name, Line: 1, Col: 1, Msg: "empty rule pack"}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, PackErrors{{File: name, Line: root.Line, Col: root.Column, Msg: "a rule pack must be a mapping with keys pack, rules, ..."}}
	}
	if err := checkRuleCount(name, root); err != nil {
		return nil, nil, PackErrors{err}
	}
	var errs PackErrors
	packName := ""
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "pack" {
			packName = root.Content[i+1].Value
		}
	}
	checkKeys(name, root, reflect.TypeOf(rawPack{}), packName, "", &errs)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	var rp rawPack
	if err := root.Decode(&rp); err != nil {
		return nil, nil, PackErrors{yamlError(name, err)}
	}
	return &rp, root, nil
}

func yamlError(name string, err error) *PackError {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 1 {
		// One line per mismatch runs to thousands through aliases (an alias
		// bomb); the first, with a count, says enough.
		pe := yamlError(name, errors.New(te.Errors[0]))
		pe.Msg += fmt.Sprintf(" (and %d more like it)", len(te.Errors)-1)
		return pe
	}
	msg := err.Error()
	line := 0
	// yaml.v3 errors read "yaml: line N: message".
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d:", &line)
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[i+j+2:]
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	col := 0
	if line > 0 {
		col = 1
	}
	return &PackError{File: name, Line: line, Col: col, Msg: msg}
}

// checkKeys walks a mapping node and reports keys that the struct type does
// not have, recursing into nested structs and slices of structs.
func checkKeys(file string, n *yaml.Node, t reflect.Type, pack, ruleID string, errs *PackErrors) {
	if n.Kind != yaml.MappingNode {
		return
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		fields[tag] = f.Type
	}
	if t == reflect.TypeOf(rawRule{}) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" {
				ruleID = pack + "." + n.Content[i+1].Value
			}
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			*errs = append(*errs, &PackError{File: file, Line: k.Line, Col: k.Column, RuleID: ruleID,
				Msg: fmt.Sprintf("unknown field %q%s", k.Value, suggest(k.Value, fields))})
			continue
		}
		if seen[k.Value] {
			*errs = append(*errs, &PackError{File: file, Line: k.Line, Col: k.Column, RuleID: ruleID,
				Msg: fmt.Sprintf("field %q given twice", k.Value)})
		}
		seen[k.Value] = true
		if ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct && v.Kind == yaml.MappingNode {
			// override: {rule-id: {...}}: check each entry, named by its key.
			for j := 0; j+1 < len(v.Content); j += 2 {
				checkKeys(file, v.Content[j+1], ft.Elem(), pack, v.Content[j].Value, errs)
			}
			continue
		}
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
			if v.Kind == yaml.SequenceNode && ft.Kind() == reflect.Struct {
				for _, item := range v.Content {
					checkKeys(file, item, ft, pack, ruleID, errs)
				}
				v = nil
				break
			}
		}
		if v != nil && ft.Kind() == reflect.Struct {
			checkKeys(file, v, ft, pack, ruleID, errs)
		}
	}
}

// suggest names the closest known key, for typos like "patern".
func suggest(key string, fields map[string]reflect.Type) string {
	best, bestD := "", 3
	for f := range fields {
		if d := editDistance(key, f); d < bestD || (d == bestD && f < best) {
			best, bestD = f, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ruleNodes returns the mapping node of each rule, for error positions.
func ruleNodes(root *yaml.Node) []*yaml.Node {
	if root == nil {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "rules" && root.Content[i+1].Kind == yaml.SequenceNode {
			return root.Content[i+1].Content
		}
	}
	return nil
}

// fieldPos returns the position of a key's value in a mapping node, or of the
// node itself when the key is absent.
func fieldPos(n *yaml.Node, key string) (int, int) {
	if n == nil {
		return 0, 0
	}
	if v := mapValue(n, key); v != nil {
		return v.Line, v.Column
	}
	return n.Line, n.Column
}

// mapValue returns the value under key in mapping n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; n != nil && i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
