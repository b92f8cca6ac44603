package sheet

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openpyxlScript writes a workbook the way openpyxl does (shared strings, dates as
// numbers in a date format, formulas without a cached value) to the path in argv[1].
const openpyxlScript = `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Enquête & co"
ws.append(["respondent", "datum", "tijd", "moment", "B1", "tekst", "waar"])
for i in range(40):
    ws.append(["r%d" % i, datetime.date(2024, 1 + i % 12, 1 + i % 28), datetime.time(i % 24, 30),
               datetime.datetime(2023, 3, 15, 14, i % 60), (i % 5) + 1 if i % 7 else None,
               ["a < b & c", "regel\nregel", "  spatie ", "café 漢字", "=niet", "15 maart"][i % 6], i % 2 == 0])
ws["H2"] = "=E2*2"
ws["J50"] = 3.25
ws.cell(row=45, column=2).value = 45000.5
ws.cell(row=45, column=2).number_format = "d mmmm yyyy"
ws.cell(row=46, column=2).value = 0.75
ws.cell(row=46, column=2).number_format = "h:mm AM/PM"
ws.cell(row=47, column=2).value = 1234.5
ws.cell(row=47, column=2).number_format = "#,##0.00"
second = wb.create_sheet("Tweede")
second.append([1, 2.5, -3, 1e20, 1e-7, True, False])
wb.save(sys.argv[1])
`

// Workbooks written by openpyxl and by LibreOffice read as excelize reads them; each
// part runs where the writer is installed.
func TestOtherWritersMatchExcelize(t *testing.T) {
	dir := t.TempDir()
	var made []string
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			python = p
			break
		}
	}
	if python != "" {
		p := filepath.Join(dir, "openpyxl.xlsx")
		if out, err := exec.Command(python, "-c", openpyxlScript, p).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
		made = append(made, p)
	} else {
		t.Log("openpyxl is not installed: its part is skipped")
	}
	if soffice, err := exec.LookPath("soffice"); err == nil {
		// LibreOffice rewrites an excelize workbook and the openpyxl one in its own way,
		// with shared strings, its own styles and cached formula values.
		in := filepath.Join(dir, "in")
		os.Mkdir(in, 0o755)
		rng := rand.New(rand.NewSource(17))
		var sources []string
		for i := 0; i < 2; i++ {
			p := filepath.Join(in, "excelize"+string(rune('a'+i))+".xlsx")
			if err := randomWorkbook(rng, p, false); err != nil {
				t.Fatal(err)
			}
			sources = append(sources, p)
		}
		if python != "" {
			p := filepath.Join(in, "viaopenpyxl.xlsx")
			if out, err := exec.Command(python, "-c", openpyxlScript, p).CombinedOutput(); err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, out)
			}
			sources = append(sources, p)
		}
		outDir := filepath.Join(dir, "libreoffice")
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", outDir}, sources...)
		out, err := exec.Command(soffice, args...).CombinedOutput()
		switch {
		case err != nil:
			t.Fatalf("soffice: %v\n%s", err, out)
		case strings.Contains(string(out), "source file could not be loaded"):
			t.Logf("LibreOffice without Calc: its part is skipped\n%s", out)
		default:
			for _, s := range sources {
				p := filepath.Join(outDir, filepath.Base(s))
				if _, err := os.Stat(p); err != nil {
					t.Fatalf("LibreOffice wrote no %s\n%s", p, out)
				}
				made = append(made, p)
			}
		}
	} else {
		t.Log("LibreOffice is not installed: its part is skipped")
	}
	if len(made) == 0 {
		t.Skip("neither openpyxl nor LibreOffice is installed")
	}
	for _, p := range made {
		if !compare(t, p) {
			t.Errorf("%s: left to excelize", p)
		}
		got, _ := fast(p)
		cells := 0
		for _, rows := range got {
			for _, row := range rows {
				cells += len(row)
			}
		}
		if cells < 30 {
			t.Errorf("%s: only %d cells read", p, cells)
		}
		t.Logf("%s: %d sheets, %d cells", filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p), len(got), cells)
	}
}
