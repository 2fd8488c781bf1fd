// Package signoff records, signs and verifies a security reviewer's
// approval ("sign-off") of one content file, so that a CI gate can let
// through only content that is clean and approved by an allowed reviewer.
//
// # Trust model
//
// A sign-off is a Record stored in the repository at
// .redact/signoffs/<content path>.json. It binds the content's sha256, its
// path, the digest of the rule packs in force and the findings the
// reviewer accepted (as fingerprints, never as text) to the reviewer's
// identity (principal) and time, and is signed with the reviewer's SSH key
// as an SSHSIG (the format of ssh-keygen -Y sign) in namespace
// "redact-signoff". Anyone can write a record; only the signature makes it
// count. Verify accepts it only if the signature covers exactly
// Record.Payload, the key is listed for the principal in an allowed_signers
// file (format of ssh-keygen(1)), is not in the revoked keys file, and the
// content, path and packs digest are the current ones. Everything else
// fails closed with a *VerifyError and a distinct Reason.
//
// The trust lies in the allowed_signers and revoked keys files and in the
// packs digest: the gate must read them from a source the change being
// checked cannot alter (the protected base branch, or a path guarded by
// code owners), or a pull request could add its own key. Changing the rule
// packs invalidates every sign-off: findings the new packs raise were
// never reviewed. valid-after/valid-before in allowed_signers are applied
// at the record's signed_at, which is part of the signed payload; the
// signer chooses it, so a key that must stop working at once belongs in
// the revoked keys file. SSH certificates (cert-authority) are parsed but
// not supported: a certificate signature is rejected (ReasonUnsupportedKey).
//
// # Checking a record with stock OpenSSH
//
// The signed bytes are Record.Payload: the record's JSON without the
// signature key, compact, keys in file order, plus a newline; for a record
// written by Save this is exactly what jq -c prints. With the record
// stories/a.md.json signed by alice@example.org (docs/signoff.md has the
// reviewer's version):
//
//	redact signoff payload   .redact/signoffs/stories/a.md.json > payload
//	redact signoff signature .redact/signoffs/stories/a.md.json > sig
//	# or, without redact:
//	jq -c 'del(.signature)' .redact/signoffs/stories/a.md.json > payload
//	jq -r .signature        .redact/signoffs/stories/a.md.json > sig
//
//	ssh-keygen -Y verify -f allowed_signers -I alice@example.org \
//	    -n redact-signoff -s sig [-r revoked_keys] \
//	    -Overify-time=20250301093000Z < payload
//	sha256sum stories/a.md   # must equal content_sha256
//
// -Overify-time= (Record.OpenSSHVerifyTime, the signed_at of the record)
// makes ssh-keygen apply valid-after/valid-before at the signing time as
// Verify does; without it ssh-keygen uses the current time. ssh-keygen does
// not check the path, content hash or packs digest: those are plain fields
// of the verified payload.
package signoff
