package redact

import "testing"

// TestHandles: social-media handles in lower case, the second attack's leak, become one
// placeholder whole, also where a part is a listed name; the verb "snappen" and the
// platforms named in a sentence keep their words.
func TestHandles(t *testing.T) {
	r := New(Options{People: []string{"Daan van den Berg", "Lisa Jansen", "Noor Bakker"}, Keep: []string{"jongerenwerker"}})
	for _, tc := range []struct{ in, want string }{
		{"Hij stuurde een dm naar @daan_vd_berg2009 gisteren.", "Hij stuurde een dm naar [account] gisteren."},
		{"Volg @lisa.jansen maar.", "Volg [account] maar."},
		{"insta: noor_2008", "insta: [account]"},
		{"snap daanvdb", "snap [account]"},
		{"@Daan_vd_Berg", "[account]"},
		{"mijn insta is noor_2008, snapnaam: noorb", "mijn insta is [account], snapnaam: [account]"},
		{"TikTok: @noor.b en instagram.com/lisa_j", "TikTok: [account] en instagram.com/[account]"},
		{"zoek me op tiktok noorb08", "zoek me op tiktok [account]"},
		{"mail daan.vd.berg2009@hotmail.com", "mail [e-mail]"},
		{"bel 06 12 34 56 78 of @ 5 uur", "bel [telefoonnummer] of @ 5 uur"},
		// ordinary words stay
		{"Ik snap dat ze zich zorgen maakten, wat ik snap. Dat snap ik, echt.", "Ik snap dat ze zich zorgen maakten, wat ik snap. Dat snap ik, echt."},
		{"ik snap het niet, snap je? Snap meteen dingen, snap zoiets", "ik snap het niet, snap je? Snap meteen dingen, snap zoiets"},
		{"Hij zit op instagram en snapchat, via insta en snap ook.", "Hij zit op instagram en snapchat, via insta en snap ook."},
		{"op insta zetten, tiktok: filmpjes, snap jongerenwerker", "op insta zetten, tiktok: filmpjes, snap jongerenwerker"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	en := New(Options{Lang: "en"})
	if got := en.Redact("follow @noor_2008"); got != "follow [account]" {
		t.Errorf("en: %q", got)
	}
}

// A postcode typed in lower case with a space is found; a number before a two-letter
// word is not.
func TestLowerCasePostcode(t *testing.T) {
	r := New(Options{})
	for _, tc := range []struct{ in, want string }{
		{"ze woont op 1234 ab in de wijk", "ze woont op [postcode] in de wijk"},
		{"postcode 3511 lx, 1234AB en 9999 ZZ", "postcode [postcode], [postcode] en [postcode]"},
		{"in 2019 is het begonnen, sinds 2015 en ook 1200 km verder, 2020 zo", "in 2019 is het begonnen, sinds 2015 en ook 1200 km verder, 2020 zo"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
