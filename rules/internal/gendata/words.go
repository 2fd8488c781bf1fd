package main

import (
	"bufio"
	"bytes"
	"strings"
	"unicode"
)

type wordStats struct{ lines, proper, possessive, skipped int }

// readWords adds the ordinary English words of a /usr/share/dict list to
// words. Entries with a capital letter are proper nouns ("Hope" the town,
// "Grace" the name) and possessives ("hope's") add nothing, so both are
// skipped; the rest are folded ("café" → "cafe").
func readWords(data []byte, words set, st *wordStats) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			continue
		}
		st.lines++
		if strings.IndexFunc(s, unicode.IsUpper) >= 0 {
			st.proper++
			continue
		}
		if strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") {
			st.possessive++
			continue
		}
		k, ok := makeKey(s, 1)
		if !ok {
			st.skipped++
			continue
		}
		words.add(k)
	}
	return sc.Err()
}

func linesFile(keys set) []byte {
	var b bytes.Buffer
	for _, k := range keys.sorted() {
		b.WriteString(k)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
