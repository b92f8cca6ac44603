package disclosure

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
	"github.com/samenspel/samenspel/pipeline/results"
)

// Published is what an attacker has: the tables of an output folder (name → records,
// header first), the cases of review.qdpx, and min_cell from the manifest.
type Published struct {
	Tables  map[string][][]string
	Cases   []Case
	MinCell int
	// Respondents is the number of respondents in all that the manifest (and the
	// report's sample paragraph) gives; 0 when held back (results.Results.CountsHeld,
	// PeopleHeld).
	Respondents int
	// Inputs are manifest.json's inputs (attack_inputs.go).
	Inputs []InputFile
}

// Case is a respondent of review.qdpx: its name (the pseudonym) and its variables.
type Case struct {
	Name      string
	Variables map[string]string
}

// Finding is one recovered cell below min_cell.
type Finding struct {
	// What names the cell: the grouping, the group(s) and the population counted.
	What string
	// N is the recovered number of respondents (1 ≤ N < min_cell).
	N int
	// Tables are the published tables the attacker used.
	Tables []string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s = %d (from %s)", f.What, f.N, strings.Join(f.Tables, ", "))
}

// Check reads the output folder out, attacks it, and prints one line per recovered
// cell below min_cell and a last line with their number. It returns that number; an
// error only when the folder cannot be read.
func Check(out string, w io.Writer) (int, error) {
	p, err := ReadPublished(out)
	if err != nil {
		return 0, err
	}
	fs := Attack(p)
	for _, f := range fs {
		fmt.Fprintf(w, "recoverable: %s\n", f)
	}
	fmt.Fprintf(w, "disclosure check of %s: %d recoverable cell(s) below min_cell %d\n", out, len(fs), p.MinCell)
	return len(fs), nil
}

// ReadPublished reads OUT/tables/*.csv, OUT/review.qdpx (when there) and min_cell from
// OUT/manifest.json (DefaultMinCell when the manifest is missing).
func ReadPublished(out string) (Published, error) {
	p := Published{Tables: map[string][][]string{}, MinCell: DefaultMinCell}
	files, err := filepath.Glob(filepath.Join(out, "tables", "*.csv"))
	if err != nil {
		return p, err
	}
	if len(files) == 0 {
		return p, model.Reasonf("%s: no tables/*.csv: not an output folder", "%s: geen tables/*.csv: geen uitvoermap", out)
	}
	for _, f := range files {
		b, err := readOutput(f) // read_output.go: no FIFO, device or huge file
		if err != nil {
			return p, err
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return p, model.Reasonf("%s: %v", "%s: %v", f, err)
		}
		p.Tables[strings.TrimSuffix(filepath.Base(f), ".csv")] = recs
	}
	// An attack on a folder that is not a complete samenspel output would prove nothing:
	// its min_cell and its counts must be what a run wrote, or the check says so.
	b, err := readOutput(filepath.Join(out, "manifest.json"))
	if err != nil && !os.IsNotExist(err) {
		return p, err
	}
	if err != nil {
		return p, model.Reasonf("%s: no manifest.json: not a samenspel output folder", "%s: geen manifest.json: geen uitvoermap van samenspel", out)
	}
	var m struct {
		Tool    string `json:"tool"`
		MinCell int    `json:"min_cell"`
		Counts  struct {
			Respondents int `json:"respondents"`
		} `json:"counts"`
		Inputs []InputFile `json:"inputs"`
	}
	if err := json.Unmarshal(b, &m); err != nil || !strings.HasPrefix(m.Tool, "samenspel") || m.MinCell < 1 {
		return p, model.Reasonf("%s: manifest.json is not one samenspel wrote (tool and min_cell)", "%s: manifest.json is niet door samenspel geschreven (tool en min_cell)", out)
	}
	p.MinCell, p.Respondents, p.Inputs = m.MinCell, m.Counts.Respondents, m.Inputs
	if err := checkCounts(p.Tables); err != nil {
		return p, model.Reasonf("%s: %v", "%s: %v", out, err)
	}
	if b, err := readOutput(filepath.Join(out, "review.qdpx")); err != nil && !os.IsNotExist(err) {
		return p, err
	} else if err == nil {
		cases, err := reviewCases(b)
		if err != nil {
			return p, model.Reasonf("%s: %v", "%s: %v", filepath.Join(out, "review.qdpx"), err)
		}
		p.Cases = cases
	}
	return p, nil
}

// countColumns are the columns of counts the attacker reads.
var countColumns = map[string]bool{"n": true, "segments": true, "respondents": true, "group_respondents": true,
	"interviewed": true, "surveyed": true, "units": true}

// checkCounts makes sure every count the attacker reads is empty or a whole number of at
// least 0, so that a damaged table is an error, not "0 recoverable cells".
func checkCounts(tables map[string][][]string) error {
	for name, recs := range tables {
		if len(recs) == 0 {
			return model.Reasonf("tables/%s.csv: empty, not even a header", "tables/%s.csv: leeg, zelfs geen kopregel", name)
		}
		for c, col := range recs[0] {
			if !countColumns[col] {
				continue
			}
			for r := 1; r < len(recs); r++ {
				if c >= len(recs[r]) || recs[r][c] == "" {
					continue
				}
				if n, err := strconv.Atoi(recs[r][c]); err != nil || n < 0 {
					return model.Reasonf("tables/%s.csv: row %d, column %q: %q is not a count", "tables/%s.csv: regel %d, kolom %q: %q is geen aantal", name, r+1, col, recs[r][c])
				}
			}
		}
	}
	return nil
}

// PublishedOf is what a run publishes, from its results in memory: every table as its
// CSV file would hold it (cells as results.FormatCell writes them) and the cases of
// review.qdpx when the run made one.
func PublishedOf(res *results.Results) (Published, error) {
	p := Published{Tables: map[string][][]string{}, MinCell: res.MinCell, Inputs: inputFilesOf(res.Inputs)}
	if !res.CountsHeld && !res.PeopleHeld {
		p.Respondents = res.Respondents
	}
	if p.MinCell <= 0 {
		p.MinCell = DefaultMinCell
	}
	for _, t := range res.Tables {
		recs := make([][]string, 0, len(t.Rows)+1)
		head := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			head[i] = c.Name
		}
		recs = append(recs, head)
		for _, r := range t.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = results.FormatCell(v)
			}
			recs = append(recs, rec)
		}
		p.Tables[t.Name] = recs
	}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".qdpx") {
			cases, err := reviewCases(f.Data)
			if err != nil {
				return p, model.Reasonf("%s: %v", "%s: %v", f.Path, err)
			}
			p.Cases = append(p.Cases, cases...)
		}
	}
	return p, nil
}

// reviewCases reads the cases and their variables from a REFI-QDA project.
func reviewCases(b []byte) ([]Case, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".qde") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(rc, 256<<20))
		rc.Close()
		if err != nil {
			return nil, err
		}
		proj, err := refiqda.Decode(data)
		if err != nil {
			return nil, err
		}
		names := map[string]string{}
		for _, v := range proj.Variables {
			names[refiqda.NormalGUID(v.GUID)] = v.Name
		}
		var out []Case
		for _, c := range proj.Cases {
			k := Case{Name: c.Name, Variables: map[string]string{}}
			for _, v := range c.Values {
				k.Variables[names[refiqda.NormalGUID(v.Variable.Target)]] = v.Value()
			}
			out = append(out, k)
		}
		return out, nil
	}
	return nil, model.Reasonf("no .qde document", "geen .qde-document")
}

// table is a published table with its columns by name.
type table struct {
	name string
	cols map[string]int
	rows [][]string
}

func (p Published) table(name string) *table {
	recs := p.Tables[name]
	if len(recs) == 0 {
		return nil
	}
	t := &table{name: name, cols: map[string]int{}, rows: recs[1:]}
	for i, c := range recs[0] {
		t.cols[c] = i
	}
	return t
}

func (t *table) get(r []string, col string) string {
	if i, ok := t.cols[col]; ok && i < len(r) {
		return r[i]
	}
	return ""
}

func (t *table) count(r []string, col string) (int, bool) {
	n, err := strconv.Atoi(t.get(r, col))
	return n, err == nil
}

// Attack tries to recover every cell below min_cell from the published tables and
// returns what it recovered, sorted. It knows what the outputs say and nothing else:
//
//   - Counts of groups of respondents, per grouping and population (sample's
//     respondents, interviewed and surveyed; code_frequencies' group_respondents;
//     the n of scales per scale and of items per item; the n of every test in
//     comparisons, a Dunn pair's n being the sum of its two groups'; the counts of
//     wave_scales and wave_comparisons, see waveRows), as one linear
//     system over the unknown group counts, with the "all" rows as totals, the groups
//     that disclosure.csv says were pooled as parts of their pool, and the rest (groups
//     named nowhere, respondents without a value) as one unknown per grouping. Where
//     two populations' totals show them equal (everyone surveyed answered the item),
//     their groups are equated; where the sample's respondents are its interviewed plus
//     its surveyed in total, so they are per group. Any group count, the rest, or the
//     groups not shown together that the system determines and that lies between 1
//     and min_cell-1 is a finding.
//   - A test's n against its population's total: the respondents left out of the test.
//   - Respondent-level rows (code_presence, quotes, autocodings, the cases of
//     review.qdpx) joined on pseudonym: the role abbreviation of the pseudonym, role
//     and municipality; any combination held by fewer than min_cell respondents is a
//     finding, and so is one found after filling in blank municipalities (or roles)
//     from a group total when only one group's total lacks rows.
//   - The ungrouped tables of a strand whose total is suppressed (fewCounts): the
//     learned validation's folds, counts of respondents, a reliability n; and the
//     manifest's number of respondents in all.
func Attack(p Published) []Finding {
	if p.MinCell <= 0 {
		p.MinCell = DefaultMinCell
	}
	a := &attacker{p: p, pools: map[string]map[string][]string{}}
	a.readPools()
	a.counts()
	a.respondentRows()
	a.linkage()
	a.fewCounts()
	a.newcomers() // attack_waves.go
	seen := map[string]bool{}
	var out []Finding
	for _, f := range a.found {
		if !seen[f.What] {
			seen[f.What] = true
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].What < out[j].What })
	return out
}

type attacker struct {
	p     Published
	pools map[string]map[string][]string // strand + "\x00" + by -> pool label -> members
	found []Finding
}

func (a *attacker) small(n int) bool { return n > 0 && n < a.p.MinCell }

func (a *attacker) report(what string, x float64, tables []string) {
	n := int(math.Round(x))
	if math.Abs(x-float64(n)) > 1e-6 || !a.small(n) {
		return
	}
	ts := append([]string(nil), tables...)
	sort.Strings(ts)
	ts = compactStrings(ts)
	a.found = append(a.found, Finding{What: what, N: n, Tables: ts})
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// readPools reads from disclosure.csv which groups each pool holds.
func (a *attacker) readPools() {
	t := a.p.table("disclosure")
	if t == nil {
		return
	}
	for _, r := range t.rows {
		if t.get(r, "status") != "pooled" {
			continue
		}
		by, label := t.get(r, "group_by"), t.get(r, "shown_as")
		strands := []string{t.get(r, "strand")}
		if strands[0] == "" {
			strands = Strands
		}
		for _, st := range strands {
			k := st + "\x00" + by
			if a.pools[k] == nil {
				a.pools[k] = map[string][]string{}
			}
			member := t.get(r, "group")
			if isGroupsCount(member) {
				// Groups counted, not named (pooled_values.go): the pool's members are
				// unknown, and the pool is a group of its own (members).
				continue
			}
			if isNoValueLabel(member) { // the respondents without a value (NoValueLabel)
				member = rest
			}
			a.pools[k][label] = append(a.pools[k][label], member)
		}
	}
}

// strandOfPopulation says which strand's pools a population's rows follow.
func strandOfPopulation(pop string) string {
	if pop == "sample surveyed" || strings.HasPrefix(pop, "score ") || strings.HasPrefix(pop, "item ") {
		return Survey
	}
	return Interviews
}

// system is a linear system over group counts: unknown (population, grouping, group).
type system struct {
	index   map[[3]string]int
	keys    [][3]string
	eqs     []equation
	known   map[[3]string]bool // published directly (its own row)
	totals  map[[2]string]float64
	totalOf map[[2]string]string // table of the total
}

type equation struct {
	coef  map[int]float64
	value float64
	table string
}

const rest = "\x00rest"

func (s *system) unknown(pop, by, g string) int {
	k := [3]string{pop, by, g}
	i, ok := s.index[k]
	if !ok {
		i = len(s.keys)
		s.index[k] = i
		s.keys = append(s.keys, k)
	}
	return i
}

// counts builds and solves the system of group counts.
func (a *attacker) counts() {
	s := &system{index: map[[3]string]int{}, known: map[[3]string]bool{}, totals: map[[2]string]float64{}, totalOf: map[[2]string]string{}}
	groups := map[string]map[string]bool{} // by -> group names (pool members, not pools)
	addGroup := func(pop, by, g string) {
		if by == "all" || g == "" {
			return
		}
		if groups[by] == nil {
			groups[by] = map[string]bool{}
		}
		for _, m := range a.members(pop, by, g) {
			if m != rest {
				groups[by][m] = true
			}
		}
	}
	type row struct {
		pop, by, g string
		n          float64
		table      string
	}
	var rows []row
	type pair struct {
		pop, by string
		gs      []string
		n       float64
		table   string
	}
	var sums []pair
	addRow := func(table, pop, by, g, v string) {
		n, err := strconv.Atoi(v)
		if err != nil || by == "" {
			return
		}
		if by == "all" {
			s.totals[[2]string{pop, "all"}] = float64(n)
			s.totalOf[[2]string{pop, "all"}] = table
			return
		}
		addGroup(pop, by, g)
		rows = append(rows, row{pop, by, g, float64(n), table})
	}
	if t := a.p.table("sample"); t != nil {
		for _, r := range t.rows {
			for _, c := range []string{"respondents", "interviewed", "surveyed"} {
				addRow("sample", "sample "+c, t.get(r, "group_by"), t.get(r, "group"), t.get(r, c))
			}
		}
	}
	if t := a.p.table("code_frequencies"); t != nil {
		for _, r := range t.rows {
			addRow("code_frequencies", "coded", t.get(r, "group_by"), t.get(r, "group"), t.get(r, "group_respondents"))
		}
	}
	scales := map[string]bool{}
	if t := a.p.table("scales"); t != nil {
		for _, r := range t.rows {
			scales[t.get(r, "scale")] = true
			addRow("scales", "score "+t.get(r, "scale"), t.get(r, "group_by"), t.get(r, "group"), t.get(r, "n"))
		}
	}
	// The joins repeat these counts: the joint display a scale's n and the coded
	// interviewees per group, the pairs of partners the coded, the benchmark the n.
	for _, j := range jointCounts {
		if t := a.p.table(j.table); t != nil {
			for _, r := range t.rows {
				pop := j.pop
				if j.scaleCol != "" {
					if pop = "score " + t.get(r, j.scaleCol); t.get(r, j.scaleCol) == "" {
						continue
					}
				}
				addRow(j.table, pop, t.get(r, "group_by"), t.get(r, "group"), t.get(r, j.col))
			}
		}
	}
	var items []string
	if t := a.p.table("items"); t != nil {
		for _, r := range t.rows {
			pop := "item " + t.get(r, "scale") + "/" + t.get(r, "item")
			if t.get(r, "group_by") == "all" {
				items = append(items, pop)
			}
			addRow("items", pop, t.get(r, "group_by"), t.get(r, "group"), t.get(r, "n"))
		}
	}
	waves := a.waveRows(addRow)
	a.inputRows(addRow) // attack_inputs.go
	a.pairsFromPeople(s)
	// Tests: a Dunn pair counts its two groups; a Kruskal-Wallis test the groups its
	// pairs name; every test's n against its population's total.
	type testKey struct{ pop, by string }
	var tests []pair
	named := map[testKey]map[string]bool{}
	if t := a.p.table("comparisons"); t != nil {
		for _, r := range t.rows {
			n, err := strconv.Atoi(t.get(r, "n"))
			if err != nil {
				continue
			}
			m := t.get(r, "measure")
			// A chi-square test counts interviewees; the others scale scores (a factor and
			// a scale may share an id).
			pop := "coded"
			if t.get(r, "test") != "chi_square" && scales[m] {
				pop = "score " + m
			}
			by := t.get(r, "group_by")
			if b, pr, ok := strings.Cut(by, ": "); ok {
				x, y, ok := strings.Cut(pr, " vs ")
				if !ok {
					continue
				}
				addGroup(pop, b, x)
				addGroup(pop, b, y)
				sums = append(sums, pair{pop, b, []string{x, y}, float64(n), "comparisons"})
				k := testKey{pop + "\x00" + m, b}
				if named[k] == nil {
					named[k] = map[string]bool{}
				}
				named[k][x], named[k][y] = true, true
				continue
			}
			tests = append(tests, pair{pop + "\x00" + m, by, nil, float64(n), "comparisons"})
		}
	}
	for _, tt := range tests {
		pop, _, _ := strings.Cut(tt.pop, "\x00")
		if gs := named[testKey{tt.pop, tt.by}]; len(gs) > 0 {
			var list []string
			for g := range gs {
				list = append(list, g)
			}
			sort.Strings(list)
			sums = append(sums, pair{pop, tt.by, list, tt.n, tt.table})
		}
		if total, ok := s.totals[[2]string{pop, "all"}]; ok {
			a.report(fmt.Sprintf("%s: respondents left out of a test of %s (%s)", tt.by, strings.SplitN(tt.pop, "\x00", 2)[1], pop), total-tt.n, []string{tt.table, s.totalOf[[2]string{pop, "all"}]})
		}
	}

	// Populations: every one with a total or a row.
	popSet := map[string]bool{}
	for k := range s.totals {
		popSet[k[0]] = true
	}
	for _, r := range rows {
		popSet[r.pop] = true
	}
	for _, sm := range sums {
		popSet[sm.pop] = true
	}
	var pops []string
	for p := range popSet {
		pops = append(pops, p)
	}
	sort.Strings(pops)
	var bys []string
	for by := range groups {
		bys = append(bys, by)
	}
	sort.Strings(bys)
	for _, pop := range pops {
		for _, by := range bys {
			e := equation{coef: map[int]float64{}, table: s.totalOf[[2]string{pop, "all"}]}
			for _, g := range sortedKeys(groups[by]) {
				e.coef[s.unknown(pop, by, g)] = 1
			}
			e.coef[s.unknown(pop, by, rest)] = 1
			if total, ok := s.totals[[2]string{pop, "all"}]; ok {
				e.value = total
				s.eqs = append(s.eqs, e)
			}
		}
	}
	for _, r := range rows {
		e := equation{coef: map[int]float64{}, value: r.n, table: r.table}
		for _, m := range a.members(r.pop, r.by, r.g) {
			e.coef[s.unknown(r.pop, r.by, m)] = 1
		}
		if len(a.members(r.pop, r.by, r.g)) == 1 {
			s.known[[3]string{r.pop, r.by, r.g}] = true
		}
		s.eqs = append(s.eqs, e)
	}
	for _, sm := range sums {
		e := equation{coef: map[int]float64{}, value: sm.n, table: sm.table}
		for _, g := range sm.gs {
			for _, m := range a.members(sm.pop, sm.by, g) {
				e.coef[s.unknown(sm.pop, sm.by, m)] += 1
			}
		}
		s.eqs = append(s.eqs, e)
	}
	// Populations shown equal by their totals are equal per group.
	equal := func(p, q, table string) {
		tp, ok1 := s.totals[[2]string{p, "all"}]
		tq, ok2 := s.totals[[2]string{q, "all"}]
		if !ok1 || !ok2 || tp != tq {
			return
		}
		for _, by := range bys {
			for _, g := range sortedKeys(groups[by]) {
				s.eqs = append(s.eqs, equation{coef: map[int]float64{s.unknown(p, by, g): 1, s.unknown(q, by, g): -1}, table: table})
			}
			s.eqs = append(s.eqs, equation{coef: map[int]float64{s.unknown(p, by, rest): 1, s.unknown(q, by, rest): -1}, table: table})
		}
	}
	equal("coded", "sample interviewed", "sample")
	for sc := range scales {
		equal("score "+sc, "sample surveyed", "sample")
	}
	for _, it := range items {
		equal(it, "sample surveyed", "sample")
	}
	a.waveSums(s, bys, groups, waves)
	a.nestedSums(s, pops, bys, groups) // attack_nested.go
	// The sample's respondents are its interviewed plus its surveyed when no one is both.
	tr, ok1 := s.totals[[2]string{"sample respondents", "all"}]
	ti, ok2 := s.totals[[2]string{"sample interviewed", "all"}]
	ts, ok3 := s.totals[[2]string{"sample surveyed", "all"}]
	if ok1 && ok2 && ok3 && tr == ti+ts {
		for _, by := range bys {
			for _, g := range append(sortedKeys(groups[by]), rest) {
				s.eqs = append(s.eqs, equation{coef: map[int]float64{
					s.unknown("sample respondents", by, g): 1, s.unknown("sample interviewed", by, g): -1, s.unknown("sample surveyed", by, g): -1}, table: "sample"})
			}
		}
	}

	sol := solve(s)
	determined := make([]bool, len(s.keys))
	for i, k := range s.keys {
		v, tabs, ok := sol.value(map[int]float64{i: 1})
		if !ok {
			continue
		}
		determined[i] = true
		what := fmt.Sprintf("%s %s (%s)", k[1], k[2], k[0])
		if k[2] == rest {
			what = fmt.Sprintf("%s: groups named nowhere and respondents without a %s (%s)", k[1], k[1], k[0])
		}
		a.report(what, v, tabs)
	}
	// The groups of a population that the system does not determine one by one,
	// together: a total minus everything known.
	for _, pop := range pops {
		for _, by := range bys {
			together := map[int]float64{}
			var names []string
			for _, g := range append(sortedKeys(groups[by]), rest) {
				if i := s.unknown(pop, by, g); !determined[i] {
					together[i] = 1
					if g != rest {
						names = append(names, g)
					}
				}
			}
			if len(together) < 2 {
				continue
			}
			if v, tabs, ok := sol.value(together); ok {
				names = append(names, "groups named nowhere")
				a.report(fmt.Sprintf("%s: %s together (%s)", by, strings.Join(names, ", "), pop), v, tabs)
			}
		}
	}
}

// members returns the groups a published group label stands for in a population: a
// pool's members, or the group itself.
func (a *attacker) members(pop, by, g string) []string {
	if pop == "sample respondents" {
		// Both strands' pools: the sample counts respondents per group only where
		// they agree.
		if m, ok := a.pools[Interviews+"\x00"+by][g]; ok {
			return m
		}
		if m, ok := a.pools[Survey+"\x00"+by][g]; ok {
			return m
		}
	}
	if m, ok := a.pools[strandOfPopulation(pop)+"\x00"+by][g]; ok {
		return m
	}
	return []string{g}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// solution is the system in reduced row echelon form, each row with the tables it
// was combined from.
type solution struct {
	rows   []map[int]float64
	pivots []int
	values []float64
	tables []map[string]bool
}

const eps = 1e-9

// solve brings the equations to reduced row echelon form (Gauss-Jordan elimination on
// sparse rows, largest pivot first for stability).
func solve(s *system) *solution {
	sol := &solution{}
	type row struct {
		coef   map[int]float64
		value  float64
		tables map[string]bool
	}
	var rows []row
	for _, e := range s.eqs {
		c := map[int]float64{}
		for k, v := range e.coef {
			if v != 0 {
				c[k] = v
			}
		}
		rows = append(rows, row{c, e.value, map[string]bool{e.table: true}})
	}
	used := make([]bool, len(rows))
	var order []int
	for col := 0; col < len(s.keys); col++ {
		best, bestAbs := -1, eps
		for i, r := range rows {
			if !used[i] && math.Abs(r.coef[col]) > bestAbs {
				best, bestAbs = i, math.Abs(r.coef[col])
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		p := rows[best]
		f := p.coef[col]
		for k := range p.coef {
			p.coef[k] /= f
		}
		p.value /= f
		for i := range rows {
			if i == best {
				continue
			}
			r := &rows[i]
			m := r.coef[col]
			if math.Abs(m) <= eps {
				delete(r.coef, col)
				continue
			}
			for k, v := range p.coef {
				nv := r.coef[k] - m*v
				if math.Abs(nv) <= eps {
					delete(r.coef, k)
				} else {
					r.coef[k] = nv
				}
			}
			r.value -= m * p.value
			for t := range p.tables {
				r.tables[t] = true
			}
		}
		rows[best] = p
		order = append(order, best)
		sol.pivots = append(sol.pivots, col)
	}
	// Later pivots changed the earlier rows' values too: read them at the end.
	for _, i := range order {
		sol.rows = append(sol.rows, rows[i].coef)
		sol.values = append(sol.values, rows[i].value)
		sol.tables = append(sol.tables, rows[i].tables)
	}
	return sol
}

// value returns the value of a linear combination of the unknowns when the system
// determines it, and the tables used.
func (sol *solution) value(target map[int]float64) (float64, []string, bool) {
	t := map[int]float64{}
	for k, v := range target {
		t[k] = v
	}
	val := 0.0
	tabs := map[string]bool{}
	for i, col := range sol.pivots {
		m := t[col]
		if math.Abs(m) <= eps {
			continue
		}
		for k, v := range sol.rows[i] {
			nv := t[k] - m*v
			if math.Abs(nv) <= eps {
				delete(t, k)
			} else {
				t[k] = nv
			}
		}
		val += m * sol.values[i]
		for tb := range sol.tables[i] {
			tabs[tb] = true
		}
	}
	for _, v := range t {
		if math.Abs(v) > 1e-7 {
			return 0, nil, false
		}
	}
	var out []string
	for tb := range tabs {
		if tb != "" {
			out = append(out, tb)
		}
	}
	return val, out, true
}

// pseudonymPrefix is a pseudonym's role abbreviation: "JW" of "JW-03".
var pseudonymPrefix = regexp.MustCompile(`^([A-Za-z]+)-\d+$`)

// respondentRows joins the respondent-level rows on pseudonym.
func (a *attacker) respondentRows() {
	people := map[string]*person{}
	sources := map[string]bool{}
	get := func(id string) *person {
		p := people[id]
		if p == nil {
			p = &person{attrs: map[string]string{}}
			if m := pseudonymPrefix.FindStringSubmatch(id); m != nil {
				p.attrs["prefix"] = m[1]
			}
			people[id] = p
		}
		return p
	}
	set := func(p *person, k, v string) {
		if v != "" && p.attrs[k] == "" {
			p.attrs[k] = v
		}
	}
	jointRows(a.p.table(JointTable), get, set, sources)
	for _, name := range []string{"code_presence", "quotes", "autocodings"} {
		t := a.p.table(name)
		if t == nil {
			continue
		}
		if _, ok := t.cols["respondent"]; !ok {
			continue
		}
		for _, r := range t.rows {
			id := t.get(r, "respondent")
			if id == "" {
				continue
			}
			sources[name] = true
			p := get(id)
			set(p, "role", t.get(r, "role"))
			set(p, "municipality", t.get(r, "municipality"))
		}
	}
	for _, c := range a.p.Cases {
		if c.Name == "" {
			continue
		}
		sources["review.qdpx"] = true
		p := get(c.Name)
		for k, v := range c.Variables {
			switch k {
			case "rol":
				k = "role"
			case "gemeente":
				k = "municipality"
			}
			set(p, k, v)
		}
	}
	if len(people) == 0 {
		return
	}
	tables := sortedKeys(sources)
	combos := [][]string{{"prefix"}, {"role"}, {"municipality"}, {"prefix", "municipality"}, {"role", "municipality"}}
	for k := range a.attrNames(people) {
		if k != "prefix" && k != "role" && k != "municipality" {
			combos = append(combos, []string{k}, []string{"role", k})
		}
	}
	check := func(people map[string]*person, extra []string) {
		for _, combo := range combos {
			n := map[string]int{}
			for _, p := range people {
				var parts []string
				for _, k := range combo {
					if p.attrs[k] == "" {
						parts = nil
						break
					}
					parts = append(parts, k+" "+p.attrs[k])
				}
				if parts != nil {
					n[strings.Join(parts, " x ")]++
				}
			}
			for key, c := range n {
				if c == len(people) {
					continue // everyone in the rows: no more than their number, a total
				}
				a.report("respondent-level rows: "+key, float64(c), append(append([]string(nil), tables...), extra...))
			}
		}
	}
	check(people, nil)

	// Blanks filled in from a group's total: when exactly one group of the coded
	// respondents has fewer rows than its total and the blanks are as many as it
	// lacks, the blanks are that group's.
	t := a.p.table("code_frequencies")
	if t == nil {
		return
	}
	for _, by := range []string{"municipality", "role"} {
		total := map[string]int{}
		for _, r := range t.rows {
			if t.get(r, "group_by") == by {
				if n, ok := t.count(r, "group_respondents"); ok {
					total[t.get(r, "group")] = n
				}
			}
		}
		have := map[string]int{}
		blank := 0
		for _, p := range people {
			if v := p.attrs[by]; v != "" {
				have[v]++
			} else {
				blank++
			}
		}
		var short []string
		lack := 0
		for g, n := range total {
			if n > have[g] {
				short = append(short, g)
				lack += n - have[g]
			}
		}
		if len(short) != 1 || blank == 0 || lack != blank {
			continue
		}
		filled := map[string]*person{}
		for id, p := range people {
			q := &person{attrs: map[string]string{}}
			for k, v := range p.attrs {
				q.attrs[k] = v
			}
			if q.attrs[by] == "" {
				q.attrs[by] = short[0]
			}
			filled[id] = q
		}
		check(filled, []string{"code_frequencies"})
	}
}

// person is what the respondent-level rows tell of one pseudonym.
type person struct{ attrs map[string]string }

func (a *attacker) attrNames(people map[string]*person) map[string]bool {
	out := map[string]bool{}
	for _, p := range people {
		for k := range p.attrs {
			out[k] = true
		}
	}
	return out
}
