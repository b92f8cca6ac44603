package synth

import (
	"bytes"
	"os"
	"path/filepath"
)

// syntheticMark opens the study.yaml that Write writes; a study.yaml that opens with it was
// written by analyse synth.
const syntheticMark = "# A synthetic study written by `analyse synth`"

// Files lists the files Write writes for c, relative to the study folder.
func (c Config) Files() []string {
	files := []string{StudyFile, CodebookFile}
	if c.Segments > 0 {
		files = append(files, RespondentsFile, SegmentsFile)
	}
	if c.Respondents > 0 {
		for k := range c.surveyFiles() {
			for _, f := range c.Formats {
				files = append(files, c.surveyFile(k, f))
			}
		}
	}
	return files
}

// Existing lists the files of c that are already in dir (anything at their path: a file,
// a folder, a link), which Write would overwrite.
func Existing(dir string, c Config) []string {
	var out []string
	for _, f := range c.Files() {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// Links lists the files of c already in dir that are not regular files (links, folders,
// devices): Write would write through a link to somewhere else, so they are never
// replaced, not even with -force.
func Links(dir string, c Config) []string {
	var out []string
	for _, f := range c.Files() {
		if fi, err := os.Lstat(filepath.Join(dir, f)); err == nil && !fi.Mode().IsRegular() {
			out = append(out, f)
		}
	}
	return out
}

// IsSynthetic reports whether dir holds a study.yaml written by analyse synth: only such a
// study may be overwritten (with -force), never a researcher's own.
func IsSynthetic(dir string) bool {
	p := filepath.Join(dir, StudyFile)
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	data, err := os.ReadFile(p)
	return err == nil && bytes.HasPrefix(data, []byte(syntheticMark))
}
