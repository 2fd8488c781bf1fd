package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestMarshalIndent(t *testing.T) {
	values := []any{
		nil, 1.5, "a\"b\\c", []int{}, map[string]any{}, []any{[]any{}, map[string]any{"": []int{}}},
		map[string]any{"k": "v: {x}, [y]", "n": []any{1, "two", nil, true, map[string]any{"z": "\u2028<&>\xff"}}},
		struct {
			A string   `json:"a"`
			B []string `json:"b,omitempty"`
			C any      `json:"c"`
		}{A: `q"\"`, C: map[string]int{"x": 1}},
	}
	for _, v := range values {
		for _, prefix := range []string{"", "    "} {
			want, err := json.MarshalIndent(v, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			got, err := marshalIndent(v, prefix)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%#v, prefix %q:\ngot  %s\nwant %s", v, prefix, got, want)
			}
		}
	}
}

// FuzzAppendIndent compares appendIndent with json.Indent on every JSON
// document json.Marshal can produce from a decoded fuzz input.
func FuzzAppendIndent(f *testing.F) {
	f.Add(`{"a":[1,{},[]],"b":"x\"y\\","c":{"d":null}}`, "  ")
	f.Add(`["",[[]],{"":{}}]`, "")
	f.Fuzz(func(t *testing.T, doc, prefix string) {
		var v any
		if json.Unmarshal([]byte(doc), &v) != nil {
			return
		}
		src, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, src, prefix, "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndent(nil, src, prefix); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%s:\ngot  %s\nwant %s", src, got, want.Bytes())
		}
	})
}
