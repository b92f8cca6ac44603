package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A respondents table gives a young person's name in more than one column: naam, and
// the roepnaam (the name a pupil or client goes by, in ParnasSys, Magister and youth
// care's registrations), voornaam, achternaam, bijnaam. Only naam was read as a name
// (attack 16, f04): a roepnaam became an attribute, and "Op straat is het gewoon
// Stino" was published with the nickname the researcher had handed to the tool. Every
// column that namePartHeaders (or nameHeaders) heads is now part of the respondent's
// Name, which the redactor takes whole and part by part; a column whose header holds
// "naam" or "name" in another compound (naam ouder, schoolnaam) stays an attribute, and
// the summary names it.

// joinName adds part to a respondent's name, once.
func joinName(name, part string) string {
	part = strings.TrimSpace(part)
	if part == "" || strings.Contains(" "+name+" ", " "+part+" ") {
		return name
	}
	return strings.TrimSpace(name + " " + part)
}

// nameLikeColumnsWarning names the columns of a respondents table that are read as
// attributes though their header says "naam" or "name" in a compound (Naam ouder,
// Schoolnaam): they are not redacted, and may hold a person's name.
func nameLikeColumnsWarning(path string, header []string, field map[int]string) *model.Warning {
	var cols []string
	for i, h := range header {
		k := foldName(h)
		if field[i] != "" || k == "" || inFolded(k, namePartHeaders) {
			continue
		}
		if strings.Contains(k, "naam") || strings.Contains(k, "name") {
			cols = append(cols, h)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	list := quoteAll(cols)
	return &model.Warning{File: path, Err: model.Reasonf(
		"column(s) %s read as attributes, not as names: their values are not redacted from the texts; if they hold people's names, head the column naam, voornaam, roepnaam or bijnaam, or list the names under privacy.names",
		"kolom(men) %s gelezen als kenmerk, niet als naam: hun waarden worden niet uit de teksten verwijderd; staan er namen van mensen in, noem de kolom dan naam, voornaam, roepnaam of bijnaam, of zet de namen onder privacy.names",
		list)}
}
