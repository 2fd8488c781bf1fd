// Package build reports the version of this binary.
package build

import "runtime/debug"

// Version is set by goreleaser: -X github.com/rescue-stories/redact/cmd/internal/build.Version={{.Version}}.
var Version = ""

// String returns the version, falling back to the module version recorded
// by `go install` and to "dev" for a plain build.
func String() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
