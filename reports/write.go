package reports

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gonum.org/v1/plot/vg"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// Sentinel errors; every error of Write wraps one of them.
var (
	// ErrWrite wraps a failure to create or write an output file.
	ErrWrite = model.NewKind("reports: cannot write output", "de uitvoer kan niet worden geschreven")
	// ErrFormat is an output format that Results.Outputs names but no writer makes.
	ErrFormat = model.NewKind("reports: unknown output format", "onbekend uitvoerformaat")
)

// Output is a file that Write made.
type Output struct {
	Path   string // relative to the output folder, slash-separated
	SHA256 string
}

// Formats are the output formats Results.Outputs may name; all are written when it is
// empty.
var Formats = []string{"csv", "xlsx", "png", "svg", "html", "md", "docx", "parquet", MunicipalitiesOutput}

// optIn are the formats written only when Results.Outputs names them.
var optIn = map[string]bool{"parquet": true, MunicipalitiesOutput: true}

// Write writes every output into dir, which must exist and be empty (the caller makes a
// temporary folder and renames it into place on success): tables/<name>.csv for every
// table, tables.xlsx, figures/<name>.png and .svg, report.html, report.md, report.docx, and last
// manifest.json. It returns the files in that order, manifest.json last (tables.xlsx is
// written last but one, while it is built beside the figures and the report).
func Write(dir string, res *results.Results) ([]Output, error) {
	if res == nil {
		return nil, model.Reasonf("%w: no results", "%v: geen resultaten", ErrWrite)
	}
	want, err := selected(res.Outputs)
	if err != nil {
		return nil, err
	}
	w := newWriter(dir)
	defer w.wg.Wait() // no file is left being written when Write returns

	// The figures are drawn from the start, while the tables are formatted and their
	// files created: creating some sixty files takes tens of milliseconds in the kernel,
	// and put waits while four are being written, which held back the drawing (on the
	// example study the processors were half idle for 30 ms before it began).
	figsDone := startFigures(res, want)
	defer figsDone.wait() // no figure is left drawing when Write returns

	if want["csv"] {
		seen := map[string]bool{}
		for _, t := range res.Tables {
			if t == nil || seen[fileName(t.Name)] {
				continue
			}
			seen[fileName(t.Name)] = true
			b, err := tableCSV(t)
			if err != nil {
				return nil, err
			}
			if err := w.put("tables/"+fileName(t.Name)+".csv", b); err != nil {
				return nil, err
			}
		}
	}
	if want["parquet"] {
		seen := map[string]bool{}
		for _, t := range res.Tables {
			if t == nil || seen[fileName(t.Name)] {
				continue
			}
			seen[fileName(t.Name)] = true
			b, err := tableParquet(t)
			if err != nil {
				return nil, err
			}
			if err := w.put("tables/"+fileName(t.Name)+".parquet", b); err != nil {
				return nil, err
			}
		}
	}
	// The workbook is built while the figures render: both take seconds on a national
	// study, and neither touches the other. It is written in its usual place.
	type built struct {
		b   []byte
		err error
	}
	xlsxDone := make(chan built, 1)
	if want["xlsx"] {
		go func() {
			b, err := tablesXLSX(res)
			xlsxDone <- built{b, err}
		}()
	}
	// It keeps its place among the outputs but is waited for only at the end, so that on
	// a national study the figures' files and the report are written while it is built.
	var xlsxAt *written
	putXLSX := func() error {
		if xlsxAt == nil {
			return nil
		}
		x := <-xlsxDone
		if x.err != nil {
			return x.err
		}
		w.putAt(xlsxAt, "tables.xlsx", x.b)
		return nil
	}

	figs, err := figsDone.wait()
	if err != nil {
		return nil, err
	}
	if want["xlsx"] {
		xlsxAt = w.reserve()
	}
	for i := range figs {
		rf := &figs[i]
		if want["png"] {
			rf.pngPath = "figures/" + rf.Name + ".png"
			if err := w.put(rf.pngPath, rf.png); err != nil {
				return nil, err
			}
		}
		if want["svg"] {
			rf.svgPath = "figures/" + rf.Name + ".svg"
			if err := w.put(rf.svgPath, rf.svg); err != nil {
				return nil, err
			}
		}
	}

	if want["html"] || want["md"] || want["docx"] {
		rep := buildReport(res, figs)
		// Word's twin is made beside the HTML report; both only read rep.
		type made struct {
			b   []byte
			err error
		}
		docxDone := make(chan made, 1)
		if want["docx"] {
			go func() {
				b, err := rep.docx()
				docxDone <- made{b, err}
			}()
		}
		if want["html"] {
			b, err := rep.html()
			if err != nil {
				return nil, err
			}
			if err := w.put("report.html", b); err != nil {
				return nil, err
			}
		}
		if want["md"] {
			if err := w.put("report.md", rep.markdown()); err != nil {
				return nil, err
			}
		}
		if want["docx"] {
			d := <-docxDone
			if d.err != nil {
				return nil, d.err
			}
			if err := w.put("report.docx", d.b); err != nil {
				return nil, err
			}
		}
	}

	if want[MunicipalitiesOutput] {
		if err := writeMunicipalityPages(w, res); err != nil { // municipality.go
			return nil, err
		}
	}
	for _, f := range res.Files {
		if err := w.put(f.Path, f.Data); err != nil {
			return nil, err
		}
	}

	if err := putXLSX(); err != nil {
		return nil, err
	}

	outputs, err := w.done()
	if err != nil {
		return nil, err
	}
	b, err := manifestJSON(res, outputs)
	if err != nil {
		return nil, err
	}
	w.put("manifest.json", b)
	return w.done()
}

// drawing is the figures being built and rendered on a goroutine of their own
// (startFigures); wait returns them, as often as it is called.
type drawing struct {
	done chan struct{}
	figs []renderedFigure
	err  error
}

// startFigures builds and renders the figures that the formats in want need, if any.
func startFigures(res *results.Results, want map[string]bool) *drawing {
	d := &drawing{done: make(chan struct{})}
	if !(want["png"] || want["svg"] || want["html"] || want["md"] || want["docx"]) {
		close(d.done)
		return d
	}
	go func() {
		defer close(d.done)
		made, err := buildFigures(res)
		if err != nil {
			d.err = err
			return
		}
		d.figs, d.err = renderAllFor(made, want["png"] || want["html"] || want["docx"], want["svg"], want["html"])
	}()
	return d
}

func (d *drawing) wait() ([]renderedFigure, error) {
	<-d.done
	return d.figs, d.err
}

// renderedFigure is a figure with its image bytes and, where written, its file paths.
type renderedFigure struct {
	*figure
	png, svg         []byte
	pngPath, svgPath string
	// dataURI is the image as the HTML report embeds it (figureDataURI), made beside
	// the drawing when the report is wanted; "" otherwise.
	dataURI string
}

// figureDataURI is the data URI of a figure's PNG, or of its SVG when there is no PNG;
// "" for neither.
func figureDataURI(png, svg []byte) string {
	switch {
	case png != nil:
		return dataURI("data:image/png;base64,", png)
	case svg != nil:
		return dataURI("data:image/svg+xml;base64,", svg)
	}
	return ""
}

// dataURI is prefix followed by b in base64, built in one allocation: prefix +
// EncodeToString(b) made the encoded bytes, their string and the joined string, three
// copies of a figure's third of a megabyte and more (on the example study 13 MB of the
// run's 147 MB allocated, each new page a page fault).
func dataURI(prefix string, b []byte) string {
	var sb strings.Builder
	sb.Grow(len(prefix) + base64.StdEncoding.EncodedLen(len(b)))
	sb.WriteString(prefix)
	enc := base64.NewEncoder(base64.StdEncoding, &sb)
	enc.Write(b) // a strings.Builder takes every write
	enc.Close()
	return sb.String()
}

// selected returns the formats to write.
func selected(outputs []string) (map[string]bool, error) {
	want := map[string]bool{}
	if len(outputs) == 0 {
		for _, f := range Formats {
			want[f] = !optIn[f]
		}
		return want, nil
	}
	for _, o := range outputs {
		k := strings.ToLower(strings.TrimSpace(o))
		if k == "qdpx" {
			// Made by the pipeline and passed in Results.Files.
			want[k] = true
			continue
		}
		known := false
		for _, f := range Formats {
			if f == k {
				known = true
			}
		}
		if !known {
			return nil, model.Reasonf("%w: %q (known: %s)", "%v: %q (bekend: %s)", ErrFormat, o, strings.Join(Formats, ", "))
		}
		want[k] = true
	}
	return want, nil
}

// writer writes files under dir and records each with its checksum, in the order put.
// The files are written and summed on goroutines of their own, beside the work that
// makes the next ones (on the example study some ninety files, whose opening and
// writing took 55 ms of the main goroutine); done waits for them all.
type writer struct {
	dir   string
	slots []*written
	wg    sync.WaitGroup
	busy  chan struct{} // bounds the files written at once
	mu    sync.Mutex
	dirs  map[string]bool // folders made
	paths map[string]bool // files put, to write a path put twice in turn
}

// written is one output's place in the order, filled in once the file is written.
type written struct {
	out Output
	err error
}

func newWriter(dir string) *writer {
	return &writer{dir: dir, busy: make(chan struct{}, 4), dirs: map[string]bool{}, paths: map[string]bool{}}
}

// put writes b to rel; a failure is reported by done.
func (w *writer) put(rel string, b []byte) error {
	w.putAt(w.reserve(), rel, b)
	return nil
}

// reserve keeps a place among the outputs for a file written later with putAt.
func (w *writer) reserve() *written {
	s := &written{}
	w.slots = append(w.slots, s)
	return s
}

// putAt writes the file in the background and records it in the place s that reserve
// kept.
func (w *writer) putAt(s *written, rel string, b []byte) {
	if w.paths[rel] {
		w.wg.Wait() // the same file again: the last one put is the one kept
	}
	w.paths[rel] = true
	w.wg.Add(1)
	w.busy <- struct{}{}
	go func() {
		defer func() { <-w.busy; w.wg.Done() }()
		s.out, s.err = w.write(rel, b)
	}()
}

func (w *writer) write(rel string, b []byte) (Output, error) {
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return Output{}, model.Reasonf("%w: %s: %v", "%v: %s: %v", ErrWrite, rel, err)
		}
		w.mu.Lock()
		w.dirs[dir] = true
		w.mu.Unlock()
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return Output{}, model.Reasonf("%w: %s: %v", "%v: %s: %v", ErrWrite, rel, err)
	}
	sum := sha256.Sum256(b)
	return Output{Path: path.Clean(rel), SHA256: hex.EncodeToString(sum[:])}, nil
}

// done waits for every file put and returns them in the order put, or the first error
// in that order.
func (w *writer) done() ([]Output, error) {
	w.wg.Wait()
	out := make([]Output, 0, len(w.slots))
	for _, s := range w.slots {
		if s.err != nil {
			return nil, s.err
		}
		out = append(out, s.out)
	}
	return out, nil
}

// renderAll renders the figures as PNG and SVG, side by side on every processor (each
// figure draws on a canvas of its own; gonum/plot's font cache is safe for concurrent
// use). The tallest figures, the slowest, are handed out first, so that no processor is
// left with a big one at the end. A figure's PNG and SVG are drawn one after the other,
// not at once: both draw its *plot.Plot, and plot.Draw writes the axes' ranges
// (Axis.sanitizeRange) as it goes. The result keeps the figures' order; the first error
// in that order is returned.
func renderAll(made []*figure, png, svg bool) ([]renderedFigure, error) {
	return renderAllFor(made, png, svg, false)
}

// renderAllFor is renderAll that, when uri, also makes each figure's data URI for the
// HTML report on the processor that drew it: on the example study the base64 of 3.3 MB
// of PNG was 15 ms of the one goroutine that builds the report after the figures.
func renderAllFor(made []*figure, png, svg, uri bool) ([]renderedFigure, error) {
	out := make([]renderedFigure, len(made))
	errs := make([]error, len(made))
	order := make([]int, len(made))
	heights := make([]vg.Length, len(made))
	for i, f := range made {
		order[i], heights[i] = i, sizeForOrder(f)
	}
	sort.SliceStable(order, func(a, b int) bool { return heights[order[a]] > heights[order[b]] })
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(made)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var pixels []byte // this worker's canvas, drawn on again for each figure
			for i := range next {
				rf := renderedFigure{figure: made[i]}
				var err error
				if png {
					rf.png, err = made[i].renderPNGOn(&pixels)
				}
				if err == nil && svg {
					rf.svg, err = made[i].renderSVG()
				}
				if err == nil && uri {
					rf.dataURI = figureDataURI(rf.png, rf.svg)
				}
				out[i], errs[i] = rf, err
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sizeForOrder is f's height, or 0 for a figure that cannot be measured (its drawing
// then reports the error).
func sizeForOrder(f *figure) (h vg.Length) {
	defer func() {
		if recover() != nil {
			h = 0
		}
	}()
	return f.Height()
}
