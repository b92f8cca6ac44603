package disclosure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A damaged or foreign folder is an error, not "0 recoverable cells": the check would
// otherwise vouch for tables it could not read.
func TestReadPublishedRefusesDamagedFolders(t *testing.T) {
	manifest := `{"tool": "samenspel analyse 0.2.0", "min_cell": 5}`
	table := "group_by,group,n\nall,all,12\nrole,jongerenwerker,7\n"
	for _, tc := range []struct{ name, manifest, table, want string }{
		{"no manifest", "", table, "no manifest.json"},
		{"broken manifest", "{", table, "not one samenspel wrote"},
		{"foreign manifest", `{"tool": "other", "min_cell": 5}`, table, "not one samenspel wrote"},
		{"no min_cell", `{"tool": "samenspel"}`, table, "not one samenspel wrote"},
		{"word as a count", manifest, "group_by,group,n\nall,all,maybe\n", `row 2, column "n": "maybe" is not a count`},
		{"negative count", manifest, "group_by,group,n\nall,all,-1\n", "is not a count"},
		{"NaN as a count", manifest, "group_by,group,n\nall,all,NaN\n", "is not a count"},
		{"good", manifest, table, ""},
	} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "tables"), 0o755)
		os.WriteFile(filepath.Join(dir, "tables", "scales.csv"), []byte(tc.table), 0o644)
		if tc.manifest != "" {
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(tc.manifest), 0o644)
		}
		_, err := ReadPublished(dir)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want it to say %q", tc.name, err, tc.want)
		}
	}
}
