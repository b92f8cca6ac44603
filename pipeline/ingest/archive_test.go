package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckArchiveRefusesZipBomb(t *testing.T) {
	// 16 MiB of zeros packs to about 16 KiB: a ratio near 1000, which no document has.
	path := filepath.Join(t.TempDir(), "bom.xlsx")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	zero := make([]byte, 1<<20)
	for i := 0; i < 16; i++ {
		w.Write(zero)
	}
	zw.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
	_, err := checkArchive(path, buf.Bytes(), workbookArchive)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "bom.xlsx") || !strings.Contains(err.Error(), "zip bomb") {
		t.Fatalf("zip bomb: %v", err)
	}
	// The readers refuse it the same way.
	for _, format := range []string{"qdpx", "transcript", "generic"} {
		if _, err := ReadInterviews(path, Options{Format: format}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: %v", format, err)
		}
	}
}

func TestCheckArchiveRefusesTooManyEntries(t *testing.T) {
	// Each format has its own cap: a workbook one entry over its cap is refused, and
	// the same number of entries is still allowed in a project.
	dir := t.TempDir()
	many := func(name string, n int) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i < n; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("sources/%d.txt", i), Method: zip.Store})
		}
		zw.Close()
		path := filepath.Join(dir, name)
		os.WriteFile(path, buf.Bytes(), 0o644)
		return path
	}
	book := many("many.xlsx", MaxWorkbookEntries+1)
	if _, err := ReadSurvey(book, Options{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "entries") {
		t.Fatalf("workbook of many entries: %v", err)
	}
	in, err := readInput(book)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checkArchive(book, in.data, projectArchive); err != nil {
		t.Errorf("a project may hold %d entries: %v", MaxWorkbookEntries+1, err)
	}
	project := many("many.qdpx", MaxProjectEntries+1)
	if _, err := ReadInterviews(project, Options{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "entries") {
		t.Fatalf("project of many entries: %v", err)
	}
}

func TestArchiveNeverUsesEntryPaths(t *testing.T) {
	// Entries with "../" and absolute names are read into memory, never written.
	dir := t.TempDir()
	path := filepath.Join(dir, "evil.qdpx")
	qde, _ := os.ReadFile("testdata/qdpx/maxqda/Studie.qde")
	writeZip(t, path, map[string]string{"project.qde": string(qde), "../../escape.txt": "x", "/tmp/abs.txt": "y"})
	if _, err := ReadInterviews(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "..", "escape.txt")); err == nil {
		t.Error("an entry was written to disk")
	}
	if _, err := ReadInterviews(filepath.Join(dir, "missing.qdpx"), Options{}); err == nil {
		t.Error("a missing archive passed")
	}
}

// billionLaughs is the classic entity-expansion attack: fully expanded, lol9 is 10^9
// "lol"s (3 GB).
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="lol"><Description>&lol9;</Description></Project>`

func TestXMLEntitiesAreNeverExpanded(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	qdpx := filepath.Join(dir, "lol.qdpx")
	writeZip(t, qdpx, map[string]string{"project.qde": billionLaughs})
	_, err := ReadInterviews(qdpx, Options{})
	if err == nil || !strings.Contains(err.Error(), "lol9") {
		t.Fatalf("billion laughs .qdpx: %v", err)
	}
	docx := filepath.Join(dir, "lol.docx")
	writeZip(t, docx, map[string]string{"word/document.xml": strings.Replace(billionLaughs, "<Description>", "<w:t>", 1)})
	if _, err := ReadInterviews(docx, Options{}); err == nil {
		t.Fatal("billion laughs .docx was read")
	}
	if err := checkXMLDepth([]byte(billionLaughs), MaxXMLDepth); err == nil {
		t.Fatal("checkXMLDepth accepted an undefined entity")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v: entities were expanded", d)
	}
}

func TestXMLDepthLimited(t *testing.T) {
	deep := strings.Repeat("<a>", MaxXMLDepth+1) + strings.Repeat("</a>", MaxXMLDepth+1)
	if err := checkXMLDepth([]byte(deep), MaxXMLDepth); !errors.Is(err, ErrXMLTooDeep) {
		t.Errorf("deep XML: %v", err)
	}
	ok := strings.Repeat("<a>", 10) + strings.Repeat("</a>", 10)
	if err := checkXMLDepth([]byte(ok), MaxXMLDepth); err != nil {
		t.Errorf("shallow XML: %v", err)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "diep.docx")
	writeZip(t, docx, map[string]string{"word/document.xml": deep})
	if _, err := ReadInterviews(docx, Options{}); !errors.Is(err, ErrXMLTooDeep) {
		t.Errorf("deep docx: %v", err)
	}
}
