package ingest

import (
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// qualtricsColumns are Qualtrics's metadata columns, folded; Recipient* and Location*
// columns and Q_ columns (Q_TotalDuration, Q_RecaptchaScore, ...) are metadata as well.
var qualtricsColumns = map[string]columnUse{
	"responseid": useRespondent, "response id": useRespondent, "responseid ": useRespondent,
	"startdate": useMeta, "enddate": useMeta, "status": useStatus, "ipaddress": useMeta,
	"progress": useMeta, "duration (in seconds)": useMeta, "duration": useMeta,
	"finished": useSubmitted, "recordeddate": useMeta,
	"recipientfirstname": useFirstName, "recipientlastname": useLastName,
	"externalreference": useMeta, "externaldatareference": useMeta,
	"distributionchannel": useMeta, "userlanguage": useMeta,
	"responseset": useMeta, "emailaddress": useMeta, "name": useName,
}

var legacyName = regexp.MustCompile(`^V[0-9]+$`)

func isQualtricsHeader(header []string) bool {
	for _, h := range header {
		if k := foldName(h); k == "responseid" {
			return true
		}
	}
	return len(header) >= 3 && header[0] == "V1" && strings.TrimSpace(header[1]) == "V2" && strings.TrimSpace(header[2]) == "V3"
}

func qualtricsMeta(k string) (columnUse, bool) {
	if use, ok := qualtricsColumns[k]; ok {
		return use, true
	}
	if strings.HasPrefix(k, "recipient") || strings.HasPrefix(k, "location") || strings.HasPrefix(k, "q ") {
		return useMeta, true
	}
	return 0, false
}

// qualtricsLayout reads the header rows of a Qualtrics export: the current layout has
// three (column names such as Q12_1, question text, ImportId JSON), the legacy layout two
// (V1.. names or column names, then labels). It consumes the header rows from rows; a row
// that turns out to hold data is handed back through lay.pending.
func qualtricsLayout(rows *Rows, names []string, opt Options) (*surveyLayout, error) {
	lay := &surveyLayout{columns: make([]surveyColumn, len(names)), incomplete: qualtricsUnfinished, unclearSubmit: qualtricsFinishedUnclear,
		unanswered: func(v string) bool { return v == qualtricsSeenUnanswered }}
	var labels, imports []string
	if rows.Next() {
		labels = rows.Row()
		if rows.Next() {
			row := rows.Row()
			if first := strings.TrimSpace(tableCell(row, 0)); strings.HasPrefix(first, `{"ImportId"`) || strings.HasPrefix(first, `{'ImportId'`) {
				imports = row
			} else {
				lay.pending, lay.pendingLine = row, rows.Line()
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range names {
		c := &lay.columns[i]
		name := strings.TrimSpace(names[i])
		label := strings.TrimSpace(tableCell(labels, i))
		c.header = columnHeader(names, i)
		if legacyName.MatchString(name) && label != "" {
			c.header = label
		}
		c.question = label
		if use, ok := attributeColumn(opt, name, label); ok {
			c.use = use
			continue
		}
		if use, ok := qualtricsMeta(foldName(name)); ok {
			c.use = use
			continue
		}
		if use, ok := qualtricsMeta(foldName(label)); ok && legacyName.MatchString(name) {
			c.use = use
			continue
		}
		importID := qualtricsImportID(tableCell(imports, i))
		if importID != "" {
			c.names = append(c.names, importID)
		}
		if legacyName.MatchString(name) || c.header != name {
			c.names = append(c.names, name)
		}
		if qualtricsTextEntry(name, importID, imports != nil) {
			c.use = useOpen
			continue
		}
		if !itemColumn(opt, c, label) && c.header != name {
			sub := surveyColumn{header: name, names: c.names}
			if itemColumn(opt, &sub) {
				c.use, c.item, c.scale, c.explicit = sub.use, sub.item, sub.scale, sub.explicit
			}
		}
	}
	return lay, nil
}

// importIDValue is the value in an ImportId cell: {"ImportId":"QID5_TEXT"} (current exports,
// JSON) or {'ImportId': 'QID5-TEXT'} (older exports, a Python dict).
var importIDValue = regexp.MustCompile(`^\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']`)

// qualtricsImportID returns the question id in an ImportId cell, "" when there is none.
func qualtricsImportID(cell string) string {
	if m := importIDValue.FindStringSubmatch(strings.TrimSpace(cell)); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// qualtricsTextEntry reports whether a column holds the text typed into a choice ("Other,
// namely ...") or a text-entry question. Where the export has its ImportId row, that row
// decides (QID5_TEXT, QID5-TEXT, QID5#3-1-1-TEXT): column names are the researcher's own
// export tags, and a choice question may well be called MCSA_single_text. Without it,
// Qualtrics's own suffix _TEXT (upper case) does.
func qualtricsTextEntry(name, importID string, hasImports bool) bool {
	if hasImports {
		id := strings.ToUpper(importID)
		return strings.HasSuffix(id, "_TEXT") || strings.HasSuffix(id, "-TEXT")
	}
	return strings.HasSuffix(name, "_TEXT")
}

// qualtricsSeenUnanswered is what Qualtrics writes, where the export recodes them, for a
// question the respondent saw and left unanswered: not text and not an attribute value.
// In an item's column it is an answer outside the scale unless the scale declares it
// missing (missing: ["-99"]).
const qualtricsSeenUnanswered = "-99"

// qualtricsUnfinished: Finished is 0 or False for a response that was not completed, or
// the false of a localised Excel that saved the export again (attack 17 F10: Dutch Excel
// writes ONWAAR and WAAR; German FALSCH, French FAUX, Spanish and Italian FALSO).
func qualtricsUnfinished(v string) bool {
	switch foldName(v) {
	case "0", "false", "nee", "no", "onwaar", "falsch", "faux", "falso", "n":
		return true
	}
	return false
}

// qualtricsFinishedUnclear reports whether a Finished value is neither a true nor a false
// (qualtricsUnfinished's): a response whose completion cannot be told is not counted as
// complete without a word.
func qualtricsFinishedUnclear(v string) bool {
	switch foldName(v) {
	case "", "1", "true", "ja", "yes", "waar", "wahr", "vrai", "verdadero", "vero", "j", "y":
		return false
	}
	return !qualtricsUnfinished(v)
}

// ErrFinishedUnclear is the reason of a row whose Finished cell is neither true nor false.
var ErrFinishedUnclear = model.NewKind("completion unclear", "voltooiing onduidelijk")

// finishedUnclearReason is the reject's reason.
func finishedUnclearReason(v string) error {
	return model.Reasonf("%w: Finished holds %q, neither true (1, True, WAAR) nor false (0, False, ONWAAR); the response is not counted as complete",
		"%v: Finished bevat %q, niet waar (1, True, WAAR) en niet onwaar (0, False, ONWAAR); de respons is niet als voltooid geteld",
		ErrFinishedUnclear, v)
}

// attributeColumn recognises the respondent's municipality and role among questions,
// which Qualtrics names Q7 or after the question: by the study's column mapping
// (columns: {municipality: Q7}), else by the name or question text ("Gemeente",
// "Wat is uw functie?": a question of at most six words naming the attribute).
func attributeColumn(opt Options, name, label string) (columnUse, bool) {
	uses := map[string]columnUse{"municipality": useMunicipality, "role": useRole}
	for field, use := range uses {
		if h, ok := opt.Columns[field]; ok {
			if foldName(h) == foldName(name) || (label != "" && foldName(h) == foldName(label)) {
				return use, true
			}
		}
	}
	for field, headers := range map[string][]string{"municipality": municipalityHeaders, "role": roleHeaders} {
		if _, explicit := opt.Columns[field]; explicit {
			continue
		}
		for _, h := range headers {
			if foldName(name) == h || foldName(label) == h {
				return uses[field], true
			}
		}
		// A short question that names the attribute: "Wat is uw functie?", "In welke
		// gemeente werkt u?". Longer texts are statements (items), not attributes.
		if words := strings.Fields(foldName(label)); len(words) > 1 && len(words) <= 6 {
			for _, w := range words {
				for _, h := range headers {
					if w == h {
						return uses[field], true
					}
				}
			}
		}
	}
	return useOther, false
}
