package model

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The standard library's errors about a researcher's files read in Dutch, inside a reason
// that names the file; the English stays as the library wrote it.
func TestLibraryErrorsInDutch(t *testing.T) {
	dir := t.TempDir()
	_, notThere := os.Open(filepath.Join(dir, "geen.xlsx"))
	_, notZip := zip.NewReader(bytes.NewReader([]byte("geen zip")), 8)
	xmlErr := xml.NewDecoder(strings.NewReader("<a><b>")).Decode(new(struct{}))
	var v struct{ A int }
	yamlErr := yaml.Unmarshal([]byte("a: 1\n  b: [2"), &v)
	dec := yaml.NewDecoder(strings.NewReader("a: 1\nbee: 2\n"))
	dec.KnownFields(true)
	knownErr := dec.Decode(&struct {
		A int `yaml:"a"`
	}{})
	closedBy := xml.NewDecoder(strings.NewReader("<a><b></a>")).Decode(new(struct{}))
	_, csvErr := csv.NewReader(strings.NewReader("a,b\n1\n")).ReadAll()
	for _, tc := range []struct {
		err  error
		want string
	}{
		{notThere, filepath.Join(dir, "geen.xlsx") + ": openen mislukt: het bestand of de map bestaat niet"},
		{notZip, "zip: geen geldig zip-archief"},
		{xmlErr, "XML-fout op regel 1: het bestand houdt midden in de XML op"},
		{closedBy, "XML-fout op regel 1: element <b> gesloten door </a>"},
		{io.ErrUnexpectedEOF, "het bestand houdt onverwacht op"},
		{csvErr, "regel 2: een ander aantal velden dan de kopregel"},
		{yamlErr, "YAML: regel 2: een dubbele punt mag hier niet (zet een tekst met ': ' tussen aanhalingstekens)"},
		{knownErr, "YAML: fouten bij het lezen:\n  regel 2: onbekende sleutel bee"},
		{errors.New("flate: corrupt input before offset 2872"), "de ingepakte gegevens zijn beschadigd vóór byte 2872"},
		{errors.New("unsupported workbook file format"), "geen werkmapformaat dat gelezen kan worden"},
		{errors.Join(errLabel, notZip), "onbekend antwoordlabel\nzip: geen geldig zip-archief"},
	} {
		if tc.err == nil {
			t.Fatalf("no error for %q", tc.want)
		}
		if got := Dutch(tc.err); got != tc.want {
			t.Errorf("Dutch(%q) = %q, want %q", tc.err, got, tc.want)
		}
		// Inside a reason naming the file: Dutch throughout, the English untouched.
		r := Reasonf("%s: %w", "%s: %v", "codering.xlsx", tc.err)
		if got, want := Dutch(r), "codering.xlsx: "+tc.want; got != want {
			t.Errorf("in a reason: %q, want %q", got, want)
		}
		if got, want := r.Error(), "codering.xlsx: "+tc.err.Error(); got != want {
			t.Errorf("English: %q, want %q", got, want)
		}
		if !errors.Is(r, tc.err) {
			t.Errorf("%q does not wrap %q", r, tc.err)
		}
	}
	// A library error with no Dutch stays English, and a wrapper of plain English words
	// keeps the whole in English (never half of each).
	for _, err := range []error{
		errors.New("strconv.ParseFloat: parsing \"x\": invalid syntax"),
		fmt.Errorf("opening the workbook: %w", notZip),
	} {
		if got := Dutch(err); got != err.Error() {
			t.Errorf("Dutch(%q) = %q, want it in English", err, got)
		}
	}
}

// An argument with a Dutch method (a place in a file) is given in Dutch.
func TestReasonfArgumentWithDutch(t *testing.T) {
	err := Reasonf("%s: duplicate id", "%s: dubbel id", place{})
	if err.Error() != "line 3: duplicate id" || Dutch(err) != "regel 3: dubbel id" {
		t.Errorf("%q / %q", err.Error(), Dutch(err))
	}
}

type place struct{}

func (place) String() string { return "line 3" }
func (place) Dutch() string  { return "regel 3" }
