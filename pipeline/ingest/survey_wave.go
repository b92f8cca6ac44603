package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// waveHeaders are the header names of a survey's wave column (study.yaml may name
// another: columns: {wave: ...}). A column headed "Peiling" was read as an open answer,
// two waves pooled as one (an attack on the readers, F08).
var waveHeaders = []string{"wave", "meting", "meetmoment", "peiling", "peilmoment", "meetronde", "ronde"}

// waveColumn marks the survey's wave column, in every layout: the column that
// opt.Columns names for "wave", else the first column not otherwise used whose header is
// one of waveHeaders. A column named for the wave that the header lacks is an error, like
// any column a study names (ErrMissingColumn). A row's wave is the column's value, or the
// input entry's wave (Options.Wave) where the cell is empty.
func waveColumn(lay *surveyLayout, opt Options) error {
	for _, c := range lay.columns {
		if c.use == useWave {
			return nil
		}
	}
	if name := strings.TrimSpace(opt.Columns["wave"]); name != "" {
		k := foldName(name)
		for i := range lay.columns {
			c := &lay.columns[i]
			if foldName(c.header) == k || containsFolded(c.names, k) {
				if c.use == useRespondent || c.use == useItem && c.explicit {
					return model.Reasonf("column %q named for wave is also the %s column", "kolom %q, genoemd voor wave, is ook de kolom van %s", name, columnRole(c.use))
				}
				c.use, c.item, c.scale, c.decode = useWave, codebook.Item{}, codebook.Scale{}, nil
				return nil
			}
		}
		return model.Reasonf("column %q named for wave is not in the header: %w", "kolom %q, genoemd voor wave, staat niet in de kopregel: %v", name, ErrMissingColumn)
	}
	for _, name := range waveHeaders {
		for i := range lay.columns {
			c := &lay.columns[i]
			if (c.use == useOther || c.use == useMeta) && foldName(c.header) == name {
				c.use = useWave
				return nil
			}
		}
	}
	return nil
}

func containsFolded(names []string, k string) bool {
	for _, n := range names {
		if foldName(n) == k {
			return true
		}
	}
	return false
}

// columnRole names a column's use in an error.
func columnRole(u columnUse) string {
	if u == useRespondent {
		return "respondent"
	}
	return "item"
}

// A survey entry with wave: 2025 whose file still had a column Meting saying 2024 (the
// questionnaire copied from last year's, a column filled down) had every row put in wave
// 2024, the column winning, without a word: every answer was then rejected as answered
// twice, with advice about respondent ids (attack 17, F15). rowWaves gives a row its
// wave: where study.yaml states the entry's wave and the column was found by its header
// (not named with columns: {wave: ...}), the entry's wave wins, and the rows whose column
// says another are counted for a warning naming both; otherwise the column's value, or
// the entry's wave where the cell is empty.
type rowWaves struct {
	entry    string // the entry's wave, study.yaml's
	col      int    // the wave column, -1 where none
	header   string
	stated   bool // the entry's wave wins over the column
	rows     int  // rows whose column says another wave
	read     int  // rows read with a wave cell
	firstRow int
	first    string
}

func newRowWaves(opt Options, waveCol int, header string) *rowWaves {
	entry := strings.TrimSpace(opt.Wave)
	return &rowWaves{entry: entry, col: waveCol, header: header,
		stated: entry != "" && waveCol >= 0 && strings.TrimSpace(opt.Columns["wave"]) == ""}
}

// of is the wave of the row at line.
func (w *rowWaves) of(row []string, line int) string {
	v := strings.TrimSpace(tableCell(row, w.col))
	if n, ok := DecimalWhole(v); ok { // "2024.0": a year column saved by pandas as floats
		v = n
	}
	if v == "" {
		return w.entry
	}
	if !w.stated {
		return v
	}
	w.read++
	if v != w.entry {
		if w.rows == 0 {
			w.firstRow, w.first = line, v
		}
		w.rows++
	}
	return w.entry
}

// warnings is the warning for a wave column that contradicts the entry's wave.
func (w *rowWaves) warnings(path string) []model.Warning {
	if w.rows == 0 {
		return nil
	}
	return []model.Warning{{File: path, Err: model.Reasonf(
		"study.yaml gives this file wave %[1]q, but its column %[2]q says another wave in %[3]d of %[4]d rows (%[5]q in row %[6]d): the entry's wave %[1]q is used; delete the column (a leftover of a copied file?), or, if the file holds several waves, take wave: off the entry or name the column, columns: {wave: %[2]q}",
		"study.yaml geeft dit bestand meting %[1]q, maar de kolom %[2]q noemt een andere meting in %[3]d van %[4]d regels (%[5]q in regel %[6]d): de meting %[1]q van de regel in study.yaml geldt; verwijder de kolom (een overblijfsel van een gekopieerd bestand?), of, als het bestand meer metingen bevat, haal wave: van de regel of noem de kolom, columns: {wave: %[2]q}",
		w.entry, w.header, w.rows, w.read, w.first, w.firstRow)}}
}
