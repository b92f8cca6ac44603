package redact

// Placeholder is the text that stands for a detail of kind k in the redactor's language
// ("[naam]" for Name in Dutch): for callers that redact by rules of their own, such as
// the code names of an export (pipeline/code_names.go).
func (r *Redactor) Placeholder(k Kind) string { return r.placeholders[k] }
