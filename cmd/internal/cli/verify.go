package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/build"
	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/redact/signoff"
	"github.com/rescue-stories/redact/rules"
)

// VerifyOptions are the options of `redact verify`.
type VerifyOptions struct {
	f              *Factory
	Paths          []string
	AllowedSigners string
	RevokedKeys    string
	ChangedSince   string
	Format         string
	Color          string
	Mask           bool
	MaskSet        bool
	Quiet          bool
	MaxAnnotations int
	MaxFileSize    int64
}

func newCmdVerify(f *Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{f: f}
	cmd := &cobra.Command{
		Use:   "verify [<path>...] [--allowed-signers <file>] [--changed-since <ref>]",
		Short: "Check that content is signed off and clean (the CI gate)",
		Long: `Check every content file: it must have a sign-off record whose SSH
signature is valid, made by a key that allowed_signers lists for the
record's principal and the namespace redact-signoff at the signing time
and that is not revoked; the record must be this file's, its content
SHA-256 and rule packs digest must match the file and packs now (a change
of the packs requires a new sign-off); and a fresh scan must find nothing
that the sign-off did not accept.

Each failure is reported per file with a reason (unsigned, bad-signature,
signer-not-allowed, namespace-not-allowed, expired, revoked,
path-mismatch, content-changed, packs-changed, dirty,
unapproved-suppression, orphan-record, symbolic-link, ...). Exit code 0:
everything is approved; 1: something is not; 2: the tool could not do its
job.

A symbolic link where content is expected (named, met in a directory, or
a linked folder on the way to a named file) is never followed. A link to
content that is checked in its own place is noted on standard error, and
the target is verified under its own record;
any other (leaving the repository, not resolving, or to a hidden or
excluded file) fails as symbolic-link: its content cannot be verified.

Without paths, every content file under the current directory is
checked, and records whose content file is gone fail as orphan-record.
--changed-since REF checks only what changed against the merge base of
REF and HEAD, as a pull request would: added, modified and renamed files,
files whose record changed, and deleted or renamed-away files whose
record was not deleted with them. When the change touches the trust or
the rules (.redact.toml, allowed_signers, revoked keys, local rule
packs), every content file is checked.

When CI is set, or with --mask, no output shows the sensitive text.`,
		Example: `  redact verify --allowed-signers .redact/allowed_signers
  redact verify stories/rescue.md
  redact verify --changed-since origin/main --format sarif > redact.sarif
  redact verify --changed-since origin/main --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if slices.Contains(args, "-") {
				return flagErrorf("verify needs files: standard input has no sign-off record")
			}
			if !slices.Contains(formats, opts.Format) {
				return flagErrorf("--format must be one of text, json, sarif, github; not %q", opts.Format)
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runVerify(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.AllowedSigners, "allowed-signers", "", "allowed_signers `file` (default: [signoff] allowed_signers in .redact.toml)")
	fl.StringVar(&opts.RevokedKeys, "revoked-keys", "", "revoked keys `file` (default: [signoff] revoked_keys in .redact.toml)")
	fl.StringVar(&opts.ChangedSince, "changed-since", "", "check only content changed against the merge base of this git `ref` and HEAD")
	fl.StringVarP(&opts.Format, "format", "f", "text", "report `format`: text, json, sarif or github")
	fl.StringVar(&opts.Color, "color", "auto", "colour: auto, always or never (NO_COLOR is honoured)")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the sensitive text in every output (default when CI is set)")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on standard error but errors")
	fl.IntVar(&opts.MaxAnnotations, "max-annotations", report.DefaultMaxAnnotations, "with --format github, annotate at most this many problems")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// target is one file verify decides about.
type target struct {
	disk    string // path on disk as found ("" for a deleted file)
	content string // canonical content path
	orphan  bool   // the content is gone and its record remains
	// A symbolic link is never followed: note says why one is only
	// noted (its target is checked in its own place), fail why one fails.
	note, fail string
}

// verifyRun holds what one verification needs.
type verifyRun struct {
	f      *Factory
	cfg    *Config
	tr     *trust
	sc     *redact.Scanner
	digest string
	opts   *VerifyOptions
}

func runVerify(opts *VerifyOptions) error {
	f := opts.f
	ios := f.IO
	cfg, set, tr, err := gateSetup(f, opts.AllowedSigners, opts.RevokedKeys)
	if err != nil {
		return err
	}
	if tr.Allowed == nil {
		return flagErrorf("verify needs an allowed_signers file: --allowed-signers FILE, or [signoff] allowed_signers in .redact.toml")
	}
	sc, err := newScanner(f)
	if err != nil {
		return err
	}
	vr := &verifyRun{f: f, cfg: cfg, tr: tr, sc: sc, digest: set.Digest(), opts: opts}

	var targets []target
	var errs []error
	if opts.ChangedSince != "" {
		targets, errs, err = vr.changedTargets()
	} else {
		targets, errs, err = vr.allTargets(opts.Paths)
	}
	if err != nil {
		return err
	}
	targets = dedupeTargets(targets)
	// Links that are only noted are said, as scan says them, and not
	// verified: their targets are, in their own place.
	checked := targets[:0]
	for _, t := range targets {
		if t.note != "" {
			printSkipped(ios.ErrOut, opts.Quiet, t.content, t.note)
			continue
		}
		checked = append(checked, t)
	}
	targets = checked

	var verdicts []report.Verdict
	outs := verifyAll(vr, targets, runtime.GOMAXPROCS(0))
	for _, o := range outs {
		if o.err != nil {
			errs = append(errs, o.err)
			continue
		}
		verdicts = append(verdicts, o.v)
	}

	ropts := report.Options{Mask: maskOutput(f, opts.Mask, opts.MaskSet), ToolVersion: build.String()}
	if ios.ColorEnabled(opts.Color) && opts.Format == "text" {
		ropts.Color = report.ANSI
	}
	w, err := report.NewVerify(opts.Format, ropts)
	if err != nil {
		return err
	}
	if gh, ok := w.(*report.GitHub); ok {
		gh.Max = opts.MaxAnnotations
	}
	closeSummary, err := attachStepSummary(w, f)
	if err != nil {
		return err
	}
	defer closeSummary()
	if err := w.WriteVerify(ios.Out, verdicts); err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintf(ios.ErrOut, "redact: %v\n", e)
	}
	sum := report.SummarizeVerdicts(verdicts)
	switch {
	case len(errs) > 0:
		// Never an all-clear when something could not be checked.
		fmt.Fprintf(ios.ErrOut, "%s could not be checked; this is not a pass\n", plural(len(errs), "file", "files"))
	case !opts.Quiet:
		fmt.Fprintln(ios.ErrOut, sum.Sentence())
	}
	if len(errs) > 0 {
		return &SilentError{Code: ExitError}
	}
	if sum.Failed > 0 {
		return errFindings
	}
	return nil
}

// allTargets lists the content files under paths (default: the working
// directory) and the records under the same directories whose content is
// gone.
func (vr *verifyRun) allTargets(paths []string) ([]target, []error, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	paths, links := gateArgs(paths, vr.tr.Root, vr.cfg)
	ins, errs := collectAll(paths, vr.cfg.Include, vr.cfg.Exclude)
	var out []target
	for _, in := range append(links, ins...) {
		cp, err := contentPath(vr.tr.Root, in.Path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t := target{disk: in.Path, content: cp}
		if in.Link != nil {
			t.note, t.fail = gateLink(in.Link, vr.tr.Root, vr.cfg, "verified")
		}
		out = append(out, t)
	}
	// Directories given (not files) are also searched for orphan records.
	var dirs []string
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			cp, err := contentPath(vr.tr.Root, p)
			switch {
			case err == nil:
				dirs = append(dirs, cp)
			case filepath.Clean(p) == "." || sameDir(p, vr.tr.Root):
				dirs = append(dirs, "")
			}
		}
	}
	if len(dirs) > 0 {
		orphans, err := vr.orphans(dirs)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, orphans...)
	}
	return out, errs, nil
}

// sameDir reports whether p is dir (both resolved through links).
func sameDir(p, dir string) bool {
	return canonicalPath(p) == dir
}

// orphans returns the records under the records directory whose content
// path lies in one of dirs ("" is the root), is a content file by the
// include and exclude patterns, and no longer exists.
func (vr *verifyRun) orphans(dirs []string) ([]target, error) {
	recs, err := signoff.ListIn(vr.tr.Root, vr.tr.RecordsDir)
	if err != nil {
		return nil, fmt.Errorf("list sign-off records: %w", err)
	}
	var out []target
	for _, c := range recs {
		in := false
		for _, d := range dirs {
			if d == "" || strings.HasPrefix(c, d+"/") {
				in = true
				break
			}
		}
		if !in || !vr.isContent(c) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(vr.tr.Root, filepath.FromSlash(c))); errors.Is(err, fs.ErrNotExist) {
			out = append(out, target{content: c, orphan: true})
		}
	}
	return out, nil
}

// isContent reports whether a root-relative slash path is a content file
// by the configuration: included, not excluded, and not inside a hidden
// directory (as a directory walk would decide).
func (vr *verifyRun) isContent(rel string) bool {
	return checkedInPlace(vr.cfg, rel, false)
}

// changedTargets lists what --changed-since asks for.
func (vr *verifyRun) changedTargets() ([]target, []error, error) {
	root := vr.tr.Root
	changes, err := changedSince(root, vr.opts.ChangedSince)
	if err != nil {
		return nil, nil, err
	}
	trustFiles := vr.trustFiles()
	// A content path exists as a file, or as a symbolic link, which is
	// noted or fails as a walk would have it (gateLink), never skipped.
	exists := func(rel string) bool {
		st, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
		return err == nil && (st.Mode().IsRegular() || st.Mode()&fs.ModeSymlink != 0)
	}
	var out []target
	add := func(rel string) {
		t := target{disk: filepath.Join(root, filepath.FromSlash(rel)), content: rel}
		if st, err := os.Lstat(t.disk); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			t.note, t.fail = gateLink(resolveLink(t.disk), root, vr.cfg, "verified")
		}
		out = append(out, t)
	}
	var widen []string
	present := func(rel string) {
		for _, t := range trustFiles {
			if rel == t || strings.HasPrefix(rel, t+"/") {
				widen = append(widen, rel)
				return
			}
		}
		if c, ok := signoff.ContentPathOf(vr.tr.RecordsDir, rel); ok {
			// A record changed: check its content, or that it has none.
			if exists(c) {
				add(c)
			} else {
				out = append(out, target{content: c, orphan: true})
			}
			return
		}
		if c, ok := strings.CutSuffix(rel, redact.SidecarSuffix); ok && vr.isContent(c) && exists(c) {
			// Review decisions changed: they change what the scan suppresses.
			add(c)
			return
		}
		if (vr.isContent(rel) || contentLink(root, vr.cfg, rel)) && exists(rel) {
			add(rel)
		}
	}
	gone := func(rel string) {
		for _, t := range trustFiles {
			if rel == t || strings.HasPrefix(rel, t+"/") {
				widen = append(widen, rel)
				return
			}
		}
		if c, ok := signoff.ContentPathOf(vr.tr.RecordsDir, rel); ok {
			// A record was deleted: its content must be gone too, or be
			// checked (and fail as unsigned).
			if vr.isContent(c) && exists(c) {
				add(c)
			}
			return
		}
		if !vr.isContent(rel) || exists(rel) {
			return
		}
		rp, err := vr.tr.recordPath(rel)
		if err != nil {
			return
		}
		if _, err := os.Lstat(rp); err == nil {
			out = append(out, target{content: rel, orphan: true})
		}
	}
	for _, c := range changes {
		switch c.Status {
		case 'D':
			gone(c.Path)
		case 'R':
			gone(c.Old)
			present(c.Path)
		default:
			present(c.Path)
		}
	}
	var errs []error
	if len(widen) > 0 {
		if !vr.opts.Quiet {
			fmt.Fprintf(vr.f.IO.ErrOut, "redact: %s changed, so every content file is checked\n", strings.Join(dedupe(widen), ", "))
		}
		all, aerrs, err := vr.allTargets(vr.rootArgs())
		if err != nil {
			return nil, nil, err
		}
		out = append(out, all...)
		errs = append(errs, aerrs...)
	}
	if len(vr.opts.Paths) > 0 {
		out, err = vr.within(out, vr.opts.Paths)
		if err != nil {
			return nil, nil, err
		}
	}
	return out, errs, nil
}

// rootArgs returns the paths a full check walks: the given paths, or the
// repository root.
func (vr *verifyRun) rootArgs() []string {
	if len(vr.opts.Paths) > 0 {
		return vr.opts.Paths
	}
	return []string{vr.tr.Root}
}

// within keeps the targets at or below one of paths.
func (vr *verifyRun) within(ts []target, paths []string) ([]target, error) {
	var scopes []string
	for _, p := range paths {
		if sameDir(p, vr.tr.Root) {
			return ts, nil
		}
		cp, err := contentPath(vr.tr.Root, p)
		if err != nil {
			return nil, err
		}
		scopes = append(scopes, cp)
	}
	var out []target
	for _, t := range ts {
		for _, s := range scopes {
			if t.content == s || strings.HasPrefix(t.content, s+"/") {
				out = append(out, t)
				break
			}
		}
	}
	return out, nil
}

// trustFiles are the root-relative paths whose change puts every sign-off
// in question: the configuration, allowed signers, revoked keys and local
// rule packs.
func (vr *verifyRun) trustFiles() []string {
	var out []string
	add := func(p string) {
		if p == "" {
			return
		}
		if cp, err := contentPath(vr.tr.Root, p); err == nil {
			out = append(out, cp)
		}
	}
	add(vr.cfg.Path)
	add(vr.tr.AllowedPath)
	add(vr.tr.RevokedPath)
	for _, p := range vr.cfg.Rules {
		add(configPath(vr.cfg, "", p))
	}
	for _, p := range vr.f.RulePaths {
		add(p)
	}
	return out
}

func dedupe(ss []string) []string {
	out := slices.Clone(ss)
	sort.Strings(out)
	return slices.Compact(out)
}

// dedupeTargets sorts targets by content path and keeps one per path,
// preferring a file on disk over an orphan entry.
func dedupeTargets(ts []target) []target {
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].content < ts[j].content })
	var out []target
	for _, t := range ts {
		if n := len(out); n > 0 && out[n-1].content == t.content {
			if out[n-1].orphan && !t.orphan {
				out[n-1] = t
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

// verify decides about one target. An error is a tool error (exit 2).
func (vr *verifyRun) verify(t target) (report.Verdict, error) {
	tr := vr.tr
	v := report.Verdict{Path: t.content}
	if t.fail != "" {
		v.Problems = append(v.Problems, problem(signoff.ReasonSymbolicLink, t.fail))
		return v, nil
	}
	if t.orphan {
		v.Problems = append(v.Problems, problem(signoff.ReasonOrphanRecord,
			fmt.Sprintf("the content file was deleted or renamed but its sign-off record remains; delete %s", tr.recordShown(t.content))))
		return v, nil
	}
	src, err := readInput(input{Path: t.disk}, nil, vr.opts.MaxFileSize)
	if err != nil {
		return v, err
	}
	res, err := vr.sc.Scan(t.disk, src)
	if err != nil {
		return v, fmt.Errorf("%s: %w", t.disk, err)
	}
	res.Path = t.content

	var rec signoff.Record
	var verr error
	rp, err := tr.recordPath(t.content)
	if err != nil {
		return v, err
	}
	rec, err = signoff.Load(rp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		verr = &signoff.VerifyError{Path: t.content, Reason: signoff.ReasonUnsigned, Detail: "no sign-off record " + tr.recordShown(t.content)}
	case errors.Is(err, signoff.ErrInvalidRecord):
		verr = &signoff.VerifyError{Path: t.content, Reason: signoff.ReasonMalformed,
			Detail: strings.TrimPrefix(strings.Replace(err.Error(), signoff.ErrInvalidRecord.Error()+": ", "", 1), rp+": ")}
	case err != nil:
		return v, fmt.Errorf("sign-off record of %s: %w", t.content, err)
	default:
		verr = signoff.Verify(t.content, rec, src, vr.digest, tr.Allowed, tr.Revoked, vr.f.Now())
	}
	valid := verr == nil
	if verr != nil {
		var ve *signoff.VerifyError
		if !errors.As(verr, &ve) {
			return v, verr
		}
		v.Problems = append(v.Problems, report.Problem{Reason: ve.Reason.String(), Message: strings.TrimPrefix(ve.Error(), ve.Path+": ")})
	} else {
		v.Signer, v.SignedAt = rec.Principal, rec.SignedAt
	}

	accepted := map[findingKey]bool{}
	if valid {
		for _, s := range rec.Suppressions {
			accepted[findingKey{s.Rule, s.Fingerprint}] = true
		}
		var rulesOf []string
		n := 0
		for _, s := range res.Suppressed {
			if !accepted[keyOf(s.Finding)] {
				n++
				rulesOf = append(rulesOf, s.Finding.Rule)
			}
		}
		if n > 0 {
			v.Problems = append(v.Problems, problem(signoff.ReasonUnapprovedSuppression,
				fmt.Sprintf("%s suppressed now that the sign-off did not accept (%s); sign off again", plural(n, "finding is", "findings are"), strings.Join(dedupe(rulesOf), ", "))))
		}
	}
	dirty := *res
	dirty.Findings = nil
	dirty.Suppressed = nil
	blocking := 0
	for _, fd := range res.Findings {
		if fd.Severity == rules.Block {
			blocking++
			dirty.Findings = append(dirty.Findings, fd)
		} else if valid && !accepted[keyOf(fd)] {
			dirty.Findings = append(dirty.Findings, fd)
		}
	}
	if !report.ReadsSource(vr.opts.Format) {
		// A verdict is kept until all are written: drop what the report
		// will not read.
		dirty.Src = nil
	}
	if len(dirty.Findings) > 0 {
		msg := plural(len(dirty.Findings), "unsuppressed finding", "unsuppressed findings") + " not accepted by a sign-off"
		if blocking > 0 {
			msg += fmt.Sprintf(" (%d of blocking severity: redact or suppress them)", blocking)
		}
		v.Problems = append(v.Problems, problem(signoff.ReasonDirty, msg))
		v.Result = &dirty
	}
	return v, nil
}

type verifyOutcome struct {
	v   report.Verdict
	err error
}

// verifyAll verifies the targets on a pool of workers (reading, scanning
// and checking signatures are independent per file) and returns the
// outcomes in the targets' order, so the report is a sequential run's.
func verifyAll(vr *verifyRun, targets []target, workers int) []verifyOutcome {
	return mapParallel(targets, workers, func(tg target) verifyOutcome {
		v, err := vr.verify(tg)
		return verifyOutcome{v, err}
	})
}

// attachStepSummary gives a GitHub report the job summary file named by
// $GITHUB_STEP_SUMMARY, opened for appending as GitHub asks; other
// formats and runs outside GitHub Actions are left alone.
func attachStepSummary(w any, f *Factory) (func(), error) {
	gh, ok := w.(*report.GitHub)
	p := f.IO.Getenv("GITHUB_STEP_SUMMARY")
	if !ok || p == "" {
		return func() {}, nil
	}
	sf, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	gh.Summary = sf
	return func() { sf.Close() }, nil
}

func problem(r signoff.Reason, msg string) report.Problem {
	return report.Problem{Reason: r.String(), Message: msg}
}
