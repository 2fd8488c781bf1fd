package rules

import "fmt"

// PackError is a problem in a rule pack, located by file, line and column and,
// where it concerns one rule, by the rule's ID. Callers match it with
// errors.As rather than by parsing the message.
type PackError struct {
	File   string
	Line   int // 1-based; 0 when unknown
	Col    int // 1-based; 0 when unknown
	RuleID string
	Msg    string
}

func (e *PackError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
	}
	if e.RuleID != "" {
		return fmt.Sprintf("%s: rule %s: %s", loc, e.RuleID, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// PackErrors is every problem found in one or more packs, in file order.
type PackErrors []*PackError

func (es PackErrors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	s := es[0].Error()
	for _, e := range es[1:] {
		s += "\n" + e.Error()
	}
	return s
}
