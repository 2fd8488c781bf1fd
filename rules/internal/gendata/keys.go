package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/rescue-stories/redact/rules/fold"
)

// maxWords is the longest n-gram the scanner looks up.
const maxWords = 4

// latinOnly reports whether every letter of s is in the Latin script.
// Letters with diacritics ("é", "ş", "ə") are Latin; Cyrillic, Greek, Arabic,
// CJK and so on are not.
func latinOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// makeKey returns the lookup key of a name and whether it may be stored:
// the name is in Latin script, its key has 1..words words and at least two
// letters.
func makeKey(name string, words int) (string, bool) {
	if !latinOnly(name) {
		return "", false
	}
	k := fold.Key(name)
	if k == "" || strings.Count(k, " ")+1 > words {
		return "", false
	}
	letters := 0
	for _, r := range k {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return k, letters >= 2
}

// set is a set of keys.
type set map[string]struct{}

func (s set) add(k string)      { s[k] = struct{}{} }
func (s set) has(k string) bool { _, ok := s[k]; return ok }
func (s set) sorted() []string  { return sortedKeys(s) }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out) // bytewise, the order the runtime binary-searches in
	return out
}

// allWords reports whether every word of key is in words.
func allWords(key string, words set) bool {
	for _, w := range strings.Split(key, " ") {
		if !words.has(w) {
			return false
		}
	}
	return true
}
