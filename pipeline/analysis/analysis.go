// Package analysis is the analyse stage: it turns a coded, pseudonymised Dataset into the
// named tidy tables of the output contract (code frequencies, agreement, scales,
// reliability, comparisons, co-occurrence, partners, quotes). Statistics come from
// pipeline/stats; this package only groups, counts, suppresses and fills tables.
package analysis

import (
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// AutoCoder is the coder name of the auto-coder's codings.
const AutoCoder = "auto"

// Input is what the analysis works on.
type Input struct {
	Data     protected.Dataset // coded and pseudonymised
	Codebook *codebook.Codebook
	Language string   // nl | en
	Groups   []string // grouping attributes besides "all", e.g. role, municipality
	MinCell  int      // groups smaller than this are suppressed
	// PrimaryCoder, when set, is the only human coder whose codings count in frequencies.
	PrimaryCoder string
	// CountAuto makes the auto-coder's codings count in frequencies; CountAutoUncoded
	// makes them count only on segments that no human coded (transcripts, open answers).
	CountAuto        bool
	CountAutoUncoded bool
	// Interviewed holds the ids of respondents with segments of their own: the
	// denominators of code frequencies.
	Interviewed map[string]bool
	// Seed drives every random choice (bootstrap), so outputs are reproducible.
	Seed uint64
	// StageDone, when set, is called after each stage (from the stage's goroutine).
	StageDone func()

	respondents map[string]*protected.Respondent
	segments    map[string]*protected.Segment
	humanCoded  map[string]bool // segment ids with a coding row by a human coder
	// surveyScales holds every scale's answers per respondent, computed once by Prepare
	// for the stages that share them.
	surveyScales []*ScaleAnswers
}

// Prepare builds the indexes; Run calls it.
func (in *Input) Prepare() {
	in.respondents = make(map[string]*protected.Respondent, len(in.Data.Respondents))
	for i := range in.Data.Respondents {
		in.respondents[in.Data.Respondents[i].Pseudonym] = &in.Data.Respondents[i]
	}
	in.segments = make(map[string]*protected.Segment, len(in.Data.Segments))
	for i := range in.Data.Segments {
		in.segments[in.Data.Segments[i].ID] = &in.Data.Segments[i]
	}
	in.humanCoded = map[string]bool{}
	for _, c := range in.Data.Codings {
		if c.Coder != AutoCoder {
			in.humanCoded[c.Segment] = true
		}
	}
	if in.Interviewed == nil {
		in.Interviewed = map[string]bool{}
		for _, s := range in.Data.Segments {
			if !s.Interviewer {
				in.Interviewed[s.Respondent] = true
			}
		}
	}
	if in.MinCell <= 0 {
		in.MinCell = 5
	}
	in.surveyScales = nil
	in.surveyScales = in.surveyScalesOnce()
}

// Respondent returns the respondent with the given id (nil if unknown).
func (in *Input) Respondent(id string) *protected.Respondent { return in.respondents[id] }

// Segment returns the segment with the given id (nil if unknown).
func (in *Input) Segment(id string) *protected.Segment { return in.segments[id] }

// Suppressed reports whether a group of n respondents is too small to show.
func (in *Input) Suppressed(n int) bool { return n < in.MinCell }

// GroupBys returns "all" followed by the study's grouping attributes.
func (in *Input) GroupBys() []string {
	return append([]string{"all"}, in.Groups...)
}

// GroupOf returns the group a respondent belongs to for a grouping attribute ("all" for
// "all"); empty when the respondent has no value for it.
func GroupOf(r *protected.Respondent, by string) string {
	if by == "all" {
		return "all"
	}
	return r.Attribute(by)
}

// Counted reports whether a coding counts in frequencies: human coders (or only the
// primary coder when one is named), and the auto-coder only when the study asks.
func (in *Input) Counted(c protected.Coding) bool {
	if c.Code == "" {
		return false
	}
	if c.Coder == AutoCoder {
		return in.CountAuto || (in.CountAutoUncoded && !in.humanCoded[c.Segment])
	}
	return in.PrimaryCoder == "" || c.Coder == in.PrimaryCoder
}

// HumanCoded reports whether a human coder coded the segment (a row in the export,
// including a row with an empty code).
func (in *Input) HumanCoded(segment string) bool { return in.humanCoded[segment] }

// Stage is one table builder.
type Stage func(in *Input, res *results.Results)

// Stages are the table builders, in the order their tables appear.
var Stages []Stage

// Run prepares the input and runs every stage. Stages only read the input, so they run
// side by side, one per processor; each writes into a results value of its own, and
// their tables and notes are appended in stage order, so the output does not depend on
// which finished first.
func Run(in *Input, res *results.Results) {
	in.Prepare()
	parts := make([]*results.Results, len(Stages))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(Stages)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				part := &results.Results{Language: res.Language, MinCell: res.MinCell}
				Stages[i](in, part)
				parts[i] = part
				if in.StageDone != nil {
					in.StageDone()
				}
			}
		}()
	}
	for i := range Stages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, part := range parts {
		res.Tables = append(res.Tables, part.Tables...)
		res.Notes = append(res.Notes, part.Notes...)
	}
}

// SortedGroups returns the keys of a group map in sorted order.
func SortedGroups[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// finite returns x, or nil for NaN and Inf, for a table cell.
func finite(x float64) any {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return x
}
