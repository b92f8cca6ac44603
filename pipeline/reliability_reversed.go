package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// reversedItemWarnings warns of every item that runs against its scale: a negative
// corrected item-total correlation (r_drop in reliability_items, after the codebook's
// reverse-keyed items are reversed), as psych::alpha warns that "some items were
// negatively correlated with the total scale and probably should be reversed". It is
// the mark of an item reversed twice (a column already recoded in SPSS, K4_r, mapped to
// an item the codebook reverses) or not at all (a negatively worded item without
// reverse: true), and either way the scale's alpha and scores are wrong; attack 17 F19:
// alpha 0.11 and r_drop -0.84 were published without a word. Suppressed rows say
// nothing, and the value is the one the table publishes.
func reversedItemWarnings(res *results.Results) []error {
	t := res.Table("reliability_items")
	if t == nil {
		return nil
	}
	scale, item, rdrop, reverse, suppressed := t.Col("scale"), t.Col("item"), t.Col("r_drop"), t.Col("reverse"), t.Col("suppressed")
	if scale < 0 || item < 0 || rdrop < 0 || reverse < 0 || suppressed < 0 {
		return nil
	}
	var out []error
	for _, row := range t.Rows {
		if s, _ := row[suppressed].(bool); s {
			continue
		}
		r, ok := results.Num(row[rdrop])
		if !ok || r > -0.3 {
			continue
		}
		sc, _ := row[scale].(string)
		it, _ := row[item].(string)
		if rev, _ := row[reverse].(bool); rev {
			out = append(out, model.Reasonf(
				"item %s of scale %s correlates %.2f with the scale's other items (r_drop in reliability_items): it runs against its scale. The codebook reverses it (reverse: true); if its column was reversed already (recoded in SPSS or Excel, a name such as %s_r), it is now reversed twice: map the original column, or leave out reverse: true. The scale's alpha and scores are wrong until then",
				"item %s van schaal %s correleert %.2f met de andere items van de schaal (r_drop in reliability_items): het loopt tegen de schaal in. Het codeboek keert het om (reverse: true); als de kolom al omgekeerd was (gehercodeerd in SPSS of Excel, een naam als %s_r), is het nu twee keer omgekeerd: koppel de oorspronkelijke kolom, of haal reverse: true weg. Tot dan kloppen de alfa en de scores van de schaal niet",
				it, sc, r, it))
			continue
		}
		out = append(out, model.Reasonf(
			"item %s of scale %s correlates %.2f with the scale's other items (r_drop in reliability_items): it runs against its scale. If it is worded the other way round, mark it reverse: true in the codebook; the scale's alpha and scores are wrong until then",
			"item %s van schaal %s correleert %.2f met de andere items van de schaal (r_drop in reliability_items): het loopt tegen de schaal in. Als het andersom geformuleerd is, zet dan reverse: true bij het item in het codeboek; tot dan kloppen de alfa en de scores van de schaal niet",
			it, sc, r))
	}
	return out
}
