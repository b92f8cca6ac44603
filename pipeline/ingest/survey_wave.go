package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// waveHeaders are the header names of a survey's wave column (study.yaml may name
// another: columns: {wave: ...}).
var waveHeaders = []string{"wave", "meting", "meetmoment"}

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
