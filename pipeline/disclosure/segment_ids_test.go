package disclosure_test

import (
	"strings"
	"testing"
)

// TestSegmentIDsNameTheirRowsPseudonym: a segment id (JW-03/007) numbers a respondent's
// segments and carries the pseudonym; every table that shows one must show that same
// pseudonym beside it, also where a small role renamed the pseudonym (WA-01 → OV-03), or
// the id would link a row to a respondent (or a role) the row hides. Over the example
// and 25 random studies with small groups.
func TestSegmentIDsNameTheirRowsPseudonym(t *testing.T) {
	dirs := []string{"../../data/example"}
	for i := range 25 {
		dir := t.TempDir()
		writeRandomStudy(t, dir, uint64(500+i))
		dirs = append(dirs, dir)
	}
	checked := 0
	for _, dir := range dirs {
		_, p := attackStudy(t, dir)
		for _, name := range []string{"quotes", "autocodings", "disagreements"} {
			recs := p.Tables[name]
			if len(recs) < 2 {
				continue
			}
			seg, resp := -1, -1
			for j, h := range recs[0] {
				switch h {
				case "segment":
					seg = j
				case "respondent":
					resp = j
				}
			}
			if seg < 0 {
				continue
			}
			for _, r := range recs[1:] {
				checked++
				if resp < 0 || !strings.HasPrefix(r[seg], r[resp]+"/") {
					t.Errorf("%s: %s: segment %q beside respondent %q", dir, name, r[seg], r[min(max(resp, 0), len(r)-1)])
				}
			}
		}
	}
	t.Logf("%d rows with a segment id checked", checked)
	if checked < 100 {
		t.Errorf("only %d rows checked", checked)
	}
}
