package codebook

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// The workbook is the form researchers edit by hand: one sheet per part, one row per code,
// item, partner or role, lists (aliases, patterns, synonyms, labels) separated by " | " or
// line breaks within a cell, answers one per line as "1 = Helemaal mee oneens | Strongly
// disagree". Column headers are matched case- and accent-insensitively; columns the reader
// does not know are left alone (researchers keep notes there).
const (
	sheetAbout    = "Codebook"
	sheetFactors  = "Factors"
	sheetCodes    = "Codes"
	sheetScales   = "Scales"
	sheetPartners = "Partners"
	sheetRoles    = "Roles"
)

var (
	colsAbout    = []string{"Key", "Value"}
	colsFactors  = []string{"Factor", "Label (nl)", "Label (en)", "Description (nl)", "Description (en)"}
	colsCodes    = []string{"Factor", "Code", "Label (nl)", "Label (en)", "Valence", "Definition (nl)", "Definition (en)", "Include (nl)", "Include (en)", "Exclude (nl)", "Exclude (en)", "Example (nl)", "Example (en)", "Aliases", "Patterns"}
	colsScales   = []string{"Scale", "Factor", "Label (nl)", "Label (en)", "Answers", "Missing", "Agree from", "Item", "Text (nl)", "Text (en)", "Reverse"}
	colsPartners = []string{"Partner", "Label (nl)", "Label (en)", "Synonyms"}
	colsRoles    = []string{"Role", "Abbreviation", "Label (nl)", "Label (en)", "Synonyms"}
)

// XLSXBytes writes the codebook as a workbook with the sheets Codebook, Factors, Codes,
// Scales, Partners and Roles.
func (cb *Codebook) XLSXBytes() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	put := func(sheet string, header []string, rows [][]string) {
		if err != nil {
			return
		}
		if _, e := f.NewSheet(sheet); e != nil {
			err = e
			return
		}
		all := append([][]string{header}, rows...)
		for r, row := range all {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				// A string cell is never a formula, even when it starts with "=".
				if e := f.SetCellStr(sheet, cell, v); e != nil {
					err = e
					return
				}
			}
		}
		style, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		if e == nil {
			last, _ := excelize.CoordinatesToCellName(len(header), 1)
			_ = f.SetCellStyle(sheet, "A1", last, style)
		}
		_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	about := [][]string{{"name", cb.Name}, {"version", cb.Version}}
	if len(cb.Negations) > 0 {
		about = append(about, []string{"negations", joinList(cb.Negations)})
	}
	if len(cb.Negated) > 0 {
		about = append(about, []string{"negated", joinList(negatedList(cb.Negated))})
	}
	if cb.Calibration != "" {
		about = append(about, []string{"calibration", cb.Calibration})
	}
	if cb.ModelFile != "" {
		about = append(about, []string{"model", cb.ModelFile})
	}
	put(sheetAbout, colsAbout, about)
	var factors, codes [][]string
	for _, fa := range cb.Factors {
		factors = append(factors, []string{fa.ID, fa.Label["nl"], fa.Label["en"], fa.Description["nl"], fa.Description["en"]})
		for _, c := range fa.Codes {
			codes = append(codes, []string{fa.ID, c.ID, c.Label["nl"], c.Label["en"], string(c.Valence),
				c.Definition["nl"], c.Definition["en"], c.Include["nl"], c.Include["en"],
				c.Exclude["nl"], c.Exclude["en"], c.Example["nl"], c.Example["en"],
				joinList(c.Aliases), joinList(c.Patterns)})
		}
	}
	put(sheetFactors, colsFactors, factors)
	put(sheetCodes, colsCodes, codes)
	var scales [][]string
	for _, s := range cb.Scales {
		var answers []string
		for _, a := range s.Answers {
			answers = append(answers, strconv.FormatFloat(a.Value, 'f', -1, 64)+" = "+joinList(a.Labels))
		}
		agree := ""
		if s.AgreeFrom != 0 {
			agree = strconv.FormatFloat(s.AgreeFrom, 'f', -1, 64)
		}
		head := []string{s.ID, s.Factor, s.Label["nl"], s.Label["en"], strings.Join(answers, "\n"), joinList(s.Missing), agree}
		if len(s.Items) == 0 {
			scales = append(scales, append(head, "", "", "", ""))
		}
		for _, it := range s.Items {
			rev := ""
			if it.Reverse {
				rev = "yes"
			}
			scales = append(scales, append(append([]string(nil), head...), it.ID, it.Text["nl"], it.Text["en"], rev))
		}
	}
	put(sheetScales, colsScales, scales)
	var partners [][]string
	for _, p := range cb.Partners {
		partners = append(partners, []string{p.ID, p.Label["nl"], p.Label["en"], joinList(p.Synonyms)})
	}
	put(sheetPartners, colsPartners, partners)
	var roles [][]string
	for _, r := range cb.Roles {
		roles = append(roles, []string{r.ID, r.Abbrev, r.Label["nl"], r.Label["en"], joinList(r.Synonyms)})
	}
	put(sheetRoles, colsRoles, roles)
	if err != nil {
		return nil, err
	}
	if i, e := f.GetSheetIndex("Sheet1"); e == nil && i >= 0 {
		_ = f.DeleteSheet("Sheet1")
	}
	if i, e := f.GetSheetIndex(sheetCodes); e == nil {
		f.SetActiveSheet(i)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func joinList(l []string) string { return strings.Join(l, " | ") }

// splitList splits a cell of a list on " | " and line breaks.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// headerKey folds a column header for matching: "Label (nl)", "label_nl" and "LABEL NL"
// are one.
func headerKey(h string) string {
	return Fold(strings.NewReplacer("(", " ", ")", " ", "-", " ").Replace(h))
}

// sheetTable is a sheet read by header.
type sheetTable struct {
	name   string
	header []string
	col    map[string]int // header key -> column index
	rows   [][]string
	first  int // Excel row number of rows[0]
}

// readSheet reads a sheet; ok is false when the workbook has no such sheet. Rows before
// the header (the first non-empty row) are skipped.
func readSheet(f *excelize.File, name string, need ...string) (*sheetTable, bool, error) {
	var sheet string
	for _, s := range f.GetSheetList() {
		if Fold(s) == Fold(name) {
			sheet = s
		}
	}
	if sheet == "" {
		return nil, false, nil
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, true, model.Reasonf("%w: sheet %q: %v", "%v: blad %q: %v", ErrFormat, sheet, err)
	}
	h := 0
	for h < len(rows) && len(strings.Join(rows[h], "")) == 0 {
		h++
	}
	t := &sheetTable{name: sheet, col: map[string]int{}, first: h + 2}
	if h < len(rows) {
		t.header = rows[h]
		for i, c := range rows[h] {
			if k := headerKey(c); k != "" {
				if _, dup := t.col[k]; !dup {
					t.col[k] = i
				}
			}
		}
		t.rows = rows[h+1:]
	}
	for _, n := range need {
		if _, ok := t.col[headerKey(n)]; !ok {
			return nil, true, model.Reasonf("%w: sheet %q, row %d: no column %q", "%v: blad %q, regel %d: geen kolom %q", ErrFormat, sheet, h+1, n)
		}
	}
	return t, true, nil
}

// get returns the trimmed cell of row i in the named column ("" when absent).
func (t *sheetTable) get(i int, col string) string {
	c, ok := t.col[headerKey(col)]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return strings.TrimSpace(t.rows[i][c])
}

// place returns the place of row i's cell in the named column.
func (t *sheetTable) place(i int, col string) Place {
	c, ok := t.col[headerKey(col)]
	if !ok {
		c = 0
	}
	cell, _ := excelize.CoordinatesToCellName(c+1, t.first+i)
	p := Place{Sheet: t.name, Cell: cell}
	if ok {
		p.Column = t.header[c]
	}
	return p
}

func (t *sheetTable) blank(i int) bool { return strings.TrimSpace(strings.Join(t.rows[i], "")) == "" }

func text(nl, en string) Text {
	t := Text{}
	if nl != "" {
		t["nl"] = nl
	}
	if en != "" {
		t["en"] = en
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

// ReadXLSX reads a codebook workbook. The Codes sheet is required; Codebook, Factors,
// Scales, Partners and Roles are read when present. It records the cell of every element
// for Validate, but does not validate.
func ReadXLSX(path string) (*Codebook, error) {
	data, err := readRegular(path) // never a FIFO: readfile.go
	if err != nil {
		return nil, err
	}
	return parseXLSX(bytes.NewReader(data))
}

// parseXLSX is ReadXLSX over the workbook's bytes.
func parseXLSX(r io.Reader) (*Codebook, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, model.Reasonf("%w: %v", "%v: %v", ErrFormat, err)
	}
	defer f.Close()
	return readXLSX(f)
}

func readXLSX(f *excelize.File) (*Codebook, error) {
	cb := &Codebook{}
	if t, ok, err := readSheet(f, sheetAbout, "Key", "Value"); err != nil {
		return nil, err
	} else if ok {
		for i := range t.rows {
			switch Fold(t.get(i, "Key")) {
			case "name":
				cb.Name = t.get(i, "Value")
			case "version":
				cb.Version = t.get(i, "Value")
			case "negations":
				cb.Negations = splitList(t.get(i, "Value"))
			case "negated":
				cb.Negated = parseNegated(splitList(t.get(i, "Value")))
			case "calibration":
				cb.Calibration = t.get(i, "Value")
			case "model":
				cb.ModelFile = t.get(i, "Value")
			}
		}
	}
	factorAt := map[string]int{}
	addFactor := func(id string) int {
		if i, ok := factorAt[id]; ok {
			return i
		}
		factorAt[id] = len(cb.Factors)
		cb.Factors = append(cb.Factors, Factor{ID: id})
		return len(cb.Factors) - 1
	}
	if t, ok, err := readSheet(f, sheetFactors, "Factor"); err != nil {
		return nil, err
	} else if ok {
		for i := range t.rows {
			if t.blank(i) {
				continue
			}
			id := t.get(i, "Factor")
			fi := addFactor(id)
			fa := &cb.Factors[fi]
			fa.Label = text(t.get(i, "Label (nl)"), t.get(i, "Label (en)"))
			fa.Description = text(t.get(i, "Description (nl)"), t.get(i, "Description (en)"))
			cb.setPlace(at("factors", fi), t.place(i, "Factor"))
			cb.setPlace(at("factors", fi, "id"), t.place(i, "Factor"))
		}
	}
	t, ok, err := readSheet(f, sheetCodes, "Code")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, model.Reasonf("%w: no sheet %q", "%v: geen blad %q", ErrFormat, sheetCodes)
	}
	for i := range t.rows {
		if t.blank(i) {
			continue
		}
		fid := t.get(i, "Factor")
		fi := addFactor(fid)
		fa := &cb.Factors[fi]
		if fa.Label == nil && fid != "" {
			fa.Label = Text{"nl": fid}
		}
		c := Code{
			ID:         t.get(i, "Code"),
			Label:      text(t.get(i, "Label (nl)"), t.get(i, "Label (en)")),
			Valence:    ParseValence(t.get(i, "Valence")),
			Definition: text(t.get(i, "Definition (nl)"), t.get(i, "Definition (en)")),
			Include:    text(t.get(i, "Include (nl)"), t.get(i, "Include (en)")),
			Exclude:    text(t.get(i, "Exclude (nl)"), t.get(i, "Exclude (en)")),
			Example:    text(t.get(i, "Example (nl)"), t.get(i, "Example (en)")),
			Aliases:    splitList(t.get(i, "Aliases")),
			Patterns:   splitList(t.get(i, "Patterns")),
		}
		cp := at("factors", fi, "codes", len(fa.Codes))
		cb.setPlace(cp, t.place(i, "Code"))
		cb.setPlace(cp+"/id", t.place(i, "Code"))
		cb.setPlace(cp+"/valence", t.place(i, "Valence"))
		cb.setPlace(cp+"/label", t.place(i, "Label (nl)"))
		for k := range c.Aliases {
			cb.setPlace(at(cp, "aliases", k), t.place(i, "Aliases"))
		}
		for k := range c.Patterns {
			cb.setPlace(at(cp, "patterns", k), t.place(i, "Patterns"))
		}
		fa.Codes = append(fa.Codes, c)
	}
	// Codes without a factor are kept under a factor without id; Validate reports them.
	if i, ok := factorAt[""]; ok && i != len(cb.Factors)-1 {
		orphans := cb.Factors[i]
		cb.Factors = append(append(cb.Factors[:i:i], cb.Factors[i+1:]...), orphans)
		cb.places = shiftFactorPlaces(cb.places, i, len(cb.Factors)-1)
	}
	if err := readScalesSheet(f, cb); err != nil {
		return nil, err
	}
	if t, ok, err := readSheet(f, sheetPartners, "Partner"); err != nil {
		return nil, err
	} else if ok {
		for i := range t.rows {
			if t.blank(i) {
				continue
			}
			p := Partner{ID: t.get(i, "Partner"), Label: text(t.get(i, "Label (nl)"), t.get(i, "Label (en)")), Synonyms: splitList(t.get(i, "Synonyms"))}
			pp := at("partners", len(cb.Partners))
			cb.setPlace(pp, t.place(i, "Partner"))
			for k := range p.Synonyms {
				cb.setPlace(at(pp, "synonyms", k), t.place(i, "Synonyms"))
			}
			cb.Partners = append(cb.Partners, p)
		}
	}
	if t, ok, err := readSheet(f, sheetRoles, "Role"); err != nil {
		return nil, err
	} else if ok {
		for i := range t.rows {
			if t.blank(i) {
				continue
			}
			r := Role{ID: t.get(i, "Role"), Abbrev: t.get(i, "Abbreviation"), Label: text(t.get(i, "Label (nl)"), t.get(i, "Label (en)")), Synonyms: splitList(t.get(i, "Synonyms"))}
			rp := at("roles", len(cb.Roles))
			cb.setPlace(rp, t.place(i, "Role"))
			cb.setPlace(rp+"/abbrev", t.place(i, "Abbreviation"))
			for k := range r.Synonyms {
				cb.setPlace(at(rp, "synonyms", k), t.place(i, "Synonyms"))
			}
			cb.Roles = append(cb.Roles, r)
		}
	}
	cb.Prepare()
	return cb, nil
}

// shiftFactorPlaces moves the places recorded for factor from to factor to, shifting the
// factors in between one up.
func shiftFactorPlaces(places map[string]Place, from, to int) map[string]Place {
	out := make(map[string]Place, len(places))
	for k, v := range places {
		parts := strings.SplitN(k, "/", 3)
		if len(parts) >= 2 && parts[0] == "factors" {
			if n, err := strconv.Atoi(parts[1]); err == nil {
				switch {
				case n == from:
					n = to
				case n > from && n <= to:
					n--
				}
				parts[1] = strconv.Itoa(n)
				k = strings.Join(parts, "/")
			}
		}
		out[k] = v
	}
	return out
}

func readScalesSheet(f *excelize.File, cb *Codebook) error {
	t, ok, err := readSheet(f, sheetScales, "Scale", "Item")
	if err != nil || !ok {
		return err
	}
	scaleAt := map[string]int{}
	for i := range t.rows {
		if t.blank(i) {
			continue
		}
		id := t.get(i, "Scale")
		si, seen := scaleAt[id]
		if !seen {
			si = len(cb.Scales)
			scaleAt[id] = si
			s := Scale{ID: id, Factor: t.get(i, "Factor"), Label: text(t.get(i, "Label (nl)"), t.get(i, "Label (en)")), Missing: splitList(t.get(i, "Missing"))}
			sp := at("scales", si)
			cb.setPlace(sp, t.place(i, "Scale"))
			cb.setPlace(sp+"/id", t.place(i, "Scale"))
			cb.setPlace(sp+"/factor", t.place(i, "Factor"))
			if a := t.get(i, "Agree from"); a != "" {
				v, err := strconv.ParseFloat(strings.Replace(a, ",", ".", 1), 64)
				if err != nil {
					return model.Reasonf("%w: %s: agree from %q is not a number", "%v: %s: agree from %q is geen getal", ErrFormat, t.place(i, "Agree from"), a)
				}
				s.AgreeFrom = v
				cb.setPlace(sp+"/agree_from", t.place(i, "Agree from"))
			}
			for _, line := range strings.FieldsFunc(t.get(i, "Answers"), func(r rune) bool { return r == '\n' || r == ';' }) {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				sep := strings.IndexAny(line, "=:")
				if sep < 0 {
					return model.Reasonf("%w: %s: answer %q is not written as \"1 = label\"", "%v: %s: antwoord %q is niet geschreven als \"1 = label\"", ErrFormat, t.place(i, "Answers"), line)
				}
				v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(line[:sep]), ",", ".", 1), 64)
				if err != nil {
					return model.Reasonf("%w: %s: answer value %q is not a number", "%v: %s: antwoordwaarde %q is geen getal", ErrFormat, t.place(i, "Answers"), strings.TrimSpace(line[:sep]))
				}
				s.Answers = append(s.Answers, AnswerLabel{Value: v, Labels: splitList(line[sep+1:])})
				cb.setPlace(at(sp, "answers", len(s.Answers)-1), t.place(i, "Answers"))
			}
			cb.Scales = append(cb.Scales, s)
		}
		s := &cb.Scales[si]
		item := t.get(i, "Item")
		if item == "" && len(s.Items) == 0 && t.get(i, "Text (nl)") == "" {
			continue
		}
		rev := false
		switch Fold(t.get(i, "Reverse")) {
		case "", "no", "nee", "false", "onwaar", "0":
		case "yes", "ja", "true", "waar", "1", "x":
			rev = true
		default:
			return model.Reasonf("%w: %s: reverse %q is neither yes nor no", "%v: %s: reverse %q is ja noch nee", ErrFormat, t.place(i, "Reverse"), t.get(i, "Reverse"))
		}
		cb.setPlace(at("scales", si, "items", len(s.Items)), t.place(i, "Item"))
		s.Items = append(s.Items, Item{ID: item, Text: text(t.get(i, "Text (nl)"), t.get(i, "Text (en)")), Reverse: rev})
	}
	// Keep the scales in the order of the sheet.
	sort.SliceStable(cb.Scales, func(i, j int) bool { return scaleAt[cb.Scales[i].ID] < scaleAt[cb.Scales[j].ID] })
	return nil
}
