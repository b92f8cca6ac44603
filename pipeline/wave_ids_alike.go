package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// The same person written two ways in two waves (attack 16 F01): wave 2024 saved from
// Excel writes 1, 2, 3, wave 2025 from a tool that keeps leading zeros writes 001, 002,
// 003 (or E05 beside e05). Two waves pair by id as written, so none of them is paired:
// the paired comparison, the headline of a study of two waves, is empty or too small, and
// "answered in an earlier wave only" counts people who answered both. Whether 1 and 001
// are one person only the researcher knows (they may be two, as in the respondents table,
// ingest/leadingzeros.go), so they are not joined: the run warns, per two consecutive
// waves, with the number of such ids (never an id: warnings reach the report), and
// `analyse check` lists the warning as something to fix (ingest.ErrIDSpelling).

// waveIDsAlike returns a warning for each two consecutive waves (order, as orderWaves
// gives them) where ids of the later wave that the earlier lacks differ from exactly one
// id of the earlier wave that the later lacks only in capitals, spaces or the leading
// zeros of their number.
func waveIDsAlike(d *model.Dataset, order []string) []error {
	if len(order) < 2 {
		return nil
	}
	ids := map[string]map[string]bool{}
	for _, r := range d.Respondents {
		if r.Wave == "" || r.ID == "" {
			continue
		}
		if ids[r.Wave] == nil {
			ids[r.Wave] = map[string]bool{}
		}
		ids[r.Wave][r.ID] = true
	}
	var out []error
	for i := 1; i < len(order); i++ {
		earlier, later := ids[order[i-1]], ids[order[i]]
		alike := map[string][]string{} // the earlier wave's unpaired ids by their form
		for id := range earlier {
			if !later[id] {
				alike[idForm(id)] = append(alike[idForm(id)], id)
			}
		}
		n := 0
		for id := range later {
			if !earlier[id] && len(alike[idForm(id)]) == 1 {
				n++
			}
		}
		if n > 0 {
			out = append(out, model.Reasonf(
				"%[1]w: %[2]d respondent id(s) of wave %[3]s differ from an id of wave %[4]s only in capitals, spaces, leading zeros or a trailing .0 (as 1 and 001, or a whole number written as a decimal): they are not paired but counted as other people; if they are the same people, write their ids alike in both waves",
				"%[1]v: %[2]d respondentcode(s) van meting %[3]s verschillen van een code van meting %[4]s alleen in hoofdletters, spaties, voorloopnullen of een .0 aan het eind (zoals 1 en 001, of een geheel getal als decimaal geschreven): ze zijn niet gekoppeld maar gelden als andere personen; zijn het dezelfde personen, schrijf hun codes dan in beide metingen gelijk",
				ingest.ErrIDSpelling, n, order[i], order[i-1]))
		}
	}
	return out
}

// idForm is what two spellings of an id share: model.IDKey with the leading zeros of its
// trailing number dropped ("E005", "e 5" and "E5" are "e5"), and a number's zero decimal
// ("1001.0" is "1001").
func idForm(id string) string {
	k := model.IDKey(id)
	if n, ok := ingest.DecimalWhole(k); ok { // "1001.0" is 1001 (attack 17 F14)
		k = n
	}
	i := len(k)
	for i > 0 && k[i-1] >= '0' && k[i-1] <= '9' {
		i--
	}
	if i == len(k) {
		return k
	}
	digits := strings.TrimLeft(k[i:], "0")
	if digits == "" {
		digits = "0"
	}
	return k[:i] + digits
}
