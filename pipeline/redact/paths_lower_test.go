package redact

import "testing"

// TestRedactPathLowerCaseNames: a name from the lists that is also a Dutch word, in
// lower case in a file name, after a cue or alone in its folder or file name (0.9.0
// published "interview_jan.docx", "kees.docx", "bakker.docx"), and the words beside
// which nothing changes.
func TestRedactPathLowerCaseNames(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "wijkagent", "jeugdwerker"}, Anchors: []string{"JW", "Bergdorp", "wijkagent"}})
	for _, tc := range []struct{ in, want string }{
		{"interviews/interview_jan.docx", "interviews/interview_[naam].docx"},
		{"anouk.txt", "[naam].txt"},
		{"gesprek-fatima-2024.csv", "gesprek-[naam]-2024.csv"},
		{"gesprek met jan.docx", "gesprek met [naam].docx"},
		{"interview_jan_2024.docx", "interview_[naam]_2024.docx"}, // after a cue: a name
		{"notities kim.txt", "notities [naam].txt"},
		{"interview_bo.txt", "interview_[naam].txt"}, // two letters, after a cue
		{"jan.txt", "[naam].txt"},
		{"jan_1.txt", "[naam]_1.txt"},
		{"kees_def.docx", "[naam]_def.docx"},
		{"Jan_2.txt", "[naam]_2.txt"},
		{"interviews/jan/1.txt", "interviews/[naam]/1.txt"},
		{"interviews/2024/jan/ronde1.csv", "interviews/2024/[naam]/ronde1.csv"}, // never across a "/"
		{"interviews/Anouk/1.txt", "interviews/[naam]/1.txt"},
		{"bakker.docx", "[naam].docx"},
		{"visser_2.txt", "[naam]_2.txt"},
		{"de_vries.docx", "[naam].docx"},
		{"zoë.txt", "[naam].txt"},
		{"zoe\u0308.txt", "[naam].txt"}, // NFD
		{"interview met Jan en Kees.docx", "interview met [naam] en [naam].docx"},
		{"roos en kees.txt", "[naam] en [naam].txt"},
		{"2024-03-12_roos.txt", "2024-03-12_[naam].txt"},
		{"interview_jan-willem.docx", "interview_[naam].docx"},
		{"transcript_mohammed_el_amrani.txt", "transcript_[naam].txt"},
		// (an attack on 0.12) a surname the lists lack after the name
		{"interviews/interview_mohamed_bouali.txt", "interviews/interview_[naam].txt"},
		{"interviews/interview_fatima_el_khatib_def.txt", "interviews/interview_[naam]_def.txt"},
		{"interview_jan_bergdorp_jeugdwerker_2024.docx", "interview_[naam]_bergdorp_jeugdwerker_2024.docx"},
		{"gesprek_met_kees_uitgewerkt.docx", "gesprek_met_[naam]_uitgewerkt.docx"},
		{"interview_daan_wijkteamlid.txt", "interview_[naam]_wijkteamlid.txt"}, // a compound stays
		// no names
		{"interview_jeugdwerker.docx", "interview_jeugdwerker.docx"},
		{"bergdorp_2024.csv", "bergdorp_2024.csv"},
		{"ronde2.xlsx", "ronde2.xlsx"},
		{"januari_2024.csv", "januari_2024.csv"},
		{"jan_2024.csv", "jan_2024.csv"}, // a date
		{"12_jan_2024.csv", "12_jan_2024.csv"},
		{"master.xlsx", "master.xlsx"},
		{"export_master.xlsx", "export_master.xlsx"},
		{"enquete_lente_2024.csv", "enquete_lente_2024.csv"},
		{"verslag_april.docx", "verslag_april.docx"},
		{"gesprek_ouders.docx", "gesprek_ouders.docx"},
		{"zomer_2024.csv", "zomer_2024.csv"}, // a surname that is a word, alone: the word
		{"out/haven.csv", "out/haven.csv"},
		{"bo.txt", "bo.txt"},
		{"interview_wijkagent_bergdorp.docx", "interview_wijkagent_bergdorp.docx"},
	} {
		if got := r.RedactPath(tc.in); got != tc.want {
			t.Errorf("RedactPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRedactPathListedNames: a name the study lists (a respondent's, a speaker's) is a
// name in a file name in any case, also where it is a Dutch word that the text rules take
// only capitalised ("roos", "sem").
func TestRedactPathListedNames(t *testing.T) {
	r := New(Options{People: []string{"Sem Bakker", "Roos"}})
	for _, tc := range []struct{ in, want string }{
		{"sem_bergdorp.txt", "[naam].txt"}, // glued to a listed name: a handle, whole (handles.go)
		{"verslag roos en overleg.docx", "verslag [naam] en overleg.docx"},
		{"sem-2.txt", "[naam]-2.txt"},
	} {
		if got := r.RedactPath(tc.in); got != tc.want {
			t.Errorf("RedactPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := New(Options{}).RedactPath("verslag roos en overleg.docx"); got != "verslag roos en overleg.docx" {
		t.Errorf("without the listed name: %q", got)
	}
}

// TestRedactPathRespondentIDs: a respondent's id in a file name is "[respondent]", as a
// rejected row's id is, in any spelling of its separators and case (0.9.0: "[naam]").
func TestRedactPathRespondentIDs(t *testing.T) {
	r := New(Options{People: []string{"JO01", "R07"}, Respondents: []string{"JO01", "R07", "12345"}, Anchors: []string{"JO"}})
	for _, tc := range []struct{ in, want string }{
		{"JO01_Bergdorp.txt", "[respondent]_Bergdorp.txt"},
		{"interviews/jo-01.txt", "interviews/[respondent].txt"},
		{"interview_JO_01_def.docx", "interview_[respondent]_def.docx"},
		{"R07/codering.csv", "[respondent]/codering.csv"},
		{"12345.csv", "[respondent].csv"},
		{"JO012_Bergdorp.txt", "JO012_Bergdorp.txt"}, // another id
		{"ronde_2.csv", "ronde_2.csv"},
	} {
		if got := r.RedactPath(tc.in); got != tc.want {
			t.Errorf("RedactPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := r.RedactWithPaths(`interviews/JO01_Bergdorp.txt: geen tekst`), `interviews/[respondent]_Bergdorp.txt: geen tekst`; got != want {
		t.Errorf("RedactWithPaths = %q, want %q", got, want)
	}
}

// TestRedactWithPathsQuotedSheets: a sheet's or document's name in quotes in a warning
// or a reject's location is read by the file-name rules (0.9.0: 'sheet "noa"').
func TestRedactWithPathsQuotedSheets(t *testing.T) {
	r := New(Options{Respondents: []string{"JW03"}})
	for _, tc := range []struct{ in, want string }{
		{`sheet "noa", row 4, column "Respondent"`, `sheet "[naam]", row 4, column "Respondent"`},
		{`codering.xlsx: blad "jan" is niet gelezen`, `codering.xlsx: blad "[naam]" is niet gelezen`},
		{`sheet "JW03" was not read`, `sheet "[respondent]" was not read`},
		{`sheet "Blad1", row 2, column "naam"`, `sheet "Blad1", row 2, column "naam"`},
		{`column "jan" is empty`, `column "jan" is empty`}, // no sheet: running text
		// (an attack on 0.12) the advice names the sheet again, after a colon
		{`blad "lotte bouali" is niet gelezen: het is verborgen; geef het een eigen regel in study.yaml met sheet: "lotte bouali" om het te lezen`,
			`blad "[naam]" is niet gelezen: het is verborgen; geef het een eigen regel in study.yaml met sheet: "[naam]" om het te lezen`},
		{`sheet "noa" was not read; "noa" again`, `sheet "[naam]" was not read; "[naam]" again`},
	} {
		if got := r.RedactWithPaths(tc.in); got != tc.want {
			t.Errorf("RedactWithPaths(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
