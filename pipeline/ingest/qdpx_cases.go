package ingest

import (
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// sourceCases are, by source GUID, the named Cases that refer to the source, in the
// project's order, each once.
type sourceCases map[string][]string

func (sc sourceCases) add(guid, name string) {
	if !slices.Contains(sc[guid], name) {
		sc[guid] = append(sc[guid], name)
	}
}

// caseRespondents decides each source's respondent among its named Cases. A source in one
// Case is that Case's. A source in two or more (a person Case and a municipality or
// organisation Case, as NVivo projects with several case classifications have) is not
// decided by the Cases' order: its respondent is the one Case the respondents table
// lists, else the one Case whose name fits name_pattern; where neither decides, the read
// stops, naming the source and its Cases (ErrAmbiguousRespondent). Taking the first Case
// made six interviewees two respondents named after their municipalities.
//
// grouping holds the named Cases that refer to sources but are no source's respondent:
// they group respondents and are not respondents themselves (a Case with no source at
// all still is one, an interviewee without an interview).
func (r *qdpxReader) caseRespondents(sc sourceCases, np *namePattern) (respondent map[string]string, grouping map[string]bool, err error) {
	names := map[string]string{}
	for _, s := range r.p.TextSources {
		names[refiqda.NormalGUID(s.GUID)] = strings.TrimSpace(s.Name)
	}
	respondent = map[string]string{}
	for _, g := range model.SortedKeys(sc) {
		cases := sc[g]
		if len(cases) == 1 {
			respondent[g] = cases[0]
			continue
		}
		id := ""
		if r.opt.Known != nil {
			if known := slices.DeleteFunc(slices.Clone(cases), func(c string) bool { return !r.opt.knows(c) }); len(known) == 1 {
				id = known[0]
			}
		}
		if id == "" && np != nil {
			var fit []string
			for _, c := range cases {
				if _, ok, err := np.match(c, nil); ok && err == nil {
					fit = append(fit, c)
				}
			}
			if len(fit) == 1 {
				id = fit[0]
			}
		}
		if id == "" {
			name := names[g]
			if name == "" {
				name = g
			}
			return nil, nil, model.Reasonf("%[1]s: the source %[2]q belongs to the Cases %[3]s, and which of them is its respondent is not stated: list the interviewees in a respondents table (respondents: in study.yaml), or give a name_pattern that only the interviewees' Case names fit (such as \"{role}{nr}\" for JW01); the other Cases then group respondents: %[4]w",
				"%[1]s: de bron %[2]q hoort bij de cases %[3]s, en welke daarvan de respondent is, is niet opgegeven: zet de geïnterviewden in een respondententabel (respondents: in study.yaml), of geef een name_pattern waar alleen de casenamen van de geïnterviewden bij passen (zoals \"{role}{nr}\" voor JW01); de andere cases groeperen dan respondenten: %[4]v",
				r.path, name, quoteAll(cases), ErrAmbiguousRespondent)
		}
		respondent[g] = id
	}
	grouping = map[string]bool{}
	for _, cs := range sc {
		for _, c := range cs {
			grouping[c] = true
		}
	}
	for _, id := range respondent {
		delete(grouping, id)
	}
	return respondent, grouping, nil
}
