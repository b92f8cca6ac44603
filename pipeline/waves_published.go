package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// latestWaveFacts gives the report what it needs to say which wave the cross-sectional
// tables describe (attack 11, F11): in a study of two or more waves, sample, scales,
// items, reliability and comparisons count the latest wave only, so the report's
// respondents in all (every person once) exceed the sample's total by the people who
// answered in an earlier wave only. earlier is their number, or -1 where the report
// holds the people back (results.Results.CountsHeld, PeopleHeld): the respondents in all
// would follow from it and the sample's total.
func latestWaveFacts(latest string, p *protected.Dataset, res *results.Results) (wave string, earlier int) {
	if latest == "" {
		return "", 0
	}
	if res.CountsHeld || res.PeopleHeld {
		return latest, -1
	}
	answered := p.Survey.AnsweredRows()
	inLatest, before := map[string]bool{}, map[string]bool{}
	for i, who := range p.Survey.Respondents {
		if !answered[i] {
			continue
		}
		if p.Survey.Waves[i] == latest {
			inLatest[who] = true
		} else {
			before[who] = true
		}
	}
	for who := range before {
		if !inLatest[who] {
			earlier++
		}
	}
	return latest, earlier
}
