package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// A national study's joint display has a block per municipality: the figure shows the
// study and the jointGroupsMax municipalities with the most survey respondents, and says
// so (before, 342 municipalities made a figure 108,158 pixels tall and 800 MB of pixels).
func TestJointDisplayFigureShowsAtMostTwelveMunicipalities(t *testing.T) {
	tab := results.NewTable("joint_display",
		results.Column{Name: "factor", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "pct_agree", Kind: results.Float})
	tab.Add("kennen", "all", "all", 4000, 0.4)
	for i := range 40 {
		tab.Add("kennen", "municipality", fmt.Sprintf("Gemeente %02d", i), 10+i, 0.5)
	}
	res := &results.Results{Language: "nl"}
	res.Add(tab)
	keep, all := jointGroupsShown(view(res.Table("joint_display")))
	if len(keep) != jointGroupsMax || all != 40 {
		t.Fatalf("kept %d of %d groups, want %d of 40", len(keep), all, jointGroupsMax)
	}
	for i := 28; i < 40; i++ { // the largest: n = 38 .. 49
		if !keep["municipality\x00"+fmt.Sprintf("Gemeente %02d", i)] {
			t.Errorf("Gemeente %02d (n = %d) not shown", i, 10+i)
		}
	}
	figs := jointDisplay(res, labels{})
	if len(figs) != 1 {
		t.Fatalf("%d figures", len(figs))
	}
	// As tall as the figure of a study with only those twelve municipalities.
	small := results.NewTable("joint_display", tab.Columns...)
	small.Add("kennen", "all", "all", 4000, 0.4)
	for i := 28; i < 40; i++ {
		small.Add("kennen", "municipality", fmt.Sprintf("Gemeente %02d", i), 10+i, 0.5)
	}
	twelve := &results.Results{Language: "nl"}
	twelve.Add(small)
	if h, want := figs[0].PlotHeight, jointDisplay(twelve, labels{})[0].PlotHeight; h != want {
		t.Errorf("plot height %v, want %v (twelve municipalities)", h, want)
	}
	want := "Getoond: de 12 gemeenten met de meeste respondenten in de enquête; alle 40 in tabel joint_display."
	if !strings.Contains(figs[0].Caption, want) {
		t.Errorf("caption %q lacks %q", figs[0].Caption, want)
	}
}
