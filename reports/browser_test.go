package reports

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg" // screenshots are JPEG
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser, or skips the test where none is installed unless
// SAMENSPEL_REQUIRE_BROWSER=1 says it must run (as on CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("SAMENSPEL_REQUIRE_BROWSER") == "1" {
		t.Fatal("SAMENSPEL_REQUIRE_BROWSER=1 but no chromium found")
	}
	t.Skip("chromium not installed")
	return ""
}

// TestReportInBrowser opens report.html in headless Chromium: every figure loads, the
// console stays clean, the headline numbers are on the page, and a screenshot is not
// blank; then again at phone width.
func TestReportInBrowser(t *testing.T) {
	bin := chromium(t)
	dir, _ := writtenExample(t)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "report.html"))

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	var mu sync.Mutex
	var consoleErrors []string
	// Listen starts the browser, so it runs on the context without a timeout.
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				consoleErrors = append(consoleErrors, string(e.Type))
			}
		case *runtime.EventExceptionThrown:
			consoleErrors = append(consoleErrors, e.ExceptionDetails.Text)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	if err := chromedp.Do(tctx,
		chromedp.Navigate(page),
		chromedp.WaitReady(chromedp.CSS("body")),
	); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`Array.from(document.images).every(i => i.complete)`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
	nImages, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.images.length`))
	if err != nil {
		t.Fatal(err)
	}
	nLoaded, err := chromedp.Run(tctx, chromedp.Evaluate[int](`Array.from(document.images).filter(i => i.naturalWidth > 0).length`))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(tctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	if nImages != 9 || nLoaded != nImages {
		t.Errorf("%d of %d figures loaded, want 9 of 9", nLoaded, nImages)
	}
	for _, want := range []string{
		"Samenwerking rond jongeren in drie gemeenten: één aanpak, coördinatie en vertrouwen",
		"Krippendorffs α (nominaal; Krippendorff 2011) = 0,78", "Cohens κ = 0,78", "Elkaar kennen: α = 0,78",
		"Figuur 9. Overeenstemming tussen codeurs per code", "Súdwest-Fryslân",
		"<script>alert(1)</script>", // escaped markup shows as text
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	mu.Lock()
	if len(consoleErrors) > 0 {
		t.Errorf("console errors: %v", consoleErrors)
	}
	mu.Unlock()
	checkNotBlank(t, shot)

	// Phone width: nothing but the scrollable tables is wider than the screen.
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`Array.from(document.querySelectorAll('h1, h2, h3, p, figure, img, blockquote, ul, .table')).some(e => e.getBoundingClientRect().right > window.innerWidth + 1)`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("at 390 px wide, content runs off the screen")
	}
}

// checkNotBlank decodes a screenshot and fails when it is all one colour.
func checkNotBlank(t *testing.T, shot []byte) {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 100 || b.Dy() < 100 {
		t.Fatalf("screenshot is %v", b)
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	differ := 0
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				differ++
			}
		}
	}
	if differ < 100 {
		t.Errorf("screenshot is (nearly) one colour: %d sampled pixels differ", differ)
	}
	if os.Getenv("SAMENSPEL_KEEP_REPORT") != "" {
		os.WriteFile(filepath.Join(os.TempDir(), "samenspel-report.jpg"), shot, 0o644)
	}
}
