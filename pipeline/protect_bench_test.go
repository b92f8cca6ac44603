package pipeline

import (
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// BenchmarkProtect times the protect stage (salt, pseudonyms, segment renaming,
// redaction) on a fifth of the national study, built in memory: 20,000 surveyed
// respondents × 24 items in 40 municipalities and 4 roles, 10,000 interview segments
// of 400 interviewed respondents with two codings each.
func BenchmarkProtect(b *testing.B) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		b.Fatal(err)
	}
	roles := []string{"Jongerenwerker", "jeugdzorgprofessional", "Wijkagent", "leerkracht"}
	answers := []string{"Helemaal mee eens", "Mee eens", "Neutraal", "Mee oneens", "Weet niet"}
	var d model.Dataset
	for i := 1; i <= 20000; i++ {
		id := fmt.Sprintf("E%06d", i)
		d.Respondents = append(d.Respondents, model.Respondent{ID: id, Municipality: fmt.Sprintf("Gemeente %d", i%40), Role: roles[i%4], Source: "survey/survey.csv"})
		for k := 1; k <= 24; k++ {
			d.Survey.Add(model.Answer{Respondent: id, Item: fmt.Sprintf("K%d", k), Raw: answers[(i+k)%5], Value: float64((i+k)%5 + 1)})
		}
	}
	for i := 1; i <= 10000; i++ {
		resp := fmt.Sprintf("R%04d", (i-1)/25+1)
		if i%25 == 1 {
			d.Respondents = append(d.Respondents, model.Respondent{ID: resp, Municipality: "Zeezand", Role: roles[i%4], Source: "interviews/segments.csv"})
		}
		seg := fmt.Sprintf("S%05d", i)
		d.Segments = append(d.Segments, model.Segment{ID: seg, Respondent: resp, Document: "Interview " + resp, Start: -1, End: -1, Source: "interviews/segments.csv",
			Text: fmt.Sprintf("Ja, door de AVG durft de mentor geen namen meer te noemen (fragment %d). Met de wijkagent hebben we korte lijnen, ik app hem gewoon even.", i)})
		for _, coder := range []string{"Anouk", "Bram"} {
			d.Codings = append(d.Codings, model.Coding{Segment: seg, Raw: "informeren.privacy", Coder: coder, Source: "interviews/segments.csv"})
		}
	}
	s := &Study{}
	r := newRedactor(&d, cb, s)
	rel := func(p string) string { return p }
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		x := d
		x.Respondents = append([]model.Respondent(nil), d.Respondents...)
		x.Segments = append([]model.Segment(nil), d.Segments...)
		x.Codings = append([]model.Coding(nil), d.Codings...)
		b.StartTimer()
		protect(&x, cb, r, rel)
	}
}
