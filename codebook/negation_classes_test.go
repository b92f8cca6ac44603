package codebook

import "testing"

// TestNegationClasses checks the fifth round's classes (negation_classes.go), each with a
// form that must still be coded beside it.
func TestNegationClasses(t *testing.T) {
	cb := negBook()
	cb.Factors[0].Codes = append(cb.Factors[0].Codes,
		Code{ID: "onbereikbaar", Valence: Barrier, Patterns: []string{"niet kan bereiken"}},
		Code{ID: "privacy", Valence: Barrier, Patterns: []string{"privacy"}},
		Code{ID: "signalen", Valence: Facilitator, Patterns: []string{"spijbelt"}},
	)
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		// A yes/no question (verb and subject first) asks; it says neither way.
		{"Mag ik hem bellen als die jongen spijbelt?", ``},
		{"Vind je het goed als ik het je mentor laat weten?", ``},
		{"Als die jongen spijbelt, bel ik hem.", `signalen[15:23]"spijbelt"`},
		{"Wie belt er als die jongen spijbelt?", `signalen[27:35]"spijbelt"`}, // not a yes/no question
		// A denied frame takes back what follows.
		{"Het is niet zo dat ik ze niet kan bereiken, hoor.", ``},
		{"Niet omdat ik hem niet kan bereiken, maar omdat het niet hoeft.", ``},
		{"Ik weet dat ik hem niet kan bereiken.", `onbereikbaar[19:36]"niet kan bereiken"`},
		{"Dat doen we niet, dat is niet kan bereiken.", `onbereikbaar[25:42]"niet kan bereiken"`}, // a break between
		// A barrier that is rarely a problem, or falls short of what was feared.
		{"Privacy is bij ons zelden een probleem.", ``},
		{"Privacy is bij ons vaak een probleem.", `privacy[0:7]"Privacy"`},
		{"De wachtlijst valt hier eigenlijk wel mee.", ``},
		{"Wachtlijsten? Valt bij ons eigenlijk mee.", ``},
		// A topic question answered no after a narrowing question or an interjection.
		{"Terugkoppeling? Van de jeugdzorg? Nee. Nooit.", `geen_terugkoppeling[0:37]"Terugkoppeling? Van de jeugdzorg? Nee"`},
		{"Terugkoppeling? Van de jeugdzorg? Haha. Nee.", `geen_terugkoppeling[0:43]"Terugkoppeling? Van de jeugdzorg? Haha. Nee"`},
		{"Terugkoppeling? Van de jeugdzorg? Ja, altijd.", `terugkoppeling[0:14]"Terugkoppeling"`},
		// A fronted topic denied by an inverted verb, its subject and a negation.
		{"Een casusoverleg met de scholen hebben we nooit gehad.", `overleg_fac_weg[4:47]"casusoverleg met de scholen hebben we nooit"`},
		{"Een casusoverleg met de scholen hebben we elke week.", `overleg_fac[4:16]"casusoverleg"`},
		{"Elke week zit ik bij het casusoverleg, dat hebben we niet eerder gehad.", `overleg_fac[25:37]"casusoverleg"`},
		// A topic after a short answer, taken up and denied.
		{"Nee, een casusoverleg met de scholen, dat ontbreekt hier.", `overleg_fac_weg[9:51]"casusoverleg met de scholen, dat ontbreekt"`},
		{"Nee hoor, terugkoppeling van de school, dat heb ik nooit gehad.", `geen_terugkoppeling[10:56]"terugkoppeling van de school, dat heb ik nooit"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}
