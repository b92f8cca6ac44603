package ingest

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/samenspel/samenspel/codebook"
	"github.com/xuri/excelize/v2"
)

const (
	benchRespondents = 100000
	benchItems       = 24
)

// benchSurvey writes a generic survey of 100,000 respondents and 24 items as .csv and
// .xlsx (excelize StreamWriter) and returns the paths and a codebook that knows the items.
func benchSurvey(b *testing.B) (csvPath, xlsxPath string, cb *codebook.Codebook) {
	b.Helper()
	dir := b.TempDir()
	header := []string{"respondent", "gemeente", "rol"}
	scale := codebook.Scale{ID: "bench", AgreeFrom: 4, Missing: []string{"Weet niet"}}
	for v := 1; v <= 5; v++ {
		scale.Answers = append(scale.Answers, codebook.AnswerLabel{Value: float64(v), Labels: []string{"label " + strconv.Itoa(v)}})
	}
	for i := 1; i <= benchItems; i++ {
		id := fmt.Sprintf("V%02d", i)
		header = append(header, id)
		scale.Items = append(scale.Items, codebook.Item{ID: id})
	}
	cb = &codebook.Codebook{Name: "bench", Scales: []codebook.Scale{scale}}
	rng := rand.New(rand.NewSource(1))
	csvPath = filepath.Join(dir, "survey.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	xlsxPath = filepath.Join(dir, "survey.xlsx")
	book := excelize.NewFile()
	sw, err := book.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	sw.SetRow("A1", row)
	w.WriteString(strings.Join(header, ";") + "\n")
	cells := make([]string, len(header))
	for r := 0; r < benchRespondents; r++ {
		cells[0], cells[1], cells[2] = "r"+strconv.Itoa(r), "Gemeente "+strconv.Itoa(r%30), "rol "+strconv.Itoa(r%6)
		row[0], row[1], row[2] = cells[0], cells[1], cells[2]
		for i := 0; i < benchItems; i++ {
			v := 1 + rng.Intn(5)
			cells[3+i] = strconv.Itoa(v)
			row[3+i] = v
		}
		w.WriteString(strings.Join(cells, ";") + "\n")
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := book.SaveAs(xlsxPath); err != nil {
		b.Fatal(err)
	}
	return csvPath, xlsxPath, cb
}

// BenchmarkReadSurvey reads the 100,000-row survey; cells/s counts header and data cells.
// xlsx-excelize reads the workbook through excelize alone, as before the fast reader.
func BenchmarkReadSurvey(b *testing.B) {
	csvPath, xlsxPath, cb := benchSurvey(b)
	cells := float64((benchRespondents + 1) * (benchItems + 3))
	for _, c := range []struct {
		name, path string
		fast       bool
	}{{"csv", csvPath, true}, {"xlsx", xlsxPath, true}, {"xlsx-excelize", xlsxPath, false}} {
		b.Run(c.name, func(b *testing.B) {
			useFastReader = c.fast
			defer func() { useFastReader = true }()
			defer reportCPU(b)()
			for i := 0; i < b.N; i++ {
				ds, err := ReadSurvey(c.path, Options{Codebook: cb})
				if err != nil {
					b.Fatal(err)
				}
				if ds.Survey.Len() != benchRespondents*benchItems || len(ds.Rejects) != 0 {
					b.Fatalf("%d answers, %d rejects", ds.Survey.Len(), len(ds.Rejects))
				}
			}
			b.ReportMetric(cells*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
		})
	}
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
