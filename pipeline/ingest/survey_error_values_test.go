package ingest

import (
	"errors"
	"testing"
)

// TestSheetErrorValues: Google Sheets', LibreOffice's and localised Excel 365 error values
// are cells without a value (attack 15, F06); words that only look alike are not.
func TestSheetErrorValues(t *testing.T) {
	for _, v := range []string{"#ERROR!", "#error!", "Err:502", "err:522", "Err:539", "#ÜBERLAUF!", "#überlauf!",
		"#DESBORDAMIENTO!", "#¡DESBORDAMIENTO!", "#OVERLOOP!", "#OVERLOPEN!", "#EPARS!", "#PROPAGATION!", "#ESPANSIONE!", "#KALK!"} {
		if err := brokenCell(v, 0, cellFaults{}); !errors.Is(err, ErrBrokenCell) {
			t.Errorf("%q: %v, want ErrBrokenCell", v, err)
		}
	}
	for _, v := range []string{"Err:5", "Err:5021", "Err:402", "Errands", "Eerbeek", "Error", "#1", "#Bergdorp!", "E", ""} {
		if err := brokenCell(v, 0, cellFaults{}); err != nil {
			t.Errorf("%q: %v, want a value", v, err)
		}
	}
}
