package ingest

import (
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// MAXQDA users keep the municipality as the document group (a group of interviews per
// municipality), not as a document variable; the coded-segments export has it in the
// column "Document group", which the reader knew and used for nothing: a run with
// groups: [municipality] gave no municipality to any respondent, without a word (attack
// 17, F12). A study.yaml that maps the column (columns: {municipality: Document group})
// reads it as the municipality; unreadGroups warns where the column holds groups, no
// column gives a municipality, and no respondent of the file got one otherwise (a
// name_pattern, a document variable), naming the column, its groups and the mapping.
// ATLAS.ti's Document Groups column is read where a group is named "key: value"
// (gemeente: Bergdorp); its groups named otherwise ("Bergdorp") were dropped as silently
// (a review of 0.12), and are watched the same way.
type unreadGroups struct {
	atlas  bool // ATLAS.ti's Document Groups: several groups a cell, "key: value" ones read
	col    int
	header string
	seen   map[string]bool
	order  []string
}

// newUnreadGroups returns the watch over the document group column, or nil where there
// is none or a column gives the municipality.
func newUnreadGroups(cols map[string]int, header []string, municipalityCol int) *unreadGroups {
	i, ok := cols["docgroup"]
	atlas := false
	if !ok {
		i, ok = cols["groups"]
		atlas = true
	}
	if !ok || municipalityCol >= 0 {
		return nil
	}
	return &unreadGroups{atlas: atlas, col: i, header: columnHeader(header, i), seen: map[string]bool{}}
}

// row notes the row's document group.
func (u *unreadGroups) row(row []string) {
	if u == nil {
		return
	}
	cell := strings.TrimSpace(tableCell(row, u.col))
	if !u.atlas {
		u.note(cell)
		return
	}
	for _, g := range splitCodeCell(cell) {
		if !strings.Contains(g, ":") { // "key: value" is read (groupAttributes)
			u.note(strings.TrimSpace(g))
		}
	}
}

func (u *unreadGroups) note(v string) {
	if v != "" && !u.seen[v] {
		u.seen[v] = true
		u.order = append(u.order, v)
	}
}

// warnings is the warning for a document group column left unread while no respondent
// of the file has a municipality.
func (u *unreadGroups) warnings(path string, respondents []model.Respondent) []model.Warning {
	if u == nil || len(u.order) == 0 {
		return nil
	}
	for _, r := range respondents {
		if r.Municipality != "" {
			return nil
		}
	}
	shown := make([]string, 0, 3)
	for _, v := range u.order[:min(3, len(u.order))] {
		shown = append(shown, strconv.Quote(v))
	}
	if u.atlas {
		return []model.Warning{{File: path, Err: model.Reasonf(
			"the column %[1]q (ATLAS.ti's document groups) holds %[2]d group(s) not named \"key: value\" (%[3]s), which are not read, and no respondent has a municipality: where the groups are the municipalities, name them so in ATLAS.ti (\"gemeente: Bergdorp\"), or, with one group per document, map the column in study.yaml, columns: {municipality: %[1]q}",
			"de kolom %[1]q (de documentgroepen van ATLAS.ti) bevat %[2]d groep(en) die niet \"naam: waarde\" heten (%[3]s) en niet gelezen worden, en geen respondent heeft een gemeente: zijn de groepen de gemeenten, noem ze dan zo in ATLAS.ti (\"gemeente: Bergdorp\"), of koppel, met één groep per document, de kolom in study.yaml, columns: {municipality: %[1]q}",
			u.header, len(u.order), strings.Join(shown, ", "))}}
	}
	return []model.Warning{{File: path, Err: model.Reasonf(
		"the column %[1]q (MAXQDA's document group) holds %[2]d group(s) (%[3]s) and is not read, and no respondent has a municipality: where the document groups are the municipalities, map the column in study.yaml, columns: {municipality: %[1]q}",
		"de kolom %[1]q (de documentgroep van MAXQDA) bevat %[2]d groep(en) (%[3]s) en wordt niet gelezen, en geen respondent heeft een gemeente: zijn de documentgroepen de gemeenten, koppel de kolom dan in study.yaml, columns: {municipality: %[1]q}",
		u.header, len(u.order), strings.Join(shown, ", "))}}
}
