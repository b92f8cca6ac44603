package reports

import (
	"math"

	"github.com/samenspel/samenspel/pipeline/results"
)

// Column helpers keep the table definitions below readable.
func txt(n string) results.Column { return results.Column{Name: n, Kind: results.Text} }
func num(n string) results.Column { return results.Column{Name: n, Kind: results.Int} }
func flt(n string) results.Column { return results.Column{Name: n, Kind: results.Float} }
func shr(n string) results.Column { return results.Column{Name: n, Kind: results.Share} }
func pvl(n string) results.Column { return results.Column{Name: n, Kind: results.P} }
func bln(n string) results.Column { return results.Column{Name: n, Kind: results.Bool} }

// exampleResults is a realistic run: 10 youth workers, 8 youth care professionals and 7
// young people interviewed in three municipalities (3 parents, suppressed), two coders,
// and a survey of 212 professionals in six municipalities (one suppressed). Labels carry
// Dutch diacritics; a quote and a reject carry text that looks like a formula or markup.
func exampleResults() *results.Results {
	res := &results.Results{
		Title:       "Samenwerking rond jongeren in drie gemeenten: één aanpak, coördinatie en vertrouwen",
		Language:    "nl",
		Tool:        "samenspel 0.3.0",
		MinCell:     5,
		Respondents: 240, Segments: 612, Codings: 1430, Answers: 2544, Rejected: 3,
		Coders: []string{"auto", "Codeur A", "Codeur B"},
	}
	res.Codebook.Name = "Samenwerking rond jongeren"
	res.Codebook.Version = "1.0"
	res.Codebook.File = "codebook.yaml"
	res.Codebook.SHA256 = "4f2a0c1d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f"
	res.Codebook.Factors = []results.Factor{
		{ID: "kennen", Label: "Elkaar kennen", Codes: []results.Code{
			{ID: "kennen.persoonlijk", Label: "Persoonlijk contact", Valence: "facilitator"},
			{ID: "kennen.vertrouwen", Label: "Vertrouwen", Valence: "facilitator"},
			{ID: "kennen.rollen", Label: "Kennen van elkaars rol", Valence: "facilitator"},
			{ID: "kennen.afspraken", Label: "Gedeelde afspraken", Valence: "facilitator"},
			{ID: "kennen.onbekend", Label: "Elkaar niet kennen", Valence: "barrier"},
			{ID: "kennen.wantrouwen", Label: "Wantrouwen en verschillende verwachtingen", Valence: "barrier"},
		}},
		{ID: "bereiken", Label: "Elkaar bereiken", Codes: []results.Code{
			{ID: "bereiken.korte_lijnen", Label: "Korte lijnen", Valence: "facilitator"},
			{ID: "bereiken.contactpersoon", Label: "Vast contactpersoon", Valence: "facilitator"},
			{ID: "bereiken.overleg", Label: "Regelmatig casuïstiekoverleg", Valence: "facilitator"},
			{ID: "bereiken.aanwezig", Label: "Aanwezig op dezelfde plek", Valence: "facilitator"},
			{ID: "bereiken.onbereikbaar", Label: "Niet bereikbaar", Valence: "barrier"},
			{ID: "bereiken.wisselingen", Label: "Wisselende contactpersonen", Valence: "barrier"},
		}},
		{ID: "informeren", Label: "Elkaar op de hoogte houden", Codes: []results.Code{
			{ID: "informeren.terugkoppeling", Label: "Terugkoppeling", Valence: "facilitator"},
			{ID: "informeren.signalen", Label: "Signalen delen", Valence: "facilitator"},
			{ID: "informeren.geen_terugkoppeling", Label: "Geen terugkoppeling", Valence: "barrier"},
			{ID: "informeren.privacy", Label: "Privacy als drempel", Valence: "barrier"},
		}},
	}
	answers := []results.Answer{{Value: 1, Label: "Helemaal mee oneens"}, {Value: 2, Label: "Mee oneens"}, {Value: 3, Label: "Neutraal"}, {Value: 4, Label: "Mee eens"}, {Value: 5, Label: "Helemaal mee eens"}}
	res.Codebook.Scales = []results.Scale{
		{ID: "kennen", Label: "Elkaar kennen", Answers: answers, AgreeFrom: 4, Items: []results.Item{
			{ID: "K1", Text: "Ik ken de jongerenwerkers in mijn wijk persoonlijk."},
			{ID: "K2", Text: "Ik weet wat de jeugdzorg een jongere kan bieden."},
			{ID: "K3", Text: "Over de coördinatie van hulp zijn duidelijke afspraken gemaakt.", Reverse: false},
		}},
		{ID: "bereiken", Label: "Elkaar bereiken", Answers: answers, AgreeFrom: 4, Items: []results.Item{
			{ID: "B1", Text: "Ik weet wie ik moet bellen bij het wijkteam."},
			{ID: "B2", Text: "Het duurt lang voordat ik iemand van de jeugdzorg spreek.", Reverse: true},
			{ID: "B3", Text: "Het casuïstiekoverleg helpt om snel te schakelen."},
		}},
		{ID: "informeren", Label: "Elkaar op de hoogte houden", Answers: answers, AgreeFrom: 4, Items: []results.Item{
			{ID: "I1", Text: "Na een doorverwijzing hoor ik terug wat er met de jongere is gebeurd."},
			{ID: "I2", Text: "Privacyregels maken het lastig om zorgen over een jongere te delen.", Reverse: true},
		}},
	}
	res.Codebook.Roles = []results.Named{
		{ID: "jongerenwerker", Label: "Jongerenwerker"},
		{ID: "jeugdzorgprofessional", Label: "Jeugdzorgprofessional"},
		{ID: "jongere", Label: "Jongere"},
		{ID: "ouder", Label: "Ouder"},
	}
	res.Codebook.Partners = []results.Named{
		{ID: "jongerenwerk", Label: "Jongerenwerk"}, {ID: "jeugdzorg", Label: "Jeugdzorg"},
		{ID: "wijkteam", Label: "Wijkteam"}, {ID: "politie", Label: "Wijkagent / politie"},
		{ID: "school", Label: "School"}, {ID: "veilig_thuis", Label: "Veilig Thuis"},
	}
	res.Inputs = []results.Input{
		{Path: "interviews/codes_jongerenwerk.xlsx", SHA256: "aa01", Format: "maxqda", Read: 812, Accepted: 810, Rejected: 2},
		{Path: "interviews/coördinatie_project.qdpx", SHA256: "bb02", Format: "qdpx", Read: 618, Accepted: 618, Rejected: 0},
		{Path: "survey/enquête_professionals.csv", SHA256: "cc03", Format: "limesurvey", Read: 213, Accepted: 212, Rejected: 1},
	}

	roles := []struct {
		id string
		n  int
	}{{"jeugdzorgprofessional", 8}, {"jongere", 7}, {"jongerenwerker", 10}, {"ouder", 3}}
	munis := []struct {
		name string
		n    int
	}{{"Enschede", 9}, {"Súdwest-Fryslân", 8}, {"Zaanstad", 11}}

	sample := results.NewTable("sample", txt("group_by"), txt("group"), num("respondents"), bln("suppressed"))
	sample.Add("all", "all", 28, false)
	for _, r := range roles {
		if r.n < 5 {
			sample.Add("role", r.id, nil, true)
		} else {
			sample.Add("role", r.id, r.n, false)
		}
	}
	for _, m := range munis {
		sample.Add("municipality", m.name, m.n, false)
	}
	res.Add(sample)

	cf := results.NewTable("code_frequencies", txt("factor"), txt("code"), txt("group_by"), txt("group"),
		num("segments"), num("respondents"), num("group_respondents"), shr("share"), bln("suppressed"), shr("ci_low"), shr("ci_high"))
	k := 0
	for fi, f := range res.Codebook.Factors {
		add := func(code, by, group string, n int, mentioned int) {
			if n < 5 {
				cf.Add(f.ID, code, by, group, nil, nil, nil, nil, true, nil, nil)
				return
			}
			s := float64(mentioned) / float64(n)
			lo, hi := wilsonForTest(mentioned, n)
			cf.Add(f.ID, code, by, group, mentioned*3+fi, mentioned, n, s, false, lo, hi)
		}
		add("*", "all", "all", 25, 14+3*fi)
		for ri, r := range roles {
			add("*", "role", r.id, r.n, (r.n*(5+ri+fi))/10)
		}
		for _, c := range f.Codes {
			add(c.ID, "all", "all", 25, 2+(k*7)%13)
			for ri, r := range roles {
				add(c.ID, "role", r.id, r.n, (r.n*(1+(k+ri)%7))/10)
			}
			k++
		}
	}
	res.Add(cf)

	ag := results.NewTable("agreement", txt("code"), num("coders"), num("units"), shr("percent_agreement"), flt("cohen_kappa"), flt("krippendorff_alpha"))
	ag.Add("*", 2, 184, 0.912, 0.781, 0.779)
	alphas := []any{0.85, 0.74, 0.62, 0.91, 0.55, 0.69, 0.88, 0.81, 0.79, 0.71, 0.93, nil, 0.84, 0.77, 0.66, 0.72}
	k = 0
	for _, f := range res.Codebook.Factors {
		for _, c := range f.Codes {
			kappa := alphas[k]
			ag.Add(c.ID, 2, 184, 0.9, kappa, alphas[k])
			k++
		}
	}
	res.Add(ag)

	sc := results.NewTable("scales", txt("scale"), txt("group_by"), txt("group"), num("n"), flt("mean"), flt("sd"), flt("ci_low"), flt("ci_high"), flt("median"), shr("pct_agree"), bln("suppressed"))
	survey := []struct {
		name string
		n    int
	}{{"Amersfoort", 41}, {"Den Haag", 52}, {"Leeuwarden", 38}, {"Súdwest-Fryslân", 29}, {"Zaanstad", 48}, {"Ééndorp", 4}}
	for si, s := range res.Codebook.Scales {
		sc.Add(s.ID, "all", "all", 208, 3.42-0.2*float64(si), 0.71, 3.32-0.2*float64(si), 3.52-0.2*float64(si), 3.5, 0.58-0.05*float64(si), false)
		for mi, m := range survey {
			if m.n < 5 {
				sc.Add(s.ID, "municipality", m.name, nil, nil, nil, nil, nil, nil, nil, true)
				continue
			}
			mean := 3.1 + 0.13*float64((mi*3+si)%6) - 0.2*float64(si)
			half := 1.96 * 0.7 / math.Sqrt(float64(m.n))
			sc.Add(s.ID, "municipality", m.name, m.n, mean, 0.7, mean-half, mean+half, 3.5, 0.5, false)
		}
	}
	res.Add(sc)

	rel := results.NewTable("reliability", txt("scale"), num("items"), num("n"), flt("cronbach_alpha"), flt("std_alpha"), flt("alpha_ci_low"), flt("alpha_ci_high"))
	rel.Add("kennen", 3, 201, 0.78, 0.79, 0.73, 0.83)
	rel.Add("bereiken", 3, 204, 0.71, 0.72, 0.64, 0.77)
	rel.Add("informeren", 2, 199, 0.64, 0.65, 0.52, 0.73)
	res.Add(rel)

	ri := results.NewTable("reliability_items", txt("scale"), txt("item"), num("n"), flt("mean"), flt("sd"), flt("r_drop"), flt("alpha_if_deleted"))
	ri.Add("kennen", "K1", 201, 3.6, 0.9, 0.61, 0.70)
	ri.Add("kennen", "K2", 201, 3.4, 1.0, 0.58, 0.73)
	ri.Add("kennen", "K3", 201, 3.2, 1.1, 0.63, 0.69)
	res.Add(ri)

	cmp := results.NewTable("comparisons", txt("measure"), txt("group_by"), txt("test"), flt("statistic"), num("df"), pvl("p"), pvl("p_holm"), flt("effect_size"), txt("effect_name"), num("n"))
	cmp.Add("kennen", "municipality", "kruskal-wallis", 11.84, 4, 0.0186, 0.0372, 0.038, "epsilon_squared", 208)
	cmp.Add("bereiken", "municipality", "kruskal-wallis", 4.12, 4, 0.39, 0.39, nil, "epsilon_squared", 208)
	cmp.Add("informeren", "municipality", "kruskal-wallis", 19.7, 4, 0.00057, 0.0017, 0.077, "epsilon_squared", 208)
	cmp.Add("kennen", "municipality", "dunn: Den Haag - Zaanstad", 2.91, nil, 0.0036, 0.036, nil, "", 100)
	res.Add(cmp)

	co := results.NewTable("cooccurrence", txt("code_a"), txt("code_b"), num("segments"), num("respondents"), flt("jaccard"))
	var codes []string
	for _, f := range res.Codebook.Factors {
		for _, c := range f.Codes {
			codes = append(codes, c.ID)
		}
	}
	for i := 0; i < len(codes); i++ {
		for j := i + 1; j < len(codes); j++ {
			seg := (i*5 + j*3) % 9
			if seg == 0 {
				continue
			}
			co.Add(codes[i], codes[j], seg, seg-seg/3, float64(seg)/float64(20+i+j))
		}
	}
	res.Add(co)

	pt := results.NewTable("partners", txt("partner"), txt("factor"), txt("valence"), num("segments"), num("respondents"))
	for pi, p := range res.Codebook.Partners {
		for fi, f := range res.Codebook.Factors {
			pt.Add(p.ID, f.ID, "barrier", (pi+fi)%4*2, (pi+fi)%4)
			pt.Add(p.ID, f.ID, "facilitator", (pi*2+fi)%7*2+1, (pi*2+fi)%7+1)
		}
	}
	res.Add(pt)

	it := results.NewTable("items", txt("scale"), txt("group_by"), txt("group"), txt("item"), txt("text"), num("n"), flt("mean"),
		shr("pct_1"), shr("pct_2"), shr("pct_3"), shr("pct_4"), shr("pct_5"), bln("reverse"))
	for si, s := range res.Codebook.Scales {
		for ii, item := range s.Items {
			a := 0.04 + 0.03*float64((si+ii)%3)
			b := 0.12 + 0.04*float64((si*2+ii)%4)
			c := 0.2
			d := 0.38 - 0.03*float64(ii)
			e := 1 - a - b - c - d
			it.Add(s.ID, "all", "all", item.ID, item.Text, 205-si-ii, 3.4, a, b, c, d, e, item.Reverse)
		}
	}
	res.Add(it)

	q := results.NewTable("quotes", txt("factor"), txt("code"), txt("respondent"), txt("role"), txt("municipality"), txt("quote"))
	q.Add("kennen", "kennen.persoonlijk", "JW03", "jongerenwerker", "Zaanstad", "Ik ken de wijkagent gewoon persoonlijk, we drinken één keer per week koffie.")
	q.Add("bereiken", "bereiken.korte_lijnen", "JZ02", "jeugdzorgprofessional", "Súdwest-Fryslân", "Korte lijnen: even een appje naar [NAAM] en het is geregeld.")
	q.Add("informeren", "informeren.geen_terugkoppeling", "JW07", "jongerenwerker", "Enschede", "Veilig Thuis laat nooit weten wat er is gebeurd <script>alert(1)</script> & dan hoor je niks.")
	q.Add("informeren", "informeren.privacy", "JO01", "jongere", "Zaanstad", "=HYPERLINK(\"http://x\") ze mogen niks doorgeven vanwege de privacy.")
	res.Add(q)

	rj := results.NewTable("rejects", txt("file"), txt("location"), txt("value"), txt("reason"))
	rj.Add("interviews/codes_jongerenwerk.xlsx", `sheet "Codes", row 14, column "Code"`, "=cmd|' /C calc'!A0", "unknown code")
	rj.Add("interviews/codes_jongerenwerk.xlsx", `sheet "Codes", row 90, column "Codeur"`, "", "empty coder")
	rj.Add("survey/enquête_professionals.csv", `row 77, column "B2"`, "-7", "answer -7 is not on the scale 1-5")
	res.Add(rj)

	res.Note("code_frequencies", "De rol ouder (3 respondenten) is niet apart getoond: minder dan 5 respondenten.",
		"The role parent (3 respondents) is not shown separately: fewer than 5 respondents.")
	res.Note("scales", "Gemeente Ééndorp (4 respondenten) is niet apart getoond: minder dan 5 respondenten.",
		"Municipality Ééndorp (4 respondents) is not shown separately: fewer than 5 respondents.")
	return res
}

// wilsonForTest gives Wilson intervals close enough for a picture; the values are fixture
// data, not tested statistics.
func wilsonForTest(x, n int) (float64, float64) {
	p := float64(x) / float64(n)
	z := 1.96
	d := 1 + z*z/float64(n)
	c := (p + z*z/(2*float64(n))) / d
	h := z * math.Sqrt(p*(1-p)/float64(n)+z*z/(4*float64(n*n))) / d
	return c - h, c + h
}

func nan() float64 { return math.NaN() }
