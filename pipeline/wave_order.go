package pipeline

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
)

// orderWaves finds the order of the study's waves, first to last, for every table that
// compares or picks a wave (wave_comparisons' consecutive pairs, the latest wave of the
// cross-sectional tables): study.yaml's wave_order when given, else the labels' own
// order (analysis.OrderWaves: numbers, dates, one text with a number). Labels without an
// order of their own are refused rather than sorted as text, which would silently turn
// "voorjaar 2024" → "najaar 2024" around. A wave_order that misses a wave of the data,
// names one twice or names a wave no respondent has is refused too (a typo would
// otherwise drop or reorder a wave). Nil for a study of fewer than two waves without
// wave_order.
func orderWaves(s *Study, d *model.Dataset) ([]string, error) {
	seen := map[string]bool{}
	for _, r := range d.Respondents {
		if r.Wave != "" {
			seen[r.Wave] = true
		}
	}
	waves := model.SortedKeys(seen)
	if len(s.WaveOrder) > 0 {
		stated := map[string]bool{}
		for i, w := range s.WaveOrder {
			if stated[w] {
				return nil, s.errAt("wave_order", i, fmt.Sprintf("wave %q is listed twice", w), fmt.Sprintf("meting %q staat er twee keer in", w))
			}
			stated[w] = true
			if !seen[w] {
				return nil, s.errAt("wave_order", i, fmt.Sprintf("no respondent is in wave %q (the waves of the data: %s)%s", w, quoteAll(waves), codebook.DidYouMean(w, waves)),
					fmt.Sprintf("geen respondent zit in meting %q (de metingen in de gegevens: %s)%s", w, quoteAll(waves), codebook.DidYouMeanIn("nl", w, waves)))
			}
		}
		if _, missing := analysis.OrderWavesAs(waves, s.WaveOrder); missing != nil {
			return nil, s.errAt("wave_order", -1, fmt.Sprintf("the wave(s) %s of the data are missing; list every wave, from first to last", quoteAll(missing)),
				fmt.Sprintf("de meting(en) %s uit de gegevens ontbreken; noem elke meting, van de eerste tot de laatste", quoteAll(missing)))
		}
		return append([]string(nil), s.WaveOrder...), nil
	}
	if len(waves) < 2 {
		return nil, nil
	}
	ordered, err := analysis.OrderWaves(waves)
	if errors.Is(err, analysis.ErrWaveOrder) {
		// Never an order the labels do not give: the example was the order study.yaml's
		// entries named the waves in, else alphabetical ("Nameting, Nulmeting"), and
		// pasted, it reversed every change (attack 17, F09). Labels that are the Dutch
		// words for a design's waves give their order (wordOrder); others get a form to
		// fill in, which no run accepts as it stands.
		if words, ok := wordOrder(waves); ok {
			example := strings.Join(words, ", ")
			return nil, model.Reasonf("%s: the waves %s do not say their order (they are not all numbers, dates such as 2024-11 or 11-2024, or one text with a number such as T1, T2): state it in study.yaml from first to last; by their names (a nulmeting or voormeting before a tussenmeting, a nameting or eindmeting, a follow-up) that is wave_order: [%s], if your design has them in that order",
				"%s: de metingen %s geven hun volgorde niet zelf aan (niet allemaal getallen, datums zoals 2024-11 of 11-2024, of één tekst met een getal zoals T1, T2): geef de volgorde in study.yaml, van de eerste tot de laatste; naar hun namen (een nulmeting of voormeting voor een tussenmeting, een nameting of eindmeting, een follow-up) is dat wave_order: [%s], als uw opzet ze in die volgorde heeft",
				s.Path, quoteAll(waves), example)
		}
		return nil, model.Reasonf("%s: the waves %s do not say their order (they are not all numbers, dates such as 2024-11 or 11-2024, or one text with a number such as T1, T2): state it in study.yaml from first to last, each wave as written, wave_order: [<first wave>, ..., <last wave>]",
			"%s: de metingen %s geven hun volgorde niet zelf aan (niet allemaal getallen, datums zoals 2024-11 of 11-2024, of één tekst met een getal zoals T1, T2): geef de volgorde in study.yaml, van de eerste tot de laatste, elke meting zoals geschreven, wave_order: [<eerste meting>, ..., <laatste meting>]",
			s.Path, quoteAll(waves))
	}
	return ordered, err
}

// waveWords are the Dutch (and English) names of a design's waves, by their place in it:
// a baseline before an interim measurement, before a post-test, before a follow-up.
var waveWords = []struct {
	rank  int
	words []string
}{
	{0, []string{"nulmeting", "voormeting", "beginmeting", "baseline", "premeting"}},
	{1, []string{"tussenmeting", "tussentijdse meting"}},
	{2, []string{"nameting", "eindmeting", "postmeting"}},
	{3, []string{"follow-up", "followup", "follow up", "vervolgmeting"}},
}

// wordOrder orders waves by the wave word each holds, where every wave holds exactly one
// and no two the same place ("Nulmeting", "Nameting"); ok is false otherwise.
func wordOrder(waves []string) ([]string, bool) {
	rank := map[string]int{}
	taken := map[int]bool{}
	for _, w := range waves {
		f := strings.ToLower(strings.Join(strings.Fields(w), " "))
		found := -1
		for _, ww := range waveWords {
			for _, word := range ww.words {
				if strings.Contains(f, word) {
					if found >= 0 && found != ww.rank {
						return nil, false
					}
					found = ww.rank
				}
			}
		}
		if found < 0 || taken[found] {
			return nil, false
		}
		taken[found] = true
		rank[w] = found
	}
	out := append([]string(nil), waves...)
	sort.SliceStable(out, func(a, b int) bool { return rank[out[a]] < rank[out[b]] })
	return out, true
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, w := range list {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

// waveNameConflicts warns where one respondent id carries two different names in two
// waves: a tool that numbers the responses of each survey (1, 2, 3 ...) under a header
// samenspel does not know as such would pair strangers as one person measured twice, and
// the names are the one sign of it. Names are compared without case, accents and spaces
// (foldName); the warning shows an id only when it is a bare number, never a name.
func waveNameConflicts(d *model.Dataset) []error {
	first := map[string]model.Respondent{} // id -> its first respondent with a name
	conflicts, example := 0, ""
	counted := map[string]bool{}
	for _, r := range d.Respondents {
		if r.Wave == "" || strings.TrimSpace(r.Name) == "" {
			continue
		}
		f, ok := first[r.ID]
		if !ok {
			first[r.ID] = r
			continue
		}
		if f.Wave != r.Wave && foldedName(f.Name) != foldedName(r.Name) && !counted[r.ID] {
			counted[r.ID] = true
			conflicts++
			if example == "" && strings.Trim(r.ID, "0123456789") == "" {
				example = r.ID
			}
		}
	}
	if conflicts == 0 {
		return nil
	}
	eg, egNL := "", ""
	if example != "" {
		eg, egNL = fmt.Sprintf(" (for example %q)", example), fmt.Sprintf(" (bijvoorbeeld %q)", example)
	}
	return []error{model.Reasonf("%[1]d respondent id(s) carry a different name in two waves%[2]s: each is paired as one person measured twice; if the survey tool numbers its responses per survey, name a column that is the same person in every wave (columns: {respondent: ...})",
		"%[1]d respondentcode(s) hebben in twee metingen een andere naam%[3]s: elk wordt gepaard als één persoon die twee keer is gemeten; als het programma de responsen per vragenlijst nummert, noem dan een kolom die in elke meting dezelfde persoon is (columns: {respondent: ...})",
		conflicts, eg, egNL)}
}

// foldedName is a name without case, accents and spaces, as names are compared.
func foldedName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
