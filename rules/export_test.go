package rules

// SetPlainSearch turns the regex prefilters off (true) or on, so that an
// external test can compare whole scans both ways.
func SetPlainSearch(on bool) { plainSearch = on }
