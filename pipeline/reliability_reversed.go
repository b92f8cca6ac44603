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
	// A scale of two items: each item's r_drop is the two items' correlation, and a
	// warning for each (mark K1 reverse: true; leave out K4's reverse: true) gave advice
	// that, both followed, left the two items as opposed as before. One warning names
	// both and says to change one of them.
	items := map[string]int{}
	for _, row := range t.Rows {
		sc, _ := row[scale].(string)
		items[sc]++
	}
	pairDone := map[string]bool{}
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
		if items[sc] == 2 {
			if !pairDone[sc] {
				pairDone[sc] = true
				out = append(out, twoItemWarning(t, sc, r, scale, item, reverse))
			}
			continue
		}
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

// twoItemWarning is the one warning for a scale of two items that correlate negatively:
// which of the two runs against the other the answers cannot tell.
func twoItemWarning(t *results.Table, sc string, r float64, scale, item, reverse int) error {
	var names, reversed []string
	for _, row := range t.Rows {
		if s, _ := row[scale].(string); s != sc {
			continue
		}
		it, _ := row[item].(string)
		names = append(names, it)
		if rev, _ := row[reverse].(bool); rev {
			reversed = append(reversed, it)
		}
	}
	a, b := names[0], names[1]
	en, nl := "Neither is reversed by the codebook: one of them may be worded the other way round (mark that one reverse: true)", "Het codeboek keert geen van beide om: een ervan is misschien andersom geformuleerd (zet bij dat item reverse: true)"
	switch len(reversed) {
	case 1:
		en = "The codebook reverses " + reversed[0] + " (reverse: true): if its column was reversed already (recoded in SPSS or Excel, a name such as " + reversed[0] + "_r), it is now reversed twice (map the original column, or leave out reverse: true); else the other item may be worded the other way round"
		nl = "Het codeboek keert " + reversed[0] + " om (reverse: true): als de kolom al omgekeerd was (gehercodeerd in SPSS of Excel, een naam als " + reversed[0] + "_r), is het nu twee keer omgekeerd (koppel de oorspronkelijke kolom, of haal reverse: true weg); anders is het andere item misschien andersom geformuleerd"
	case 2:
		en, nl = "The codebook reverses both: one of them may be reversed twice or not worded the other way round", "Het codeboek keert beide om: een ervan is misschien twee keer omgekeerd of niet andersom geformuleerd"
	}
	return model.Reasonf(
		"items %[1]s and %[2]s of scale %[3]s correlate %.2[4]f (r_drop in reliability_items): with two items, one runs against the other, and the answers cannot tell which. %[5]s. Change one of them, not both: the scale's alpha and scores are wrong until then",
		"items %[1]s en %[2]s van schaal %[3]s correleren %.2[4]f (r_drop in reliability_items): met twee items loopt het ene tegen het andere in, en de antwoorden zeggen niet welk. %[6]s. Verander er één, niet beide: tot dan kloppen de alfa en de scores van de schaal niet",
		a, b, sc, r, en, nl)
}
