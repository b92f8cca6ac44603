package sav

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const testdata = "../testdata/spss/"

// The files were written by GNU PSPP 1.6.2 (Debian) from testdata/spss/enquete.sps; the
// expected values are the data lines of that script.
var wantCases = [][]Value{
	{{String: "r01"}, {String: "Utrecht"}, {Number: 1}, {Number: 4}, {Number: 5}, {Number: 3}, {Number: 2}, {String: "Korte lijnen met de wijkagent."}},
	{{String: "r02"}, {String: "Zeist"}, {Number: 2}, {Number: 1}, {Number: 9}, {Number: 5}, {SysMissing: true}, {String: "Privacy is lastig; we delen te weinig. é"}},
	{{String: "r03"}, {String: "Utrecht"}, {Number: 1}, {Number: 5}, {Number: 4}, {Number: 7}, {Number: 1}, {String: ""}},
	{{String: "r04"}, {String: "Zeist"}, {Number: 3}, {Number: 2}, {Number: 2}, {Number: 2}, {Number: 2}, {String: longAnswer}},
}

const longAnswer = "Een heel lang antwoord dat langer is dan tweehonderdvijfenvijftig tekens zodat het bestand het als een zeer lange tekenreeks moet opslaan over meerdere segmenten verdeeld en dit gebeurt in SPSS en PSPP met recordtype 7 subtype 14. Daarna volgt nog wat tekst om zeker over de grens te komen met jongerenwerk en wijkteam en school en wijkagent erbij."

var likert = map[float64]string{1: "Helemaal mee oneens", 2: "Mee oneens", 3: "Neutraal", 4: "Mee eens", 5: "Helemaal mee eens", 9: "Weet niet"}

func checkFile(t *testing.T, name string, f *File) {
	t.Helper()
	var names, labels []string
	for _, v := range f.Variables {
		names = append(names, v.Name)
		labels = append(labels, v.Label)
	}
	if want := []string{"respondent", "gemeente_van_werk", "functie", "K1", "K2", "B1", "B4", "opmerking"}; !reflect.DeepEqual(names, want) {
		t.Errorf("%s: names %q", name, names)
	}
	if labels[3] != "Ik ken de jongerenwerkers in mijn wijk persoonlijk." || labels[2] != "Wat is uw functie?" {
		t.Errorf("%s: labels %q", name, labels)
	}
	if f.Encoding != "UTF-8" || f.Variables[7].Width != 400 || f.Variables[1].Width != 20 {
		t.Errorf("%s: encoding %q widths %d %d", name, f.Encoding, f.Variables[7].Width, f.Variables[1].Width)
	}
	if !reflect.DeepEqual(f.Variables[3].ValueLabels, likert) || f.Variables[2].ValueLabels[2] != "Wijkagent" {
		t.Errorf("%s: value labels %v %v", name, f.Variables[3].ValueLabels, f.Variables[2].ValueLabels)
	}
	if !reflect.DeepEqual(f.Variables[4].Missing, []float64{9}) || !f.Variables[4].IsMissing(Value{Number: 9}) || f.Variables[4].IsMissing(Value{Number: 4}) {
		t.Errorf("%s: missing %v", name, f.Variables[4].Missing)
	}
	if !reflect.DeepEqual(f.Cases, wantCases) {
		t.Errorf("%s: cases\n got %+v\nwant %+v", name, f.Cases, wantCases)
	}
}

func TestOpen(t *testing.T) {
	for _, name := range []string{"enquete.sav", "enquete_compressed.sav", "enquete.zsav"} {
		f, err := Open(testdata + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkFile(t, name, f)
	}
}

// TestRegenerate writes the files again with pspp, where it is installed, and checks that
// they read the same.
func TestRegenerate(t *testing.T) {
	pspp, err := exec.LookPath("pspp")
	if err != nil {
		t.Skip("pspp not installed")
	}
	dir := t.TempDir()
	sps, err := os.ReadFile(testdata + "enquete.sps")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "enquete.sps"), sps, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pspp, "enquete.sps")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pspp: %v\n%s", err, out)
	}
	for _, name := range []string{"enquete.sav", "enquete_compressed.sav", "enquete.zsav"} {
		f, err := Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkFile(t, "regenerated "+name, f)
	}
}

// Every truncation and a sweep of corrupted bytes is an error or a file, never a panic.
func TestCorrupt(t *testing.T) {
	for _, name := range []string{"enquete.sav", "enquete_compressed.sav", "enquete.zsav"} {
		data, err := os.ReadFile(testdata + name)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(data); n += 7 {
			if _, err := Parse(data[:n]); err == nil && n < 200 {
				t.Errorf("%s truncated to %d bytes: no error", name, n)
			}
		}
		for i := 0; i < len(data); i += 3 {
			c := append([]byte(nil), data...)
			c[i] ^= 0xA5
			Parse(c)
		}
	}
	if _, err := Parse([]byte("hello world, not spss")); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "$FL2") {
		t.Errorf("got %v", err)
	}
}
