package model

import (
	"errors"
	"reflect"
	"strconv"
	"testing"
)

// file is a dataset read from one input: its segments (id, respondent, text) and a
// coding by coder on each.
func file(path, coder string, segs ...[3]string) Dataset {
	ds := Dataset{Files: []FileCount{{Path: path}}}
	for _, s := range segs {
		ds.Segments = append(ds.Segments, Segment{ID: s[0], Respondent: s[1], Text: s[2], Start: -1, End: -1, Source: path})
		ds.Codings = append(ds.Codings, Coding{Segment: s[0], Raw: "code of " + s[1] + " " + s[0], Coder: coder, Source: path})
	}
	return ds
}

// textOf maps each coding to its segment's respondent and text, as the analysis joins them.
func textOf(t *testing.T, d Dataset) map[string]string {
	t.Helper()
	first := map[string]Segment{}
	for _, s := range d.Segments {
		if _, ok := first[s.ID]; !ok {
			first[s.ID] = s
		}
	}
	out := map[string]string{}
	for _, c := range d.Codings {
		s, ok := first[c.Segment]
		if !ok {
			t.Fatalf("coding %+v names no segment", c)
		}
		out[c.Coder+": "+c.Raw] = s.Respondent + " " + s.Text
	}
	return out
}

// A file per interview numbers its segments from 1 (attack 11 F7): R02's codings stay on
// R02's segments, and the dataset holds four segments with four ids.
func TestMergeKeepsSegmentsOfEachFileApart(t *testing.T) {
	var d Dataset
	d.Merge(file("R01.csv", "Anouk", [3]string{"1", "R01", "Korte lijnen."}, [3]string{"2", "R01", "Persoonlijk."}))
	r02 := file("R02.csv", "Anouk", [3]string{"1", "R02", "Geen terugkoppeling."}, [3]string{"2", "R02", "Privacy."})
	before := r02.Segments[0].ID
	d.Merge(r02)
	if r02.Segments[0].ID != before || r02.Codings[0].Segment != before {
		t.Error("Merge changed the caller's segments or codings")
	}
	ids := map[string]bool{}
	for _, s := range d.Segments {
		ids[s.ID] = true
	}
	if len(d.Segments) != 4 || len(ids) != 4 {
		t.Fatalf("segments %+v: want 4 with 4 ids", d.Segments)
	}
	want := map[string]string{
		"Anouk: code of R01 1": "R01 Korte lijnen.", "Anouk: code of R01 2": "R01 Persoonlijk.",
		"Anouk: code of R02 1": "R02 Geen terugkoppeling.", "Anouk: code of R02 2": "R02 Privacy.",
	}
	if got := textOf(t, d); !reflect.DeepEqual(got, want) {
		t.Errorf("codings on %v, want %v", got, want)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings %v: other respondents' segments are kept apart without one", d.Warnings)
	}
	// The new ids depend on the inputs alone (they go into the study's salt).
	if d.Segments[2].ID != "1#2" || d.Segments[3].ID != "2#2" {
		t.Errorf("ids %q, %q, want 1#2, 2#2", d.Segments[2].ID, d.Segments[3].ID)
	}
}

// Two coders' exports of the same interviews (same respondent, id and text, white space
// aside) are one segment, so agreement compares them; a segment of the same respondent
// whose text differs is kept apart, with a warning that counts them.
func TestMergeJoinsTwoCodersExports(t *testing.T) {
	var d Dataset
	d.Merge(file("anouk.csv", "Anouk", [3]string{"1", "R01", "Korte lijnen met de wijkagent."}, [3]string{"2", "R01", "Elke week."}))
	d.Merge(file("bram.csv", "Bram", [3]string{"1", "R01", " Korte  lijnen met de wijkagent. "}, [3]string{"2", "R01", "Elke maand."}))
	got := textOf(t, d)
	if got["Bram: code of R01 1"] != "R01 Korte lijnen met de wijkagent." {
		t.Errorf("Bram's coding of segment 1 on %q: the two exports' segment 1 should join", got["Bram: code of R01 1"])
	}
	if got["Bram: code of R01 2"] != "R01 Elke maand." {
		t.Errorf("Bram's coding of segment 2 on %q: another text is another segment", got["Bram: code of R01 2"])
	}
	if len(d.Warnings) != 1 || !errors.Is(d.Warnings[0].Err, ErrSegmentsApart) || d.Warnings[0].File != "bram.csv" {
		t.Fatalf("warnings %v, want one ErrSegmentsApart on bram.csv", d.Warnings)
	}
	if w := d.Warnings[0].Err.Error(); w != "segments kept apart: 1 segment(s) have the id of a segment of the same respondent in a file read before, but another text or document: they are counted as different segments, so the coders' agreement does not compare them; if they are one segment, export both from the same transcript" {
		t.Errorf("warning %q", w)
	}
}

func TestSameSegment(t *testing.T) {
	a := Segment{ID: "1", Respondent: "R01", Document: "JW01_Bergdorp", Text: "Korte lijnen."}
	for _, c := range []struct {
		name string
		b    func(Segment) Segment
		same bool
	}{
		{"the same", func(s Segment) Segment { return s }, true},
		{"white space", func(s Segment) Segment { s.Text = " Korte\nlijnen. "; return s }, true},
		{"document case", func(s Segment) Segment { s.Document = "jw01_bergdorp"; return s }, true},
		{"no document", func(s Segment) Segment { s.Document = ""; return s }, true},
		{"other respondent", func(s Segment) Segment { s.Respondent = "R02"; return s }, false},
		{"other text", func(s Segment) Segment { s.Text = "Lange lijnen."; return s }, false},
		{"other document", func(s Segment) Segment { s.Document = "JW01_Bergdorp_2"; return s }, false},
		{"other wave", func(s Segment) Segment { s.Wave = "2025"; return s }, false},
		{"open answer", func(s Segment) Segment { s.OpenAnswer = true; return s }, false},
	} {
		if got := SameSegment(a, c.b(a)); got != c.same {
			t.Errorf("%s: SameSegment = %v, want %v", c.name, got, c.same)
		}
	}
}

// A renamed id never takes an id that either input holds.
func TestMergeNewIDIsFree(t *testing.T) {
	var d Dataset
	d.Merge(file("a.csv", "A", [3]string{"1", "R01", "Een."}, [3]string{"1#2", "R01", "Twee."}))
	d.Merge(file("b.csv", "A", [3]string{"1", "R02", "Drie."}, [3]string{"1#3", "R02", "Vier."}))
	ids := map[string]bool{}
	for _, s := range d.Segments {
		if ids[s.ID] {
			t.Errorf("id %q twice", s.ID)
		}
		ids[s.ID] = true
	}
	if got := textOf(t, d)["A: code of R02 1"]; got != "R02 Drie." {
		t.Errorf("R02's coding on %q", got)
	}
}

// Two coders' exports of 50,000 segments each: what separateSegments costs Merge.
func BenchmarkMergeTwoCoders(b *testing.B) {
	mk := func(coder string) Dataset {
		ds := Dataset{Files: []FileCount{{Path: coder + ".csv"}}}
		for i := range 50000 {
			id := strconv.Itoa(i)
			ds.Segments = append(ds.Segments, Segment{ID: id, Respondent: "R" + strconv.Itoa(i%300), Text: "Tekst van fragment " + id + ".", Source: coder + ".csv"})
			ds.Codings = append(ds.Codings, Coding{Segment: id, Raw: "c", Coder: coder})
		}
		return ds
	}
	a, c := mk("anouk"), mk("bram")
	for b.Loop() {
		var d Dataset
		d.Merge(a)
		d.Merge(c)
	}
}

// Attack 12 F1: a combined export gives two respondents' segments under one id the ids
// "1#R01" and "1#R02"; a second coder's export of R02's interview alone has it as "1".
// Read in either order, the two coders' R02 segments are one segment, R01's stays apart.
func TestMergeJoinsIDsQualifiedByRespondent(t *testing.T) {
	combined := func() Dataset {
		return file("alle.csv", "Anouk", [3]string{"1#R01", "R01", "Ja, dat klopt."}, [3]string{"1#R02", "R02", "Ja, dat klopt."}, [3]string{"2", "R02", "Nee."})
	}
	single := func() Dataset {
		return file("R02.csv", "Bram", [3]string{"1", "R02", "Ja, dat klopt."}, [3]string{"2", "R02", "Nee."})
	}
	for name, order := range map[string][2]func() Dataset{"combined first": {combined, single}, "single first": {single, combined}} {
		var d Dataset
		m := d.Merger()
		m.Merge(order[0]())
		m.Merge(order[1]())
		bySeg := map[string][]string{}
		for _, c := range d.Codings {
			bySeg[c.Segment] = append(bySeg[c.Segment], c.Coder)
		}
		ids := map[string]string{}
		for _, s := range d.Segments {
			ids[s.ID] = s.Respondent
		}
		if len(ids) != 3 {
			t.Errorf("%s: segment ids %v: want three (R01's, R02's 1 and 2)", name, ids)
		}
		for id, coders := range bySeg {
			if ids[id] == "R02" && len(coders) != 2 || ids[id] == "R01" && len(coders) != 1 {
				t.Errorf("%s: segment %s (%s) coded by %v", name, id, ids[id], coders)
			}
		}
	}
	// Another respondent's plain id is not joined to a qualified one.
	var d Dataset
	m := d.Merger()
	m.Merge(combined())
	m.Merge(file("R03.csv", "Bram", [3]string{"1", "R03", "Ja, dat klopt."}))
	if n := len(d.Segments); n != 4 {
		t.Errorf("with R03's segment 1: %d segments, want 4", n)
	}
}
