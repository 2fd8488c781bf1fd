// Package redact is the scanning engine. The pipeline, end to end:
//
//	bytes → markdown.Parse (scoped segments with exact byte spans)
//	      → rules.NewText per segment (tokenised and folded once)
//	      → every rule's matcher → allow lists and pseudonyms
//	      → Findings (byte spans into the original file, overlaps merged)
//	      → Plan (edits) → Apply (new bytes)
//
// The engine returns values and never prints; renderers live in
// redact/report and the CLI decides about files, colour and exit codes.
package redact
