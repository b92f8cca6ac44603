package reports

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every PNG carries its resolution, 300 dpi unless the study asks for another, and is as
// many pixels wide as its printed width needs at that resolution; every SVG references
// its font instead of embedding it and stays under 200 KB.
func TestFigureFilesForPrint(t *testing.T) {
	dir, outs := writtenExample(t)
	n := 0
	for _, o := range outs {
		b, err := os.ReadFile(filepath.Join(dir, o.Path))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(o.Path) {
		case ".png":
			n++
			x, y := pngResolution(b)
			if math.Abs(x-300) > 0.05 || math.Abs(y-300) > 0.05 {
				t.Errorf("%s: resolution %.2f × %.2f dpi, want 300", o.Path, x, y)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", o.Path, err)
			}
			// 17 cm at 300 dpi is 2008 pixels.
			if cfg.Width != 2008 {
				t.Errorf("%s: %d pixels wide, want 2008 (17 cm at 300 dpi)", o.Path, cfg.Width)
			}
		case ".svg":
			if len(b) > 200<<10 {
				t.Errorf("%s: %d bytes, want under 200 KB", o.Path, len(b))
			}
			if bytes.Contains(b, []byte("@font-face")) || !bytes.Contains(b, []byte(svgFontFamily)) {
				t.Errorf("%s: embeds a font or lacks the font list", o.Path)
			}
		}
	}
	if n < 7 {
		t.Errorf("%d PNG figures, want every kind", n)
	}
}

func TestPNGResolutionOption(t *testing.T) {
	res := exampleResults()
	res.Figures.DPI = 600
	res.Figures.WidthCM = 8.5
	res.Figures.Include = []string{"agreement"}
	figs, err := buildFigures(res)
	if err != nil || len(figs) != 1 {
		t.Fatalf("%d figures, %v", len(figs), err)
	}
	b, err := figs[0].renderPNG()
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := pngResolution(b); math.Abs(x-600) > 0.05 {
		t.Errorf("resolution %.2f dpi, want 600", x)
	}
	cfg, _ := png.DecodeConfig(bytes.NewReader(b))
	// 8.5 cm at 600 dpi: 8.5 / 2.54 * 600 = 2007.9 pixels.
	if cfg.Width != 2008 {
		t.Errorf("%d pixels wide, want 2008", cfg.Width)
	}
	// The chunk is well formed: image/png checks every chunk's CRC.
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Error(err)
	}
}

func TestFigureInclude(t *testing.T) {
	res := exampleResults()
	res.Figures.Include = []string{"agreement", "municipalities", "factors_by_role"}
	figs, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range figs {
		names = append(names, f.Name)
	}
	want := "agreement municipalities_kennen municipalities_bereiken municipalities_informeren factors_by_role"
	if strings.Join(names, " ") != want {
		t.Errorf("got %v, want %s", names, want)
	}
	res.Figures.Include = []string{"municipalities_bereiken"}
	if figs, _ := buildFigures(res); len(figs) != 1 || figs[0].Name != "municipalities_bereiken" {
		t.Errorf("one municipality figure: got %d", len(figs))
	}
	res.Figures.Include = []string{"pie"}
	if _, err := buildFigures(res); !errors.Is(err, ErrFigure) || !strings.Contains(err.Error(), `"pie" is not a figure`) {
		t.Errorf("unknown figure: %v", err)
	}
}
