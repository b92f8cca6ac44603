package sheet

import (
	"archive/zip"
	"io"
	"math/rand"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

const (
	benchRows  = 100000
	benchItems = 24
	benchCols  = benchItems + 3 // respondent, municipality, role
)

// BenchmarkSheetReader reads a survey sheet of 100,000 respondents × 24 items (and
// three columns of text, all inline strings as excelize's StreamWriter writes them)
// with this package and with excelize's streaming reader, side by side; cells/s counts
// every cell of the sheet, header included.
func BenchmarkSheetReader(b *testing.B) {
	path := filepath.Join(b.TempDir(), "survey.xlsx")
	book := excelize.NewFile()
	sw, err := book.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, benchCols)
	row[0], row[1], row[2] = "respondent", "gemeente", "rol"
	for i := 0; i < benchItems; i++ {
		row[3+i] = "V" + strconv.Itoa(i+1)
	}
	sw.SetRow("A1", row)
	rng := rand.New(rand.NewSource(1))
	for r := 0; r < benchRows; r++ {
		row[0], row[1], row[2] = "r"+strconv.Itoa(r), "Gemeente "+strconv.Itoa(r%342), "rol "+strconv.Itoa(r%6)
		for i := 0; i < benchItems; i++ {
			row[3+i] = 1 + rng.Intn(5)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := book.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	const cells = float64((benchRows + 1) * benchCols)
	// The cells as bytes (Len and Cell), as a columnar reader takes them.
	b.Run("sheet", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			w, err := Open(path, testLimits)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := w.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n, size := 0, 0
			for rows.Next() {
				for c := range rows.Len() {
					size += len(rows.Cell(c))
				}
				n += rows.Len()
			}
			if err := rows.Err(); err != nil || n != int(cells) || size == 0 {
				b.Fatalf("%d cells, %v", n, err)
			}
			rows.Close()
			w.Close()
		}
		b.ReportMetric(cells*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	})
	// The cells as strings (Row), as the ingest package takes them.
	b.Run("sheet-strings", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			w, err := Open(path, testLimits)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := w.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n += len(rows.Row())
			}
			if err := rows.Err(); err != nil || n != int(cells) {
				b.Fatalf("%d cells, %v", n, err)
			}
			rows.Close()
			w.Close()
		}
		b.ReportMetric(cells*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	})
	// The floor: inflating the sheet's XML and nothing else.
	b.Run("inflate", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			z, err := zip.OpenReader(path)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range z.File {
				if f.Name == "xl/worksheets/sheet1.xml" {
					rc, _ := f.Open()
					io.Copy(io.Discard, rc)
					rc.Close()
				}
			}
			z.Close()
		}
		b.ReportMetric(cells*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	})
	b.Run("excelize", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			f, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 64 << 20})
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				cols, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				n += len(cols)
			}
			if n != int(cells) {
				b.Fatalf("%d cells", n)
			}
			rows.Close()
			f.Close()
		}
		b.ReportMetric(cells*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	})
}

// reportCPU reports the process's CPU seconds (user and system) per operation, which a
// loaded machine distorts less than wall time.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
