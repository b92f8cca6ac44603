package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestResponsePrints: what identifies a LimeSurvey response is its number with the
// stamps that never change (the seed), not its submit time (attack 15, F02); a date the
// same in every row (anonymized: 1980-01-01) tells nothing (F03); Google Forms rows are
// printed by their cells, with the Tijdstempel (F01).
func TestResponsePrints(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	head := "id,submitdate,lastpage,startlanguage,seed,K1\n"
	a, err := ReadSurvey(write("a.csv", head+"1,2025-03-04 10:01:00,3,nl,59295,3\n3,,1,nl,82560,\n"), Options{IncludeIncomplete: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadSurvey(write("b.csv", head+"3,2025-03-04 10:33:00,3,nl,82560,4\n"), Options{IncludeIncomplete: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Prints) != 2 || len(b.Prints) != 1 {
		t.Fatalf("prints %d, %d", len(a.Prints), len(b.Prints))
	}
	p, q := a.Prints[1], b.Prints[0]
	if !p.HasIdent || !q.HasIdent || p.Ident != q.Ident || p.Same == q.Same {
		t.Errorf("response 3 before and after submitting: %+v, %+v", p, q)
	}
	if p.Complete || !q.Complete || !p.HasSubmit {
		t.Errorf("complete: %+v, %+v", p, q)
	}
	anon, err := ReadSurvey(write("c.csv", "id,submitdate,lastpage,startlanguage,K1\n1,1980-01-01 00:00:00,3,nl,3\n2,1980-01-01 00:00:00,3,nl,4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range anon.Prints {
		if p.HasStamp || p.HasIdent {
			t.Errorf("anonymized dates: %+v", p)
		}
	}
	same, err := ReadSurvey(write("d.csv", "id,submitdate,lastpage,startlanguage,K1\n1,2025-03-04 10:01:00,3,nl,3\n2,2025-03-04 10:01:00,3,nl,4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if same.Prints[0].HasStamp {
		t.Errorf("one submit time in every row: %+v", same.Prints[0])
	}
	g, err := ReadSurvey(write("e.csv", "Tijdstempel,Gemeente,K1\n2025/03/04 10:01:00 AM CET,Bergdorp,3\n2025/03/04 10:05:00 AM CET,Bergdorp,4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Prints) != 2 || g.Prints[0].Number != "" || !g.Prints[0].HasStamp || g.Prints[0].HasIdent {
		t.Errorf("Google Forms: %+v", g.Prints)
	}
}
