package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrItemMissing marks the warning that a survey file holds some of a scale's items but
// not one of them, under no header at all: its respondents' scale scores are then the
// mean of the items the file gives (at least half of them, analysis.ScaleScore), a
// different measure from the codebook's, which was silent before 0.7.1. check counts the
// warning as something to fix (pipeline.CheckReport.Nothing).
var ErrItemMissing = model.NewKind("scale item missing from the survey", "item van een schaal ontbreekt in de vragenlijst")

// missingItems warns, per scale of which the file holds at least one item but not all,
// about each item no column of the file holds and no column resembles (nearItems names
// those). A scale the file holds no item of is not warned about: a file of another strand
// or wave may well not ask it, and it gets no score from the file at all, not a
// different one.
func missingItems(path string, ds *model.Dataset, lay *surveyLayout, opt Options) []model.Warning {
	cb := opt.Codebook
	if cb == nil {
		return nil
	}
	held := map[string]bool{}
	for _, c := range lay.columns {
		if c.use == useItem {
			held[c.item.ID] = true
		}
	}
	for _, c := range ds.Unmatched {
		if c.File == path && c.Resembles != "" {
			held[c.Resembles] = true // warned about by nearItems, with its own count
		}
	}
	var out []model.Warning
	for _, sc := range cb.Scales {
		have, named := 0, 0
		for _, it := range sc.Items {
			if byColumn(lay, it.ID) {
				have++
			}
			if held[it.ID] {
				named++
			}
		}
		if have == 0 || named == len(sc.Items) {
			continue
		}
		var absent []string
		for _, it := range sc.Items {
			if !held[it.ID] {
				absent = append(absent, it.ID)
			}
		}
		items := model.Translated(orList(absent, "or"), orList(absent, "of"))
		mapping := "columns: {" + absent[0] + ": ...}"
		if 2*have < len(sc.Items) {
			out = append(out, model.Warning{File: path, Err: model.Reasonf(
				"%w: no column of the file is %s (scale %s): its respondents get no score on %s, which needs at least half of the scale's %d items, and the file gives %d; if an item is under another header, map it in study.yaml (%s)",
				"%v: geen kolom van het bestand is %s (schaal %s): de respondenten krijgen geen score op %s, waarvoor ten minste de helft van de %d items van de schaal nodig is, en het bestand geeft er %d; staat een item onder een andere kop, koppel die dan in study.yaml (%s)",
				ErrItemMissing, items, sc.ID, sc.ID, len(sc.Items), have, mapping)})
			continue
		}
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%w: no column of the file is %s (scale %s): its respondents' scores on %s are computed from the %d of the scale's %d items the file gives; if an item is under another header, map it in study.yaml (%s)",
			"%v: geen kolom van het bestand is %s (schaal %s): de scores van de respondenten op %s zijn berekend uit de %d van de %d items van de schaal die het bestand geeft; staat een item onder een andere kop, koppel die dan in study.yaml (%s)",
			ErrItemMissing, items, sc.ID, sc.ID, have, len(sc.Items), mapping)})
	}
	return out
}

// byColumn reports whether a column of the file is read as the item.
func byColumn(lay *surveyLayout, item string) bool {
	for _, c := range lay.columns {
		if c.use == useItem && c.item.ID == item {
			return true
		}
	}
	return false
}

// orList names items in a sentence: "item K1", "items K1 or K2", "items K1, K2 or K3"
// (Dutch with "of").
func orList(ids []string, or string) string {
	word := "item "
	if or == "of" && len(ids) > 1 {
		word = "de items "
	} else if len(ids) > 1 {
		word = "items "
	}
	if len(ids) == 1 {
		return word + ids[0]
	}
	return word + strings.Join(ids[:len(ids)-1], ", ") + " " + or + " " + ids[len(ids)-1]
}
