package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

func TestRenameReservedCoders(t *testing.T) {
	d := &model.Dataset{Codings: []model.Coding{{Coder: "auto"}, {Coder: "Anouk"}, {Coder: " Auto-Learned"}, {Coder: "auto"}}}
	var warnings []error
	renameReservedCoders(d, "nl", &warnings)
	want := []string{"auto (codeur)", "Anouk", "Auto-Learned (codeur)", "auto (codeur)"}
	for i, c := range d.Codings {
		if c.Coder != want[i] {
			t.Errorf("coding %d: coder %q, want %q", i, c.Coder, want[i])
		}
	}
	if len(warnings) != 2 {
		t.Errorf("warnings %v, want one per name", warnings)
	}
}
