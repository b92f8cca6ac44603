package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// keyStudyAt makes a study folder (a survey a.csv) whose key_file is key, relative to it.
func keyStudyAt(t *testing.T, dir, key string) *Study {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte("name: c\nfactors: []\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("respondent;gemeente\n1;Bergdorp\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: codebook.yaml\nsurvey: [a.csv]\nprivacy:\n  key_file: "+key+"\n"), 0o644)
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestKeyFileOfEachStudy: two studies in one folder that both name ../sleutel.csv (as
// `analyse init` once proposed) do not overwrite each other's key, while a study reruns
// over its own key, and over an older key (no study column) when every respondent in it
// is still one of the run's.
func TestKeyFileOfEachStudy(t *testing.T) {
	root := t.TempDir()
	a := keyStudyAt(t, filepath.Join(root, "wijk-a"), "../sleutel.csv")
	b := keyStudyAt(t, filepath.Join(root, "wijk-b"), "../sleutel.csv")
	out := func(s *Study) string { return filepath.Join(s.Dir, "output") }
	keyA := [][2]string{{"R1", "JW-01"}, {"R2", "JZ-01"}}
	if err := a.CheckKeyFile(a.Privacy.KeyFile, out(a)); err != nil {
		t.Fatal(err)
	}
	if err := a.WriteKey(keyA); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "sleutel.csv")
	written, _ := os.ReadFile(path)
	wantA := "respondent,pseudonym,study\nR1,JW-01,wijk-a\nR2,JZ-01,wijk-a\n" // the study as seen from the key's folder
	if string(written) != wantA {
		t.Fatalf("key file:\n%s\nwant:\n%s", written, wantA)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	// The same study again, with a respondent less: its own key is replaced.
	if err := a.CheckKeyFile(a.Privacy.KeyFile, out(a)); err != nil {
		t.Errorf("rerun of study a: %v", err)
	}
	if err := a.CheckKeyReplace(a.Privacy.KeyFile, keyA[:1]); err != nil {
		t.Errorf("rerun of study a: %v", err)
	}
	// Study b is refused before its run and at the write, and a's key stays.
	for _, err := range []error{b.CheckKeyFile(b.Privacy.KeyFile, out(b)), b.WriteKey([][2]string{{"X9", "JW-01"}})} {
		if !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "another study") || !strings.Contains(err.Error(), "sleutel-wijk-b.csv") {
			t.Errorf("study b: error %v, want ErrUnsafeOutput naming another study and proposing sleutel-wijk-b.csv", err)
		}
	}
	if now, _ := os.ReadFile(path); string(now) != wantA {
		t.Errorf("study a's key changed:\n%s", now)
	}
	// An older key without the study column: replaced when the run holds all its
	// respondents, refused when it holds others.
	os.WriteFile(path, []byte("\ufeffrespondent,pseudonym\nR1,JW-01\nR2,JZ-01\n"), 0o600)
	if err := b.CheckKeyFile(b.Privacy.KeyFile, out(b)); err != nil {
		t.Errorf("older key before the run: %v", err)
	}
	if err := b.CheckKeyReplace(b.Privacy.KeyFile, [][2]string{{"R2", "JW-01"}, {"R1", "JW-02"}, {"R3", "JZ-01"}}); err != nil {
		t.Errorf("older key of the same respondents: %v", err)
	}
	err := b.CheckKeyReplace(b.Privacy.KeyFile, [][2]string{{"R1", "JW-01"}, {"X9", "JZ-01"}})
	if !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "1 respondent(s), of 2") {
		t.Errorf("older key of other respondents: error %v, want ErrUnsafeOutput counting 1 of 2", err)
	}
}

// TestKeyFileRefusedBeforeTheRun: a key path whose folder is a file, and a file there
// that is not a key, are refused by CheckKeyFile, which runs before anything is read or
// published (they were found only after the output had been replaced).
func TestKeyFileRefusedBeforeTheRun(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notities.txt"), []byte("mijn notities\n"), 0o644)
	for _, key := range []string{"notities.txt", "notities.txt/sleutel.csv"} {
		s := keyStudyAt(t, dir, key)
		if err := s.CheckKeyFile(key, filepath.Join(dir, "output")); !errors.Is(err, ErrUnsafeOutput) {
			t.Errorf("key_file %s: error %v, want ErrUnsafeOutput", key, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notities.txt")); string(b) != "mijn notities\n" {
		t.Errorf("notities.txt changed: %q", b)
	}
}

// TestKeyFileThroughALink: a key_file that is a link to where the researcher keeps the
// key (an encrypted volume) is written there, and the link stays (a first version put a
// plain copy of the key in the link's place, in the study folder).
func TestKeyFileThroughALink(t *testing.T) {
	vault := filepath.Join(t.TempDir(), "kluis")
	os.Mkdir(vault, 0o700)
	dir := t.TempDir()
	link := filepath.Join(dir, "sleutel.csv")
	if err := os.Symlink(filepath.Join(vault, "sleutel.csv"), link); err != nil {
		t.Skip(err)
	}
	s := keyStudyAt(t, dir, "sleutel.csv")
	for range 2 { // the target does not exist yet, and then it does
		if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(dir, "output")); err != nil {
			t.Fatal(err)
		}
		if err := s.WriteKey([][2]string{{"R1", "JW-01"}}); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link was replaced: %v %v", fi.Mode(), err)
		}
		if b, _ := os.ReadFile(filepath.Join(vault, "sleutel.csv")); !strings.Contains(string(b), "R1,JW-01,") {
			t.Fatalf("key in the vault: %q", b)
		}
	}
}

// TestKeyFileOfOtherColumns: a list of the researcher's whose first columns are
// respondent and pseudonym but that has more (naam, telefoon, toestemming) is no key and
// is not overwritten; a key saved again by Excel with Dutch settings (";") is a key.
func TestKeyFileOfOtherColumns(t *testing.T) {
	dir := t.TempDir()
	s := keyStudyAt(t, dir, "deelnemers.csv")
	list := "respondent,pseudonym,naam,telefoon,ouder_toestemming\nP01,JW-01,Mila de Vries,0612345678,ja\n"
	os.WriteFile(filepath.Join(dir, "deelnemers.csv"), []byte(list), 0o600)
	if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(dir, "output")); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("a list with more columns: error %v, want ErrUnsafeOutput", err)
	}
	if err := s.WriteKey([][2]string{{"P01", "JW-01"}}); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("a list with more columns written over: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "deelnemers.csv")); string(b) != list {
		t.Errorf("the list changed: %q", b)
	}
	excel := "respondent;pseudonym;study\r\nP01;JW-01;" + resolved(dir) + "\r\n"
	os.WriteFile(filepath.Join(dir, "deelnemers.csv"), []byte(excel), 0o600)
	if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(dir, "output")); err != nil {
		t.Errorf("a key saved by Dutch Excel: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "deelnemers.csv"), []byte("respondent;pseudonym;study\r\nP01;JW-01;/elders/onderzoek\r\n"), 0o600)
	if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(dir, "output")); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("another study's key saved by Dutch Excel: %v", err)
	}
}

// TestKeyFileStudyMoved: a study and its key moved together (or reached where a shared
// drive lies elsewhere) are still each other's; a link into a folder that does not exist
// (a volume not mounted) is refused, not followed into the disk beneath.
func TestKeyFileStudyMoved(t *testing.T) {
	root := t.TempDir()
	a := keyStudyAt(t, filepath.Join(root, "eerst", "wijk-a"), "../sleutel.csv")
	if err := a.WriteKey([][2]string{{"R1", "JW-01"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, "eerst"), filepath.Join(root, "later")); err != nil {
		t.Fatal(err)
	}
	moved := keyStudyAt(t, filepath.Join(root, "later", "wijk-a"), "../sleutel.csv")
	if err := moved.CheckKeyFile(moved.Privacy.KeyFile, filepath.Join(moved.Dir, "output")); err != nil {
		t.Errorf("the study moved with its key: %v", err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "kluis-niet-gekoppeld", "sleutels", "sleutel.csv"), filepath.Join(dir, "sleutel.csv")); err != nil {
		t.Skip(err)
	}
	s := keyStudyAt(t, dir, "sleutel.csv")
	if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(dir, "output")); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "mounted") {
		t.Errorf("a link into a folder that does not exist: error %v, want a refusal asking whether the volume is mounted", err)
	}
	if err := s.WriteKey([][2]string{{"R1", "JW-01"}}); err == nil {
		t.Error("the key was written through a link into a folder that does not exist")
	}
	if _, err := os.Stat(filepath.Join(root, "kluis-niet-gekoppeld")); !os.IsNotExist(err) {
		t.Error("a folder was made where the volume should be mounted")
	}
	// (a third review) the key's folder is the link, and its target is missing
	dir2 := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "kluis2", "sleutels"), filepath.Join(dir2, "kluis")); err != nil {
		t.Skip(err)
	}
	s2 := keyStudyAt(t, dir2, "kluis/sleutel.csv")
	if err := s2.CheckKeyFile(s2.Privacy.KeyFile, filepath.Join(dir2, "output")); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "mounted") {
		t.Errorf("a key folder that is a link to a missing folder: error %v, want a refusal asking whether the volume is mounted", err)
	}
	if err := s2.WriteKey([][2]string{{"R1", "JW-01"}}); err == nil {
		t.Error("the key was written beneath a link to a missing folder")
	}
	if _, err := os.Stat(filepath.Join(root, "kluis2")); !os.IsNotExist(err) {
		t.Error("a folder was made beneath the link")
	}
}

// TestKeyFileFreshFolderThroughALinkedParent: a study reached through a linked folder
// (/tmp on macOS is one) keeps its key in a folder that does not exist yet: made, not
// refused; only a missing folder beneath a link that is itself on the key's path is.
func TestKeyFileFreshFolderThroughALinkedParent(t *testing.T) {
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "tmp")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	s := keyStudyAt(t, filepath.Join(link, "onderzoek", "wijk-a"), "../sleutels/wijk-a.csv")
	if err := s.CheckKeyFile(s.Privacy.KeyFile, filepath.Join(s.Dir, "output")); err != nil {
		t.Fatalf("a fresh key folder under a linked parent: %v", err)
	}
	if err := s.WriteKey([][2]string{{"R1", "JW-01"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(real, "onderzoek", "sleutels", "wijk-a.csv")); err != nil {
		t.Errorf("key not written: %v", err)
	}
}

// TestKeyEarlierKept: a key replaced by one with other pseudonyms (the data changed) is
// kept beside it, owner-only and with its own modification time, under the first free
// number that no input pattern matches; a key that differs in form only, and one kept
// already (runs going back and forth), are not kept again (a review of the first version
// found eight copies of two keys after six runs).
func TestKeyEarlierKept(t *testing.T) {
	root := t.TempDir()
	s := keyStudyAt(t, filepath.Join(root, "wijk-a"), "../sleutel.csv")
	path := filepath.Join(root, "sleutel.csv")
	first := [][2]string{{"R1", "JW-01"}, {"R2", "JZ-01"}}
	second := [][2]string{{"R1", "JZ-01"}, {"R2", "JW-01"}, {"R3", "JW-02"}}
	run := func(key [][2]string) string {
		t.Helper()
		kept, err := s.KeepEarlierKey(key)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteKey(key); err != nil {
			t.Fatal(err)
		}
		return kept
	}
	if kept := run(first); kept != "" {
		t.Fatalf("first key: kept %q", kept)
	}
	firstBytes, _ := os.ReadFile(path)
	then := time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
	os.Chtimes(path, then, then)
	if kept := run(first); kept != "" {
		t.Fatalf("the same key again: kept %q", kept)
	}
	// The same pairs saved again by Excel with ";" and CRLF: no other pseudonyms.
	os.WriteFile(path, []byte("respondent;pseudonym;study\r\nR1;JW-01;wijk-a\r\nR2;JZ-01;wijk-a\r\n"), 0o600)
	os.Chtimes(path, then, then)
	if kept, err := s.KeepEarlierKey(first); err != nil || kept != "" {
		t.Fatalf("the same pairs in Excel's form: kept %q, %v", kept, err)
	}
	os.WriteFile(path, firstBytes, 0o600)
	os.Chtimes(path, then, then)
	os.WriteFile(filepath.Join(root, "sleutel.1.csv"), []byte("a file of the researcher's\n"), 0o644)
	kept := run(second)
	if kept != filepath.Join(root, "sleutel.2.csv") {
		t.Fatalf("second key: kept %q; want sleutel.2.csv (sleutel.1.csv is taken)", kept)
	}
	if b, _ := os.ReadFile(kept); string(b) != string(firstBytes) {
		t.Errorf("kept key:\n%s\nwant the first:\n%s", b, firstBytes)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "sleutel.1.csv")); string(b) != "a file of the researcher's\n" {
		t.Errorf("sleutel.1.csv was overwritten: %q", b)
	}
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o600 || !fi.ModTime().Equal(then) {
		t.Errorf("kept key: %v, want mode 0600 and modified %v", fi, then)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "R3,JW-02,wijk-a") {
		t.Errorf("new key not written: %s", b)
	}
	if kept := run(second); kept != "" {
		t.Errorf("the second key again: kept %q", kept)
	}
	// Back to the first data, and on to the second again: each earlier key is kept once.
	if kept := run(first); kept != filepath.Join(root, "sleutel.3.csv") {
		t.Errorf("back to the first key: kept %q, want sleutel.3.csv (the second key)", kept)
	}
	if kept := run(second); kept != "" {
		t.Errorf("on to the second key again: kept %q, want nothing (sleutel.2.csv holds the first)", kept)
	}
}

// TestKeyEarlierKeptNotAnInput: the copy's name is one no input pattern of the study
// matches (a review found sleutel.1.csv read as a survey by the pattern "*[0-9].csv").
func TestKeyEarlierKeptNotAnInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte("name: c\nfactors: []\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "enquete_2025.csv"), []byte("respondent;gemeente\n1;Bergdorp\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: codebook.yaml\nsurvey: [\"*[0-9].csv\"]\nprivacy:\n  key_file: sleutel.csv\n"), 0o644)
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteKey([][2]string{{"1", "R-01"}}); err != nil {
		t.Fatal(err)
	}
	kept, err := s.KeepEarlierKey([][2]string{{"1", "R-02"}})
	if err != nil || kept == "" {
		t.Fatalf("kept %q, %v", kept, err)
	}
	if s.readAsInput(kept) {
		t.Errorf("kept as %s, which the pattern *[0-9].csv reads", kept)
	}
}
