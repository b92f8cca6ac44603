package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// hashed checks that the reader put the sha256 and size of path's bytes on its
// FileCount, then clears them, so that tests can compare the counts alone.
func hashed(t *testing.T, path string, ds *model.Dataset) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	for i := range ds.Files {
		fc := &ds.Files[i]
		if fc.SHA256 != hex.EncodeToString(sum[:]) || fc.Bytes != int64(len(data)) {
			t.Errorf("%s: sha256 %q, %d bytes; want the file's %x, %d bytes", path, fc.SHA256, fc.Bytes, sum, len(data))
		}
		fc.SHA256, fc.Bytes = "", 0
	}
}

// countOpens replaces the opener for the test and counts the opens per path, checking
// that each is read-only.
func countOpens(t *testing.T) map[string]int {
	t.Helper()
	opens := map[string]int{}
	var mu sync.Mutex
	real := openInput
	openInput = func(path string) (*os.File, error) {
		f, err := real(path)
		if err == nil {
			if flags, ok := openFlags(f); ok && flags&syscall.O_ACCMODE != syscall.O_RDONLY {
				t.Errorf("%s opened with flags %o, not read-only", path, flags)
			}
		}
		mu.Lock()
		opens[path]++
		mu.Unlock()
		return f, err
	}
	t.Cleanup(func() { openInput = real })
	return opens
}

// openFlags reads the flags of an open file from /proc (Linux); ok is false elsewhere.
func openFlags(f *os.File) (int64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/self/fdinfo/%d", f.Fd()))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "flags:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 8, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// Issue 12: one run opened a survey CSV 5 times and a coded workbook 10 times (format
// detection, encoding sniffing, a second read for lazy quotes, the hash). Each input is
// now opened once, read-only, whatever its format, with its format recognised.
func TestEachInputIsOpenedOnce(t *testing.T) {
	dir := t.TempDir()
	survey := writeFile(t, "enquete.csv", []byte(genericCSV))
	xlsx := filepath.Join(dir, "enquete.xlsx")
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "Gemeente", "K1"})
	book.SetSheetRow("Sheet1", "A2", &[]any{"r1", "Utrecht", 4})
	if err := book.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	respondents := writeFile(t, "respondenten.csv", []byte("Deelnemer;Gemeente;Functie\nJW01;Utrecht;Jongerenwerker\n"))
	cb := loadCodebook(t)
	opens := countOpens(t)
	reads := []struct {
		path string
		read func(string, Options) (model.Dataset, error)
		opt  Options
	}{
		{survey, ReadSurvey, Options{Codebook: cb}},
		{xlsx, ReadSurvey, Options{Codebook: cb}},
		{"testdata/spss/enquete.sav", ReadSurvey, Options{Codebook: cb}},
		{respondents, ReadRespondents, Options{}},
		{"testdata/interviews/maxqda.xlsx", ReadInterviews, Options{}},
		{"testdata/interviews/atlasti.xlsx", ReadInterviews, Options{}},
		{"testdata/interviews/qualcoder.csv", ReadInterviews, Options{}},
		{"testdata/interviews/taguette.csv", ReadInterviews, Options{}},
		{"testdata/interviews/generic.xlsx", ReadInterviews, Options{}},
		{"testdata/interviews/maxqda.qdpx", ReadInterviews, Options{}},
		{"testdata/transcripts/JW01_Bergdorp.txt", ReadInterviews, Options{}},
		{"testdata/transcripts/JZ03_Zeestad.docx", ReadInterviews, Options{}},
	}
	for _, r := range reads {
		ds, err := r.read(r.path, r.opt)
		if err != nil {
			t.Errorf("%s: %v", r.path, err)
			continue
		}
		if opens[r.path] != 1 {
			t.Errorf("%s opened %d times", r.path, opens[r.path])
		}
		if len(ds.Files) != 1 || ds.Files[0].SHA256 == "" {
			t.Errorf("%s: files %+v", r.path, ds.Files)
			continue
		}
		hashed(t, r.path, &ds)
	}
}
