package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Two coders' codings of one passage with other boundaries are separate segments, which
// agreement does not compare: misalignedPassages counts them for a warning. Segments
// both coded, other interviews, texts that merely share a few words, and QDPX ranges
// (left to their reader) are not counted.
func TestMisalignedPassages(t *testing.T) {
	seg := func(id, resp, text string) model.Segment {
		return model.Segment{ID: id, Respondent: resp, Document: resp + ".docx", Text: text, Start: -1, End: -1}
	}
	long := "De wijkagent kwam langs en we hebben samen met de school een plan gemaakt."
	d := &model.Dataset{
		Segments: []model.Segment{
			seg("a1", "R1", long), // Anna
			seg("b1", "R1", "we hebben samen met de school een plan gemaakt."), // Bram: within a1
			seg("a2", "R1", "Daarna ging het beter. Ik belde de mentor vaker op."),
			seg("b2", "R1", "Ik belde de mentor vaker op. Hij belde ook terug."), // overlaps a2's end
			seg("a3", "R1", "Het jongerenwerk was er altijd."),
			seg("b3", "R1", "Niemand wist wie de wijkagent was."), // shares no passage
			seg("ab", "R1", "Dit fragment coderen ze allebei."),
			seg("n1", "R1", "Nee"), // Anna: a short answer
			seg("n2", "R1", "Neemt de mentor contact op? Ja, elke week."), // Bram
			seg("c1", "R2", long), // another interview: Anna's only
			seg("q1", "R3", long), // a QDPX range
			seg("q2", "R3", "we hebben samen met de school een plan gemaakt."),
		},
	}
	for i := range d.Segments {
		if s := &d.Segments[i]; s.Respondent == "R3" {
			s.Start, s.End = 74-len(s.Text), 74 // QDPX ranges
		}
	}
	for _, c := range [][2]string{{"a1", "Anna"}, {"b1", "Bram"}, {"a2", "Anna"}, {"b2", "Bram"}, {"a3", "Anna"}, {"b3", "Bram"},
		{"ab", "Anna"}, {"ab", "Bram"}, {"n1", "Anna"}, {"n2", "Bram"}, {"c1", "Anna"}, {"q1", "Anna"}, {"q2", "Bram"}, {"a1", "auto"}} {
		d.Codings = append(d.Codings, model.Coding{Segment: c[0], Code: "x", Coder: c[1]})
	}
	w := misalignedPassages(d)
	if len(w) != 1 || !strings.HasPrefix(w[0].Error(), "4 segment(s) in 1 interview(s) are one coder's passage") {
		t.Fatalf("warnings %v, want one for 4 segments (a1, b1, a2, b2)", w)
	}
	d.Codings = d.Codings[:6] // a1 to b3
	for i := range d.Codings {
		d.Codings[i].Coder = "Anna"
	}
	if w := misalignedPassages(d); w != nil {
		t.Errorf("one coder: warnings %v, want none", w)
	}
	for _, c := range [][2]string{{"a b c d e f g h i j k l m n o p q r s t u v w x y z", "x y z 1 2 3"}, {"", "x"}, {"abc", "abc"}} {
		if samePassage(c[0], c[1]) {
			t.Errorf("samePassage(%q, %q) = true", c[0], c[1])
		}
	}
}
