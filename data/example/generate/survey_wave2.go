package main

import (
	"fmt"
	"math/rand/v2"
)

// The second wave (enquete/enquete_2025.csv) is the same survey a year later. Of the
// first wave's respondents, returnRate answer again under the same respondent number,
// municipality and job title; each municipality also gets new respondents (newRate of
// its first-wave size), numbered after the first wave's last. A returning respondent's
// latent traits are their first-wave traits plus the municipality's change and a
// within-person fluctuation,
//
//	theta2_s = theta1_s + change_s + 0.4 e_s,   e_s ~ N(0, 1),
//
// and a new respondent's are drawn as in the first wave plus the change. Answers follow
// the same item model; the second wave has no open remarks.

// wave2Seed is the second wave's own stream, so the first wave's bytes stay as they were.
var wave2Seed = [2]uint64{20250512, 612}

const (
	returnRate = 0.75
	newRate    = 0.2
)

// wave2Change is the change in the latent traits per municipality (kennen, bereiken,
// informeren): Zeeveen agreed on feedback after every referral and a privacy protocol
// after the first wave, and informs much better; Lindewaard gave the neighbourhood team
// a fixed contact person for each school and reaches better; elsewhere a little
// improvement on every factor.
var wave2Change = map[string][3]float64{
	"Zeeveen":    {0.05, 0.1, 0.8},
	"Lindewaard": {0.1, 0.5, 0.05},
}

var wave2Default = [3]float64{0.1, 0.05, 0.1}

func changeOf(muni string) [3]float64 {
	if c, ok := wave2Change[muni]; ok {
		return c
	}
	return wave2Default
}

// simulateWave2 returns the second wave's responses, shuffled as they came in.
func simulateWave2(wave1 []surveyResponse) []surveyResponse {
	r := rand.New(rand.NewPCG(wave2Seed[0], wave2Seed[1]))
	var out []surveyResponse
	for _, w := range wave1 {
		if r.Float64() >= returnRate {
			continue
		}
		resp := surveyResponse{Respondent: w.Respondent, Municipality: w.Municipality, Role: w.Role,
			Answers: make([]string, len(surveyItems)), muni: w.muni, role: w.role}
		change := changeOf(w.Municipality)
		for s := range resp.theta {
			resp.theta[s] = w.theta[s] + change[s] + 0.4*r.NormFloat64()
		}
		answerItems(r, resp.theta, resp.role, resp.Answers)
		out = append(out, resp)
	}
	next := len(wave1) + 1
	for mi, m := range surveyMunicipalities {
		// Heidekamp, with its four respondents, gets no new ones: it stays too small.
		for range int(newRate * float64(m.N)) {
			role := pickRole(r)
			resp := surveyResponse{Respondent: fmt.Sprintf("E%03d", next), Municipality: m.Name,
				Answers: make([]string, len(surveyItems)), muni: mi, role: role}
			next++
			sr := surveyRoles[role]
			resp.Role = sr.Names[r.IntN(len(sr.Names))]
			g := r.NormFloat64()
			change := changeOf(m.Name)
			for s := range resp.theta {
				resp.theta[s] = scaleBase[s] + m.Effect[s] + sr.Effect[s] + change[s] + 0.6*g + 0.75*r.NormFloat64()
			}
			answerItems(r, resp.theta, role, resp.Answers)
			out = append(out, resp)
		}
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
