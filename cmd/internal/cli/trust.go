package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/signoff"
	"github.com/rescue-stories/redact/rules"
)

// trust is what signoff and verify share: where the repository and its
// records are, and whom to trust.
type trust struct {
	// Root is the absolute, symlink-free repository root: the directory of
	// .redact.toml, else the top of the git work tree, else the working
	// directory. Records and content paths are relative to it.
	Root string
	// RecordsDir is the records directory relative to Root (slash form).
	RecordsDir string
	// Allowed is nil when no allowed_signers file is configured.
	Allowed     *signoff.AllowedSigners
	AllowedPath string // as given, for messages
	Revoked     *signoff.RevokedKeys
	RevokedPath string
}

// newTrust resolves the repository root and the records directory.
func newTrust(f *Factory, cfg *Config) (*trust, error) {
	root, err := repoRoot(f, cfg)
	if err != nil {
		return nil, err
	}
	t := &trust{Root: root, RecordsDir: signoff.Dir}
	if d := cfg.Signoff.Dir; d != "" {
		d = filepath.ToSlash(filepath.Clean(d))
		if err := signoff.CheckPath(d); err != nil {
			return nil, fmt.Errorf("%s: [signoff] dir: %v", cfg.Path, err)
		}
		t.RecordsDir = d
	}
	return t, nil
}

// loadTrust is newTrust plus the allowed signers and revoked keys files,
// from the flags (relative to the working directory) or from [signoff] in
// .redact.toml (relative to that file). A file that is named but
// unreadable or malformed is an error: a gate must never run with less
// trust data than it was told to use.
func loadTrust(f *Factory, cfg *Config, allowedFlag, revokedFlag string) (*trust, error) {
	t, err := newTrust(f, cfg)
	if err != nil {
		return nil, err
	}
	t.AllowedPath = displayPath(configPath(cfg, allowedFlag, cfg.Signoff.AllowedSigners))
	if t.AllowedPath != "" {
		if t.Allowed, err = signoff.LoadAllowedSigners(t.AllowedPath); err != nil {
			return nil, fmt.Errorf("allowed signers: %w", unwrapPathErrorKeepName(err, t.AllowedPath))
		}
	}
	t.RevokedPath = displayPath(configPath(cfg, revokedFlag, cfg.Signoff.RevokedKeys))
	if t.RevokedPath != "" {
		if t.Revoked, err = signoff.LoadRevokedKeys(t.RevokedPath); err != nil {
			return nil, fmt.Errorf("revoked keys: %w", unwrapPathErrorKeepName(err, t.RevokedPath))
		}
	}
	return t, nil
}

// configPath picks a flag value over a configured one; the configured one
// is relative to the configuration file.
func configPath(cfg *Config, flag, configured string) string {
	if flag != "" {
		return flag
	}
	if configured == "" {
		return ""
	}
	if !filepath.IsAbs(configured) && cfg.Dir != "" {
		return filepath.Join(cfg.Dir, configured)
	}
	return configured
}

// displayPath shortens an absolute path to one relative to the working
// directory when it lies below it, for messages that name the file.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}

// unwrapPathErrorKeepName turns "open x: no such file" into "x: no such
// file" and leaves parse errors (which already name the file) alone.
func unwrapPathErrorKeepName(err error, name string) error {
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	return err
}

// repoRoot returns the absolute, symlink-free repository root.
func repoRoot(f *Factory, cfg *Config) (string, error) {
	var root string
	switch {
	case cfg.Path != "":
		root = cfg.Dir
	default:
		wd, err := f.Getwd()
		if err != nil {
			return "", err
		}
		root = wd
		if top, err := gitOutput(wd, "rev-parse", "--show-toplevel"); err == nil && top != "" {
			root = strings.TrimSpace(top)
		}
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs, nil
}

// contentPath returns the canonical content path of file (a path on disk)
// relative to root. The file's directory is resolved through symbolic
// links, as root is, so the two agree on systems where the working
// directory is reached through a link.
func contentPath(root, file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	rel, err := filepath.Rel(root, filepath.Join(dir, filepath.Base(abs)))
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	rel = filepath.ToSlash(rel)
	if err := signoff.CheckPath(rel); err != nil {
		return "", fmt.Errorf("%s is outside the repository root %s (records are kept under it)", file, root)
	}
	return rel, nil
}

// recordPath returns the record file of a content path.
func (t *trust) recordPath(content string) (string, error) {
	return signoff.RecordPathIn(t.Root, t.RecordsDir, content)
}

// recordShown is a record's path relative to the root, for messages.
func (t *trust) recordShown(content string) string {
	return t.RecordsDir + "/" + content + ".json"
}

// gitOutput runs git in dir and returns its standard output. The error
// carries git's message.
func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out.String(), nil
}

// newScanner returns the scanner signoff and verify use: the same as scan's.
func newScanner(f *Factory) (*redact.Scanner, error) {
	set, err := f.Rules()
	if err != nil {
		return nil, err
	}
	return redact.New(set, redact.Options{Decisions: sidecarDecisions}), nil
}

// loadDecisions reads the review decisions kept beside a draft
// (story.md.redact.json); a draft without one has none.
func loadDecisions(path string) (*redact.Decisions, error) {
	data, err := os.ReadFile(redact.SidecarPath(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("review decisions: %w", err)
	}
	d, err := redact.ParseDecisions(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", redact.SidecarPath(path), err)
	}
	return d, nil
}

// gateSetup loads what signoff and verify both stand on, in this order: the
// configuration, the rules in force and the trust files.
func gateSetup(f *Factory, allowedSigners, revokedKeys string) (*Config, *rules.Set, *trust, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, nil, nil, err
	}
	set, err := f.Rules()
	if err != nil {
		return nil, nil, nil, err
	}
	tr, err := loadTrust(f, cfg, allowedSigners, revokedKeys)
	if err != nil {
		return nil, nil, nil, err
	}
	return cfg, set, tr, nil
}
