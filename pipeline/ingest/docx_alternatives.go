package ingest

import "encoding/xml"

// Word writes some content twice, and reading both copies published passages twice
// (attack 12 F22):
//
//   - A text box (or any drawing) is an mc:AlternateContent: an mc:Choice for Word 2010
//     and later (w:drawing … w:txbxContent) and an mc:Fallback holding the same text as
//     VML (w:pict, v:textbox) for older readers. Markup Compatibility (ECMA-376 part 3,
//     10.2) says a consumer takes the first Choice it understands, else the Fallback:
//     the text of every branch is the same WordprocessingML, so the first Choice is
//     read and every later branch skipped; a Fallback alone is read.
//   - A tracked move leaves the text at its old place inside w:moveFrom (shown struck
//     through, gone once the change is accepted) and at its new place inside w:moveTo.
//     w:moveFrom is skipped, as a tracked deletion (w:del, whose text is w:delText) is.

// docxAlternatives tracks the mc:AlternateContent elements open around the reader.
type docxAlternatives struct {
	read []bool // per open AlternateContent, innermost last: a branch has been read
}

// skip reports whether the element starting at e is left out, and then skips it in d,
// up to and with its end element. Elements are told by their local names, as docxText
// reads the rest of the document (w: and mc: are the only prefixes these occur under).
func (a *docxAlternatives) skip(e xml.StartElement, d *xml.Decoder) (bool, error) {
	switch e.Name.Local {
	case "moveFrom":
		return true, d.Skip()
	case "AlternateContent":
		a.read = append(a.read, false)
	case "Choice", "Fallback":
		if n := len(a.read); n > 0 {
			if a.read[n-1] {
				return true, d.Skip()
			}
			a.read[n-1] = true
		}
	}
	return false, nil
}

// end closes an mc:AlternateContent.
func (a *docxAlternatives) end(e xml.EndElement) {
	if e.Name.Local == "AlternateContent" && len(a.read) > 0 {
		a.read = a.read[:len(a.read)-1]
	}
}
