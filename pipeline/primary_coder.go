package pipeline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
)

// checkPrimaryCoder makes sure that study.yaml's primary_coder coded something: only
// that coder's codings count in frequencies and quotes, so a name no export holds (a
// typo, "Anna" where the exports say "A") emptied code_frequencies, quotes and every
// count built on them, with exit 0 and a report saying only Anna's codings count
// (attack 13, primary-coder-unknown). The name is compared as the analysis compares it,
// exactly; the error lists the coders the interviews have, with the nearest.
func checkPrimaryCoder(s *Study, d *model.Dataset) error {
	if err := primaryCoderCoded(s, d); err != nil {
		return primaryCoderError{err}
	}
	return nil
}

// primaryCoderError is checkPrimaryCoder's error, which `analyse check` lists and reads
// on past (check_stops.go).
type primaryCoderError struct{ error }

func (e primaryCoderError) Unwrap() error { return e.error }
func (e primaryCoderError) Dutch() string { return model.Dutch(e.error) }

// primaryCoderCoded is checkPrimaryCoder's test.
func primaryCoderCoded(s *Study, d *model.Dataset) error {
	p := s.PrimaryCoder
	if p == "" {
		return nil
	}
	set := map[string]bool{}
	for _, c := range d.Codings {
		if c.Coder == p {
			return nil
		}
		if c.Coder != analysis.AutoCoder && c.Coder != "" {
			set[c.Coder] = true
		}
	}
	coders := model.SortedKeys(set)
	if len(coders) == 0 {
		return model.Reasonf("%s: %w", "%s: %v", s.Path, s.errAt("primary_coder", -1,
			fmt.Sprintf("primary_coder %q: the interviews name no coder (no export has a coder column, or none is coded), so no coding would count; remove primary_coder, or read exports that name their coders", p),
			fmt.Sprintf("primary_coder %q: de interviews noemen geen codeur (geen export heeft een kolom met de codeur, of er is niets gecodeerd), dus geen codering zou meetellen; haal primary_coder weg, of lees exports die hun codeurs noemen", p)))
	}
	quoted := make([]string, len(coders))
	for i, c := range coders {
		quoted[i] = strconv.Quote(c)
	}
	list := strings.Join(quoted, ", ")
	return model.Reasonf("%s: %w", "%s: %v", s.Path, s.errAt("primary_coder", -1,
		fmt.Sprintf("primary_coder %q coded none of the interviews, so no coding would count in the frequencies and quotes; the coders are %s%s", p, list, codebook.DidYouMean(p, coders)),
		fmt.Sprintf("primary_coder %q heeft niets van de interviews gecodeerd, dus geen codering zou meetellen in de frequenties en citaten; de codeurs zijn %s%s", p, list, codebook.DidYouMeanIn("nl", p, coders))))
}

// primaryCoderFolded makes study.yaml's primary_coder the coder it names after the
// coders' spellings were folded (foldSpellings shows the most frequent spelling): a
// primary_coder "Anna" is the coder "anna" when the exports write her "Anna" and "anna"
// (attack 14, primary-coder-folded), and when they write her only "anna". A name that is
// no coder's, or more than one's, is left for checkPrimaryCoder to report.
func primaryCoderFolded(s *Study, d *model.Dataset) {
	if s.PrimaryCoder == "" {
		return
	}
	set := map[string]bool{}
	for _, c := range d.Codings {
		if c.Coder != analysis.AutoCoder && c.Coder != "" {
			set[c.Coder] = true
		}
	}
	if c, ok := foldedCoder(s.PrimaryCoder, model.SortedKeys(set)); ok {
		s.PrimaryCoder = c
	}
}

// foldedCoder returns the spelling of study.yaml's primary_coder among coders when it
// differs from exactly one of them only as foldSpellings folds coders (case, accents,
// spaces): the name the researcher wrote is then that coder.
func foldedCoder(primary string, coders []string) (string, bool) {
	found := ""
	for _, c := range coders {
		if c == primary {
			return c, true
		}
		if codebook.Fold(c) == codebook.Fold(primary) {
			if found != "" && found != c {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}
