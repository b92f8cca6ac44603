package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// Input file names are data: researchers name files after people and groups
// ("Interview Jan de Vries Bergdorp.docx", "JW_Bakker.xlsx"), and the outputs name
// input files in rejects.csv, unmapped_codes.csv, the report's and the summary's input
// list, manifest.json, the warnings and review.qdpx. Every such name is the path
// relative to the study folder, redacted by the file-name rules (redact.RedactPath):
// "interviews/Interview [naam] Bergdorp.docx". Where the redaction changed the name,
// the first eight hex digits of the file's SHA-256 follow it, "(sha256 1a2b3c4d)", so
// that two files both published as "Interview [naam].docx" stay apart and the
// researcher finds the file (`sha256sum interviews/*`). The hash is of the file's
// contents, which manifest.json publishes anyway, not of its name: nobody without the
// file can test a guess at the name against it. The terminal's error messages that stop
// a run keep the real path: they stay on the researcher's screen.

// filePublisher gives each input file's published name, once per path.
type filePublisher struct {
	red  *redact.Redactor
	rel  func(string) string
	sha  map[string]string // path as read → SHA-256 (hex) of its bytes
	done map[string]string
}

func newFilePublisher(red *redact.Redactor, rel func(string) string, files []model.FileCount) *filePublisher {
	f := &filePublisher{red: red, rel: rel, sha: make(map[string]string, len(files)), done: map[string]string{}}
	for _, c := range files {
		if c.SHA256 != "" {
			f.sha[c.Path] = c.SHA256
			f.sha[rel(c.Path)] = c.SHA256
		}
	}
	return f
}

// name returns the published name of the input file at path (see above).
func (f *filePublisher) name(path string) string {
	if out, ok := f.done[path]; ok {
		return out
	}
	rel := f.rel(path)
	out := f.red.RedactPath(rel)
	if out != rel {
		if h := f.sha[path]; len(h) >= 8 {
			out += " (sha256 " + h[:8] + ")"
		}
	}
	f.done[path] = out
	return out
}

// onceBy returns f remembering its results: a document name repeats over its segments.
func onceBy(f func(string) string) func(string) string {
	done := map[string]string{}
	return func(s string) string {
		out, ok := done[s]
		if !ok {
			out = f(s)
			done[s] = out
		}
		return out
	}
}

// reviewNames names each review file as the protect stage published it (p.Files), so
// that its rejects name it alike; other paths by fallback.
func reviewNames(p *protected.Dataset, reviews []reviewFile, fallback func(string) string) func(string) string {
	names := map[string]string{}
	for _, f := range reviews {
		if f.index >= 0 && f.index < len(p.Files) {
			names[f.path] = p.Files[f.index].Path
		}
	}
	return func(path string) string {
		if n, ok := names[path]; ok {
			return n
		}
		return fallback(path)
	}
}

// publishedLocation is a reject's location with its sheet and its part (a source of a
// REFI-QDA project) named by the file-name rules, as the input list names sheets: a
// workbook with a sheet per young person ('sheet "noa", row 4') published the name
// through rejects.csv, where the location was redacted as running text only (0.9.0).
func publishedLocation(x model.Reject, r *redact.Redactor) string {
	x.Sheet, x.Part = r.RedactPath(x.Sheet), r.RedactPath(x.Part)
	return x.Location()
}
