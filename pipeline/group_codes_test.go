package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A survey's "other" choice is no municipality or role, unless the codebook lists the
// role; answer codes are kept with a warning (attack 17, F03, F04).
func TestGroupCodes(t *testing.T) {
	cb, err := codebook.LoadData("cb.yaml", []byte("name: c\nfactors: []\nroles:\n  - {id: overig, abbrev: OV, label: {nl: Overig, en: Other}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Study{}
	d := &model.Dataset{Respondents: []model.Respondent{
		{ID: "1", Municipality: "-oth-", Role: "Overig", Source: "e.csv"},
		{ID: "2", Municipality: "Anders, namelijk:", Role: "Anders", Source: "e.csv"},
		{ID: "3", Municipality: "A1", Role: "A4", Source: "e.csv"},
		{ID: "4", Municipality: "Bergdorp", Role: "jongerenwerker", Source: "e.csv"},
		{ID: "5", Municipality: "Anderslo", Source: "e.csv"},
	}}
	warnings := groupCodes(s, d, cb)
	var got []string
	for _, r := range d.Respondents {
		got = append(got, r.Municipality+"/"+r.Role)
	}
	if want := "/Overig,/,A1/A4,Bergdorp/jongerenwerker,Anderslo/"; strings.Join(got, ",") != want {
		t.Errorf("groups %q, want %q", strings.Join(got, ","), want)
	}
	if len(warnings) != 5 { // -oth-, Anders namelijk, role Anders; codes A1 and A4
		t.Errorf("%d warnings: %q", len(warnings), warnings)
	}
}

// Numbers are answer codes too (Qualtrics' numeric values, SPSS's -99); names with a
// digit are not.
func TestAnswerCodeKind(t *testing.T) {
	for v, want := range map[string]string{
		"1": "number", "12": "number", "-99": "number", "0363": "number",
		"A1": "limesurvey", "SQ001": "limesurvey",
		"": "", "-": "", "Bergen (NH)": "", "12345": "", "Wijk 3": "", "Bergdorp": "",
	} {
		if got := answerCodeKind(v); got != want {
			t.Errorf("%q: %q, want %q", v, got, want)
		}
	}
}
