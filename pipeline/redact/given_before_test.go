package redact

import "testing"

// TestGivenBefore holds attack 16p's F06 (an unlisted given name before a surname the
// lists know, "Gurbe [naam]", "Tjerk [naam]") and the roles and words that stay before a
// surname (the review of 0.11's first rule: "Gezinsvoogd Bos", "Rechter Peters").
func TestGivenBefore(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "wijkagent", "Veilig Thuis"}})
	cases := [][2]string{
		{"Ik sprak met Tjerk Hiddes de Vries over zijn stage.", "Ik sprak met [naam] over zijn stage."},
		{"Gurbe van der Wal kwam gisteren langs.", "[naam] kwam gisteren langs."},
		{"Shurandy Martina zat ook bij het jongerencentrum.", "[naam] zat ook bij het jongerencentrum."},
		{"Ik sprak Jurensley Martis over de terugkoppeling.", "Ik sprak [naam] over de terugkoppeling."},
		{"Toen kwam Giandro Isenia binnen.", "Toen kwam [naam] binnen."},
		{"Ik app met Gurbe Bos en met Ecrin Bakker.", "Ik app met [naam] en met [naam]."},
		{"Gisteren Ecrin Bakker gezien.", "Gisteren [naam] gezien."},
		{"Ze zag Tjerk Bos.", "Ze zag [naam]."},
		{"Fenna Bos belde. Ik zag Sjoerd van Dijk.", "[naam] belde. Ik zag [naam]."},
		{"Dewayne Pinas: ben er zo", "[naam]: ben er zo"},
		// roles, titles, family words, openers and organisations stay
		{"Gezinsvoogd Bos belde vanmorgen.", "Gezinsvoogd [naam] belde vanmorgen."},
		{"Ik belde Rechter Peters", "Ik belde Rechter [naam]"}, // a surname that is a word after a role: person_nouns.go
		{"Mentor Jansen en Meester Jansen, Juf Bakker", "Mentor [naam] en Meester [naam], Juf [naam]"},
		{"Wijkagent Jansen belde", "Wijkagent [naam] belde"},
		{"Mijn Moeder Jansen en Oom de Boer", "Mijn Moeder [naam] en Oom [naam]"},
		{"Jeugdzorgwerker de Jong en Gezinscoach Smit", "Jeugdzorgwerker [naam] en Gezinscoach [naam]"},
		{"Stiefzus Jansen, Pleegmoeder Bos", "Stiefzus [naam], Pleegmoeder [naam]"}, // 0.12.0 kept "Bos": person_nouns.go
		{"Gisteren de Vries gesproken. Volgens Jansen klopt het.", "Gisteren [naam] gesproken. Volgens [naam] klopt het."},
		{"Uhm Jansen zei het. Oké Jansen. Coach Jansen.", "Uhm [naam] zei het. Oké [naam]. Coach [naam]."},
		{"In Bergdorp Jansen gezien", "In Bergdorp [naam] gezien"},
		{"Veilig Thuis Jansen", "Veilig Thuis [naam]"},
		{"Basisschool Jansen", "Basisschool [naam]"},
		{"Ik werk bij Zonnehuis Visser", "Ik werk bij Zonnehuis Visser"},
		{"Coder Anouk codeerde", "Coder [naam] codeerde"},
		{"Roos Bakker belde", "[naam] belde"},
		{"Dan Jansen", "Dan [naam]"},
		{"GGD Jansen en JGZ Bos", "GGD [naam] en JGZ [naam]"},
	}
	for _, c := range cases {
		if got := r.Redact(c[0]); got != c[1] {
			t.Errorf("Redact(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
