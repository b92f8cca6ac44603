package redact

import "testing"

// TestPersonNouns attacks the rule of person_nouns.go: a surname that is also a Dutch
// word, after a capitalised role or family word inside a sentence. 0.12 kept each of
// these names; an organisation of a word and a name ("Zonnehuis Visser") stays.
func TestPersonNouns(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "Veilig Thuis"}})
	cases := [][2]string{
		{"Ik zag Pleegmoeder Bos gisteren.", "Ik zag Pleegmoeder [naam] gisteren."},
		{"Jansen en Mentor Bos kwamen.", "[naam] en Mentor [naam] kwamen."},
		{"Oom Jansen, Tante Bos", "Oom [naam], Tante [naam]"},
		{"Volgens Gezinsvoogd Visser klopt het.", "Volgens Gezinsvoogd [naam] klopt het."},
		{"Ik belde Jeugdzorgwerker Bakker.", "Ik belde Jeugdzorgwerker [naam]."},
		{"Ze woont bij Stiefvader Koster.", "Ze woont bij Stiefvader [naam]."},
		{"Daarna kwam Wijkagent Smit langs.", "Daarna kwam Wijkagent [naam] langs."},
		{"Met Buurvrouw Vos gaat het goed.", "Met Buurvrouw [naam] gaat het goed."},
		// the same in lower case and at a sentence's start, as before
		{"Mijn pleegmoeder Bos belde.", "Mijn pleegmoeder [naam] belde."},
		{"Pleegmoeder Bos belde.", "Pleegmoeder [naam] belde."},
		// organisations and phrases stay
		{"Ik werk bij Zonnehuis Visser", "Ik werk bij Zonnehuis Visser"},
		{"Ze ging naar Veilig Thuis.", "Ze ging naar Veilig Thuis."},
		{"We spraken bij Het Baken.", "We spraken bij Het Baken."},
		{"de bakker belde", "de bakker belde"},
	}
	for _, c := range cases {
		if got := r.Redact(c[0]); got != c[1] {
			t.Errorf("Redact(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	for _, w := range []string{"pleegmoeder", "stiefzus", "jeugdzorgwerker", "gezinsvoogd", "tante", "rechter"} {
		if !personNoun(w) {
			t.Errorf("personNoun(%q) = false", w)
		}
	}
	for _, w := range []string{"zonnehuis", "veilig", "team", "groep", "het", "smarts", "broeren"} {
		if personNoun(w) {
			t.Errorf("personNoun(%q) = true", w)
		}
	}
}
