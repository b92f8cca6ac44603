package sheet

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// randomOpenpyxlScript writes argv[2] random workbooks into the folder argv[1], from
// seed argv[3]: sheets of random size with numbers, text (entities, line ends, non-Latin
// script, leading and trailing spaces, text that looks like a number or a date),
// booleans, dates, times and moments, formulas, empty cells and rows left out, number
// formats built in and custom; every third in openpyxl's write-only mode (which streams
// rows as lxml writes them), the others in its normal mode.
const randomOpenpyxlScript = `
import sys, random, datetime, openpyxl
from openpyxl.cell import WriteOnlyCell
out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
texts = ["", "jeugdwerker", "a < b & c > d", '"quoted" \'single\'', "  spaces  ", "line\nbreak",
         "tab\there", "café ñ 漢字 😀", "3", "04", "1e3", "TRUE", "2024-03-05", "]]>", "x\u00a0y",
         "_x000D_ escaped", "lang " * 200, "Helemaal mee eens", "Weet niet"]
formats = ["General", "0", "0.00", "#,##0.00", "0%", "0.00E+00", "@", "d-m-yyyy", "dd/mm/yyyy hh:mm",
           "yyyy-mm-dd", "h:mm", "hh:mm:ss AM/PM", "mmm yyyy", "d mmmm yyyy", "[$-413]d mmmm yyyy",
           "mm:ss.0", "dddd", '"dag "d', "mm/yyyy", "d-mmm"]
def value():
    k = rng.randrange(11)
    if k == 0: return None
    if k in (1, 2): return rng.choice(texts)
    if k == 3: return rng.randint(1, 5)
    if k == 4: return rng.gauss(0, 1000)
    if k == 5: return rng.choice([0, -0.5, 1e20, 1e-10, 123456789012345678, 0.1 + 0.2, 45000, 45000.75, 0.25])
    if k == 6: return rng.random() < 0.5
    if k == 7: return datetime.date(1901 + rng.randrange(190), 1 + rng.randrange(12), 1 + rng.randrange(28))
    if k == 8: return datetime.datetime(1901 + rng.randrange(190), 1 + rng.randrange(12), 1 + rng.randrange(28),
                                        rng.randrange(24), rng.randrange(60), rng.randrange(60))
    if k == 9: return datetime.time(rng.randrange(24), rng.randrange(60), rng.randrange(60))
    return "=%d+%d" % (rng.randrange(9), rng.randrange(9))
for n in range(count):
    write_only = n % 3 == 0
    wb = openpyxl.Workbook(write_only=write_only)
    for sheet in range(1 + rng.randrange(2)):
        ws = wb.create_sheet("Blad %d & co" % sheet) if write_only or sheet > 0 else wb.active
        rows, cols = 1 + rng.randrange(60), 1 + rng.randrange(12)
        for r in range(rows):
            if rng.random() < 0.15:
                if write_only:
                    ws.append([])
                continue
            row = []
            for c in range(cols):
                v = value()
                fmt = rng.choice(formats) if rng.random() < 0.3 else None
                if write_only:
                    cell = WriteOnlyCell(ws, value=v)
                    if fmt:
                        cell.number_format = fmt
                    row.append(cell)
                else:
                    cell = ws.cell(row=r + 1, column=c + 1, value=v)
                    if fmt:
                        cell.number_format = fmt
            if write_only:
                ws.append(row)
    wb.save("%s/openpyxl%02d.xlsx" % (out, n))
`

// How many random workbooks openpyxl writes, and how many random excelize workbooks
// LibreOffice rewrites (beside two of openpyxl's and the fixed one).
const (
	randomOpenpyxl    = 30
	randomLibreOffice = 4
)

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
		random := filepath.Join(dir, "openpyxl")
		os.Mkdir(random, 0o755)
		if out, err := exec.Command(python, "-c", randomOpenpyxlScript, random, strconv.Itoa(randomOpenpyxl), "16").CombinedOutput(); err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
		for i := range randomOpenpyxl {
			made = append(made, filepath.Join(random, fmt.Sprintf("openpyxl%02d.xlsx", i)))
		}
	} else {
		missingWriter(t, "openpyxl is not installed: its part is skipped")
	}
	if soffice, err := exec.LookPath("soffice"); err == nil {
		// LibreOffice rewrites an excelize workbook and the openpyxl one in its own way,
		// with shared strings, its own styles and cached formula values.
		in := filepath.Join(dir, "in")
		os.Mkdir(in, 0o755)
		rng := rand.New(rand.NewSource(17))
		var sources []string
		for i := 0; i < randomLibreOffice; i++ {
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
			// Two of the random openpyxl workbooks, one of each mode.
			for _, name := range []string{"openpyxl00.xlsx", "openpyxl01.xlsx"} {
				src, dst := filepath.Join(dir, "openpyxl", name), filepath.Join(in, "via"+name)
				if data, err := os.ReadFile(src); err == nil {
					os.WriteFile(dst, data, 0o644)
					sources = append(sources, dst)
				}
			}
		}
		outDir := filepath.Join(dir, "libreoffice")
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", outDir}, sources...)
		out, err := exec.Command(soffice, args...).CombinedOutput()
		switch {
		case err != nil:
			t.Fatalf("soffice: %v\n%s", err, out)
		case strings.Contains(string(out), "source file could not be loaded"):
			missingWriter(t, "LibreOffice without Calc: its part is skipped\n"+string(out))
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
		missingWriter(t, "LibreOffice is not installed: its part is skipped")
	}
	if len(made) == 0 {
		t.Skip("neither openpyxl nor LibreOffice is installed")
	}
	total := 0
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
		if cells == 0 {
			t.Errorf("%s: no cells read", p)
		}
		total += cells
		t.Logf("%s: %d sheets, %d cells", filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p), len(got), cells)
	}
	t.Logf("%d workbooks, %d cells, each the same as excelize reads it", len(made), total)
}

// missingWriter notes a writer that is not installed; CI, which installs them all, sets
// SAMENSPEL_REQUIRE_LIBREOFFICE=1 and fails instead.
func missingWriter(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("SAMENSPEL_REQUIRE_LIBREOFFICE") == "1" {
		t.Error(why)
		return
	}
	t.Log(why)
}
