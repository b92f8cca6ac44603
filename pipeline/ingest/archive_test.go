package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
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

// The readers never expand an entity: the billion laughs is refused naming lol9, and
// refusing it allocates what reading a 1 kB project does, not the 3 GB of lol9 expanded
// (nor the 30 MB of lol7, the first expansion past the bound). Allocated bytes, not
// time: a machine under load cannot make the check fail (readers15: 0.9.0 allowed 2 s).
func TestXMLEntitiesAreNeverExpanded(t *testing.T) {
	dir := t.TempDir()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
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
	runtime.ReadMemStats(&after)
	t.Logf("refusing the billion laughs allocated %.2f MiB", float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	if a := after.TotalAlloc - before.TotalAlloc; a > 16<<20 {
		t.Errorf("refusing the billion laughs allocated %d MiB: entities were expanded", a>>20)
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

// zipOfZeros writes a zip of n entries of size bytes of zeros each, named by name(i),
// deflating one entry and writing its bytes n times, so that the test builds a 4,000-entry
// bomb in milliseconds.
func zipOfZeros(t *testing.T, path string, n, size int, name func(int) string) {
	t.Helper()
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(make([]byte, size))
	fw.Close()
	crc := crc32.ChecksumIEEE(make([]byte, size))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for i := 0; i < n; i++ {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name(i), Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(size)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// Issue 12: a zip of 4,000 entries of 1 MiB of zeros (4.6 MB on disk) was accepted as a
// workbook, project or document and took 9.5 GB: each entry stayed under the per-entry
// floor of the ratio check. The archive as a whole is now held against its size on disk,
// before anything is unpacked, and the refusal costs next to no memory.
func TestZipBombOfManyEntriesIsRefusedCheaply(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		file string
		name func(int) string
		read func(string) error
	}{
		{"bom.xlsx", func(i int) string { return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1) },
			func(p string) error { _, err := ReadSurvey(p, Options{}); return err }},
		{"bom.qdpx", func(i int) string {
			if i == 0 {
				return "project.qde"
			}
			return fmt.Sprintf("sources/%d.txt", i)
		}, func(p string) error { _, err := ReadInterviews(p, Options{}); return err }},
		{"bom.docx", func(i int) string {
			if i == 0 {
				return "word/document.xml"
			}
			return fmt.Sprintf("word/media/%d.bin", i)
		}, func(p string) error { _, err := ReadInterviews(p, Options{}); return err }},
	} {
		path := filepath.Join(dir, c.file)
		zipOfZeros(t, path, 4000, 1<<20, c.name)
		fi, _ := os.Stat(path)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := c.read(path)
		runtime.ReadMemStats(&after)
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d bytes on disk, 4000 MiB unpacked; refusing it allocated %.1f MiB", c.file, fi.Size(), float64(allocated)/(1<<20))
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), c.file) {
			t.Errorf("%s: %v", c.file, err)
		}
		if allocated > 200<<20 {
			t.Errorf("%s: refusing it allocated %d MiB", c.file, allocated>>20)
		}
	}
}

// An entry that unpacks to more than its header declares is stopped by archive/zip at
// the declared size, so the declared sizes that checkArchive bounds are what reading costs.
func TestArchiveEntryLargerThanDeclaredIsRefused(t *testing.T) {
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(make([]byte, 64<<20))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: 1000})
	w.Write(packed.Bytes())
	zw.Close()
	path := writeFile(t, "liegt.docx", buf.Bytes())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadInterviews(path, Options{})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "liegt.docx") {
		t.Errorf("got %v", err)
	}
	if a := after.TotalAlloc - before.TotalAlloc; a > 16<<20 {
		t.Errorf("reading the lying entry allocated %d MiB", a>>20)
	}
}

func FuzzArchive(f *testing.F) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>I: Hoe gaat het?</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	f.Add(buf.Bytes())
	for _, p := range []string{"testdata/interviews/maxqda.qdpx", "testdata/interviews/maxqda.xlsx", "testdata/transcripts/JZ03_Zeestad.docx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\xff", 18)))
	f.Add([]byte("PK\x06\x07\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00PK\x05\x06\x00\x00\x00\x00\xff\xff\xff\xff" + strings.Repeat("\x00", 10)))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		zipEntryCount(data)
		in := &input{path: "f.qdpx", data: data}
		if a, err := openArchive(in, projectArchive); err == nil {
			for _, n := range a.order {
				a.read(n)
			}
		}
		// Through the readers that open archives themselves (a workbook's parts are
		// excelize's to read; checkArchive before it is covered above).
		for _, name := range []string{"f.qdpx", "f.docx"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Skip()
			}
			ReadInterviews(p, Options{})
		}
	})
}
