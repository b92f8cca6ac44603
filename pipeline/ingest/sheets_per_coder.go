package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A coding workbook with a sheet per coder (sheets "Anna" and "Bram", the same header,
// no coder column; attack 13, sheet-per-coder) was read as one table of one coder: the
// two codings of each segment were pooled, and agreement had no units, without a word.
//
// sheetsPerCoder finds that shape among the sheets read as one table: two sheets that
// hold the same segment (the same id, respondent and text) with other codes, none of
// them with a coder. Taking the sheets for coders would be a guess (they may be two
// rounds of one coder, or a copy edited later), and pooling them is wrong either way:
// the read stops, naming the sheets, the segment and the fix, an entry per sheet with
// its coder (coder: on the entry, Options.Coder).
func sheetsPerCoder(path string, sheets []string, parts []model.Dataset) error {
	type seen struct {
		sheet, respondent, text string
		codes                   []string
	}
	first := map[string]seen{} // segment id -> its first sheet's reading
	for k, part := range parts {
		codes := map[string][]string{}
		for _, c := range part.Codings {
			if c.Coder != "" {
				return nil // the rows name their coders
			}
			codes[c.Segment] = append(codes[c.Segment], c.Raw)
		}
		for _, s := range part.Segments {
			cs := slices.Clone(codes[s.ID])
			slices.Sort(cs)
			cs = slices.Compact(cs)
			e, ok := first[s.ID]
			if !ok {
				first[s.ID] = seen{sheet: sheets[k], respondent: s.Respondent, text: collapseSpace(s.Text), codes: cs}
				continue
			}
			if e.sheet != sheets[k] && e.respondent == s.Respondent && e.text == collapseSpace(s.Text) && !slices.Equal(e.codes, cs) {
				return model.Reasonf("%[1]s: the sheets %[2]q and %[3]q hold the same segment %[4]q (respondent, text) with other codes, and no row names its coder: a sheet per coder, read as one table, would pool two coders' codings; read each sheet as an entry of its own with its coder, %[5]s, or add a coder column to each sheet: %[6]w",
					"%[1]s: de bladen %[2]q en %[3]q bevatten hetzelfde fragment %[4]q (respondent, tekst) met andere codes, en geen regel noemt de codeur: een blad per codeur, gelezen als één tabel, zou de coderingen van twee codeurs samenvoegen; lees elk blad als eigen regel met zijn codeur, %[5]s, of geef elk blad een kolom met de codeur: %[6]v",
					path, e.sheet, sheets[k], s.ID, entryPerSheet(path, e.sheet, sheets[k]), ErrSheetPerCoder)
			}
		}
	}
	return nil
}

// ErrSheetPerCoder is wrapped by the error for a workbook that looks like a sheet per coder.
var ErrSheetPerCoder = model.NewKind("a sheet per coder without a coder column", "een blad per codeur zonder kolom met de codeur")

// entryPerSheet is the study.yaml that reads two sheets as two coders' entries.
func entryPerSheet(path, a, b string) string {
	name := path[strings.LastIndexAny(path, `/\`)+1:]
	return fmt.Sprintf("interviews: [{path: %s, sheet: %s, coder: %s}, {path: %s, sheet: %s, coder: %s}]", name, a, a, name, b, b)
}
