package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Random streams: one per file, so that files can be written in parallel and each stays
// the same when another changes size.
const (
	streamPopulation uint64 = iota + 1
	streamSurvey
	streamInterviews
	streamRespondents
	streamCodebook
)

func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x73616d656e737065^stream))
}

// Scales in the order of the default codebook.
const (
	kennen = iota
	bereiken
	informeren
	nScales
)

var scaleIDs = [nScales]string{"kennen", "bereiken", "informeren"}
var scalePrefix = [nScales]string{"K", "B", "I"}

// municipality is a fictional municipality with its size (a weight for drawing survey
// respondents) and its effect on each scale's latent trait.
type municipality struct {
	Name   string
	Weight float64
	Effect [nScales]float64
	// Emphasis multiplies how often interviewees there speak of each factor.
	Emphasis [nScales]float64
}

// Syllables of fictional Dutch place names: 30 × 24 = 720 names before numbering.
var placeHeads = []string{
	"Berg", "Linde", "Zee", "Kreek", "Hoog", "Wolder", "Sluis", "Heide", "Eik", "Beek",
	"Vries", "Mols", "Brem", "Dal", "Gaas", "Holt", "Ketel", "Laar", "Mark", "Noord",
	"Oost", "Polder", "Riet", "Schoon", "Ter", "Vaal", "Wester", "Ypen", "Zuider", "Aal",
}
var placeTails = []string{
	"dorp", "waard", "veen", "dijk", "meer", "broek", "waarde", "kamp", "hoven", "horst",
	"wijk", "land", "recht", "oord", "burg", "haven", "stede", "loo", "sloot", "rade",
	"zand", "donk", "hem", "wolde",
}

// roleName is one way a respondent writes a codebook role in the Functie column.
type interviewRole struct {
	ID     string   // codebook role id
	Names  []string // as respondents write their job; all map onto ID
	Weight float64  // among interviewees
	Survey float64  // among survey respondents (professionals only)
	Effect [nScales]float64
	// Emphasis multiplies how often this role speaks of each factor.
	Emphasis [nScales]float64
}

var roles = []interviewRole{
	{"jongerenwerker", []string{"Jongerenwerker", "jongerenwerker"}, 0.22, 0.24, [3]float64{0.4, 0.1, -0.1}, [3]float64{1.2, 1.1, 0.9}},
	{"jeugdzorgprofessional", []string{"Jeugdzorgprofessional", "Jeugdhulpverlener"}, 0.16, 0.22, [3]float64{0.0, -0.15, 0.2}, [3]float64{0.9, 1.0, 1.3}},
	{"jongere", []string{"Jongere"}, 0.18, 0, [3]float64{}, [3]float64{1.4, 0.8, 0.9}},
	{"wijkagent", []string{"Wijkagent"}, 0.09, 0.10, [3]float64{-0.1, 0.35, -0.3}, [3]float64{0.9, 1.4, 0.8}},
	{"school", []string{"Leerkracht", "Mentor", "Intern begeleider", "Zorgcoördinator"}, 0.13, 0.21, [3]float64{-0.35, -0.2, -0.4}, [3]float64{0.9, 1.0, 1.3}},
	{"wijkteammedewerker", []string{"Wijkteammedewerker", "Wijkteam"}, 0.12, 0.18, [3]float64{0.3, 0.25, 0.1}, [3]float64{1.0, 1.1, 1.1}},
	{"ouder", []string{"Ouder"}, 0.06, 0, [3]float64{}, [3]float64{1.2, 0.9, 1.1}},
	{"beleidsmedewerker", []string{"Beleidsmedewerker gemeente"}, 0.04, 0.05, [3]float64{0.1, -0.05, 0.0}, [3]float64{1.0, 1.0, 1.0}},
}

// population holds what the files share: municipalities and the cumulative weights to
// draw from them and from the roles.
type population struct {
	Municipalities []municipality
	muniCum        []float64
	surveyRoleCum  []float64
	interviewCum   []float64
}

func newPopulation(c Config) *population {
	r := newRand(c.Seed, streamPopulation)
	names := municipalityNames(c.Municipalities, r)
	p := &population{Municipalities: make([]municipality, c.Municipalities)}
	for i := range p.Municipalities {
		m := municipality{Name: names[i]}
		// Sizes of Dutch municipalities are skewed: a few cities, many small towns.
		m.Weight = math.Exp(0.9 * r.NormFloat64())
		for s := range nScales {
			m.Effect[s] = 0.3 * r.NormFloat64()
			m.Emphasis[s] = math.Exp(0.25 * r.NormFloat64())
		}
		p.Municipalities[i] = m
	}
	p.muniCum = cumulative(len(p.Municipalities), func(i int) float64 { return p.Municipalities[i].Weight })
	p.surveyRoleCum = cumulative(len(roles), func(i int) float64 { return roles[i].Survey })
	p.interviewCum = cumulative(len(roles), func(i int) float64 { return roles[i].Weight })
	return p
}

// municipalityNames composes n distinct place names, shuffled, numbered once the
// syllables run out.
func municipalityNames(n int, r *rand.Rand) []string {
	all := make([]string, 0, len(placeHeads)*len(placeTails))
	for _, h := range placeHeads {
		for _, t := range placeTails {
			all = append(all, h+t)
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	names := make([]string, n)
	for i := range names {
		names[i] = all[i%len(all)]
		if k := i / len(all); k > 0 {
			names[i] += fmt.Sprintf(" %d", k+1)
		}
	}
	return names
}

func cumulative(n int, w func(int) float64) []float64 {
	cum := make([]float64, n)
	total := 0.0
	for i := range cum {
		total += w(i)
		cum[i] = total
	}
	for i := range cum {
		cum[i] /= total
	}
	return cum
}

// pick draws an index from cumulative weights.
func pick(r *rand.Rand, cum []float64) int {
	i := sort.SearchFloat64s(cum, r.Float64())
	if i >= len(cum) {
		i = len(cum) - 1
	}
	return i
}
