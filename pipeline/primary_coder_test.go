package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A primary_coder who coded nothing is an error at its line in study.yaml, listing the
// coders with the nearest; one who coded something, or none set, is fine (attack 13,
// primary-coder-unknown).
func TestCheckPrimaryCoder(t *testing.T) {
	d := &model.Dataset{Codings: []model.Coding{{Segment: "1", Coder: "Anneke"}, {Segment: "1", Coder: "Bram"}}}
	for _, c := range []struct{ primary, want string }{
		{"", ""},
		{"Bram", ""},
		{"Annke", `line 3, column 16: key primary_coder: primary_coder "Annke" coded none of the interviews, so no coding would count in the frequencies and quotes; the coders are "Anneke", "Bram"; did you mean "Anneke"?`},
		{"auto", `the coders are "Anneke", "Bram"`},
	} {
		s, err := ParseStudy([]byte("title: T\ncodebook: c.yaml\nprimary_coder: \"" + c.primary + "\"\ninterviews: [c.csv]\n"))
		if err != nil {
			t.Fatal(err)
		}
		err = checkPrimaryCoder(s, d)
		if c.want == "" {
			if err != nil {
				t.Errorf("%q: %v", c.primary, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v; want %s", c.primary, err, c.want)
		}
	}
	if err := checkPrimaryCoder(&Study{PrimaryCoder: "A"}, &model.Dataset{}); err == nil || !strings.Contains(err.Error(), "name no coder") {
		t.Errorf("no coders: %v", err)
	}
}
