package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrNoRespondent is the reason of a survey row that names no respondent and answers no
// item: a row of question texts, of totals or means, or a remark below the data. Such a
// row was a respondent of its own (numbered by its line, "enquete:301") with every cell
// an unknown answer or none, counted in the respondents and the manifest but not in the
// sample (attack 12 F4 in its general form; survey_subheader.go reads a row of question
// texts right under the header as part of the header). A row without an id that answers
// one item, even with "weet niet", is still a respondent: an anonymous survey has no ids.
// An SPSS case is always a respondent (surveyLayout.everyRow): a .sav file holds cases,
// never a row of texts, and a case with every answer user-missing is one R counts.
var ErrNoRespondent = model.NewKind("row without respondent", "regel zonder respondent")

// answersNoItem reports, for a row whose respondent cell is empty (or that has no
// respondent column), whether none of its item cells is an answer: each is empty or
// rejected (an unknown label, a number off the scale). A file with no item column at all
// is left alone: itemWarnings names it, and its rows are its open answers. col and value
// are the row's first non-empty cell, for the reject.
func answersNoItem(row []string, items []int, lay *surveyLayout, answers *answerCache) (col int, value string, none bool) {
	if len(items) == 0 {
		return -1, "", false
	}
	for _, i := range items {
		cell := strings.TrimSpace(tableCell(row, i))
		if cell == "" {
			continue
		}
		if _, err := answers.answer(i, &lay.columns[i], cell); err == nil {
			return -1, "", false
		}
	}
	for i := range row {
		if v := strings.TrimSpace(row[i]); v != "" {
			return i, v, true
		}
	}
	return -1, "", true
}

// noRespondentReason is the reject's reason.
func noRespondentReason() error {
	return model.Reasonf("%w: the row has no respondent id and answers no item (a row of question texts, totals or a remark?); it is not read as a respondent",
		"%v: de regel heeft geen respondentcode en beantwoordt geen item (een regel met vraagteksten, totalen of een opmerking?); hij is niet gelezen als respondent",
		ErrNoRespondent)
}
