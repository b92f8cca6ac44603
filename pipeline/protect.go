package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// pseudonymise gives every respondent a pseudonym: the role's abbreviation and a number
// (JW-03), numbered within the role in the order of the respondents' ids, so the same
// study always gives the same pseudonyms. Respondents whose role the codebook does not
// know get "R". It returns the key, real id → pseudonym, sorted by id.
func pseudonymise(d *model.Dataset, cb *codebook.Codebook) [][2]string {
	byAbbrev := map[string][]int{}
	for i, r := range d.Respondents {
		abbrev := "R"
		if role, ok := cb.Role(r.Role); ok && role.Abbrev != "" {
			abbrev = role.Abbrev
		}
		byAbbrev[abbrev] = append(byAbbrev[abbrev], i)
	}
	pseud := map[string]string{}
	for abbrev, idx := range byAbbrev {
		sort.Slice(idx, func(a, b int) bool {
			return naturalLess(d.Respondents[idx[a]].ID, d.Respondents[idx[b]].ID)
		})
		width := len(fmt.Sprint(len(idx)))
		if width < 2 {
			width = 2
		}
		for n, i := range idx {
			p := fmt.Sprintf("%s-%0*d", abbrev, width, n+1)
			d.Respondents[i].Pseudonym = p
			pseud[d.Respondents[i].ID] = p
		}
	}
	key := make([][2]string, 0, len(pseud))
	for _, r := range d.Respondents {
		key = append(key, [2]string{r.ID, r.Pseudonym})
	}
	sort.Slice(key, func(i, j int) bool { return naturalLess(key[i][0], key[j][0]) })
	return key
}

// renameSegments replaces segment ids, which often carry a respondent's real id
// ("R01-03"), by the respondent's pseudonym and a number ("JW-03/007"), in the segments
// and their codings.
func renameSegments(d *model.Dataset) {
	pseud := map[string]string{}
	for _, r := range d.Respondents {
		pseud[r.ID] = r.Pseudonym
	}
	next := map[string]int{}
	ids := make(map[string]string, len(d.Segments))
	// The same segment can come from two exports (one per coder): keep it once.
	kept := d.Segments[:0]
	for _, s := range d.Segments {
		if _, dup := ids[s.ID]; !dup {
			ids[s.ID] = ""
			kept = append(kept, s)
		}
	}
	d.Segments = kept
	for i := range d.Segments {
		s := &d.Segments[i]
		p := pseud[s.Respondent]
		if p == "" {
			p = "R"
		}
		next[p]++
		id := fmt.Sprintf("%s/%03d", p, next[p])
		ids[s.ID] = id
		s.ID = id
	}
	for i := range d.Codings {
		if id, ok := ids[d.Codings[i].Segment]; ok {
			d.Codings[i].Segment = id
		}
	}
}

// naturalLess orders ids so that R2 comes before R10.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// redactAll applies the redactor to every free text that can reach an output: segment
// texts, auto-coding spans and the values of rejects.
func redactAll(d *model.Dataset, r *Redactor) {
	for i := range d.Segments {
		d.Segments[i].Text = r.Redact(d.Segments[i].Text)
		d.Segments[i].Document = r.Redact(d.Segments[i].Document)
	}
	for i := range d.Codings {
		if d.Codings[i].Span != "" {
			d.Codings[i].Span = r.Redact(d.Codings[i].Span)
		}
	}
	for i := range d.Rejects {
		d.Rejects[i].Value = r.Redact(d.Rejects[i].Value)
		d.Rejects[i].Location = r.Redact(d.Rejects[i].Location)
		d.Rejects[i].Reason = r.Redact(d.Rejects[i].Reason)
	}
}

// namesToRedact collects the respondents' real names and ids and the study's names list.
func namesToRedact(d *model.Dataset, extra []string) []string {
	names := append([]string(nil), extra...)
	for _, r := range d.Respondents {
		if r.Name != "" {
			names = append(names, r.Name)
		}
		// Ids are redacted only when they could not be ordinary words or numbers.
		if len(r.ID) >= 3 && strings.IndexFunc(r.ID, func(c rune) bool { return c >= '0' && c <= '9' }) >= 0 &&
			strings.IndexFunc(r.ID, func(c rune) bool { return c < '0' || c > '9' }) >= 0 {
			names = append(names, r.ID)
		}
	}
	return names
}
