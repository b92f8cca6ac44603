package codebook

import (
	"os"
	"strings"
	"testing"
)

// FuzzParseQDC: any input gives a codebook or an error, never a panic, and a codebook
// that is read can be validated and written again.
func FuzzParseQDC(f *testing.F) {
	for _, p := range []string{"../testdata/third_party/refi-qda/annex-a1-codebook.qdc",
		"../testdata/constructed/nested_codebook_colours_plain_ids.qdc", "../testdata/constructed/flat_codebook_taguette_shape.qdc"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes><Code guid="a" name="x" isCodable="true"><Description>d` + "\n---\nid: \npatterns: *|ko*rt</Description></Code></Codes></CodeBook>")
	f.Fuzz(func(t *testing.T, s string) {
		cb, err := ParseQDC(strings.NewReader(s))
		if err != nil {
			return
		}
		_ = cb.Validate()
		_, _ = cb.QDCBytes()
		_ = cb.Markdown("en")
	})
}

// FuzzParseYAML: any YAML gives a codebook or an error, and Validate never panics.
func FuzzParseYAML(f *testing.F) {
	f.Add(badYAML)
	f.Add("factors: [{id: a, codes: [{id: b, patterns: ['*']}]}]\nscales: [{id: s, answers: {1: a, 2: a}}]\n")
	f.Fuzz(func(t *testing.T, s string) {
		cb, err := ParseYAML([]byte(s))
		if err != nil {
			return
		}
		_ = cb.Validate()
		_, _ = NewAutoCoder(cb)
		_ = cb.PartnersIn("de wijkagent en school")
	})
}
