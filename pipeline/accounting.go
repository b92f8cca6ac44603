package pipeline

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// DefaultMaxRejectedShare is the share of a scale's answer cells that may be rejected
// before a run ends with ExitTooManyRejects: more than 5% is rarely noise, and usually an
// answer wording the codebook does not know ("Zeer mee eens").
const DefaultMaxRejectedShare = 0.05

// ScaleRejects counts a scale's answer cells in the accepted survey rows and how many of
// them could not be used.
type ScaleRejects struct {
	Scale    string
	Cells    int
	Rejected int
}

// Share is Rejected / Cells (0 for a scale without cells).
func (s ScaleRejects) Share() float64 {
	if s.Cells == 0 {
		return 0
	}
	return float64(s.Rejected) / float64(s.Cells)
}

// rejectGroups groups the rejects by reason (the reason names the value, so "'Zeer mee
// eens' is not an answer of scale kennen" is one group), rows and cells apart, most
// frequent first, then by reason.
func rejectGroups(rejects []protected.Reject) []results.RejectGroup {
	type key struct {
		cell, other bool
		reason      string
	}
	n := map[key]int{}
	dutch := map[key]string{} // the Dutch reason of the group's first reject
	for _, r := range rejects {
		k := key{r.Cell, r.Cell && r.Item == "", groupReason(r, r.Reason, "in an earlier row")}
		if n[k] == 0 {
			dutch[k] = groupReason(r, r.ReasonNL, "in een eerdere regel")
		}
		n[k]++
	}
	out := make([]results.RejectGroup, 0, len(n))
	for k, c := range n {
		out = append(out, results.RejectGroup{Count: c, Cells: k.cell, Other: k.other, Reason: k.reason, ReasonNL: dutch[k]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Cells != out[j].Cells {
			return out[i].Cells
		}
		if out[i].Other != out[j].Other {
			return !out[i].Other
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

var rowNumberRe = regexp.MustCompile(`in (row|regel) \d+`)

// groupReason is the reason a reject is grouped by: reason, the reject's reason in one
// language, where earlier says "in an earlier row" in it. Where the reason names the row's
// respondent id (not in the respondents table, already answered), the id and the row
// number are left out, so that twenty duplicates are one group, not twenty; a reason that
// names an answer label keeps it ("Zeer mee eens" is not an answer of scale kennen).
func groupReason(r protected.Reject, reason, earlier string) string {
	if !errors.Is(r.Err, ingest.ErrUnknownRespondent) && !errors.Is(r.Err, ingest.ErrDuplicate) {
		return reason
	}
	if r.Value != "" {
		reason = strings.ReplaceAll(reason, strconv.Quote(r.Value)+" ", "")
		reason = strings.ReplaceAll(reason, strconv.Quote(r.Value), "")
	}
	return rowNumberRe.ReplaceAllString(reason, earlier)
}

// rowRejects lists the survey and interview files whose rejected rows are more than
// maxShare of their rows: a survey file whose respondents are rejected (duplicates,
// unknown ids) loses all their answers, which the answer cells of the accepted rows do not
// show, and an interview export whose rows are rejected (unknown respondents, the
// interviewer's turns, a segment id given two texts) loses those codings. Every file is
// judged by its rows, whatever its format, so that a survey whose every row was rejected,
// and which therefore has no answer cells, is judged too. The respondents table is
// judged by its rows that lose what they say of a respondent (FileCount.Lost: a
// conflicting duplicate, a row read shifted; attack 16 F03), since its respondents'
// answers are then counted in another group; its other rejects lose nothing. A
// read-back review project is not judged here: its rejects show in the files it feeds.
//
// A transcript's empty turns ("R:" and nothing after it) are rejects that lose nothing, so
// they count in neither number here (FileCount.EmptyTurns); an empty segment of a coded
// export does count, since its codings go. So do a survey's responses that another
// export of the survey holds as well (FileCount.SameResponses): they count once, there.
func rowRejects(files []model.FileCount, maxShare float64) []ScaleRejects {
	var out []ScaleRejects
	for _, f := range files {
		if f.Format == "review" {
			continue
		}
		read, rejected := f.Read-f.EmptyTurns-f.SameResponses, f.Rejected-f.EmptyTurns-f.SameResponses
		if f.Format == "respondents" {
			rejected = f.Lost
		}
		if read <= 0 {
			continue
		}
		sr := ScaleRejects{Scale: f.Shown(), Cells: read, Rejected: rejected}
		if sr.Share() > maxShare {
			out = append(out, sr)
		}
	}
	return out
}

// scaleRejects counts, per scale of the codebook that the survey answered, the answer
// cells read and rejected, in codebook order.
func scaleRejects(p *protected.Dataset, cb *codebook.Codebook) []ScaleRejects {
	scaleOf := map[string]string{}
	for _, sc := range cb.Scales {
		for _, it := range sc.Items {
			scaleOf[it.ID] = sc.ID
		}
	}
	cells, rejected := map[string]int{}, map[string]int{}
	// The cells with an answer, column by column (as Survey.Each would visit them), then
	// Extra.
	for c := range p.Survey.Cols {
		if s, ok := scaleOf[p.Survey.Items[c]]; ok {
			cells[s] += answeredCells(&p.Survey.Cols[c])
		}
	}
	for _, a := range p.Survey.Extra {
		if s, ok := scaleOf[a.Item]; ok {
			cells[s]++
		}
	}
	for _, r := range p.Rejects {
		if !r.Cell {
			continue
		}
		if s, ok := scaleOf[r.Item]; ok {
			cells[s]++
			rejected[s]++
		}
	}
	var out []ScaleRejects
	for _, sc := range cb.Scales {
		if cells[sc.ID] > 0 {
			out = append(out, ScaleRejects{Scale: sc.ID, Cells: cells[sc.ID], Rejected: rejected[sc.ID]})
		}
	}
	return out
}
