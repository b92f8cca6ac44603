package redact

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCorpusSpans writes every span the redactor finds in the project's own texts to
// the file named by REDACT_CORPUS (skipped without it): every line of the text files of
// data/example and testdata/cases (expected outputs left out) and of
// codebook/testdata/*/fragments.yaml, never the blind sets heldout7, heldout8 and heldout9 (blindSet; the blind test
// set of the auto-coder), nor heldout6 (the one before) unless REDACT_CORPUS_ALL is set,
// each distinct line once. Run it at two commits and diff the files to read every
// span a new rule adds: `REDACT_CORPUS=/tmp/new.txt go test -run TestCorpusSpans
// ./pipeline/redact`. The redactor has no listed names and keeps the codebook's words,
// as TestMeasure's; REDACT_CORPUS_NAMES (comma-separated) lists names as a study's
// respondents.
func TestCorpusSpans(t *testing.T) {
	dst := os.Getenv("REDACT_CORPUS")
	if dst == "" {
		t.Skip("REDACT_CORPUS not set")
	}
	var files []string
	for _, root := range []string{"../../data/example", "../../testdata/cases"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && d.Name() == "expected" {
				return filepath.SkipDir
			}
			switch filepath.Ext(p) {
			case ".csv", ".txt", ".tsv", ".yaml", ".md", ".vtt", ".srt":
				files = append(files, p)
			}
			return nil
		})
	}
	frag, _ := filepath.Glob("../../codebook/testdata/*/fragments.yaml")
	for _, f := range frag {
		if blindSet(f) {
			continue
		}
		if !strings.Contains(f, "heldout6") || os.Getenv("REDACT_CORPUS_ALL") != "" {
			files = append(files, f)
		}
	}
	_, opt := readLabelled(t, "testdata/zinnen-controle.txt")
	opt.People, opt.Names = nil, nil
	if n := os.Getenv("REDACT_CORPUS_NAMES"); n != "" {
		opt.People = strings.Split(n, ",") // a study's names, to read what the rules for listed names add
	}
	r := New(measureKeep(t, opt))
	seen := map[string]bool{}
	var lines []string
	words := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if seen[line] {
				continue
			}
			seen[line] = true
			words += len(strings.Fields(line))
			for _, s := range r.Find(line) {
				lines = append(lines, fmt.Sprintf("%s\t%s\t%s", s.Kind, line[s.Start:s.End], strings.TrimSpace(line)))
			}
		}
		fh.Close()
	}
	sort.Strings(lines)
	t.Logf("%d files, %d distinct lines, %d words, %d spans", len(files), len(seen), words, len(lines))
	if err := os.WriteFile(dst, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// blindSet reports whether path names one of the held-out fragment sets that the
// auto-coder's work must not read (codebook/heldout_test.go's blind sets): the redactor's
// rules are not written with them in view either.
func blindSet(path string) bool {
	return strings.Contains(path, "heldout7") || strings.Contains(path, "heldout8") || strings.Contains(path, "heldout9")
}
