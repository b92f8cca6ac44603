// Package analysis is the analyse stage: it turns a coded, pseudonymised Dataset into the
// named tidy tables of the output contract (code frequencies, agreement, scales,
// reliability, comparisons, co-occurrence, partners, quotes). Statistics come from
// pipeline/stats; this package only groups, counts, suppresses and fills tables.
package analysis

import (
	"math"
	"reflect"
	"runtime"
	"sort"
	"sync"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/disclosure"
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
	MinCell  int      // groups smaller than this are suppressed (disclosure.DefaultMinCell when 0)
	// SmallGroups: pool or suppress the groups smaller than MinCell (disclosure.Pool
	// when empty).
	SmallGroups disclosure.SmallGroups
	// Disclosure is the decision, made once per grouping, that every table honours.
	// Without one (a test of one stage) groups are the respondents' own values and only
	// each table's own rule for small groups applies.
	Disclosure *disclosure.Decision
	// PrimaryCoder, when set, is the only human coder whose codings count in frequencies.
	// When empty, each segment counts the codings of one coder: of the human coders who
	// coded it, the one who coded the most segments of the study (see Counted).
	PrimaryCoder string
	// CountAuto makes the auto-coder's codings count in frequencies; CountAutoUncoded
	// makes them count only on segments that no human coded (transcripts, open answers).
	CountAuto        bool
	CountAutoUncoded bool
	// Interviewed holds the ids of respondents with segments of their own: the
	// denominators of code frequencies.
	Interviewed map[string]bool
	// Adjust is the p-value adjustment within each family of comparisons: holm (the
	// default when empty), bh or none.
	Adjust string
	// PairwiseReliability computes Cronbach's alpha over pairwise-complete covariances
	// (reliability.missing: pairwise) instead of listwise.
	PairwiseReliability bool
	// BootstrapSamples is the number of resamples behind the alpha intervals
	// (DefaultBootstrapSamples when 0).
	BootstrapSamples int
	// Seed drives every random choice (bootstrap), so outputs are reproducible.
	Seed uint64
	// StageDone, when set, is called after each stage (from the stage's goroutine).
	StageDone func()
	// Learned holds the learned coder's cross-validation and the reviewed suggestions
	// (autocode.learn, autocode.review); nil when the study asks for neither.
	Learned *Learned
	// AutoHeld are the dictionary suggestions the codebook's calibration held back
	// (protected.Coding.Held): listed in autocodings and counted in autocode_validation,
	// not counted as codings anywhere.
	AutoHeld []protected.Coding
	// WaveOrder lists the study's waves from first to last (study.yaml's wave_order, or
	// the labels' own order: OrderWaves); see WaveList.
	WaveOrder []string

	respondents map[string]int32 // id -> respondent number (groups.go)
	groupCache  *groupCache
	uniqueKeys  bool // no two respondents share a key (Respondent.Key)
	waves       bool // some respondent has a wave
	// partnerSegs are the segments for the partner tables, found once (partners.go).
	partnersOnce *sync.Once
	partnerSegs  []partnerSegment
	// coderRank lists the human coders from most segments coded to fewest; the coding
	// index holds, per segment, whether a human coded it and whose codings count there.
	coderRank []string
	// surveyScales holds every scale's answers per respondent, computed once by Prepare
	// for the stages that share them.
	surveyScales []*ScaleAnswers
	scalesOf     scalesKey // what surveyScales were gathered from
	// latestWave is the last wave of a study of two or more waves (empty otherwise);
	// currentScales are surveyScales restricted to it: the cross-section that every
	// table but the wave tables describes (see SurveyScales).
	latestWave    string
	currentScales []*ScaleAnswers
	ids           *codingIndex // the codings by number (codings.go)
	// surveyNums are the survey rows' respondent numbers, found once per Prepare
	// (surveyRowNumbers).
	surveyNums *surveyNumbers
	prepared   bool // Run keeps what Prepare built (KeepPrepared)
}

// Prepare builds the indexes; Run calls it.
func (in *Input) Prepare() {
	in.respondents = make(map[string]int32, len(in.Data.Respondents))
	waves := false
	in.uniqueKeys = true
	for i := range in.Data.Respondents {
		r := &in.Data.Respondents[i]
		// A key seen before leaves the map's size as it was (one hash, not two).
		before := len(in.respondents)
		in.respondents[r.Key()] = int32(i)
		if len(in.respondents) == before {
			in.uniqueKeys = false
		}
		waves = waves || r.Wave != ""
	}
	in.waves = waves
	in.surveyNums = &surveyNumbers{}
	// A respondent of a wave is found by its key (pseudonym and wave), and by its
	// pseudonym alone as the person's first respondent: segments name only the pseudonym.
	// (Without waves every key is a pseudonym, already found.)
	if waves {
		for i := range in.Data.Respondents {
			if p := in.Data.Respondents[i].Pseudonym; !in.has(p) {
				in.respondents[p] = int32(i)
			}
		}
	}
	in.resetDecided()
	in.latestWave = ""
	if waves := in.WaveList(); len(waves) > 1 {
		in.latestWave = waves[len(waves)-1]
	}
	// The scales (from the survey and the respondents) and the coding index (from the
	// codings and segments) share nothing but the respondent numbers above: on a national
	// study each takes a few tenths of a second, so they are built side by side.
	var scales sync.WaitGroup
	scales.Go(in.prepareScales)
	in.ids = in.buildCodingIndex()
	if in.Interviewed == nil {
		in.Interviewed = map[string]bool{}
		last, seen := "", false
		for _, s := range in.Data.Segments {
			// A respondent's segments come one after the other: one map write each.
			if !s.Interviewer && (!seen || s.Respondent != last) {
				in.Interviewed[s.Respondent] = true
				last, seen = s.Respondent, true
			}
		}
	}
	in.minCellDecided()
	scales.Wait()
}

// KeepPrepared tells the next Run that the dataset is as Prepare indexed it (no
// respondent or segment renamed, nothing added or removed since, only the disclosure
// decision set): Run then keeps the respondent numbers, the scales and the coding index,
// and renews only what depends on the decision. execute prepares once for the decision
// and renames only when the decision renames someone; on a national study Prepare is a
// few tenths of a second on the run's one serial path, the same work twice when nothing
// was renamed.
func (in *Input) KeepPrepared() { in.prepared = in.ids != nil }

// resetDecided forgets what was worked out under an earlier decision (or none): the
// group indexes and the partner segments, found again when first asked for.
func (in *Input) resetDecided() {
	in.groupCache = &groupCache{}
	in.partnersOnce, in.partnerSegs = new(sync.Once), nil
}

// minCellDecided takes the smallest cell from the decision (DefaultMinCell without one
// when unset).
func (in *Input) minCellDecided() {
	if in.Disclosure != nil {
		in.MinCell = in.Disclosure.Rules.MinCell
	} else if in.MinCell <= 0 {
		in.MinCell = disclosure.DefaultMinCell
	}
}

// prepareScales gathers (or refreshes) the scales for Prepare.
func (in *Input) prepareScales() {
	if !in.refreshScales() {
		in.surveyScales, in.currentScales = nil, nil
		in.surveyScales = in.surveyScalesOnce()
		in.scalesOf = scalesSource(in)
	}
	in.currentScales = in.surveyScales
	if in.latestWave != "" {
		in.currentScales = make([]*ScaleAnswers, len(in.surveyScales))
		for i, sa := range in.surveyScales {
			in.currentScales[i] = sa.only(func(r int) bool { return sa.Waves[r] == in.latestWave })
		}
	}
}

// Respondent returns the respondent with the given id (nil if unknown): a pseudonym, or a
// key (protected.Respondent.Key) for a respondent of a wave. In a study of waves a bare
// pseudonym gives the person's first respondent.
func (in *Input) Respondent(id string) *protected.Respondent {
	if n, ok := in.respondents[id]; ok {
		return &in.Data.Respondents[n]
	}
	return nil
}

// has reports whether an id names a respondent.
func (in *Input) has(id string) bool {
	_, ok := in.respondents[id]
	return ok
}

// Segment returns the segment with the given id (nil if unknown).
func (in *Input) Segment(id string) *protected.Segment {
	if s, ok := in.ids.segNum(id); ok && in.ids.seg[s] != nil {
		return in.ids.seg[s].segment
	}
	return nil
}

// Suppressed reports whether a group of n respondents is too small to show.
func (in *Input) Suppressed(n int) bool { return n < in.MinCell }

// GroupBys returns "all" followed by the study's grouping attributes.
func (in *Input) GroupBys() []string {
	return append([]string{"all"}, in.Groups...)
}

// GroupOf returns the respondent's own value for a grouping attribute ("all" for "all");
// empty when the respondent has no value for it. It is the value before the disclosure
// decision: tables group by Input.groupOf, which pools and suppresses as decided (and the
// final pass drops any row of a group the decision does not show).
func GroupOf(r *protected.Respondent, by string) string {
	if by == "all" {
		return "all"
	}
	return r.Attribute(by)
}

// Counted reports whether a coding counts in frequencies, co-occurrence, partners,
// quotes, code_presence and the chi-square comparisons: a codebook code by a counted
// human coder (CountedCoder), or by the auto-coder where the study asks.
//
// The rule for human coders, when the study names no primary_coder: each segment counts
// the codings of one coder, the one who coded the most segments of the study among
// those who coded it. Every coded segment is then counted once, by one person's
// judgement, as in a study with one coder; counting any coder's codings would count a
// double-coded segment's codes up to once per coder wherever the coders differ, and
// counting only codings the coders agree on would count double-coded segments by a
// stricter rule than the others. The double coding is there to measure agreement.
func (in *Input) Counted(c protected.Coding) bool {
	if c.Code == "" {
		return false
	}
	if c.Coder == AutoCoder {
		return in.CountAuto || (in.CountAutoUncoded && !in.HumanCoded(c.Segment))
	}
	return in.CountedCoder(c)
}

// CountedCoder reports whether the coding's coder is the human coder whose codings count
// on its segment: the primary coder when the study names one, else the segment's coder
// with the most segments (see Counted). A row with an empty code by that coder still
// makes the segment coded.
func (in *Input) CountedCoder(c protected.Coding) bool {
	if c.Coder == AutoCoder {
		return false
	}
	if in.PrimaryCoder != "" {
		return c.Coder == in.PrimaryCoder
	}
	return in.ids.countingCoder(c.Segment) == c.Coder
}

// methods returns the choices the analysis made, for the report and the manifest.
func (in *Input) methods() results.Methods {
	m := results.Methods{Adjust: in.adjustment(), ReliabilityMissing: "listwise",
		Bootstrap: in.bootstrapSamples(), Seed: in.Seed}
	if in.PairwiseReliability {
		m.ReliabilityMissing = "pairwise"
	}
	switch {
	case in.PrimaryCoder != "":
		m.CountingRule, m.PrimaryCoder = "primary", in.PrimaryCoder
	case len(in.coderRank) > 0:
		m.CountingRule, m.CountingCoders = "most", append([]string(nil), in.coderRank...)
	}
	return m
}

// HumanCoded reports whether a human coder coded the segment (a row in the export,
// including a row with an empty code).
func (in *Input) HumanCoded(segment string) bool {
	s, ok := in.ids.segNum(segment)
	return ok && in.ids.human[s]
}

// Stage is one table builder.
type Stage func(in *Input, res *results.Results)

// Stages are the table builders, in the order their tables appear.
var Stages []Stage

// Run prepares the input and runs every stage. Stages only read the input, so they run
// side by side, one per processor; each writes into a results value of its own, and
// their tables and notes are appended in stage order, so the output does not depend on
// which finished first.
func Run(in *Input, res *results.Results) {
	if in.prepared { // KeepPrepared
		in.prepared = false
		in.resetDecided()
		in.minCellDecided()
	} else {
		in.Prepare()
	}
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
	for _, i := range stageOrder() {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, part := range parts {
		res.Tables = append(res.Tables, part.Tables...)
		res.Notes = append(res.Notes, part.Notes...)
		res.PeopleHeld = res.PeopleHeld || part.PeopleHeld
	}
	// The joins read the tables above, so they run after them (joint.go).
	for _, j := range Joins {
		j(in, res)
	}
	res.Methods = in.methods()
}

// longStages are the stages that take longest on a national study, longest first
// (measured: each 0.3-0.6 s, the others 0.2 s or less). Run hands them out first, so
// that no long stage starts last and leaves the other processors idle while it
// finishes; the tables still come in stage order. PartnerPairs goes before Partners,
// which waits for the partner segments PartnerPairs finds.
var longStages = []Stage{PartnerPairs, ScaleItems, ScaleReliability, Agreement, Comparisons, Sample}

// stageOrder is the order Run hands the stages out in: longStages, then the others in
// their order.
func stageOrder() []int {
	long := make(map[uintptr]int, len(longStages))
	for k, s := range longStages {
		long[reflect.ValueOf(s).Pointer()] = k
	}
	first := make([]int, len(longStages))
	for k := range first {
		first[k] = -1
	}
	var rest []int
	for i, s := range Stages {
		if k, ok := long[reflect.ValueOf(s).Pointer()]; ok && first[k] < 0 {
			first[k] = i
			continue
		}
		rest = append(rest, i)
	}
	order := make([]int, 0, len(Stages))
	for _, i := range first {
		if i >= 0 {
			order = append(order, i)
		}
	}
	return append(order, rest...)
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
