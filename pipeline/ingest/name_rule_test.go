package ingest

import "testing"

// Names read as one respondent are one person's only where they differ in a part, a
// date, a number after an id, or a copy's mark (a review of 0.12: 2024-03-12_JW01 and
// 2024-03-12_WA02 were one respondent "2024-03-12").
func TestNamesOfOnePerson(t *testing.T) {
	for _, c := range []struct {
		names []string
		one   bool
	}{
		{[]string{"JW01_deel1.docx", "JW01_deel2.docx"}, true},
		{[]string{"JW01_Bergdorp.txt", "JW01_Bergdorp - Kopie.txt", "JW01_Bergdorp (1).txt"}, true},
		{[]string{"2024-03-12_JW01", "2024-03-19_JW01"}, true},
		{[]string{"JW01_1", "JW01_2"}, true},
		{[]string{"3: JW01_Bergdorp", "JW01_bergdorp"}, true},
		{[]string{"OU04 moeder", "OU04 moeder_deel2"}, true},
		{[]string{"JW01_Bergdorp", "JW01_Aardam"}, false},
		{[]string{"Bergdorp_1", "Bergdorp_2"}, false},
		{[]string{"jan_de_vries_Bergdorp", "jan_jansen_Bergdorp"}, false},
	} {
		id := respondentFromName(c.names[0])
		for _, n := range c.names[1:] {
			if got := respondentFromName(n); got != id && c.one {
				t.Fatalf("%q reads as %q, %q as %q", c.names[0], id, n, got)
			}
		}
		if got := NamesOfOnePerson(id, c.names); got != c.one {
			t.Errorf("NamesOfOnePerson(%q, %q) = %v, want %v", id, c.names, got, c.one)
		}
	}
}
