package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/rescue-stories/redact/cmd/internal/build"
	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/redact/signoff"
	"github.com/rescue-stories/redact/rules"
)

// SignoffOptions are the options of `redact signoff`.
type SignoffOptions struct {
	f              *Factory
	Paths          []string
	Key            string
	Principal      string
	AllowedSigners string
	RevokedKeys    string
	Mask           bool
	MaskSet        bool
	Quiet          bool
	Color          string
	MaxFileSize    int64
}

// acceptedReviewReason is the reason recorded for a review-severity
// finding that the reviewer signs off as it stands.
const acceptedReviewReason = "review finding accepted at sign-off"

func newCmdSignoff(f *Factory, runF func(*SignoffOptions) error) *cobra.Command {
	opts := &SignoffOptions{f: f}
	cmd := &cobra.Command{
		Use:   "signoff <path>... [--key <file>] [--principal <id>]",
		Short: "Sign off the current content of files as a security reviewer",
		Long: `Sign off the current content of each file with your SSH key. The record,
written to .redact/signoffs/<path>.json, binds the file's path and SHA-256,
the digest of the rule packs in force, the suppressions and review findings
you accept (as fingerprints and reasons, never the text), your principal,
the time and the tool version, in an SSH signature (namespace
redact-signoff) that ssh-keygen -Y verify can check.

Nothing is signed while any file still has an unsuppressed finding of
blocking severity: they are listed and the exit code is 1. Review-severity
findings are accepted as they stand and recorded as such.

Symbolic links, named or met in a directory, are never followed, nor
signed. A link to content that is checked in its own place is noted, and
the target is signed off in its own place; while any other remains
(leaving the repository, not resolving, or to a hidden or excluded file),
nothing is signed and the exit code is 1.

The key is a private key file (--key ~/.ssh/id_ed25519), or a key held by
ssh-agent: give its public key file (--key ~/.ssh/id_ed25519.pub), or omit
--key to use the agent key listed in allowed_signers. The principal
defaults to the one allowed_signers lists for the key. When an
allowed_signers file is configured, a sign-off that verify would reject
(unknown key, revoked, expired, wrong namespace) is refused.`,
		Example: `  redact signoff stories/rescue.md --key ~/.ssh/id_ed25519
  redact signoff stories/ --key ~/.ssh/id_ed25519.pub    # key held by ssh-agent
  redact signoff stories/rescue.md --principal alice@example.org

  # What was signed, for a check by hand with ssh-keygen (docs/signoff.md)
  redact signoff payload stories/rescue.md > payload
  redact signoff signature stories/rescue.md > sig`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if slices.Contains(args, "-") {
				return flagErrorf("signoff needs files: standard input has no path to bind the sign-off to")
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runSignoff(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Key, "key", "k", "", "SSH private key `file`, or a public key file to sign with ssh-agent")
	fl.StringVar(&opts.Principal, "principal", "", "your `identity` in allowed_signers (default: the one listed for the key)")
	fl.StringVar(&opts.AllowedSigners, "allowed-signers", "", "allowed_signers `file` to check the sign-off against (default: from .redact.toml)")
	fl.StringVar(&opts.RevokedKeys, "revoked-keys", "", "revoked keys `file` (default: from .redact.toml)")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the sensitive text of remaining findings (default when CI is set)")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on standard error but errors")
	fl.StringVar(&opts.Color, "color", "auto", "colour: auto, always or never")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))

	cmd.AddCommand(newCmdSignoffShow(f, "payload", "Print the signed bytes of a sign-off record (for ssh-keygen -Y verify)"))
	cmd.AddCommand(newCmdSignoffShow(f, "signature", "Print the armoured SSH signature of a sign-off record"))
	return cmd
}

// signing is one file on its way to a record: what the record needs of
// it, not its bytes or findings, so memory does not grow with the files
// signed at once.
type signing struct {
	disk         string // path as given
	content      string // canonical content path
	digest       string // signoff.ContentDigest of its bytes
	suppressions []signoff.Suppression
	record       signoff.Record
}

func runSignoff(opts *SignoffOptions) error {
	f := opts.f
	ios := f.IO
	cfg, set, tr, err := gateSetup(f, opts.AllowedSigners, opts.RevokedKeys)
	if err != nil {
		return err
	}
	sc, err := newScanner(f)
	if err != nil {
		return err
	}
	paths, links := gateArgs(opts.Paths, tr.Root, cfg)
	all, errs := collectAll(paths, cfg.Include, cfg.Exclude)
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	// Symbolic links, named or met while walking, are never followed, nor
	// signed: a link to content checked in its own place is noted (its
	// target is signed off in its own place); any other link refuses the
	// sign-off, as content that cannot be vouched for.
	var ins []input
	var unsignable int
	for _, in := range append(links, all...) {
		if in.Link == nil {
			ins = append(ins, in)
			continue
		}
		note, fail := gateLink(in.Link, tr.Root, cfg, "signed off")
		if fail != "" {
			unsignable++
			note = fail
		}
		printSkipped(ios.ErrOut, opts.Quiet && fail == "", in.Path, note)
	}
	if len(ins) == 0 && unsignable == 0 {
		return fmt.Errorf("no content files in %s (include: %s)", strings.Join(opts.Paths, " "), strings.Join(cfg.Include, " "))
	}

	// Scan everything first: nothing is signed unless everything can be.
	var todo []*signing
	var blocked []*redact.Result
	for _, in := range ins {
		src, err := readInput(in, nil, opts.MaxFileSize)
		if err != nil {
			return err
		}
		cp, err := contentPath(tr.Root, in.Path)
		if err != nil {
			return err
		}
		res, err := sc.Scan(in.Path, src)
		if err != nil {
			return fmt.Errorf("%s: %w", in.Path, err)
		}
		res.Path = cp
		if b := blockingFindings(res); len(b.Findings) > 0 {
			blocked = append(blocked, b)
		}
		todo = append(todo, &signing{disk: in.Path, content: cp, digest: signoff.ContentDigest(src), suppressions: acceptedSuppressions(res)})
	}
	mask := maskOutput(f, opts.Mask, opts.MaskSet)
	var why, todoNext []string
	if len(blocked) > 0 {
		ropts := report.Options{Mask: mask}
		if ios.ColorEnabled(opts.Color) {
			ropts.Color = report.ANSI
		}
		if err := (&report.Text{Opts: ropts}).Write(ios.Out, blocked); err != nil {
			return err
		}
		sum := report.Summarize(blocked)
		remain := "remain"
		if sum.Findings == 1 {
			remain = "remains"
		}
		why = append(why, fmt.Sprintf("%s of blocking severity %s (%s)", plural(sum.Findings, "finding", "findings"), remain, sum.Sentence()))
		todoNext = append(todoNext, "redact (`redact diff`, `redact apply`) or suppress with a reason")
	}
	if unsignable > 0 {
		why = append(why, plural(unsignable, "symbolic link", "symbolic links")+" cannot be signed off (see above)")
		todoNext = append(todoNext, "replace each such link with the file it stands for, or remove it")
	}
	if len(why) > 0 {
		next := strings.Join(todoNext, "; ")
		fmt.Fprintf(ios.ErrOut, "redact: refusing to sign off: %s; nothing was signed. %s%s, then sign off again.\n",
			strings.Join(why, ", and "), strings.ToUpper(next[:1]), next[1:])
		return errFindings
	}

	signer, closeSigner, err := loadSigner(opts, tr)
	if err != nil {
		return err
	}
	defer closeSigner()
	principal, err := choosePrincipal(opts.Principal, signer.PublicKey(), tr)
	if err != nil {
		return err
	}

	now := f.Now()
	digest := set.Digest()
	for _, s := range todo {
		rec := signoff.Record{
			Path:          s.content,
			ContentSHA256: s.digest,
			PacksDigest:   digest,
			Suppressions:  s.suppressions,
			Principal:     principal,
			SignedAt:      now,
			Tool:          "redact " + build.String(),
		}
		if s.record, err = signoff.Sign(rec, signer); err != nil {
			return fmt.Errorf("%s: %w", s.disk, err)
		}
		// Tell the reviewer now, not in CI, when the gate would reject it.
		if tr.Allowed != nil {
			if err := signoff.VerifyDigest(s.content, s.record, s.digest, digest, tr.Allowed, tr.Revoked, now); err != nil {
				reason, _ := signoff.ReasonOf(err)
				fmt.Fprintf(ios.ErrOut, "redact: refusing to sign off: verify would reject it (%s): %v\n", reason, err)
				return errFindings
			}
		}
	}
	for _, s := range todo {
		rp, err := tr.recordPath(s.content)
		if err != nil {
			return err
		}
		if err := signoff.Save(rp, s.record); err != nil {
			return fmt.Errorf("write sign-off record of %s: %w", s.disk, err)
		}
		if !opts.Quiet {
			fmt.Fprintf(ios.ErrOut, "signed off %s as %s: %s\n", s.content, principal, tr.recordShown(s.content))
		}
	}
	if tr.Allowed == nil && !opts.Quiet {
		fmt.Fprintln(ios.ErrOut, "note: no allowed_signers file configured, so the sign-off could not be checked; `redact verify --allowed-signers FILE` will")
	}
	return nil
}

// blockingFindings returns a copy of res with only its unsuppressed
// findings of blocking severity.
func blockingFindings(res *redact.Result) *redact.Result {
	out := *res
	out.Findings = nil
	out.Suppressed = nil
	for _, f := range res.Findings {
		if f.Severity == rules.Block {
			out.Findings = append(out.Findings, f)
		}
	}
	return &out
}

// findingKey identifies a finding in a record: rule and fingerprint.
type findingKey struct{ rule, fp string }

func keyOf(f redact.Finding) findingKey {
	return findingKey{f.Rule, signoff.Fingerprint(f.Rule, f.Key())}
}

// acceptedSuppressions lists what the reviewer accepts by signing: every
// suppressed finding with its reason, and every review-severity finding
// as it stands. Each is named by fingerprint; a reason that quotes the
// text it excuses gets the text masked.
func acceptedSuppressions(res *redact.Result) []signoff.Suppression {
	seen := map[findingKey]bool{}
	var out []signoff.Suppression
	add := func(f redact.Finding, reason string) {
		k := keyOf(f)
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, signoff.Suppression{Fingerprint: k.fp, Rule: f.Rule, Category: f.Category, Reason: scrubReason(reason, f.Text)})
	}
	for _, s := range res.Suppressed {
		reason := s.Reason
		if strings.TrimSpace(reason) == "" {
			reason = "suppressed without a reason"
		}
		add(s.Finding, reason)
	}
	for _, f := range res.Findings {
		if f.Severity != rules.Block {
			add(f, acceptedReviewReason)
		}
	}
	return out
}

// scrubReason keeps a reason on one printable line, free of the
// characters a record refuses (controls, bidirectional overrides) and of
// the text it excuses (report.MaskIn): records are public in the
// repository.
func scrubReason(reason, text string) string {
	reason = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch {
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0x2028, r == 0x2029,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(reason, "?"))), " ")
	return report.MaskIn(reason, text)
}

// loadSigner returns the signer for --key: a private key file, a public
// key file whose private half ssh-agent holds, or, without --key, the one
// agent key that allowed_signers lists.
func loadSigner(opts *SignoffOptions, tr *trust) (ssh.Signer, func(), error) {
	sock := opts.f.IO.Getenv("SSH_AUTH_SOCK")
	nop := func() {}
	if opts.Key == "" {
		if sock == "" {
			return nil, nil, fmt.Errorf("--key is required: give your private key file, or the public key file of a key in ssh-agent (SSH_AUTH_SOCK is not set)")
		}
		signers, closer, err := signoff.AgentSigners(sock)
		if err != nil {
			return nil, nil, err
		}
		var cands []ssh.Signer
		for _, s := range signers {
			if tr.Allowed == nil || len(tr.Allowed.PrincipalsFor(s.PublicKey())) > 0 {
				cands = append(cands, s)
			}
		}
		if len(cands) == 1 {
			return cands[0], func() { closer.Close() }, nil
		}
		closer.Close()
		if len(cands) == 0 {
			if tr.Allowed != nil {
				return nil, nil, fmt.Errorf("none of the %d keys in ssh-agent is listed in %s; add yours (docs/signoff.md) or give --key", len(signers), tr.AllowedPath)
			}
			return nil, nil, errors.New("ssh-agent holds no key that can sign (ed25519, ECDSA or RSA of 2048 bits or more); add one with ssh-add or give --key")
		}
		fps := make([]string, len(cands))
		for i, s := range cands {
			fps[i] = ssh.FingerprintSHA256(s.PublicKey())
		}
		return nil, nil, fmt.Errorf("ssh-agent holds %d keys that could sign (%s); choose one with --key FILE.pub", len(cands), strings.Join(fps, ", "))
	}
	data, err := os.ReadFile(opts.Key)
	if err != nil {
		return nil, nil, fmt.Errorf("key %s: %w", opts.Key, unwrapPathError(err))
	}
	if pub, _, _, _, perr := ssh.ParseAuthorizedKey(data); perr == nil {
		if sock == "" {
			return nil, nil, fmt.Errorf("%s is a public key, and ssh-agent is not running (SSH_AUTH_SOCK is not set); give the private key file, or add the key to ssh-agent", opts.Key)
		}
		s, closer, err := signoff.AgentSigner(sock, pub)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { closer.Close() }, nil
	}
	s, err := signoff.LoadSignerFile(opts.Key)
	if err != nil {
		return nil, nil, err
	}
	return s, nop, nil
}

// choosePrincipal returns --principal, or the single literal principal
// allowed_signers lists for key.
func choosePrincipal(flag string, key ssh.PublicKey, tr *trust) (string, error) {
	if flag != "" {
		if err := signoff.CheckPrincipal(flag); err != nil {
			return "", flagErrorf("--principal: %v", err)
		}
		return flag, nil
	}
	if tr.Allowed == nil {
		return "", fmt.Errorf("--principal is required: no allowed_signers file is configured to take it from (--allowed-signers or [signoff] allowed_signers in .redact.toml)")
	}
	var names []string
	for _, list := range tr.Allowed.PrincipalsFor(key) {
		for _, p := range strings.Split(list, ",") {
			if strings.ContainsAny(p, "*?!") || slices.Contains(names, p) {
				continue
			}
			names = append(names, p)
		}
	}
	switch len(names) {
	case 1:
		return names[0], nil
	case 0:
		return "", fmt.Errorf("--principal is required: %s lists no principal for key %s", tr.AllowedPath, ssh.FingerprintSHA256(key))
	}
	return "", fmt.Errorf("--principal is required: %s lists several principals for key %s (%s)", tr.AllowedPath, ssh.FingerprintSHA256(key), strings.Join(names, ", "))
}

// newCmdSignoffShow builds `redact signoff payload|signature <path>`.
func newCmdSignoffShow(f *Factory, what, short string) *cobra.Command {
	return &cobra.Command{
		Use:   what + " <path>",
		Short: short,
		Long: short + `. The path is a content file (its record is found under
.redact/signoffs/) or a record file.`,
		Example: `  redact signoff payload stories/rescue.md > payload
  redact signoff signature stories/rescue.md > sig
  ssh-keygen -Y verify -f .redact/allowed_signers -I alice@example.org \
      -n redact-signoff -s sig < payload`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rec, err := loadRecordArg(f, args[0])
			if err != nil {
				return err
			}
			if what == "payload" {
				_, err = f.IO.Out.Write(rec.Payload())
			} else {
				_, err = io.WriteString(f.IO.Out, strings.TrimRight(rec.Signature, "\n")+"\n")
			}
			return err
		},
	}
}

// loadRecordArg loads the record named by a record file or by the content
// file it belongs to.
func loadRecordArg(f *Factory, arg string) (signoff.Record, error) {
	if strings.HasSuffix(arg, ".json") {
		if data, err := os.ReadFile(arg); err == nil {
			if rec, err := signoff.ParseRecord(data); err == nil {
				return rec, nil
			}
		}
	}
	cfg, err := f.Config()
	if err != nil {
		return signoff.Record{}, err
	}
	tr, err := newTrust(f, cfg)
	if err != nil {
		return signoff.Record{}, err
	}
	cp, err := contentPath(tr.Root, arg)
	if err != nil {
		return signoff.Record{}, err
	}
	rp, err := tr.recordPath(cp)
	if err != nil {
		return signoff.Record{}, err
	}
	rec, err := signoff.Load(rp)
	if errors.Is(err, os.ErrNotExist) {
		return signoff.Record{}, fmt.Errorf("%s has no sign-off record (%s)", arg, tr.recordShown(cp))
	}
	return rec, err
}
