package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected files of testdata/cases")

// TestCases runs every study under testdata/cases/<topic>/<name>/ and compares its
// output with the case's expected/ folder: expected/<table>.csv against tables/<table>.csv,
// expected/exit against the exit status and expected/stderr against what the run printed
// on stderr. A new behaviour is a new folder; `go test ./cmd/analyse -run TestCases
// -update` rewrites the expected files on purpose (the tables a case pins are the files
// already in expected/, or, for a new case, those listed in expected/TABLES).
func TestCases(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/cases/*/*")
	if len(dirs) == 0 {
		t.Fatal("no cases found")
	}
	for _, dir := range dirs {
		name := strings.TrimPrefix(filepath.ToSlash(dir), "../../testdata/cases/")
		t.Run(name, func(t *testing.T) {
			expected := filepath.Join(dir, "expected")
			out := filepath.Join(t.TempDir(), "out")
			var so, se bytes.Buffer
			code := run([]string{"run", dir, "-o", out, "-quiet"}, &so, &se)
			check := func(file string, got []byte) {
				path := filepath.Join(expected, file)
				if *update {
					os.MkdirAll(expected, 0o755)
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%s: %v (run with -update to create it)", path, err)
				}
				if !bytes.Equal(want, got) {
					t.Errorf("%s differs from the output:\n--- want\n%s\n--- got\n%s", path, want, got)
				}
			}
			if _, err := os.Stat(filepath.Join(expected, "exit")); err == nil || code != 0 {
				check("exit", []byte(strings.TrimSpace(string(rune('0'+code)))+"\n"))
				check("stderr", se.Bytes())
				if code != 0 {
					if _, err := os.Stat(out); !os.IsNotExist(err) {
						t.Error("output written by a failed run")
					}
					return
				}
			}
			var tables []string
			if b, err := os.ReadFile(filepath.Join(expected, "TABLES")); err == nil {
				tables = strings.Fields(string(b))
			}
			files, _ := filepath.Glob(filepath.Join(expected, "*.csv"))
			for _, f := range files {
				tables = append(tables, strings.TrimSuffix(filepath.Base(f), ".csv"))
			}
			if len(tables) == 0 {
				t.Fatal("the case pins no table: list some in expected/TABLES")
			}
			seen := map[string]bool{}
			for _, tab := range tables {
				if seen[tab] {
					continue
				}
				seen[tab] = true
				got, err := os.ReadFile(filepath.Join(out, "tables", tab+".csv"))
				if err != nil {
					t.Errorf("table %s: %v", tab, err)
					continue
				}
				check(tab+".csv", got)
			}
		})
	}
}
