package disclosure

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// Respondents without a municipality pooled with Bergdorp are named in the pool, in
// disclosure.csv and in the report's note (attack 11, F6), and the attacker reads that
// row as those respondents, not as a municipality.
func TestPoolNamesRespondentsWithoutValue(t *testing.T) {
	resp, all := people("jongerenwerker/Bergdorp=12", "jongerenwerker/Zeeveen=12", "jongerenwerker/=2")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{})
	if _, st := d.Group(Survey, "municipality", ""); st != Pooled {
		t.Fatalf("no municipality: %v, want pooled", st)
	}
	tab := d.Table()
	var rows []string
	for _, r := range tab.Rows {
		if r[0] == "municipality" && r[1] == Survey {
			rows = append(rows, results.FormatCell(r[2])+"="+results.FormatCell(r[3]))
		}
	}
	if got := strings.Join(rows, " "); got != "Bergdorp=pooled Zeeveen=shown (zonder gemeente)=pooled" {
		t.Errorf("disclosure rows: %s", got)
	}
	res := &results.Results{}
	d.note(res)
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, n.NL)
	}
	if all := strings.Join(notes, "\n"); !strings.Contains(all, "Bergdorp, (zonder gemeente).") {
		t.Errorf("the pool note does not name the respondents without a municipality:\n%s", all)
	}
	if !isNoValueLabel(Rules{Language: "en"}.NoValueLabel("wijk")) || isNoValueLabel("Bergdorp") {
		t.Error("isNoValueLabel")
	}
}
