package redact

import "testing"

// TestSchoolsOpen holds the school names left open after attack 16p ("havo 3 van Het
// Baken", "Zone.college") and "Sterk Huis", a youth-care provider that lost "Sterk".
func TestSchoolsOpen(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "wijkagent", "Veilig Thuis"}})
	cases := [][2]string{
		{"Ze zit in havo 3 van Het Baken.", "Ze zit in havo 3 van [schoolnaam]."},
		{"Ik zit in vwo 5 op De Breul, mijn mentor belt.", "Ik zit in vwo 5 op [schoolnaam], mijn mentor belt."},
		{"vmbo-t 4 bij Het Noordik", "vmbo-t 4 bij [schoolnaam]"},
		{"Hij gaat naar Zone.college. Op het Zone.college is het klein.", "Hij gaat naar [schoolnaam]. Op het [schoolnaam] is het klein."},
		{"We werken samen met Sterk Huis en Veilig Thuis.", "We werken samen met Sterk Huis en Veilig Thuis."},
		// stay
		{"Ze zit in havo 4 van Bergdorp.", "Ze zit in havo 4 van Bergdorp."},
		{"Ik zit in 5 havo op het Duincollege.", "Ik zit in 5 havo op het [schoolnaam]."},
		{"havo 3 van het jaar, vwo op de", "havo 3 van het jaar, vwo op de"},
		{"zie www.zone.college en mail.college", "zie www.zone.college en mail.college"},
		{"Met Roos Bakker en Sterk Jansen", "Met [naam] en [naam]"},
	}
	for _, c := range cases {
		if got := r.Redact(c[0]); got != c[1] {
			t.Errorf("Redact(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
