package rules

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

var updateSchema = flag.Bool("update-schema", false, "copy rules/pack.schema.json to docs/pack.schema.json")

const docsSchema = "../docs/pack.schema.json"

// docs/pack.schema.json is what editors read; it must be the embedded one.
func TestSchemaDocsCopy(t *testing.T) {
	if *updateSchema {
		if err := os.WriteFile(docsSchema, schemaJSON, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := os.ReadFile(docsSchema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(docs, schemaJSON) {
		t.Errorf("%s differs from rules/pack.schema.json; run go test ./rules -run SchemaDocs -update-schema", docsSchema)
	}
}

// Every YAML key of the raw structs is in the schema and every property of
// the schema is a key the parser knows, so the two stay in step.
func TestSchemaKeysMatchStructs(t *testing.T) {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemaJSON, &schema); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	for typ, props := range map[reflect.Type][]string{
		reflect.TypeOf(rawPack{}):     keys(schema.Properties),
		reflect.TypeOf(rawRule{}):     keys(schema.Defs["rule"].Properties),
		reflect.TypeOf(rawAllow{}):    keys(schema.Defs["allow"].Properties),
		reflect.TypeOf(rawCues{}):     keys(schema.Defs["cues"].Properties),
		reflect.TypeOf(rawContext{}):  keys(schema.Defs["context"].Properties),
		reflect.TypeOf(rawProper{}):   keys(schema.Defs["proper"].Properties),
		reflect.TypeOf(rawExamples{}): keys(schema.Defs["examples"].Properties),
		reflect.TypeOf(rawOverride{}): keys(schema.Defs["override"].Properties),
		reflect.TypeOf(rawLint{}):     keys(schema.Defs["lint"].Properties),
	} {
		var tags []string
		for i := 0; i < typ.NumField(); i++ {
			tags = append(tags, strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0])
		}
		sort.Strings(tags)
		if !slices.Equal(tags, props) {
			t.Errorf("%s: yaml keys %v\nschema properties %v", typ.Name(), tags, props)
		}
	}
	// The struct types the test knows are all the raw types there are.
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			walk(t.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(rawPack{}))
	if len(seen) != 9 {
		t.Errorf("%d raw struct types reachable from rawPack; add the new one to this test and to the schema", len(seen))
	}
	// The lint checks the schema lists are the ones lint knows.
	var lint struct {
		Defs map[string]struct {
			Properties struct {
				Ignore struct {
					Items struct {
						Enum []string `json:"enum"`
					} `json:"items"`
				} `json:"ignore"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	json.Unmarshal(schemaJSON, &lint)
	if got := lint.Defs["lint"].Properties.Ignore.Items.Enum; !slices.Equal(got, LintChecks) {
		t.Errorf("schema lint checks %v, want %v", got, LintChecks)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	const id = "https://github.com/rescue-stories/redact/raw/main/docs/pack.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateYAML(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(inst)
}

// The schema accepts every pack the parser accepts (so editors never mark
// a good pack red) and rejects the mistakes the parser rejects by shape.
func TestSchemaValidatesPacks(t *testing.T) {
	s := compileSchema(t)
	names, files := builtinYAML(t)
	for i, data := range files {
		if err := validateYAML(t, s, data); err != nil {
			t.Errorf("built-in %s: %v", names[i], err)
		}
	}
	local, _ := filepath.Glob("testdata/*/*.yaml")
	more, _ := filepath.Glob("testdata/*/*/*.yaml")
	n := 0
	for _, p := range append(local, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(os.DirFS(filepath.Dir(p)), filepath.Base(p), data); err != nil {
			continue // invalid packs are checked below
		}
		n++
		if err := validateYAML(t, s, data); err != nil {
			t.Errorf("%s parses but fails the schema: %v", p, err)
		}
	}
	if n < 10 {
		t.Errorf("only %d valid test packs", n)
	}
	for _, name := range []string{"unknown-key.yaml", "bad-category.yaml", "missing-kind.yaml", "bad-effect.yaml"} {
		data, err := os.ReadFile("testdata/invalid/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if validateYAML(t, s, data) == nil {
			t.Errorf("schema accepts invalid %s", name)
		}
	}
	for _, bad := range []string{
		"pack: p\nrules:\n  - {id: a, category: name, kind: hashed, hashes: [abc]}\n",
		"pack: p\nrules:\n  - {id: a, category: name, kind: hashed, hashes_file: x, terms: [Ana]}\n",
		"pack: p\noverride:\n  default.x: {severity: loud}\n",
		"pack: p\nlint: {ignore: [everything]}\n",
	} {
		if validateYAML(t, s, []byte(bad)) == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
}
