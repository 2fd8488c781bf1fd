package redact

// Suppressed is a finding removed by an inline allow comment or a review
// decision, with the reason given.
type Suppressed struct {
	Finding Finding
	Reason  string
}
