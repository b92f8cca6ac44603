package disclosure

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// Status is what the outputs show of a group of a grouping.
type Status int

const (
	// Shown: the group is its own row in every output (for the value "", respondents
	// without a value: left out of the grouping, and counted in a note).
	Shown Status = iota
	// Pooled: the group's respondents are counted in the pooled group.
	Pooled
	// Suppressed: the group's respondents are in no group of the grouping.
	Suppressed
)

func (s Status) String() string {
	switch s {
	case Pooled:
		return "pooled"
	case Suppressed:
		return "suppressed"
	}
	return "shown"
}

// The strands of a study: its interviews (with the open answers that are coded like
// them) and its survey. Each is decided on its own, so that a municipality of many
// surveyed professionals and two interviewees is pooled in the interview tables only.
const (
	Interviews = "interviews"
	Survey     = "survey"
)

// Strands are the strands in the order the decision and its table list them.
var Strands = []string{Interviews, Survey}

// Population is a set of respondents (by key, protected.Respondent.Key: the pseudonym,
// with the wave in a study of waves) that some output counts per group:
// the interviewed, the surveyed, the respondents with a score on one scale, those who
// answered one item. A group is small in a strand when it is small in any of the
// strand's populations. A population of no strand (all respondents) decides nothing.
type Population struct {
	Name    string
	Strand  string
	Members map[string]bool
	// List holds further members as a list of distinct keys, for a population of the
	// survey's size, where one map per item would take more memory than the answers (a
	// population may have both; a strand's decision counts both, respondent-level Rows
	// use Members only).
	List []string
	// Positions holds further members as positions in Input.Respondents, each at most
	// once: the quickest to count, for the survey's populations.
	Positions []int32
	// Whole marks a population that the strand's ungrouped tables count as a whole
	// (the interviewed, the coded, the mentioning; the surveyed), not one scale or
	// item: when it is small, the strand is Few.
	Whole bool
}

// each calls fn for every member given by key: Members, then List (not Positions).
func (p Population) each(fn func(string)) {
	for id := range p.Members {
		fn(id)
	}
	for _, id := range p.List {
		fn(id)
	}
}

// Input is what Decide decides from.
type Input struct {
	Respondents []protected.Respondent
	// Groupings are the study's grouping attributes; role and municipality are always
	// decided as well, because respondent-level rows carry them.
	Groupings   []string
	Populations []Population
	// Rows are the sets of respondents that respondent-level outputs list, one row or
	// case each: those with a segment (review.qdpx), those with a coding (code_presence
	// and autocodings together), those whose codings count (code_presence).
	Rows []Population
	// PopulationsFrom, when set, gives Populations and Rows: Decide calls it while it
	// indexes the respondents on another goroutine (on a national study each takes a few
	// tenths of a second). It must only read the respondents.
	PopulationsFrom func() (populations, rows []Population)
}

// Grouping is the decision for one grouping attribute.
type Grouping struct {
	By     string
	Status map[string]Status // by value; "" holds the respondents without a value
	// Pool is the label of the pooled group; empty when nothing is pooled.
	Pool string
	size map[string]int // by value, its largest count in a population of the strand
}

// View is how respondent-level rows show one respondent.
type View struct {
	Pseudonym    string
	Role         string // the role, the pooled label, or empty
	Municipality string // the municipality, the pooled label, or empty
}

// Decision is the one decision, made once per grouping and strand, that every output
// honours.
type Decision struct {
	Rules Rules
	// Groupings holds per strand the decision for each grouping.
	Groupings map[string]map[string]*Grouping
	// Renamed maps the pseudonym of each respondent whose role respondent-level rows
	// do not show (its abbreviation would name it: WA-01, the only wijkagent) to one that
	// does not carry the role (OV-03), numbered in an order unrelated to the role.
	Renamed map[string]string
	views   map[string]View // by published pseudonym
	// Neutral are the roles that respondent-level rows do not show: roles that are not
	// shown on their own, and roles with fewer than MinCell respondents among the rows,
	// and as many more as it takes that the respondents without a role are not fewer
	// than MinCell either.
	Neutral map[string]bool
	// NoRows says that some set of rows has fewer than MinCell respondents in all:
	// respondent-level tables are then left empty and review.qdpx is not written, as
	// the "all" rows of the tables are suppressed.
	NoRows bool
	// MunicipalityInRows says whether respondent-level rows show the municipality: only
	// when no municipality and no role x municipality cell among the rows is small.
	MunicipalityInRows bool
	// Few holds the strands of which some Whole population is small (more than none,
	// fewer than MinCell people): their "all" rows are suppressed, so no table may count
	// the strand's respondents or their segments (Enforce, enforce_few.go).
	Few map[string]bool
}

// Decide makes the decision. Per grouping and strand, a group (a value of the
// attribute, "" for respondents without one) is small when its count in any of the
// strand's populations is more than 0 and less than MinCell.
//
//   - Pool: the small groups are pooled; while the pool is itself small in some
//     population, the next smallest group joins it. When even all groups together are
//     small, every group is suppressed.
//   - Suppress: the small groups are suppressed; while exactly one group is suppressed or
//     the suppressed ones are small together in some population (so that a total minus
//     the shown groups would give them away), the next smallest is suppressed too.
//
// A strand without respondents takes the other strand's decision.
//
// Respondent-level rows follow the interviews' groups. They show a respondent's role,
// and the pseudonym its abbreviation, only when the role is shown and has at least
// MinCell respondents in every set of rows (else it is Neutral); and the municipality
// as its group shows it, but only when every municipality and every role x municipality
// cell in every set of rows has at least MinCell respondents: a blank in some rows only
// could be filled in from the municipality's total.
func Decide(in Input, r Rules) *Decision {
	r = r.WithDefaults()
	d := &Decision{Rules: r, Groupings: map[string]map[string]*Grouping{}, Renamed: map[string]string{}, views: make(map[string]View, len(in.Respondents))}
	// Members are keys (protected.Respondent.Key): the pseudonym, with the wave for a
	// respondent of a wave; a bare pseudonym (the interviews' sets) is the person's first
	// respondent. The index finds them (index.respondent).
	var x *index
	if in.PopulationsFrom != nil {
		indexed := make(chan *index, 1)
		go func() { indexed <- newIndex(in.Respondents) }()
		in.Populations, in.Rows = in.PopulationsFrom()
		x = <-indexed
	} else {
		x = newIndex(in.Respondents)
	}
	d.Few = map[string]bool{}
	byID := x.respondent
	bys := groupings(in.Groupings)
	decided := decideStrands(in.Populations, bys, x, r) // decide_parallel.go
	for si, strand := range Strands {
		if decided[si].few {
			d.Few[strand] = true
		}
		if !decided[si].empty {
			d.Groupings[strand] = decided[si].groupings
		}
	}
	// A strand without respondents (a study without a survey) groups as the other does,
	// so that the sample's respondents may be counted per group.
	for i, strand := range Strands {
		if d.Groupings[strand] == nil {
			other := d.Groupings[Strands[1-i]]
			if other == nil {
				other = map[string]*Grouping{}
				for _, by := range groupings(in.Groupings) {
					other[by] = decideGrouping(by, x, nil, r)
				}
			}
			d.Groupings[strand] = other
		}
	}
	d.neutralRoles(byID, in.Rows)
	d.MunicipalityInRows = true
	for _, p := range in.Rows {
		if r.Small(len(p.Members)) {
			d.NoRows = true
		}
		cells, muns := map[[2]string]int{}, map[string]int{}
		for id := range p.Members {
			resp := byID(id)
			if resp == nil {
				continue
			}
			v := d.view(resp)
			if v.Municipality == "" {
				continue
			}
			muns[v.Municipality]++
			cells[[2]string{v.Role, v.Municipality}]++
		}
		for _, n := range cells {
			if r.Small(n) {
				d.MunicipalityInRows = false
			}
		}
		for _, n := range muns {
			if r.Small(n) {
				d.MunicipalityInRows = false
			}
		}
	}
	d.rename(in.Respondents)
	for i := range in.Respondents {
		p := &in.Respondents[i]
		v := d.view(p)
		v.Pseudonym = d.Published(p.Pseudonym)
		if !d.MunicipalityInRows {
			v.Municipality = ""
		}
		d.views[v.Pseudonym] = v
	}
	return d
}

// neutralRoles decides which roles respondent-level rows do not show.
func (d *Decision) neutralRoles(byID func(string) *protected.Respondent, rows []Population) {
	d.Neutral = map[string]bool{}
	for _, p := range rows {
		for id := range p.Members {
			if resp := byID(id); resp != nil {
				if _, st := d.Group(Interviews, "role", resp.Role); st != Shown {
					d.Neutral[resp.Role] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range rows {
			counts := map[string]int{}
			neutral := 0
			for id := range p.Members {
				if resp := byID(id); resp != nil {
					counts[resp.Role]++
					if d.Neutral[resp.Role] {
						neutral++
					}
				}
			}
			next, nextN := "", 0
			for _, role := range sortedCounts(counts) {
				if d.Neutral[role] {
					continue
				}
				if d.Rules.Small(counts[role]) {
					d.Neutral[role], changed = true, true
				} else if next == "" || counts[role] < nextN {
					next, nextN = role, counts[role]
				}
			}
			if !changed && d.Rules.Small(neutral) && next != "" {
				d.Neutral[next], changed = true, true
			}
		}
	}
}

func sortedCounts(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func empty(pops []Population) bool {
	for _, p := range pops {
		if len(p.Members) > 0 || len(p.List) > 0 || len(p.Positions) > 0 {
			return false
		}
	}
	return true
}

// groupings returns the study's groupings and role and municipality, without "all" and
// without repeats.
func groupings(study []string) []string {
	var out []string
	seen := map[string]bool{"all": true}
	for _, by := range append(append([]string(nil), study...), "role", "municipality") {
		if !seen[by] {
			seen[by] = true
			out = append(out, by)
		}
	}
	return out
}

// index holds the respondents by position, for counting populations on integer ids:
// the national study's thirty-odd populations of 100,000 members, counted per grouping
// and strand, took 6 to 10 CPU seconds as string-keyed map lookups.
type index struct {
	resp    []protected.Respondent
	pos     map[string]int32 // by key, and a bare pseudonym by its person's first respondent
	person  []int32          // per respondent, its person (one pseudonym: one person)
	persons int
	shared  []bool              // per person: more than one respondent (a person measured in waves)
	values  map[string]valueIDs // by grouping, once keepValues has run
}

// respondent returns the respondent a member key names (nil for none).
func (x *index) respondent(id string) *protected.Respondent {
	if i, ok := x.pos[id]; ok {
		return &x.resp[i]
	}
	return nil
}

func newIndex(resp []protected.Respondent) *index {
	x := &index{resp: resp, person: make([]int32, len(resp)), shared: make([]bool, 0, len(resp))}
	people := make(map[string]int32, len(resp))
	waves := false
	for i := range resp {
		waves = waves || resp[i].Wave != ""
		p, ok := people[resp[i].Pseudonym]
		if !ok {
			p = int32(len(people))
			people[resp[i].Pseudonym] = p
			x.shared = append(x.shared, false)
		} else {
			x.shared[p] = true
		}
		x.person[i] = p
	}
	x.persons = len(people)
	if !waves && x.persons == len(resp) {
		// A study of one measurement: every key is a bare pseudonym, each of one
		// respondent, numbered in order, so the people are the positions (on a survey of
		// 200,000 respondents the two maps more took a quarter of a CPU second).
		x.pos = people
		return x
	}
	x.pos = make(map[string]int32, 2*len(resp))
	// Every respondent's key (the last respondent of a key), then a bare pseudonym for
	// its person's first respondent.
	for i := range resp {
		x.pos[resp[i].Key()] = int32(i)
	}
	for i := range resp {
		if _, ok := x.pos[resp[i].Pseudonym]; !ok {
			x.pos[resp[i].Pseudonym] = int32(i)
		}
	}
	return x
}

// resolved is a population as positions of respondents, each at most once, and the
// members that are no respondent's (counted by headcount as people of their own, left
// out of every group).
type resolved struct {
	Population
	members []int32
	unknown int
}

func (x *index) resolve(p Population) resolved {
	out := resolved{Population: p, members: make([]int32, 0, len(p.Members)+len(p.List)+len(p.Positions))}
	seen := make([]bool, len(x.resp))
	for _, i := range p.Positions {
		if i >= 0 && int(i) < len(x.resp) && !seen[i] {
			seen[i] = true
			out.members = append(out.members, i)
		}
	}
	var unknown map[string]bool
	p.each(func(id string) {
		i, ok := x.pos[id]
		if !ok {
			if unknown == nil {
				unknown = map[string]bool{}
			}
			unknown[id] = true
			return
		}
		if !seen[i] {
			seen[i] = true
			out.members = append(out.members, i)
		}
	})
	out.unknown = len(unknown)
	return out
}

// headcount counts a population's distinct people (one person in two waves is one).
func (x *index) headcount(p resolved) int {
	seen := make([]bool, x.persons)
	n := p.unknown
	for _, i := range p.members {
		if pp := x.person[i]; !seen[pp] {
			seen[pp] = true
			n++
		}
	}
	return n
}

// valuesOf returns the respondents' values for a grouping as dense ids, and the values:
// those that keepValues computed, else computed afresh.
func (x *index) valuesOf(by string) ([]int32, []string) {
	if v, ok := x.values[by]; ok {
		return v.ids, v.names
	}
	return x.computeValues(by)
}

// keepValues computes the values of the groupings once, for every valuesOf after it:
// each grouping's decision and every pair of nest asked for them again, a string-keyed
// lookup per respondent each time. It must be called before valuesOf is called on
// more than one goroutine.
func (x *index) keepValues(bys []string) {
	x.values = make(map[string]valueIDs, len(bys))
	for _, by := range bys {
		ids, names := x.computeValues(by)
		x.values[by] = valueIDs{ids, names}
	}
}

// valueIDs are the respondents' values for a grouping as dense ids into names.
type valueIDs struct {
	ids   []int32
	names []string
}

func (x *index) computeValues(by string) ([]int32, []string) {
	ids := make([]int32, len(x.resp))
	at := map[string]int32{}
	var names []string
	for i := range x.resp {
		v := x.resp[i].Attribute(by)
		id, ok := at[v]
		if !ok {
			id = int32(len(names))
			at[v] = id
			names = append(names, v)
		}
		ids[i] = id
	}
	return ids, names
}

func decideGrouping(by string, x *index, pops []resolved, r Rules) *Grouping {
	g := &Grouping{By: by, Status: map[string]Status{}}
	vals, names := x.valuesOf(by)
	// A value no population of the strand holds is shown: it has nothing to protect.
	for _, v := range names {
		g.Status[v] = Shown
	}
	// A group's size counts people: one person measured in two waves (two members, one
	// pseudonym) is one respondent to protect, not two.
	counts := make([][]int, len(names))
	for pi, p := range pops {
		var people map[[2]int32]bool
		for _, i := range p.members {
			v := vals[i]
			if pp := x.person[i]; x.shared[pp] {
				if people == nil {
					people = map[[2]int32]bool{}
				}
				if people[[2]int32{v, pp}] {
					continue
				}
				people[[2]int32{v, pp}] = true
			}
			if counts[v] == nil {
				counts[v] = make([]int, len(pops))
			}
			counts[v][pi]++
		}
	}
	sizes := map[string][]int{}
	for v, c := range counts {
		if c != nil {
			sizes[names[v]] = c
		}
	}
	largest := func(v string) int {
		m := 0
		for _, n := range sizes[v] {
			m = max(m, n)
		}
		return m
	}
	g.size = map[string]int{}
	for v := range sizes {
		g.size[v] = largest(v)
	}
	values := make([]string, 0, len(sizes))
	for v := range sizes {
		if largest(v) > 0 {
			values = append(values, v)
		}
		g.Status[v] = Shown
	}
	sort.Slice(values, func(i, j int) bool {
		if a, b := largest(values[i]), largest(values[j]); a != b {
			return a < b
		}
		return values[i] < values[j]
	})
	set := map[string]bool{}
	for _, v := range values {
		for _, n := range sizes[v] {
			if r.Small(n) {
				set[v] = true
			}
		}
	}
	smallTogether := func() bool {
		for pi := range pops {
			n := 0
			for v := range set {
				n += sizes[v][pi]
			}
			if r.Small(n) {
				return true
			}
		}
		return false
	}
	for len(set) > 0 && (smallTogether() || (r.SmallGroups == Suppress && len(set) == 1)) {
		next := ""
		for _, v := range values {
			if !set[v] {
				next = v
				break
			}
		}
		if len(set) == len(values) {
			break
		}
		set[next] = true
	}
	if len(set) == 0 {
		return g
	}
	status := Suppressed
	if r.SmallGroups == Pool && !smallTogether() {
		status = Pooled
		g.Pool = r.PoolLabelAmong(by, takenBy(g.Status))
	}
	for v := range set {
		g.Status[v] = status
	}
	return g
}

// Group returns how a strand's outputs show a respondent's value for a grouping: the
// value itself (Shown), the pool's label (Pooled), or nothing (Suppressed). A value no
// respondent has is suppressed, and so is every value of a grouping that was not
// decided.
func (d *Decision) Group(strand, by, value string) (string, Status) {
	if by == "all" {
		return "all", Shown
	}
	g := d.Groupings[strand][by]
	if g == nil {
		return "", Suppressed
	}
	st, ok := g.Status[value]
	if !ok {
		return "", Suppressed
	}
	switch st {
	case Shown:
		return value, Shown
	case Pooled:
		return g.Pool, Pooled
	}
	return "", Suppressed
}

// PoolLabel returns the label of a grouping's pooled group (the interviews', else the
// survey's; both strands name it alike, from the same values: PoolLabelAmong), or ""
// when neither strand pools: a group of that name in a table is then the pool and no
// real value.
func (d *Decision) PoolLabel(by string) string {
	for _, strand := range Strands {
		if g := d.Groupings[strand][by]; g != nil && g.Pool != "" {
			return g.Pool
		}
	}
	return ""
}

// Published reports the pseudonym a respondent is published under.
func (d *Decision) Published(pseudonym string) string {
	if p, ok := d.Renamed[pseudonym]; ok {
		return p
	}
	return pseudonym
}

// Shows reports whether a strand's outputs may have a row for the group label.
func (d *Decision) Shows(strand, by, label string) bool {
	if by == "all" {
		return label == "all"
	}
	g := d.Groupings[strand][by]
	if g == nil || label == "" {
		return false
	}
	if g.Pool != "" && label == g.Pool {
		return true
	}
	st, ok := g.Status[label]
	return ok && st == Shown
}

// Same reports whether both strands decided a grouping alike for every value that both
// hold respondents of, so that a group's row may count respondents of both (the
// sample's respondents); Common then gives the group.
func (d *Decision) Same(by string) bool {
	a, b := d.Groupings[Interviews][by], d.Groupings[Survey][by]
	if a == nil || b == nil || (a.Pool != "" && b.Pool != "" && a.Pool != b.Pool) {
		return false
	}
	for v, st := range a.Status {
		if a.size[v] > 0 && b.size[v] > 0 && b.Status[v] != st {
			return false
		}
	}
	return true
}

// Common returns the group of a value in the strand that holds respondents of it (the
// interviews when both do); with Same, both strands agree on it.
func (d *Decision) Common(by, value string) (string, Status) {
	if g := d.Groupings[Interviews][by]; g == nil || g.size[value] > 0 {
		return d.Group(Interviews, by, value)
	}
	return d.Group(Survey, by, value)
}

// View returns how respondent-level rows show the respondent with this (published)
// pseudonym; ok is false for a respondent the decision does not know.
func (d *Decision) View(pseudonym string) (View, bool) {
	v, ok := d.views[pseudonym]
	return v, ok
}

func (d *Decision) view(p *protected.Respondent) View {
	role := p.Role
	if d.Neutral[role] {
		role = ""
	}
	mun, _ := d.Group(Interviews, "municipality", p.Municipality)
	return View{Pseudonym: p.Pseudonym, Role: role, Municipality: mun}
}

// rename gives every respondent whose role is not shown on its own a pseudonym with a
// neutral prefix, numbered in the order of a hash of the old pseudonym, so neither the
// prefix nor the order tells the role.
func (d *Decision) rename(resp []protected.Respondent) {
	var old []string
	prefixes := map[string]bool{}
	for _, p := range resp {
		prefix, _, _ := strings.Cut(p.Pseudonym, "-") // SplitN's [0], without its slice per respondent
		prefixes[prefix] = true
		if d.Neutral[p.Role] {
			old = append(old, p.Pseudonym)
		}
	}
	if len(old) == 0 {
		return
	}
	prefix := "OV"
	for prefixes[prefix] {
		prefix += "X"
	}
	hash := func(s string) string { h := sha256.Sum256([]byte("samenspel/disclosure\x00" + s)); return string(h[:]) }
	sort.Slice(old, func(i, j int) bool { return hash(old[i]) < hash(old[j]) })
	width := max(2, len(fmt.Sprint(len(old))))
	for i, p := range old {
		d.Renamed[p] = fmt.Sprintf("%s-%0*d", prefix, width, i+1)
	}
}

// Rename publishes the renamed pseudonyms in the dataset: respondents, segment ids
// (JW-03/007 becomes OV-02/007), codings and answers, so every output, review.qdpx and
// the key file use the same pseudonym.
func (d *Decision) Rename(ds *protected.Dataset) {
	if len(d.Renamed) == 0 {
		return
	}
	seg := func(id string) string {
		if i := strings.LastIndex(id, "/"); i > 0 {
			if p, ok := d.Renamed[id[:i]]; ok {
				return p + id[i:]
			}
		}
		return id
	}
	for i := range ds.Respondents {
		ds.Respondents[i].Pseudonym = d.Published(ds.Respondents[i].Pseudonym)
	}
	for i := range ds.Segments {
		s := &ds.Segments[i]
		s.ID, s.Respondent = seg(s.ID), d.Published(s.Respondent)
	}
	for i := range ds.Codings {
		ds.Codings[i].Segment = seg(ds.Codings[i].Segment)
	}
	ds.Survey.Rename(d.Published)
}

// RenameSet re-keys a set of pseudonyms by their published pseudonyms.
func (d *Decision) RenameSet(ids map[string]bool) map[string]bool {
	out := make(map[string]bool, len(ids))
	for id, v := range ids {
		out[d.Published(id)] = v
	}
	return out
}

// CodeCounts reports whether interview tables may count codes per group of a grouping
// (code_frequencies' rows, a chi-square test over the grouping; group "" stands for
// the grouping as a whole). Respondent-level rows carry each interviewee's code profile
// under a pseudonym (code_presence in full, quotes and autocodings and review.qdpx in
// part); where the rows leave a respondent's group blank, counts of codes per group are
// equations an attacker solves by assigning the profiles to groups (issue 13: on the
// example study exactly one assignment fits, and it gives every role x municipality
// cell). So codes are not counted per municipality when the rows do not show the
// municipality, nor per role for the roles the rows do not show (Neutral) and the
// role pool, nor in a test over the roles when some role is neutral, nor per group of
// any other grouping (the rows never show those). When NoRows, there are no profiles
// and every count may be shown. The group sizes stay: without a code count no row can
// be tied to a group.
func (d *Decision) CodeCounts(by, g string) bool {
	if d.NoRows {
		return true // no respondent-level rows: no profiles to assign
	}
	switch by {
	case "municipality":
		return d.MunicipalityInRows
	case "role":
		if len(d.Neutral) == 0 {
			return true
		}
		if g == "" {
			return false
		}
		if p := d.Groupings[Interviews]["role"]; p != nil && p.Pool != "" && g == p.Pool {
			return false
		}
		return !d.Neutral[g]
	}
	return false // a grouping the rows never show
}
