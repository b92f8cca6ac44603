package ingest

import (
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ReadRespondents reads a respondents table (.xlsx or .csv): a respondent column
// (respondent, deelnemer, id), municipality (gemeente), role (rol, functie) and
// optionally the real name (naam) and its parts (voornaam, achternaam, roepnaam, bijnaam:
// namePartHeaders), kept only to redact them from quotes. Every other column
// becomes an attribute, keyed by its folded header ("Leeftijdsgroep" -> "leeftijdsgroep").
// A row without an id, or with an id seen before (ErrDuplicate), is rejected.
//
// The file is read once, read-only; its Dataset.Files entry carries the sha256 and size
// of the bytes read.
func ReadRespondents(path string, opt Options) (model.Dataset, error) {
	return readOnce(path, opt, false, readRespondents)
}

func readRespondents(path string, opt Options) (model.Dataset, error) {
	rows, err := openTable(path, opt)
	if err != nil {
		return model.Dataset{}, err
	}
	defer rows.Close()
	rows.fill = newMergedFill(opt.mergedDown) // merged_cells.go
	var header []string
	var titles titleRows // title rows above the header, as a survey's: survey_title_rows.go
	for rows.Next() {
		if !emptyRow(rows.Row()) && (respondentHeader(rows.Row(), opt) || !titles.skip(rows.Row(), rows.Line())) {
			header = rows.Row()
			break
		}
	}
	if err := rows.Err(); err != nil {
		return model.Dataset{}, err
	}
	sheet, headerLine := rows.Sheet(), rows.Line()
	if titles.n > 0 && (header == nil || filledCells(header) == 1 && !respondentHeader(header, opt)) {
		// Rows of one cell only: a table of one column whose header names no respondent
		// column, not titles above a header. The error is the one of its first row.
		return model.Dataset{}, model.Reasonf("%s: %s: no respondent column (respondent, deelnemer, id) in %s; is this the respondents table?: %w",
			"%s: %s: geen kolom met de respondent (respondent, deelnemer, id) in %s; is dit de respondententabel?: %v",
			path, model.Place(sheet, titles.first, ""), shownHeader([]string{"?"}, genericFields, 8), ErrMissingColumn)
	}
	if header == nil {
		return model.Dataset{}, model.Reasonf("%s: no header row: %w", "%s: geen kopregel: %v", path, ErrMissingColumn)
	}
	cols, err := FindColumns(header, genericFields, opt.Columns)
	if err != nil {
		return model.Dataset{}, model.Reasonf("%s: %s: %w", "%s: %s: %v", path, model.Place(sheet, rows.Line(), ""), err)
	}
	idCol, ok := cols["respondent"]
	if !ok {
		return model.Dataset{}, model.Reasonf("%s: %s: no respondent column (respondent, deelnemer, id) in %s; is this the respondents table?: %w",
			"%s: %s: geen kolom met de respondent (respondent, deelnemer, id) in %s; is dit de respondententabel?: %v",
			path, model.Place(sheet, rows.Line(), ""), shownHeader(header, genericFields, 8), ErrMissingColumn)
	}
	field := map[int]string{}
	for f, i := range cols {
		field[i] = f
	}
	ds := model.Dataset{}
	count := model.FileCount{Path: path, Format: "respondents"}
	seen := map[string]listedRow{}
	who := tableRespondentColumns(cols)
	named := namedColumns(header)   // fieldcount.go
	names := newHeaderNames(header) // header_reordered.go
	for rows.Next() {
		row := rows.Row()
		if emptyRow(row) {
			continue
		}
		count.Read++
		line := rows.Line()
		id := strings.TrimSpace(tableCell(row, idCol))
		reject := func(value string, err error) {
			count.Rejected++
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, idCol), Value: value, Err: err, IsID: value != ""})
		}
		if col, from, ok := names.reordered(row); ok { // header_reordered.go
			return model.Dataset{}, reorderedHeaderError(path, sheet, line, header, col, from)
		}
		// A text row with another number of fields than its header's named columns has a
		// delimiter in a value that was not quoted ("bellen; niet mailen"), or lost a value
		// with its delimiter: read as it is, its municipality and role would be its
		// neighbours' values (attack 16 F02). It is rejected, as in a survey.
		if sheet == "" && (tooManyFields(row, named) || len(row) < named) {
			count.Rejected++
			count.Lost++
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Row: line, Value: id, IsID: id != "", Err: fieldCountReason(len(row), named)})
			continue
		}
		faults := rows.CellFaultsAt(line)
		if col, err := brokenRow(row, who, faults); err != nil { // survey_broken.go
			count.Rejected++
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, col), Value: strings.TrimSpace(tableCell(row, col)), Err: err})
			continue
		}
		if id == "" {
			reject("", ErrEmptyID)
			continue
		}
		if rowRepeatsHeader(row, header, idCol) { // two tables joined (survey_summaryrows.go)
			count.Rejected++
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Err: headerRepeatedReason()})
			continue
		}
		if first, dup := seen[id]; dup {
			if other := conflictingCells(header, field, first.row, row); other != "" {
				// Another municipality or role for a respondent listed before (a correction
				// appended below the list): not a plain copy, and the first row decides the
				// respondent's groups, so it is a conflict that the exit status counts
				// (attack 16 F03).
				count.Lost++
				reject(id, model.Reasonf("%w %q with other values: this row gives another %s than row %d; row %d is used: correct or remove the row that is wrong",
					"%v %q met andere waarden: deze regel geeft een andere %s dan regel %d; regel %d geldt: verbeter of verwijder de regel die niet klopt",
					ErrDuplicate, id, other, first.line, first.line))
				continue
			}
			reject(id, model.Reasonf("%w: %q already in row %d", "%v: %q staat al in regel %d", ErrDuplicate, id, first.line))
			continue
		}
		seen[id] = listedRow{line: line, row: slices.Clone(row)}
		count.Accepted++
		r := model.Respondent{ID: id, Source: path}
		for i := range header {
			v := strings.TrimSpace(tableCell(row, i))
			if err := faults.damage(i); err != nil { // a name or attribute: a rejected cell (table_damaged_cells.go)
				ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, i), Err: brokenCell("", i, faults), Cell: true})
				continue
			}
			switch field[i] {
			case "respondent", "email":
			case "municipality":
				r.Municipality = v
			case "role":
				r.Role = v
			case "name":
				r.Name = joinName(v, r.Name)
			default:
				key := foldName(header[i])
				if key == "" || v == "" {
					continue
				}
				if inFolded(key, namePartHeaders) {
					// A given name, surname or nickname (roepnaam, bijnaam): a part of
					// the name, redacted like it (respondent_names.go).
					r.Name = joinName(r.Name, v)
					continue
				}
				if r.Attributes == nil {
					r.Attributes = map[string]string{}
				}
				r.Attributes[key] = v
			}
		}
		ds.Respondents = append(ds.Respondents, r)
	}
	if err := rows.Err(); err != nil {
		return model.Dataset{}, err
	}
	if down := mergedDown(rows.merged, headerLine); down != nil && opt.mergedDown == nil {
		rows.Close()
		opt.mergedDown = down
		ds, err := readRespondents(path, opt)
		ds.Warnings = append(ds.Warnings, mergedWarning(path, sheet, down))
		return ds, err
	}
	ds.Files = append(ds.Files, count)
	ds.Warnings = append(ds.Warnings, titles.warnings(path, sheet, headerLine)...)
	if w := nameLikeColumnsWarning(path, header, field); w != nil {
		ds.Warnings = append(ds.Warnings, *w)
	}
	ds.Warnings = append(ds.Warnings, rows.hiddenRowsWarnings()...) // hidden_rows.go
	ds.Warnings = append(ds.Warnings, rows.encodingWarnings()...)   // encoding_guess.go
	return ds, nil
}

// respondentHeader reports whether row names the respondent column: the header of a
// table of one column, which is no title.
func respondentHeader(row []string, opt Options) bool {
	cols, err := FindColumns(row, genericFields, opt.Columns)
	_, ok := cols["respondent"]
	return err == nil && ok
}

// listedRow is a row of the respondents table read before: its row number and cells.
type listedRow struct {
	line int
	row  []string
}

// conflictingCells names the municipality, role and attribute columns in which a and b
// both hold a value and differ (case and spaces aside; an empty cell says nothing else):
// "Gemeente, Functie"; "" where they agree. The values are left out: a reason reaches
// the report, where a group's name may be one that small-cell suppression hides. Ids,
// names and e-mail addresses are not compared: they are no group.
func conflictingCells(header []string, field map[int]string, a, b []string) string {
	var out []string
	for i := range header {
		switch field[i] {
		case "respondent", "email", "name":
			continue
		}
		if field[i] == "" && foldName(header[i]) == "" {
			continue
		}
		x, y := strings.TrimSpace(tableCell(a, i)), strings.TrimSpace(tableCell(b, i))
		if x != "" && y != "" && !strings.EqualFold(strings.Join(strings.Fields(x), " "), strings.Join(strings.Fields(y), " ")) {
			out = append(out, strings.TrimSpace(header[i]))
		}
	}
	return strings.Join(out, ", ")
}
