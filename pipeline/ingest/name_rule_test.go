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
		{[]string{"JW01_1", "JW01_2"}, false}, // two parts, or two people: warned of
		// (a third review) a class code and a number are two children, and given names
		// that are months too are names
		{[]string{"klas2a_1", "klas2a_2"}, false},
		{[]string{"klas2a_jan", "klas2a_april"}, false},
		{[]string{"JW01_uitgewerkt", "JW01_gecodeerd", "JW01_def", "JW01"}, true},
		{[]string{"JW01_1e gesprek", "JW01_2e gesprek"}, true},
		{[]string{"klas2a_Mila T", "klas2a_Mila V"}, false},
		{[]string{"klas2a_Jan 2010", "klas2a_June 2011"}, false},
		{[]string{"klas2a_Jan 1", "klas2a_June 2"}, false},
		{[]string{"3: JW01_Bergdorp", "JW01_bergdorp"}, true},
		{[]string{"OU04 moeder", "OU04 moeder_deel2"}, true},
		{[]string{"JW01_Bergdorp", "JW01_Aardam"}, false},
		{[]string{"Bergdorp_1", "Bergdorp_2"}, false},
		{[]string{"jan_de_vries_Bergdorp", "jan_jansen_Bergdorp"}, false},
		// (a review of the first version) the id as a whole part, not inside a date; a
		// bare number's dates tell people apart
		{[]string{"2024-05-02_1.txt", "2024-06-20_1.txt"}, false},
		// and one person's names of one interview are no warning
		{[]string{"JW01", "JW01_transcript", "JW01_definitief", "interview_JW01"}, true},
		{[]string{"JW01_deel-1", "JW01_deel-2"}, true},
		{[]string{"JW01_12 maart 2024", "JW01"}, true},
		{[]string{"JW01_T0", "JW01_nameting"}, true},
		// (a second review) a lower-case word after an id is another person's as well
		{[]string{"klas2a_mila", "klas2a_noah"}, false},
		{[]string{"G01_moeder", "G01_vader"}, false},
		{[]string{"JW01_bergdorp", "JW01_aardam"}, false},
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

func TestNameWithRespondent(t *testing.T) {
	for _, c := range [][3]string{
		{"Bergdorp_1.txt", "Bergdorp", "{respondent}_1.txt"},
		{"2024-05-02_1.txt", "1", "2024-05-02_{respondent}.txt"},
		{"3: JW01_Bergdorp", "JW01", "{respondent}_…"},
		{"interview_jan_de_vries_Bergdorp.txt", "jan_de_vries", "interview_{respondent}_….txt"},
		{"R_xyz.txt", "R", "{respondent}_….txt"},
		// (a third review) a word the redactor may not know as a name is not shown
		{"klas2a_djaylano.txt", "klas2a", "{respondent}_….txt"},
		// (a fourth review) a name with a digit, a folder, an id not found
		{"klas2a_djaylano2.txt", "klas2a", "{respondent}_….txt"},
		{"klas2a_Mila-de-Vries-12", "klas2a", "{respondent}_…"},
		{"leerlingen/djaylano/klas2a_a.docx", "klas2a", "{respondent}_….docx"},
		{`C:\Users\Mila\klas2a_x2.docx`, "klas2a", "{respondent}_….docx"},
		{"djaylano2_klas3.txt", "klas2a", "….txt"},
		{"klas2a_MILA2.txt", "klas2a", "{respondent}_….txt"}, // the shape of an id, a name all the same
		{"2024-03-12_JW01_deel2 (1).docx", "JW01", "2024-03-12_{respondent}_deel2 (1).docx"},
		{"JW01.docx", "JW01", "{respondent}.docx"},
	} {
		if got := NameWithRespondent(c[0], c[1]); got != c[2] {
			t.Errorf("NameWithRespondent(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
