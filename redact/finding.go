package redact

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// Finding is one sensitive detail: which rule found it, where, and what would
// replace it.
type Finding struct {
	Rule        string
	Pack        string
	Category    string
	Severity    rules.Severity
	Span        Span
	Pos         Pos
	Text        string
	Replacement string
	Message     string
	// Country is the ISO code of a matched place, when the gazetteer knows it.
	Country string
	// Why explains the match, for `redact explain`.
	Why string
	// Scope is the part of the document (paragraph, heading, link.url...).
	Scope string

	// loose is the rule of a finding that covers a whole sentence: the
	// classifier that flagged it, or a rule that widens its matches to
	// their sentence. firm are the spans inside it that rules matched
	// (merge.go).
	loose *rules.Rule
	firm  []Span
}

// Key is the finding's text folded, for allow lists and entity grouping.
func (f Finding) Key() string { return fold.Key(f.Text) }

// Fingerprint identifies a finding by content, not position: a suppression
// bound to it survives edits elsewhere in the file, and it never reveals the
// text it stands for.
func (f Finding) Fingerprint() string {
	h := sha256.Sum256([]byte(f.Rule + "\x00" + f.Category + "\x00" + f.Key()))
	return hex.EncodeToString(h[:8])
}
