package pipeline

import (
	"strings"
	"testing"
)

func TestStudyFigures(t *testing.T) {
	base := "codebook: c.yaml\ninterviews: [i.xlsx]\n"
	for _, c := range []struct {
		yaml    string
		width   float64
		dpi     int
		include []string
	}{
		{"", 17, 300, nil},
		{"figures: {width: column}\n", 8.5, 300, nil},
		{"figures: {width: page, dpi: 600}\n", 17, 600, nil},
		{"figures:\n  width: 12,5 cm\n", 12.5, 300, nil},
		{"figures: {width: 11}\n", 11, 300, nil},
		{"figures:\n  include: [Cooccurrence, factors_by_role]\n", 17, 300, []string{"cooccurrence", "factors_by_role"}},
	} {
		s, err := ParseStudy([]byte(base + c.yaml))
		if err != nil {
			t.Fatalf("%q: %v", c.yaml, err)
		}
		o := s.Figures.Options()
		if o.WidthCM != c.width || o.DPI != c.dpi || strings.Join(o.Include, ",") != strings.Join(c.include, ",") {
			t.Errorf("%q: got %+v", c.yaml, o)
		}
	}
	for _, c := range []struct{ yaml, want string }{
		{"figures: {width: huge}\n", `line 3: key figures.width: "huge" is not column, page or a width between 5 and 30 cm`},
		{"figures: {width: 2}\n", `line 3: key figures.width: "2" is not column`},
		{"figures: {dpi: 20}\n", `line 3, column 16: key figures.dpi: 20 is not between 72 and 1200`},
		{"figures: {colour: red}\n", `line 3, column 11: unknown key "figures.colour"`},
		{"figures:\n  include: [agreement, pie]\n", `line 4, column 24: key figures.include: "pie" is not a figure (known: factors_by_role, valence_by_factor`},
	} {
		_, err := ParseStudy([]byte(base + c.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.yaml, err, c.want)
		}
	}
}

// The commented figures: and outputs: lines of the init template hold when a researcher
// uncomments them.
func TestInitTemplateFiguresParse(t *testing.T) {
	var lines []string
	for _, line := range strings.Split(studyTemplate, "\n") {
		for _, p := range []string{"# figures:", "#   include:", "#   width:", "#   dpi:", "# outputs:"} {
			if strings.HasPrefix(line, p) {
				line = strings.TrimPrefix(line, "# ")
				line = strings.TrimPrefix(line, "#")
				line = strings.SplitN(line, " #", 2)[0]
			}
		}
		lines = append(lines, line)
	}
	s, err := ParseStudy([]byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Figures.Include) != 7 || s.Figures.Width != PageWidthCM || s.Figures.DPI != 300 || len(s.Outputs) != 7 {
		t.Errorf("figures %+v, outputs %v", s.Figures, s.Outputs)
	}
}
