package sheet

import "github.com/samenspel/samenspel/pipeline/model"

// Damaged cells (readers15). A cell whose shared string index the workbook lacks or is
// no number (t="s", <v>99</v> or <v>abc</v>), or whose style is no number (s="abc"):
// no reader can say what it holds (excelize reads it as empty, as another cell's
// text, or leaves it out). Before, the first stopped the run, and a damaged cell in an
// otherwise good export of 10,000 rows lost all of them. The reader now gives such a
// cell as "" in Row and names it in Damaged, so that the readers above reject the
// answer, cell or row it is (with file, sheet, row and cell) and the run goes on;
// ingest scans the worksheet for the same cells where excelize reads, so that both
// paths decide alike.

// ErrDamagedCell is wrapped by the reason of a damaged cell (Damage.Err).
var ErrDamagedCell = model.NewKind("damaged cell", "beschadigde cel")

// Damage is a damaged cell of the current row: its column (0-based) and why.
type Damage struct {
	Col int
	Err error
}

// Damaged returns the damaged cells of the current row, left to right; Row gives them
// as "". The slice holds until the next call of Next.
func (r *Rows) Damaged() []Damage {
	if !r.cur {
		return nil
	}
	return r.damaged
}

// SharedIndexDamage is the reason of a shared string index (v) a workbook of n shared
// strings lacks, or that is no number.
func SharedIndexDamage(v []byte, n int) error {
	return model.Reasonf("shared string index %q, but the workbook has %d shared strings: %w", "index %q van een gedeelde tekst, maar de werkmap heeft %d gedeelde teksten: %v", v, n, ErrDamagedCell)
}

// StyleDamage is the reason of a cell style (s) that is no number.
func StyleDamage(s []byte) error {
	return model.Reasonf("the cell's style %q is no number: %w", "de stijl %q van de cel is geen getal: %v", s, ErrDamagedCell)
}
