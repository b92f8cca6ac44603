package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The order of the waves: study.yaml's wave_order, checked against the data, or the
// labels' own; labels without one stop the run with a form to fill in, not an order.
func TestOrderWaves(t *testing.T) {
	d := &model.Dataset{Respondents: []model.Respondent{{ID: "a", Wave: "najaar 2024"}, {ID: "a", Wave: "voorjaar 2024"}, {ID: "b"}}}
	for _, c := range []struct {
		yaml, want, err string
	}{
		{"survey:\n  - {path: e1.csv, wave: voorjaar 2024}\n  - {path: e2.csv, wave: najaar 2024}\n", "",
			`the waves "najaar 2024", "voorjaar 2024" do not say their order`},
		{"survey:\n  - {path: e1.csv, wave: voorjaar 2024}\n  - {path: e2.csv, wave: najaar 2024}\n", "",
			"wave_order: [<first wave>, ..., <last wave>]"},
		{"survey: [e.csv]\nwave_order: [voorjaar 2024, najaar 2024]\n", "voorjaar 2024|najaar 2024", ""},
		{"survey: [e.csv]\nwave_order: [voorjaar 2024, Najaar 2024]\n", "", `line 4, column 29: key wave_order: no respondent is in wave "Najaar 2024"`},
		{"survey: [e.csv]\nwave_order: [voorjaar 2024, voorjaar 2024, najaar 2024]\n", "", `key wave_order: wave "voorjaar 2024" is listed twice`},
		{"survey: [e.csv]\nwave_order: [voorjaar 2024]\n", "", `key wave_order: the wave(s) "najaar 2024" of the data are missing`},
	} {
		s, err := ParseStudy([]byte("title: T\ncodebook: cb.yaml\n" + c.yaml))
		if err != nil {
			t.Fatal(err)
		}
		got, err := orderWaves(s, d)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.yaml, err, c.err)
			}
			continue
		}
		if err != nil || strings.Join(got, "|") != c.want {
			t.Errorf("%q: %v %v, want %s", c.yaml, got, err, c.want)
		}
	}
	numbered := &model.Dataset{Respondents: []model.Respondent{{Wave: "T10"}, {Wave: "T2"}}}
	if got, err := orderWaves(&Study{}, numbered); err != nil || strings.Join(got, "|") != "T2|T10" {
		t.Errorf("T2, T10: %v %v", got, err)
	}
}

// The wave words give an example order where each wave holds one of a distinct place
// (attack 17, F09: the example was alphabetical, Nameting before Nulmeting).
func TestWordOrder(t *testing.T) {
	for _, c := range []struct {
		waves []string
		want  string
	}{
		{[]string{"Nameting", "Nulmeting"}, "Nulmeting|Nameting"},
		{[]string{"follow-up", "Eindmeting", "Voormeting", "Tussenmeting"}, "Voormeting|Tussenmeting|Eindmeting|follow-up"},
		{[]string{"Nulmeting", "Voormeting"}, ""},               // two of one place
		{[]string{"Nulmeting", "najaar 2024"}, ""},              // one without a wave word
		{[]string{"nameting na de nulmeting", "Nulmeting"}, ""}, // two places in one
	} {
		got, ok := wordOrder(append([]string(nil), c.waves...))
		if strings.Join(got, "|") != c.want || ok != (c.want != "") {
			t.Errorf("wordOrder(%q) = %q %v, want %q", c.waves, got, ok, c.want)
		}
	}
}
