package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/ingest"
)

// TestReviewProject: `outputs: [qdpx]` writes the study with human and automatic codings
// as a REFI-QDA project that validates against the QDA-XML schema and reads back through
// the project's own .qdpx reader with every segment and coding.
func TestReviewProject(t *testing.T) {
	s, err := LoadStudy("../data/example")
	if err != nil {
		t.Fatal(err)
	}
	s.Outputs = []string{"csv", "qdpx"}
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	var qdpx []byte
	for _, f := range out.Results.Files {
		if f.Path == ReviewFile {
			qdpx = f.Data
		}
	}
	if qdpx == nil {
		t.Fatal("no review.qdpx among the results' files")
	}
	path := filepath.Join(t.TempDir(), ReviewFile)
	os.WriteFile(path, qdpx, 0o644)

	back, err := ingest.ReadInterviews(path, ingest.Options{Format: "qdpx"})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ text, code, coder string }
	count := func(texts map[string]string, codings []struct{ seg, raw, coder string }) []key {
		var ks []key
		for _, c := range codings {
			ks = append(ks, key{texts[c.seg], c.raw, c.coder})
		}
		sort.Slice(ks, func(i, j int) bool {
			a, b := ks[i], ks[j]
			if a.text != b.text {
				return a.text < b.text
			}
			if a.code != b.code {
				return a.code < b.code
			}
			return a.coder < b.coder
		})
		return ks
	}
	textsA, textsB := map[string]string{}, map[string]string{}
	for _, sg := range out.Data.Segments {
		textsA[sg.ID] = sg.Text
	}
	for _, sg := range back.Segments {
		textsB[sg.ID] = sg.Text
	}
	// The auto-coder's codings are in the project for review, but a run that reads the
	// project back codes the segments again: the reader leaves them out, so that they do
	// not count twice (804 codings were read back before, 432 human and 372 automatic
	// twice over).
	var ca, cb []struct{ seg, raw, coder string }
	autos := 0
	for _, c := range out.Data.Codings {
		if c.Coder == analysis.AutoCoder {
			autos++
			continue
		}
		raw := c.Code
		if raw == "" {
			raw = c.Raw // unmapped names travel as written; empty = reviewed, nothing applies
		}
		ca = append(ca, struct{ seg, raw, coder string }{c.Segment, raw, c.Coder})
	}
	cbook := out.Codebook
	for _, c := range back.Codings {
		raw := c.Raw
		if id, ok := cbook.Resolve(raw); ok {
			raw = id
		}
		cb = append(cb, struct{ seg, raw, coder string }{c.Segment, raw, c.Coder})
	}
	ka, kb := count(textsA, ca), count(textsB, cb)
	if len(ka) != len(kb) {
		t.Fatalf("%d codings written, %d read back", len(ka), len(kb))
	}
	for i := range ka {
		if ka[i] != kb[i] {
			t.Fatalf("coding %d: wrote %+v, read %+v", i, ka[i], kb[i])
		}
	}
	if autos == 0 || !bytes.Contains(qdpxEntry(t, qdpx, "project.qde"), []byte(`name="`+analysis.AutoCoder+`"`)) {
		t.Error("no auto-codings in the project")
	}
	// Open survey answers stay open answers, not interviews.
	openA, openB := 0, 0
	for _, sg := range out.Data.Segments {
		if sg.OpenAnswer {
			openA++
		}
	}
	for _, sg := range back.Segments {
		if sg.OpenAnswer {
			openB++
		}
	}
	if openA == 0 || openA != openB {
		t.Errorf("%d open answers written, %d read back as open answers", openA, openB)
	}
	// Nothing identifying: the respondents are pseudonyms.
	for _, r := range back.Respondents {
		for _, k := range out.Key {
			if r.ID == k[0] && k[0] != k[1] {
				t.Errorf("real id %s in the project", r.ID)
			}
		}
	}

	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian libxml2-utils): schema check skipped")
	}
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "project.qde" {
			continue
		}
		rc, _ := f.Open()
		qde, _ := io.ReadAll(rc)
		rc.Close()
		qdePath := filepath.Join(t.TempDir(), "project.qde")
		os.WriteFile(qdePath, qde, 0o644)
		cmd := exec.Command(xmllint, "--noout", "--schema", "../testdata/third_party/refi-qda/Project-mrt2019.xsd", qdePath)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("project.qde does not validate: %v\n%s", err, b)
		}
	}
}

// qdpxEntry returns one file of a .qdpx archive.
func qdpxEntry(t *testing.T, qdpx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("no %s in the archive", name)
	return nil
}
