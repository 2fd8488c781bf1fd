package rules

import _ "embed"

// schemaJSON is the JSON Schema of the pack format. docs/pack.schema.json is
// the same file, for editors (the VS Code YAML extension reads it from a
// `# yaml-language-server: $schema=...` comment); a test keeps the two
// identical and checks that every key of the raw* structs is in it.
//
//go:embed pack.schema.json
var schemaJSON []byte

// Schema returns the JSON Schema of the rule pack format.
func Schema() []byte { return append([]byte(nil), schemaJSON...) }
