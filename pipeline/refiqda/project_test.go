package refiqda_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/refiqda"
)

func buildQDE(t *testing.T, qdpx []byte) ([]byte, *zip.Reader) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "project.qde" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b, z
		}
	}
	t.Fatal("no project.qde")
	return nil, nil
}

// TestDecodeCodebookAnnexA1 reads Annex A.1 of the REFI-QDA 1.5 standard: braced and
// bare GUIDs, non-codable folders.
func TestDecodeCodebookAnnexA1(t *testing.T) {
	b, err := os.ReadFile("../../testdata/third_party/refi-qda/annex-a1-codebook.qdc")
	if err != nil {
		t.Skip("annex fixture not present")
	}
	cb, err := refiqda.DecodeCodebook(b)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cb.Codes {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "Topics,Economy,Health care,Values,Conservatives,Liberals" {
		t.Errorf("codes: %s", got)
	}
	if cb.Codes[0].IsCodable || !cb.Codes[1].IsCodable || cb.Codes[1].Description != "Anything about jobs or taxes or business" {
		t.Errorf("attributes: %+v", cb.Codes[:2])
	}
	if refiqda.NormalGUID(cb.Codes[0].GUID) != "5215cc69-b628-4e02-afb9-9beeaee55808" {
		t.Errorf("guid %s", cb.Codes[0].GUID)
	}
}

func TestDecodeRefusesBadXML(t *testing.T) {
	for _, doc := range []string{
		`<Project name="x"><Sources></Project>`,
		`<Project name="x">`,
		`not xml`,
		`<Project name="x">&undefined;</Project>`,
	} {
		if _, err := refiqda.Decode([]byte(doc)); !errors.Is(err, refiqda.ErrNotWellFormed) {
			t.Errorf("%q: %v", doc, err)
		}
	}
	deep := "<Project>" + strings.Repeat("<Code>", refiqda.MaxDepth) + strings.Repeat("</Code>", refiqda.MaxDepth) + "</Project>"
	if _, err := refiqda.Decode([]byte(deep)); !errors.Is(err, refiqda.ErrTooDeep) {
		t.Errorf("deep: %v", err)
	}
	// Windows-1252 declared in the prolog.
	p, err := refiqda.Decode([]byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><Project name=\"caf\xe9\"/>"))
	if err != nil || p.Name != "café" {
		t.Errorf("windows-1252: %v %+v", err, p)
	}
}

// FuzzDecode: no document makes Decode panic.
func FuzzDecode(f *testing.F) {
	for _, p := range []string{"../ingest/testdata/qdpx/nvivo/project.qde", "../ingest/testdata/qdpx/maxqda/Studie.qde"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<Project name="x"><Sources><TextSource guid="g"><PlainTextSelection startPosition="-1" endPosition="x"/></TextSource></Sources></Project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := refiqda.Decode(data)
		if err == nil && p == nil {
			t.Fatal("nil project without error")
		}
		refiqda.DecodeCodebook(data)
	})
}
