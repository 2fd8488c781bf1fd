package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	clock := time.Unix(0, 0)
	bar := (&progress{w: &b, now: func() time.Time { return clock }}).update
	for done := 1; done <= 400; done++ {
		clock = clock.Add(time.Millisecond) // 400 ms in all: four redraws
		bar(done, 400)
	}
	out := b.String()
	if n := strings.Count(out, "\r["); n != 4 {
		t.Errorf("%d redraws in 400 ms, want 4 (at most ten a second):\n%q", n, out)
	}
	if !strings.Contains(out, "\r[=======>                      ] 101/400 files  25%") {
		t.Errorf("no bar at a quarter:\n%q", out)
	}
	if !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("the bar is not erased at the end:\n%q", out)
	}

	b.Reset()
	bar = (&progress{w: &b, now: func() time.Time { return clock }}).update
	for done := 1; done <= 199; done++ {
		clock = clock.Add(time.Second)
		bar(done, 199)
	}
	if b.Len() > 0 {
		t.Errorf("a bar for a short run: %q", b.String())
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	if newProgress(ios, false) != nil {
		t.Error("progress on a stderr that is not a terminal")
	}
	ios.SetTTY(false, false, true)
	if newProgress(ios, true) != nil {
		t.Error("progress with --quiet")
	}
	if newProgress(ios, false) == nil {
		t.Error("no progress on a terminal")
	}
}
