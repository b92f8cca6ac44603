package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPublishLeavesEarlierOutputOnFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "output")
	if err := Publish(out, func(tmp string) error {
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
