package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The survey is simulated with an ordinal latent-variable model. Each respondent has a
// general collaboration climate g ~ N(0, 1) and, per scale s (kennen, bereiken,
// informeren), a latent trait
//
//	theta_s = base_s + municipality_s + role_s + 0.6 g + 0.75 e_s,   e_s ~ N(0, 1)
//
// An item's latent response is z = theta_s + location_i + 0.85 u_i (u_i ~ N(0, 1)), with
// -theta_s in place of theta_s for a reverse-keyed item, so that its reversed answer
// correlates positively with the rest of its scale. z is cut into the five answer
// categories at the thresholds below.

// surveySeed fixes the generator; change it and every answer changes.
var surveySeed = [2]uint64{20240513, 611}

var thresholds = [4]float64{-1.6, -0.6, 0.3, 1.4}

var answerLabels = [5]string{"Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"}

const (
	dontKnow = "Weet niet"
	kennen   = 0
	bereiken = 1
	inform   = 2
)

type surveyItem struct {
	ID       string
	Scale    int
	Location float64
	Reverse  bool
}

// surveyItems are the codebook's twelve items; K4, B4 and I3 are reverse-keyed.
var surveyItems = []surveyItem{
	{"K1", kennen, 0.3, false},
	{"K2", kennen, 0.1, false},
	{"K3", kennen, -0.3, false},
	{"K4", kennen, 0.1, true},
	{"B1", bereiken, 0.2, false},
	{"B2", bereiken, -0.1, false},
	{"B3", bereiken, -0.2, false},
	{"B4", bereiken, 0.2, true},
	{"I1", inform, -0.5, false},
	{"I2", inform, -0.1, false},
	{"I3", inform, 0.0, true},
	{"I4", inform, 0.2, false},
}

var scaleBase = [3]float64{0.35, 0.2, 0.0}

type surveyMunicipality struct {
	Name   string
	N      int
	Effect [3]float64 // on kennen, bereiken, informeren
}

// Bergdorp is clearly better at reaching each other (a weekly joint meeting, youth work
// in the schools), Zeeveen clearly worse at informing each other (no feedback, fear of
// privacy rules); Heidekamp has too few respondents to be shown.
var surveyMunicipalities = []surveyMunicipality{
	{"Bergdorp", 52, [3]float64{0.2, 0.9, 0.15}},
	{"Lindewaard", 48, [3]float64{-0.05, -0.25, 0.0}},
	{"Zeeveen", 45, [3]float64{0.3, -0.1, -1.0}},
	{"Kreekdijk", 40, [3]float64{-0.2, 0.0, 0.2}},
	{"Hoogmeer", 38, [3]float64{0.1, 0.2, 0.3}},
	{"Wolderbroek", 37, [3]float64{-0.35, -0.3, -0.1}},
	{"Sluiswaarde", 36, [3]float64{0.0, 0.1, -0.2}},
	{"Heidekamp", 4, [3]float64{0.0, 0.0, 0.0}},
}

type surveyRole struct {
	Names  []string // as respondents filled in their job; all map onto one codebook role
	Weight float64
	Effect [3]float64
}

var surveyRoles = []surveyRole{
	{[]string{"Jongerenwerker"}, 0.25, [3]float64{0.4, 0.1, -0.1}},
	{[]string{"Jeugdzorgprofessional", "Jeugdhulpverlener"}, 0.24, [3]float64{0.0, -0.15, 0.2}},
	{[]string{"Wijkagent"}, 0.10, [3]float64{-0.1, 0.35, -0.3}},
	{[]string{"Leerkracht", "Mentor", "Intern begeleider", "Zorgcoördinator"}, 0.23, [3]float64{-0.35, -0.2, -0.4}},
	{[]string{"Wijkteammedewerker", "Wijkteam"}, 0.18, [3]float64{0.3, 0.25, 0.1}},
}

var surveyHeaders = func() []string {
	h := []string{"Respondent", "Gemeente", "Functie"}
	for _, it := range surveyItems {
		h = append(h, it.ID)
	}
	return append(h, "Toelichting")
}()

// surveyResponse is one respondent's row as the export has it.
type surveyResponse struct {
	Respondent, Municipality, Role string
	Answers                        []string // one per survey item: a label, "Weet niet" or ""
	Remark                         string

	// The respondent's place in the model, for the second wave (survey_wave2.go).
	muni, role int
	theta      [3]float64
}

func simulateSurvey(remarks remarkPool) []surveyResponse {
	r := rand.New(rand.NewPCG(surveySeed[0], surveySeed[1]))
	type who struct{ muni, role int }
	var people []who
	for mi, m := range surveyMunicipalities {
		for range m.N {
			people = append(people, who{muni: mi, role: pickRole(r)})
		}
	}
	// The export lists responses in the order they came in, not by municipality.
	r.Shuffle(len(people), func(i, j int) { people[i], people[j] = people[j], people[i] })

	picker := newRemarkPicker(remarks)
	out := make([]surveyResponse, len(people))
	for i, p := range people {
		m, role := surveyMunicipalities[p.muni], surveyRoles[p.role]
		resp := surveyResponse{
			Respondent:   fmt.Sprintf("E%03d", i+1),
			Municipality: m.Name,
			Role:         role.Names[r.IntN(len(role.Names))],
			Answers:      make([]string, len(surveyItems)),
			muni:         p.muni, role: p.role,
		}
		g := r.NormFloat64()
		var theta [3]float64
		for s := range theta {
			theta[s] = scaleBase[s] + m.Effect[s] + role.Effect[s] + 0.6*g + 0.75*r.NormFloat64()
		}
		resp.theta = theta
		stoppedAt := answerItems(r, theta, p.role, resp.Answers)
		if stoppedAt == len(surveyItems) && r.Float64() < 0.34 {
			resp.Remark = picker.pick(resp.Answers)
		}
		out[i] = resp
	}
	return out
}

// answerItems fills a respondent's answers from the latent traits theta and returns the
// item before which the respondent stopped (len(surveyItems) when they answered to the
// end).
func answerItems(r *rand.Rand, theta [3]float64, role int, answers []string) int {
	// A few respondents stop before the last block of questions.
	stoppedAt := len(surveyItems)
	if r.Float64() < 0.04 {
		stoppedAt = 8
	}
	for k, it := range surveyItems {
		t := theta[it.Scale]
		if it.Reverse {
			t = -t
		}
		z := t + it.Location + 0.85*r.NormFloat64()
		switch u := r.Float64(); {
		case k >= stoppedAt:
			answers[k] = ""
		case u < dontKnowRate(it, role):
			answers[k] = dontKnow
		case u < dontKnowRate(it, role)+0.015:
			answers[k] = ""
		default:
			answers[k] = answerLabels[category(z)]
		}
	}
	return stoppedAt
}

func pickRole(r *rand.Rand) int {
	u := r.Float64()
	for i, role := range surveyRoles {
		if u < role.Weight {
			return i
		}
		u -= role.Weight
	}
	return len(surveyRoles) - 1
}

// dontKnowRate is the chance of "Weet niet": higher where the item asks about a partner
// the respondent rarely meets (school staff and the neighbourhood officer, youth workers
// and the waiting time at youth care).
func dontKnowRate(it surveyItem, role int) float64 {
	switch {
	case it.ID == "B2" && role == 3:
		return 0.08
	case it.ID == "B4" && role == 0:
		return 0.05
	case it.ID == "K2" && role == 2:
		return 0.06
	}
	return 0.015
}

func category(z float64) int {
	c := 0
	for _, t := range thresholds {
		if z > t {
			c++
		}
	}
	return c
}

// scaleMeans returns each scale's mean answer value after reversal, NaN where nothing
// was answered.
func scaleMeans(answers []string) [3]float64 {
	var sum, n [3]float64
	for k, a := range answers {
		v := 0
		for i, l := range answerLabels {
			if a == l {
				v = i + 1
			}
		}
		if v == 0 {
			continue
		}
		it := surveyItems[k]
		if it.Reverse {
			v = 6 - v
		}
		sum[it.Scale] += float64(v)
		n[it.Scale]++
	}
	var m [3]float64
	for s := range m {
		m[s] = math.NaN()
		if n[s] > 0 {
			m[s] = sum[s] / n[s]
		}
	}
	return m
}

//go:embed toelichting.yaml
var remarksYAML []byte

// remarkPool holds hand-written fragments for the open question, per theme: for each
// scale a positive and a negative set, and general remarks and closing additions.
type remarkPool struct {
	Kennen     themeRemarks `yaml:"kennen"`
	Bereiken   themeRemarks `yaml:"bereiken"`
	Informeren themeRemarks `yaml:"informeren"`
	General    []string     `yaml:"algemeen"`
	Additions  []string     `yaml:"aanvullingen"`
}

type themeRemarks struct {
	Positive []string `yaml:"positief"`
	Negative []string `yaml:"negatief"`
}

func loadRemarks() (remarkPool, error) {
	var p remarkPool
	if err := yaml.Unmarshal(remarksYAML, &p); err != nil {
		return p, fmt.Errorf("toelichting.yaml: %w", err)
	}
	for _, l := range p.lists() {
		if len(*l) == 0 {
			return p, fmt.Errorf("toelichting.yaml: a theme has no remarks")
		}
	}
	return p, nil
}

func (p *remarkPool) lists() []*[]string {
	return []*[]string{
		&p.Kennen.Positive, &p.Kennen.Negative,
		&p.Bereiken.Positive, &p.Bereiken.Negative,
		&p.Informeren.Positive, &p.Informeren.Negative,
		&p.General, &p.Additions,
	}
}

// remarkPicker deals fragments from shuffled decks, one deck per list, so that a
// fragment comes back only after its whole list has been used.
type remarkPicker struct {
	r     *rand.Rand
	pool  *remarkPool
	decks map[*[]string][]string
	used  map[string]bool
}

// newRemarkPicker draws from its own random stream, so that adding a fragment changes
// the remarks but not the answers.
func newRemarkPicker(p remarkPool) *remarkPicker {
	return &remarkPicker{
		r:     rand.New(rand.NewPCG(surveySeed[0], surveySeed[1]+1)),
		pool:  &p,
		decks: map[*[]string][]string{},
		used:  map[string]bool{},
	}
}

func (k *remarkPicker) draw(list *[]string) string {
	d := k.decks[list]
	if len(d) == 0 {
		d = append([]string(nil), (*list)...)
		k.r.Shuffle(len(d), func(i, j int) { d[i], d[j] = d[j], d[i] })
	}
	k.decks[list] = d[1:]
	return d[0]
}

// pick writes a remark about the scale on which the respondent is most outspoken, now
// and then a general one, sometimes followed by an addition. No two respondents write
// the same remark.
func (k *remarkPicker) pick(answers []string) string {
	for range 50 {
		if text := k.compose(answers); !k.used[text] {
			k.used[text] = true
			return text
		}
	}
	return ""
}

func (k *remarkPicker) compose(answers []string) string {
	m := scaleMeans(answers)
	pool := k.pool
	themes := [3]*themeRemarks{&pool.Kennen, &pool.Bereiken, &pool.Informeren}
	best, dev := -1, 0.6
	for s, v := range m {
		if !math.IsNaN(v) && math.Abs(v-3.2) > dev {
			best, dev = s, math.Abs(v-3.2)
		}
	}
	var text string
	switch {
	case best < 0 || k.r.Float64() < 0.15:
		text = k.draw(&pool.General)
	case m[best] > 3.2:
		text = k.draw(&themes[best].Positive)
	default:
		text = k.draw(&themes[best].Negative)
	}
	if k.r.Float64() < 0.25 {
		text = strings.TrimSpace(text) + " " + k.draw(&pool.Additions)
	}
	return strings.TrimSpace(text)
}

// writeSurvey writes the responses as Dutch Excel saves a CSV file: UTF-8 with a byte
// order mark, semicolons, CRLF line ends, and quotes only around fields that need them.
func writeSurvey(path string, responses []surveyResponse) error {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	if err := w.Write(surveyHeaders); err != nil {
		return err
	}
	for _, r := range responses {
		rec := append([]string{r.Respondent, r.Municipality, r.Role}, r.Answers...)
		if err := w.Write(append(rec, r.Remark)); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
