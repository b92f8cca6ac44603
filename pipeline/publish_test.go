package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func TestPublishLeavesEarlierOutputOnFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "output")
	if err := Publish(out, func(tmp string) error {
		writeManifest(t, tmp)
		return os.WriteFile(filepath.Join(tmp, "a.csv"), []byte("first"), 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	err := Publish(out, func(tmp string) error {
		os.WriteFile(filepath.Join(tmp, "a.csv"), []byte("half"), 0o644)
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want the error")
	}
	got, _ := os.ReadFile(filepath.Join(out, "a.csv"))
	if string(got) != "first" {
		t.Errorf("earlier output changed: %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers next to the output: %v", entries)
	}
	if err := Publish(out, func(tmp string) error {
		return os.WriteFile(filepath.Join(tmp, "b.csv"), []byte("second"), 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "a.csv")); !os.IsNotExist(err) {
		t.Error("old file survived a successful run")
	}
}

func writeManifest(t *testing.T, dir string) {
	t.Helper()
	m := `{"tool": "samenspel analyse 0.1.0", "outputs": [{"path": "a.csv"}, {"path": "b.csv"}]}`
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A folder that is not a samenspel output is never replaced: 0.1 renamed it aside and
// removed it, whatever it held.
func TestPublishRefusesAFolderOfOtherFiles(t *testing.T) {
	out := t.TempDir()
	thesis := filepath.Join(out, "proefschrift.docx")
	os.WriteFile(thesis, []byte("years of work"), 0o644)
	err := Publish(out, func(tmp string) error { return nil })
	if !errors.Is(err, ErrUnsafeOutput) {
		t.Fatalf("error %v, want ErrUnsafeOutput", err)
	}
	if b, _ := os.ReadFile(thesis); string(b) != "years of work" {
		t.Error("the folder's file was touched")
	}
	// Someone else's manifest.json does not count either.
	os.WriteFile(filepath.Join(out, "manifest.json"), []byte(`{"tool": "other"}`), 0o644)
	if err := Publish(out, func(string) error { return nil }); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("foreign manifest: error %v, want ErrUnsafeOutput", err)
	}
	file := filepath.Join(t.TempDir(), "report.docx")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := Publish(file, func(string) error { return nil }); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("a file as output: error %v, want ErrUnsafeOutput", err)
	}
}

// A killed run leaves its temporary folder; the next run removes it, and only folders
// that carry samenspel's marker of a process that no longer runs.
func TestPublishRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	stale := filepath.Join(parent, ".output.tmp-123")
	os.MkdirAll(stale, 0o755)
	os.WriteFile(filepath.Join(stale, partialMarker), []byte("999999999\n"), 0o600)
	os.WriteFile(filepath.Join(stale, "report.html"), []byte("half"), 0o644)
	foreign := filepath.Join(parent, ".output.tmp-456") // no marker: not ours
	os.MkdirAll(foreign, 0o755)
	live := filepath.Join(parent, ".output.tmp-789") // marked by a process that runs
	os.MkdirAll(live, 0o755)
	os.WriteFile(filepath.Join(live, partialMarker), []byte(strconv.Itoa(os.Getppid())+"\n"), 0o600)
	if err := Publish(out, func(tmp string) error { writeManifest(t, tmp); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the stale folder of a killed run survived")
	}
	for _, d := range []string{foreign, live} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed", d)
		}
	}
	if _, err := os.Stat(filepath.Join(out, partialMarker)); !os.IsNotExist(err) {
		t.Error("the marker was published")
	}
}

// A researcher's own file saved into an earlier output folder is not deleted with it: the
// folder is replaced only when it holds nothing but what its manifest lists.
func TestPublishKeepsFilesTheManifestDoesNotList(t *testing.T) {
	out := filepath.Join(t.TempDir(), "output")
	if err := Publish(out, func(tmp string) error {
		writeManifest(t, tmp)
		return os.WriteFile(filepath.Join(tmp, "a.csv"), []byte("first"), 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(out, "eigen", "aantekeningen.docx")
	os.MkdirAll(filepath.Dir(notes), 0o755)
	os.WriteFile(notes, []byte("mijn notities"), 0o644)
	err := Publish(out, func(tmp string) error { writeManifest(t, tmp); return nil })
	if !errors.Is(err, ErrUnsafeOutput) {
		t.Fatalf("error %v, want ErrUnsafeOutput", err)
	}
	if b, _ := os.ReadFile(notes); string(b) != "mijn notities" {
		t.Error("the researcher's file was deleted")
	}
	// A manifest that says samenspel but lists nothing is not samenspel's.
	fake := t.TempDir()
	os.WriteFile(filepath.Join(fake, "manifest.json"), []byte(`{"tool":"samenspel 1.0"}`), 0o644)
	os.WriteFile(filepath.Join(fake, "thesis.docx"), []byte("x"), 0o644)
	if err := Publish(fake, func(string) error { return nil }); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("fake manifest: error %v, want ErrUnsafeOutput", err)
	}
}

// A key file reached through a link that points at the output folder before the folder
// exists is inside the output all the same.
func TestKeyFileThroughADanglingLinkIntoTheOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte("name: c\nfactors: []\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("respondent;gemeente\n1;Bergdorp\n"), 0o644)
	out := filepath.Join(t.TempDir(), "uit")
	link := filepath.Join(t.TempDir(), "naar-uit")
	if err := os.Symlink(out, link); err != nil { // out does not exist yet
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: codebook.yaml\nsurvey: [a.csv]\nprivacy:\n  key_file: "+filepath.Join(link, "sleutel.csv")+"\n"), 0o644)
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckKeyFile(s.Privacy.KeyFile, out); !errors.Is(err, ErrUnsafeOutput) {
		t.Errorf("error %v, want ErrUnsafeOutput", err)
	}
}

// TestPublishKeepsTheFolderMode: a rerun keeps the permissions the researcher gave the
// output folder (it was set to 0755 on every run, opening a folder closed to others).
func TestPublishKeepsTheFolderMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	out := filepath.Join(t.TempDir(), "output")
	write := func(tmp string) error {
		writeManifest(t, tmp)
		return nil
	}
	if err := Publish(out, write); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o700, 0o750, 0o500} {
		if err := os.Chmod(out, mode); err != nil {
			t.Fatal(err)
		}
		if err := Publish(out, write); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(out); fi.Mode().Perm() != mode {
			t.Errorf("output folder mode %v after a rerun, want %v", fi.Mode().Perm(), mode)
		}
		// Nothing left behind: no marker inside, no hidden copy of the earlier output
		// beside it (a read-only output left both).
		if _, err := os.Stat(filepath.Join(out, partialMarker)); !os.IsNotExist(err) {
			t.Errorf("mode %v: the marker stayed in the output", mode)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
			t.Errorf("mode %v: beside the output: %v", mode, entries)
		}
	}
	os.Chmod(out, 0o700) // for t.TempDir's removal
}
