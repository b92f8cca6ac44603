package ingest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A respondent has one municipality and one role. Where a file gives two, the first is
// used, and the reader says so (model.Dataset.Warnings) rather than dropping the other in
// silence: a survey with two columns that name the municipality ("Gemeente" and
// "Municipality"), or a respondent whose coded-segment rows give two municipalities or
// roles. The warnings name columns, rows and the values (municipalities and roles, which
// the outputs keep), never a respondent's id.

// attributeField is a respondent field that one column holds: its name in both languages
// and the headers it goes by.
type attributeField struct {
	field, en, nl string
	headers       []string
}

var attributeFields = []attributeField{
	{"municipality", "municipality", "gemeente", municipalityHeaders},
	{"role", "role", "rol", roleHeaders},
}

// sameFieldColumns warns where two or more columns of a header name one field: used are
// the columns the reader reads the field from (by field), of which the first non-empty
// value counts; another column whose header is one of the field's names is left unread.
// A field the study maps (explicit, study.yaml's columns:) is its choice: no warning.
func sameFieldColumns(path string, header []string, used map[string][]int, explicit map[string]string) []model.Warning {
	var out []model.Warning
	for _, f := range attributeFields {
		if strings.TrimSpace(explicit[f.field]) != "" {
			continue
		}
		cols := append([]int(nil), used[f.field]...)
		for i, h := range header {
			if inFolded(foldName(h), f.headers) && !containsInt(cols, i) {
				cols = append(cols, i)
			}
		}
		if len(cols) < 2 || len(used[f.field]) == 0 {
			continue
		}
		names := make([]string, len(cols))
		for k, i := range cols {
			names[k] = strconv.Quote(columnHeader(header, i))
		}
		first := names[0]
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d columns name the %[2]s (%[4]s): %[5]s is used, the others are not; map the one you mean in study.yaml (columns: {%[6]s: ...})",
			"%[1]d kolommen noemen de %[3]s (%[4]s): %[5]s wordt gebruikt, de andere niet; koppel de bedoelde kolom in study.yaml (columns: {%[6]s: ...})",
			len(cols), f.en, f.nl, strings.Join(names, ", "), first, f.field)})
	}
	return out
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// respondentConflicts counts, per field, the rows of a file that give a respondent
// another value than an earlier row of the same respondent did: the earlier one is used.
type respondentConflicts struct {
	rows    map[string]int       // field -> rows that differ
	example map[string][3]string // field -> the first: earlier value, this value, this row
	firstAt map[string]int       // "field\x00respondent" -> row of the value used
}

// row notes the value a row gives for a respondent's field; have is the value the
// respondent has from earlier rows ("" for none yet).
func (c *respondentConflicts) row(field, respondent, have, value string, line int) {
	if c.firstAt == nil {
		c.rows, c.example, c.firstAt = map[string]int{}, map[string][3]string{}, map[string]int{}
	}
	key := func() string { return field + "\x00" + respondent } // made only where used: most rows need none
	if have == "" || value == "" {
		if have == "" && value != "" {
			c.firstAt[key()] = line
		}
		return
	}
	if have == value || foldName(have) == foldName(value) { // most rows repeat it as written
		return
	}
	if c.rows[field] == 0 {
		c.example[field] = [3]string{have, value, strconv.Itoa(line) + "\x00" + strconv.Itoa(c.firstAt[key()])}
	}
	c.rows[field]++
}

// warnings are the file's warnings, one per field that differs.
func (c *respondentConflicts) warnings(path string) []model.Warning {
	var out []model.Warning
	for _, f := range attributeFields {
		n := c.rows[f.field]
		if n == 0 {
			continue
		}
		ex := c.example[f.field]
		line, first, _ := strings.Cut(ex[2], "\x00")
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) give their respondent another %[2]s than an earlier row did, and the earlier one is used (row %[4]s: %[6]q, where row %[5]s gave %[7]q); a respondent has one %[2]s: correct the rows, or the respondents table decides",
			"%[1]d regel(s) geven hun respondent een andere %[3]s dan een eerdere regel, en de eerdere telt (regel %[4]s: %[6]q, waar regel %[5]s %[7]q gaf); een respondent heeft één %[3]s: verbeter de regels, of laat de respondententabel beslissen",
			n, f.en, f.nl, line, first, ex[1], ex[0])})
	}
	return out
}

// surveyFieldColumns is sameFieldColumns for a survey layout: the columns it reads the
// municipality and the role from, and the others that go by their names.
func surveyFieldColumns(path string, header []string, lay *surveyLayout, opt Options) []model.Warning {
	used := map[string][]int{}
	named := slices.Clone(header) // a tool's own columns blanked
	for i, c := range lay.columns {
		switch c.use {
		case useMunicipality:
			used["municipality"] = append(used["municipality"], i)
		case useRole:
			used["role"] = append(used["role"], i)
		case useMeta, useSubmitted, useRespondent:
			// A tool's own column names no attribute, whatever its heading says
			// (LimeSurvey's Dutch "Plaats" is its seed).
			if i < len(named) {
				named[i] = ""
			}
		}
	}
	return sameFieldColumns(path, named, used, opt.Columns)
}
