package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected files of testdata/cases")

// TestCases runs every case under testdata/cases/<topic>/<name>/, Miller-style.
//
// A case is a study folder with an expected/ folder. Its optional `cmd` file holds one
// line, the arguments after `analyse`, in which STUDY stands for a fresh copy of the case
// folder (without expected/) and OUT for an output folder that does not exist yet; without
// `cmd` the case runs `run STUDY -o OUT -quiet`; several lines run one after the other
// (stopping at a non-zero exit status), and what they print is joined. expected/exit, expected/stdout and
// expected/stderr are compared when present (for a non-zero exit status, exit and stderr
// always), with the temporary paths written back as STUDY and OUT; expected/changed lists
// the study's files that the commands are meant to change; expected/<table>.csv
// (or the names in expected/TABLES) against OUT/tables/<table>.csv; expected/manifest_codebook.json
// against the codebook object of OUT/manifest.json. Every case also checks
// that the run left every file of the study as it was, and that a failed run wrote no
// output. `go test ./cmd/analyse -run TestCases -update` rewrites the expected files on
// purpose.
func TestCases(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/cases/*/*")
	if len(dirs) == 0 {
		t.Fatal("no cases found")
	}
	for _, dir := range dirs {
		name := strings.TrimPrefix(filepath.ToSlash(dir), "../../testdata/cases/")
		t.Run(name, func(t *testing.T) { runCase(t, dir) })
	}
}

func runCase(t *testing.T, dir string) {
	expected := filepath.Join(dir, "expected")
	// The copy sits as deep as the case does, beside a link to the project's data/, so
	// that a study.yaml naming ../../../../data/codebooks/... reads the same codebook.
	tmp := t.TempDir()
	rel, _ := filepath.Rel("../..", dir)
	study := filepath.Join(tmp, rel)
	out := filepath.Join(tmp, "out")
	if err := copyTree(dir, study, "expected"); err != nil {
		t.Fatal(err)
	}
	data, _ := filepath.Abs("../../data")
	if err := os.Symlink(data, filepath.Join(tmp, "data")); err != nil {
		t.Fatal(err)
	}
	// cmd holds one command a line; they run in order, and what they print is joined.
	commands := [][]string{{"run", "STUDY", "-o", "OUT", "-quiet"}}
	if b, err := os.ReadFile(filepath.Join(dir, "cmd")); err == nil {
		commands = nil
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				commands = append(commands, f)
			}
		}
	}
	// The output folder the last command that writes one writes: -o, or output/ in the
	// study for `run` (a later `check -disclosure OUT` reads it and writes none).
	written := ""
	for _, args := range commands {
		for i, a := range args {
			a = strings.ReplaceAll(a, "STUDY", study)
			args[i] = strings.ReplaceAll(a, "OUT", out)
		}
		w := ""
		for i, a := range args {
			if a == "-o" && i+1 < len(args) {
				w = args[i+1]
			}
		}
		if w == "" && args[0] == "run" {
			w = filepath.Join(study, "output")
		}
		if w != "" {
			written = w
		}
	}
	// Files of the study that the case's commands are meant to change (analyse check
	// -write-codebook edits the codebook), one a line in expected/changed.
	changed := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(expected, "changed")); err == nil {
		for _, f := range strings.Fields(string(b)) {
			changed[filepath.FromSlash(f)] = true
		}
	}
	before, err := treeHashes(study)
	if err != nil {
		t.Fatal(err)
	}
	var so, se bytes.Buffer
	code := 0
	for _, args := range commands {
		if code = run(args, &so, &se); code != 0 {
			break
		}
	}
	// Paths in what the run printed are written back as STUDY and OUT.
	unpath := func(b []byte) []byte {
		s := strings.ReplaceAll(string(b), out, "OUT")
		return []byte(strings.ReplaceAll(s, study, "STUDY"))
	}

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
	exists := func(file string) bool {
		_, err := os.Stat(filepath.Join(expected, file))
		return err == nil
	}
	if exists("exit") || code != 0 {
		check("exit", []byte(strconv.Itoa(code)+"\n"))
	}
	if exists("stderr") || code != 0 {
		check("stderr", unpath(se.Bytes()))
	}
	if exists("stdout") {
		check("stdout", unpath(so.Bytes()))
	}

	// The study is untouchable: every file it held is still there, unchanged.
	after, err := treeHashes(study)
	if err != nil {
		t.Fatal(err)
	}
	for f, h := range before {
		if withinDir(filepath.Join(study, f), written) || changed[f] {
			continue // the earlier output, which a run replaces, or a file meant to change
		}
		if after[f] != h {
			t.Errorf("the run changed or removed the study's file %s", f)
		}
	}
	if code == exitBadInput || code == exitUsage {
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Error("output written by a failed run")
		}
		return
	}

	var tables []string
	if b, err := os.ReadFile(filepath.Join(expected, "TABLES")); err == nil {
		tables = strings.Fields(string(b))
	}
	files, _ := filepath.Glob(filepath.Join(expected, "*.csv"))
	for _, f := range files {
		tables = append(tables, strings.TrimSuffix(filepath.Base(f), ".csv"))
	}
	if exists("manifest_codebook.json") {
		checkManifestCodebook(t, written, check) // cases_manifest_test.go
	}
	if len(tables) == 0 && !exists("stdout") && !exists("stderr") && !exists("manifest_codebook.json") {
		t.Fatal("the case pins nothing: list tables in expected/TABLES or add expected/stdout")
	}
	seen := map[string]bool{}
	for _, tab := range tables {
		if seen[tab] {
			continue
		}
		seen[tab] = true
		got, err := os.ReadFile(filepath.Join(written, "tables", tab+".csv"))
		if err != nil {
			t.Errorf("table %s: %v", tab, err)
			continue
		}
		check(tab+".csv", got)
	}
}

// copyTree copies the regular files under src to dst, leaving out the folder named skip
// at the top.
func copyTree(src, dst, skip string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if rel == skip {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if rel == "cmd" {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 { // a case may hold a link, as a study may
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, filepath.Join(dst, rel))
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

// treeHashes returns the sha256 of every regular file under dir, by relative path.
func treeHashes(dir string) (map[string][32]byte, error) {
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	return out, err
}

// within reports whether path is dir or lies inside it.
func withinDir(path, dir string) bool {
	if dir == "" {
		return false
	}
	return within(path, dir)
}
