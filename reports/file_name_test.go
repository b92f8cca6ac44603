package reports

import (
	"strings"
	"testing"
)

// Names of any length make file names of at most maxFileName bytes, distinct where the
// names differ after the cut; short names are as before.
func TestFileNameIsBounded(t *testing.T) {
	if got := fileName("Súdwest-Fryslân"); got != "s_dwest-frysl_n" {
		t.Errorf("short name: %q", got)
	}
	a, b := fileName(strings.Repeat("B", 300)), fileName(strings.Repeat("B", 299)+"C")
	if len(a) != maxFileName || len(b) != maxFileName || a == b {
		t.Errorf("long names: %q (%d), %q (%d)", a, len(a), b, len(b))
	}
	if !strings.HasPrefix(a, strings.Repeat("b", maxFileName-9)+"-") {
		t.Errorf("long name: %q", a)
	}
	if got := fileName(strings.Repeat("x", maxFileName)); got != strings.Repeat("x", maxFileName) {
		t.Errorf("a name of exactly maxFileName: %q", got)
	}
}
