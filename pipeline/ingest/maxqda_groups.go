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
type unreadGroups struct {
	col    int
	header string
	seen   map[string]bool
	order  []string
}

// newUnreadGroups returns the watch over the document group column, or nil where there
// is none or a column gives the municipality.
func newUnreadGroups(cols map[string]int, header []string, municipalityCol int) *unreadGroups {
	i, ok := cols["docgroup"]
	if !ok || municipalityCol >= 0 {
		return nil
	}
	return &unreadGroups{col: i, header: columnHeader(header, i), seen: map[string]bool{}}
}

// row notes the row's document group.
func (u *unreadGroups) row(row []string) {
	if u == nil {
		return
	}
	v := strings.TrimSpace(tableCell(row, u.col))
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
	return []model.Warning{{File: path, Err: model.Reasonf(
		"the column %[1]q (MAXQDA's document group) holds %[2]d group(s) (%[3]s) and is not read, and no respondent has a municipality: where the document groups are the municipalities, map the column in study.yaml, columns: {municipality: %[1]q}",
		"de kolom %[1]q (de documentgroep van MAXQDA) bevat %[2]d groep(en) (%[3]s) en wordt niet gelezen, en geen respondent heeft een gemeente: zijn de documentgroepen de gemeenten, koppel de kolom dan in study.yaml, columns: {municipality: %[1]q}",
		u.header, len(u.order), strings.Join(shown, ", "))}}
}
