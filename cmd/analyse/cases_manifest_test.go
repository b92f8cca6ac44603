package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// checkManifestCodebook compares, for a case with expected/manifest_codebook.json, the
// codebook object of the run's manifest.json (its file, checksum, and the calibration
// and model files the auto-coder read, with theirs), indented, with that file.
func checkManifestCodebook(t *testing.T, written string, check func(file string, got []byte)) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(written, "manifest.json"))
	if err != nil {
		t.Errorf("manifest.json: %v", err)
		return
	}
	var m struct {
		Codebook json.RawMessage `json:"codebook"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Errorf("manifest.json: %v", err)
		return
	}
	var v any
	if err := json.Unmarshal(m.Codebook, &v); err != nil {
		t.Errorf("manifest.json: codebook: %v", err)
		return
	}
	out, _ := json.MarshalIndent(v, "", "  ")
	check("manifest_codebook.json", append(out, '\n'))
}
