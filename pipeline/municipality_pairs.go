package pipeline

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A respondent who works in two municipalities (attack 17 F06): youth workers and
// wijkagenten often serve two, and write both in the survey's Gemeente column
// ("Bergdorp, Zeeveen", "Bergdorp / Kreekdijk"). Read as it is, the cell is a
// municipality of its own, in every table, figure and the Kruskal-Wallis test between
// municipalities, compared against the real ones. A value whose parts, cut at a comma,
// slash, semicolon, ampersand, plus or "en"/"and", are two or more municipalities that
// other respondents name on their own is no municipality: the respondent's municipality
// is unknown (as a respondent without one), and the run warns, naming the value and
// counting its respondents; `analyse check` lists it as something to fix (choose one, or
// list the respondent in the respondents table). A name with such a separator that is
// one municipality ("Nuenen, Gerwen en Nederwetten") is left alone unless each of its
// parts is another respondent's municipality.

// ErrTwoMunicipalities is wrapped by the warning of a municipality cell naming two.
var ErrTwoMunicipalities = model.NewKind("two municipalities in one cell", "twee gemeenten in één cel")

// municipalitySeparators cut a cell into the municipalities it names.
var municipalitySeparators = regexp.MustCompile(`\s*(?:[,/;&+|]|\s(?:en|and|of|or)\s)\s*`)

// municipalityPairs blanks the municipality of every respondent whose cell names two or
// more known municipalities, and returns a warning that names such values (in the order
// read) and counts their respondents.
func municipalityPairs(d *model.Dataset) []error {
	sp := newSpellings(true)
	known := map[string]bool{} // by spellings.key, the municipalities named on their own
	seen := map[string]bool{}  // each distinct value once: a study has few, its respondents many
	for _, r := range d.Respondents {
		v := strings.TrimSpace(r.Municipality)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		if len(municipalitySeparators.Split(v, -1)) == 1 {
			known[sp.key(v)] = true
		}
	}
	if len(known) < 2 {
		return nil
	}
	combined := map[string]bool{}
	var order []string
	count := map[string]int{}
	for i := range d.Respondents {
		r := &d.Respondents[i]
		v := strings.TrimSpace(r.Municipality)
		if v == "" {
			continue
		}
		is, seen := combined[v]
		if !seen {
			is = namesTwo(v, sp, known)
			combined[v] = is
		}
		if !is {
			continue
		}
		if count[v] == 0 {
			order = append(order, v)
		}
		count[v]++
		r.Municipality = ""
	}
	if len(order) == 0 {
		return nil
	}
	n, quoted := 0, make([]string, len(order))
	for i, v := range order {
		n += count[v]
		quoted[i] = strconv.Quote(v)
	}
	list := strings.Join(quoted, ", ")
	// One warning, its count over every such value, as a fold's warning names spellings:
	// no value's own count, which could point at one person.
	return []error{model.Reasonf(
		"%[1]w: %[2]d respondent(s) give as their municipality %[3]s, naming municipalities that other respondents give on their own: it is not read as a municipality, and their municipality is unknown; choose one, or give it in the respondents table",
		"%[1]v: %[2]d respondent(en) geven als gemeente %[3]s, wat gemeenten noemt die andere respondenten los geven: het is niet gelezen als gemeente, en hun gemeente is onbekend; kies er één, of geef haar in de respondententabel",
		ErrTwoMunicipalities, n, list)}
}

// namesTwo reports whether v, cut at the separators, is two or more distinct known
// municipalities and nothing else.
func namesTwo(v string, sp *spellings, known map[string]bool) bool {
	parts := municipalitySeparators.Split(v, -1)
	if len(parts) < 2 {
		return false
	}
	var keys []string
	for _, p := range parts {
		k := sp.key(strings.TrimSpace(p))
		if k == "" || !known[k] {
			return false
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return len(keys) >= 2
}
