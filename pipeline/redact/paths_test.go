package redact

import "testing"

// TestGluedNamesAttack tries to get an unlisted surname past the redactor by gluing it to
// a role's abbreviation, a role or a municipality, the way researchers name files and
// memos (0.8.0 let "JW_Bakker", "Bergdorp_deVries", "wijkagentJansen" and "JWBakker"
// through); the name part must go, the rest stay.
func TestGluedNamesAttack(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "Aardam", "wijkagent", "jongerenwerker", "Korte lijnen", "Elkaar in de gaten houden", "the same two"},
		Anchors: []string{"JW", "Bergdorp", "Aardam", "wijkagent", "jongerenwerker"}})
	for _, tc := range []struct{ in, want string }{
		{"Ik bel JW_Bakker.", "Ik bel JW_[naam]."},
		{"Ik bel JW-Bakker of JW.Bakker", "Ik bel JW-[naam] of JW.[naam]"},
		{"Verslag Bergdorp_deVries", "Verslag Bergdorp_[naam]"},
		{"Dan wijkagent-Jansen en wijkagentJansen", "Dan wijkagent-[naam] en wijkagent[naam]"},
		{"JWBakker belt", "JW[naam] belt"},
		{"Bakker_JW en JW_Roos_Bakker", "[naam]_JW en JW_[naam]"},
		{"jw: JW_bakker", "jw: JW_[naam]"},
		{"JW03_J_de_Vries", "JW03_[naam]"},
		// ordinary glued words stay
		{"Korte_Lijnen in Bergdorp-Noord, Bergdorp-West", "Korte_Lijnen in Bergdorp-Noord, Bergdorp-West"},
		{"Het MDO-verslag en de e-mail van Veilig-Thuis", "Het MDO-verslag en de e-mail van Veilig-Thuis"},
		{"same_ids_in_two_files", "same_ids_in_two_files"},
		{"Ronde_2_Bergdorp", "Ronde_2_Bergdorp"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRedactPath: file names are read by rules of their own (lower case, glued words).
func TestRedactPath(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "wijkagent"}, Anchors: []string{"JW", "JO", "Bergdorp", "wijkagent"}})
	for _, tc := range []struct{ in, want string }{
		{"Interview Jan de Vries Bergdorp.docx", "Interview [naam] Bergdorp.docx"},
		{"interviews/interview_jan_de_vries_Bergdorp.txt", "interviews/interview_[naam]_Bergdorp.txt"},
		{"interviews/anouk.csv", "interviews/[naam].csv"},
		{"JW_Bakker.xlsx", "JW_[naam].xlsx"},
		{"jw_bakker.xlsx", "jw_[naam].xlsx"},
		{"Week 3 Visser.docx", "Week 3 [naam].docx"},
		{"J_de_Vries.docx", "[naam].docx"},
		{"jo_visser.docx", "jo_[naam].docx"}, // JO is an anchor: a role's abbreviation, still a name itself elsewhere
		// no names
		{"verslag_overleg_wijkteam.docx", "verslag_overleg_wijkteam.docx"},
		{"enquete_2024_bergdorp.csv", "enquete_2024_bergdorp.csv"},
		{"Ronde_2_Bergdorp.xlsx", "Ronde_2_Bergdorp.xlsx"},
		{"interviews/*.txt", "interviews/*.txt"},
	} {
		if got := r.RedactPath(tc.in); got != tc.want {
			t.Errorf("RedactPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := r.RedactWithPaths(`interviews/jan_pietersma.txt: geen tekst; "Roos" bloeit`), `interviews/[naam].txt: geen tekst; "Roos" bloeit`; got != want {
		t.Errorf("RedactWithPaths = %q, want %q", got, want)
	}
}
