package cli

import (
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/cmd/internal/build"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
)

func TestVersion(t *testing.T) {
	old := build.Version
	t.Cleanup(func() { build.Version = old })
	build.Version = "1.2.3" // as goreleaser's -ldflags -X sets it

	ios, _, out, errOut := iostreams.Test()
	if code := Main([]string{"version"}, ios); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "redact 1.2.3 (" + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if out.String() != want {
		t.Errorf("version = %q, want %q", out, want)
	}

	ios, _, out, _ = iostreams.Test()
	Main([]string{"version", "--licenses"}, ios)
	if !strings.Contains(out.String(), "GeoNames") {
		t.Errorf("--licenses output lacks the data sources: %q", out)
	}
}

func TestVersionFallback(t *testing.T) {
	old := build.Version
	t.Cleanup(func() { build.Version = old })
	build.Version = ""
	// A test binary has no module version: build info gives "(devel)", so
	// the fallback is "dev"; a go install build would give its tag.
	if got := build.String(); !regexp.MustCompile(`^(dev|v\d+\.\d+\.\d+\S*)$`).MatchString(got) {
		t.Errorf("build.String() = %q", got)
	}
}
