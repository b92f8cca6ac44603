package redact

// FindListed returns the spans of text that are listed names (Options.People and
// Options.Names, whole or part by part) or identifying patterns (e-mail addresses, phone
// numbers, BSNs, IBANs, postcodes, dates of birth, street addresses), leaving out the
// search for unlisted names: for a text that is meant to hold a name, such as a coder's,
// which must not hold a respondent's name or contact details.
func (r *Redactor) FindListed(text string) []Span {
	if text == "" {
		return nil
	}
	spans, _ := findPatterns(text)
	spans = append(spans, findAddresses(text, r.keep)...)
	return append(spans, findNames(text, r.names, r.keep, false)...)
}
