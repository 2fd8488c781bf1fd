package redact

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr when it is first used. The regexps that plans
// use (dates, places, YAML values, placeholders' numbers) are not needed
// by a scan; compiling them when the package initialised was half a
// millisecond of every start. TestLazyRegexps compiles each one.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
