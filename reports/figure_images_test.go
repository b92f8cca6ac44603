package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestFigureImages compares every figure kind, drawn from the example results at 17 cm
// and 72 dpi, with its reference image in testdata/figures: the same size in pixels and,
// after a 3×3 box blur that forgives anti-aliasing, a mean grey-level difference under
// 1% with under 0.5% of pixels off by more than a quarter of the grey scale.
// SAMENSPEL_UPDATE_FIGURES=1 rewrites the references on purpose (look at them!).
func TestFigureImages(t *testing.T) {
	res := exampleResults()
	res.Figures.DPI = 72
	figs, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	update := os.Getenv("SAMENSPEL_UPDATE_FIGURES") == "1"
	for _, f := range figs {
		b, err := f.renderPNG()
		if err != nil {
			t.Fatal(err)
		}
		ref := filepath.Join("testdata", "figures", f.Name+".png")
		if update {
			if err := os.MkdirAll(filepath.Dir(ref), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ref, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(ref)
		if err != nil {
			t.Errorf("%s: no reference image (SAMENSPEL_UPDATE_FIGURES=1 makes it): %v", f.Name, err)
			continue
		}
		mean, off, err := imageDifference(b, want)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if mean > 0.01 || off > 0.005 {
			t.Errorf("%s differs from %s: mean difference %.4f, %.4f of pixels off", f.Name, ref, mean, off)
		}
	}
}

// imageDifference returns the mean absolute grey-level difference (0 to 1) of two PNGs
// after a 3×3 box blur, and the share of pixels that differ by more than 0.25.
func imageDifference(a, b []byte) (mean, off float64, err error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, 0, err
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, 0, err
	}
	if ia.Bounds().Size() != ib.Bounds().Size() {
		return 1, 1, fmt.Errorf("size %v, reference %v", ia.Bounds().Size(), ib.Bounds().Size())
	}
	ga, gb := blurredGrey(ia), blurredGrey(ib)
	n := 0
	for i := range ga {
		d := math.Abs(ga[i] - gb[i])
		mean += d
		if d > 0.25 {
			n++
		}
	}
	return mean / float64(len(ga)), float64(n) / float64(len(ga)), nil
}

func blurredGrey(img image.Image) []float64 {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	g := make([]float64, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			g[y*w+x] = luminance(img.At(r.Min.X+x, r.Min.Y+y))
		}
	}
	out := make([]float64, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			s, k := 0.0, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if xx, yy := x+dx, y+dy; xx >= 0 && xx < w && yy >= 0 && yy < h {
						s += g[yy*w+xx]
						k++
					}
				}
			}
			out[y*w+x] = s / float64(k)
		}
	}
	return out
}
