package analysis

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The codebook's shipped model (codebook.Model) decides, for its codes, whether the
// dictionary's suggestion is made: a suggestion it holds back (Held "model") is listed in
// autocodings with the model's probability, not counted, as the calibration's are; a code
// it finds where no pattern fired is suggested over the whole segment with the rule
// "model: " and the words that weighed most.

// noteModel notes, where the codebook's model decided, its threshold, how many dictionary
// suggestions it held back and how many codes it suggested that no pattern found; where
// the study turned it off, that the dictionary alone decided.
func (in *Input) noteModel(res *results.Results) {
	if in.Codebook == nil {
		return
	}
	if in.Codebook.ModelOff() {
		res.Notes = append(res.Notes, results.Note{Topic: "autocode_validation",
			NL: "het getrainde model van het codeboek staat uit (autocode: model: false): het woordenboek alleen besluit.",
			EN: "the codebook's trained model is off (autocode: model: false): the dictionary alone decides."})
		return
	}
	m := in.Codebook.ShippedModel()
	if m == nil {
		return
	}
	held, only := 0, 0
	for i := range in.AutoHeld {
		if in.AutoHeld[i].Held == codebook.HeldModel {
			held++
		}
	}
	for i := range in.Data.Codings {
		c := &in.Data.Codings[i]
		if c.Coder == AutoCoder && strings.HasPrefix(c.Rule, codebook.ModelRulePrefix) {
			only++
		}
	}
	t := fmt.Sprintf("%.2f", m.Threshold)
	nlT, enT := "drempel "+strings.Replace(t, ".", ",", 1), "threshold "+t
	if a := fmt.Sprintf("%.2f", m.Add()); a != t { // two thresholds: keep and add
		nlT = fmt.Sprintf("drempels %s om een suggestie van het woordenboek te houden en %s om er een toe te voegen", strings.Replace(t, ".", ",", 1), strings.Replace(a, ".", ",", 1))
		enT = fmt.Sprintf("thresholds %s to keep a dictionary suggestion and %s to add one", t, a)
	}
	res.Notes = append(res.Notes, results.Note{Topic: "autocode_validation",
		NL: fmt.Sprintf("een getraind model (%s, %s) besluit voor %d codes of het woordenboek een code voorstelt: %d suggesties van het woordenboek zijn achtergehouden (kolom held: model) en %d codes voorgesteld waar geen patroon vond (regel \"model: \" met de woorden die het zwaarst wogen, bron model); kolom probability geeft de kans volgens het model.",
			m.Trained, nlT, len(m.Codes), held, only),
		EN: fmt.Sprintf("a trained model (%s, %s) decides for %d codes whether the dictionary suggests a code: %d dictionary suggestions were held back (column held: model) and %d codes suggested where no pattern fired (rule \"model: \" with the words that weighed most, source model); column probability gives the model's probability.",
			m.Trained, enT, len(m.Codes), held, only)})
}
