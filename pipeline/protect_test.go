package pipeline

import (
	"fmt"
	"sort"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Issue 13: ids numbered per municipality (B01-B06 Bergdorp, Z01-Z06 Zeeveen) must not
// show through the pseudonym numbers, and the same study gives the same pseudonyms.
func TestPseudonymsDoNotFollowTheIDs(t *testing.T) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	study := func() *model.Dataset {
		d := &model.Dataset{}
		for _, m := range []string{"B", "Z"} {
			for i := 1; i <= 6; i++ {
				id := fmt.Sprintf("%s%02d", m, i)
				d.Respondents = append(d.Respondents, model.Respondent{ID: id, Role: "jongerenwerker"})
				d.Segments = append(d.Segments, model.Segment{ID: id + "-1", Respondent: id, Text: "tekst van " + id})
			}
		}
		return d
	}
	order := func(key [][2]string) string {
		sort.Slice(key, func(i, j int) bool { return key[i][1] < key[j][1] })
		s := ""
		for _, k := range key {
			s += k[0][:1]
		}
		return s
	}
	a, b := order(pseudonymise(study(), cb)), order(pseudonymise(study(), cb))
	if a != b {
		t.Fatalf("the same study gave two numberings: %s and %s", a, b)
	}
	// In the order of the ids, JW-01..06 would be Bergdorp and JW-07..12 Zeeveen.
	if a == "BBBBBBZZZZZZ" || a == "ZZZZZZBBBBBB" {
		t.Errorf("pseudonyms follow the real ids: %s", a)
	}
}
