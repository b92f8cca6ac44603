package ingest

import (
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// A reviewed review.qdpx exported again by a tool that writes a selection per coding
// (NVivo does: its export of a real project has 303 selections of 188 passages): the
// reviewer's code sits on a selection of its own with the same range. It accepts the
// suggestion all the same, and a listing repeated on such a selection counts once.
func TestReadReviewPassageSplitOverSelections(t *testing.T) {
	korte, geen := refiqda.GUID("code", "bereiken.korte_lijnen"), refiqda.GUID("code", "informeren.geen_terugkoppeling")
	list := refiqda.SuggestionLines([]refiqda.Suggestion{
		{Code: "bereiken.korte_lijnen", Source: "dictionary", Detail: "korte lijn*"},
		{Code: "informeren.geen_terugkoppeling", Source: "dictionary", Detail: "nooit*"},
	})
	sel := func(guid string, start, end int, desc string, codes ...string) string {
		x := fmt.Sprintf(`<PlainTextSelection guid="%s" name="s" startPosition="%d" endPosition="%d">`, guid, start, end)
		if desc != "" {
			x += "<Description>" + desc + "</Description>"
		}
		for i, c := range codes {
			x += fmt.Sprintf(`<Coding guid="%s%d"><CodeRef targetGUID="%s"/></Coding>`, guid[:35], i, c)
		}
		return x + "</PlainTextSelection>"
	}
	qde := `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="review" origin="samenspel">
<CodeBook><Codes><Code guid="` + korte + `" name="Korte lijnen" isCodable="true"/><Code guid="` + geen + `" name="Geen terugkoppeling" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="00000000-0000-4000-8000-0000000000d1" name="R-01"><PlainTextContent>Korte lijnen, maar nooit terugkoppeling. Verder niets.</PlainTextContent>` +
		sel("00000000-0000-4000-8000-000000000001", 0, 40, list) + // the listing, no code kept on it
		sel("00000000-0000-4000-8000-000000000002", 0, 40, list, korte) + // korte_lijnen kept, listing repeated
		sel("00000000-0000-4000-8000-000000000003", 41, 54, list, geen) + // another passage: its own
		`</TextSource></Sources></Project>`
	ids := []string{"bereiken.korte_lijnen", "informeren.geen_terugkoppeling"}
	got, fc, err := ReadReview(writeFile(t, "review.qde", []byte(qde)), ids, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range got {
		lines = append(lines, fmt.Sprintf("%s %s %v", r.Selection, r.Code, r.Accepted))
	}
	check(t, "suggestions", lines, []string{
		"00000000-0000-4000-8000-000000000001 bereiken.korte_lijnen true",
		"00000000-0000-4000-8000-000000000001 informeren.geen_terugkoppeling false",
		"00000000-0000-4000-8000-000000000003 bereiken.korte_lijnen false",
		"00000000-0000-4000-8000-000000000003 informeren.geen_terugkoppeling true",
	})
	if fc.Read != 4 || fc.Accepted != 4 {
		t.Errorf("file count %+v", fc)
	}
}
