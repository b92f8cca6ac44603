package codebook

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const defaultBook = "../data/codebooks/samenwerking.yaml"

func yamlOf(t *testing.T, v any) string {
	t.Helper()
	cb, ok := v.(*Codebook)
	if !ok {
		cb = &Codebook{Factors: v.([]Factor)}
	}
	// The calibration is a reference to a file, written relative to where the codebook is
	// saved, and the workbook and REFI-QDA formats have no place for it: not compared.
	c := *cb
	c.Calibration = ""
	b, err := c.MarshalYAMLBytes()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ": -" + x + "\n+" + y
		}
	}
	return ""
}

// TestRoundTrip converts YAML -> xlsx -> qdc -> YAML: the workbook holds everything, the
// .qdc holds factors and codes (not partners, roles and scales).
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	orig, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	want := yamlOf(t, orig)
	steps := []string{"a.yaml", "b.xlsx", "c.qdc", "d.yaml"}
	cur := orig
	for _, name := range steps {
		p := filepath.Join(dir, name)
		if err := Save(cur, p); err != nil {
			t.Fatalf("Save %s: %v", name, err)
		}
		next, err := Load(p)
		if err != nil {
			t.Fatalf("Load %s: %v", name, err)
		}
		switch name {
		case "a.yaml", "b.xlsx":
			if got := yamlOf(t, next); got != want {
				t.Errorf("%s lost something:\n%s", name, diffLines(want, got))
			}
		default:
			if got, w := yamlOf(t, next.Factors), yamlOf(t, orig.Factors); got != w {
				t.Errorf("%s lost something of the factors and codes:\n%s", name, diffLines(w, got))
			}
		}
		cur = next
	}
	if got, _ := cur.Resolve("Bereiken::Korte lijnen"); got != "bereiken.korte_lijnen" {
		t.Errorf("after the round trip Resolve = %q", got)
	}
}

// TestQDCSchema validates a written .qdc against the codebook part of the QDA-XML schema.
func TestQDCSchema(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed")
	}
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cb.qdc")
	if err := Save(cb, p); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", "testdata/Codebook.xsd", p).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
	// GUIDs are derived from ids: the same in every export.
	data, _ := os.ReadFile(p)
	if !strings.Contains(string(data), `guid="`+GUID("code", "bereiken.korte_lijnen")+`"`) {
		t.Error("code GUID not derived from its id")
	}
	first, again := GUID("code", "a"), GUID("code", "a")
	if first == GUID("code", "b") || first != again {
		t.Error("GUID not stable and distinct")
	}
	if !strings.Contains(string(data), `isCodable="false"`) {
		t.Error("factors are not written as non-codable parents")
	}
}

// TestAnnexA1 reads the REFI-QDA 1.5 Annex A.1 example codebook.
func TestAnnexA1(t *testing.T) {
	cb, err := Load("../testdata/third_party/refi-qda/annex-a1-codebook.qdc")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			got = append(got, c.ID)
		}
	}
	want := "topics.economy topics.health_care values.conservatives values.liberals"
	if strings.Join(got, " ") != want {
		t.Errorf("codes = %v, want %s", got, want)
	}
	if c, _ := cb.Code("topics.economy"); c.Definition.In("en") != "Anything about jobs or taxes or business" {
		t.Errorf("description = %q", c.Definition)
	}
	if id, ok := cb.Resolve("Topics > Health care"); !ok || id != "topics.health_care" {
		t.Errorf("Resolve = %q %v", id, ok)
	}
}

func TestQDCNamespacesAndNesting(t *testing.T) {
	for _, ns := range []string{"urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4"} {
		doc := `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="` + ns + `"><Codes>
<Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="Bereiken" isCodable="false">
  <Code guid="5215cc69-b628-4e02-afb9-9beeaee55809" name="Korte lijnen" isCodable="true">
    <Description>Snel contact</Description>
    <Code guid="5215cc69-b628-4e02-afb9-9beeaee55810" name="Per app" isCodable="true"/>
  </Code>
</Code></Codes></CodeBook>`
		cb, err := ParseQDC(strings.NewReader(doc))
		if err != nil {
			t.Fatalf("%s: %v", ns, err)
		}
		if errs := cb.Validate(); len(errs) > 0 {
			t.Errorf("%s: %v", ns, errs)
		}
		if id, _ := cb.Resolve("Bereiken > Korte lijnen > Per app"); id != "bereiken.korte_lijnen.per_app" {
			t.Errorf("%s: nested code resolves to %q", ns, id)
		}
	}
	bad := map[string]string{
		"entity":    `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&a;" isCodable="true"/></Codes></CodeBook>`,
		"undefined": `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&b;" isCodable="true"/></Codes></CodeBook>`,
		"deep":      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>` + strings.Repeat(`<Code guid="x" name="a" isCodable="true">`, 100) + strings.Repeat(`</Code>`, 100) + `</Codes></CodeBook>`,
		"namespace": `<CodeBook xmlns="urn:something:else"><Codes/></CodeBook>`,
		"root":      `<Project xmlns="urn:QDA-XML:project:1.0"/>`,
		"broken":    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>`,
		"empty":     ``,
	}
	for name, doc := range bad {
		if _, err := ParseQDC(strings.NewReader(doc)); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", name, err)
		}
	}
}

const badYAML = `name: Kapot
factors:
  - id: f
    label: {nl: F}
    codes:
      - id: f.a
        label: {nl: A}
        valence: facilitator
        aliases: [Gedeeld]
        patterns: ["ko*rt", "goed"]
      - id: f.a
        label: {nl: B}
        valence: positief
        aliases: [gedeeld]
scales:
  - id: s1
    label: {nl: S1}
    answers: {1: Oneens, 2: [Eens, oneens]}
    items:
      - {id: Q1, text: {nl: Een}}
  - id: s2
    label: {nl: S2}
    answers: {1: Nee, 2: Ja}
    items:
      - {id: q1, text: {nl: Twee}}
`

func TestValidateYAMLPlaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "kapot.yaml")
	if err := os.WriteFile(p, []byte(badYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("Load = %v, want a ValidationError", err)
	}
	want := []struct {
		line int
		err  error
		has  string
	}{
		{10, ErrPattern, `"ko*rt"`},
		{11, ErrDuplicate, `duplicate code id "f.a"`},
		{13, ErrValence, `"positief"`},
		{18, ErrAnswerValues, `"oneens"`},
		{25, ErrItemInScales, `"q1"`},
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(ve.Problems), len(want), err)
	}
	for i, w := range want {
		got := ve.Problems[i]
		if got.Place.Line != w.line || !errors.Is(got, w.err) || !strings.Contains(got.Reason, w.has) {
			t.Errorf("problem %d = %v (line %d), want line %d, %v, %s", i, got, got.Place.Line, w.line, w.err, w.has)
		}
	}
	if !errors.Is(err, ErrValence) || !strings.Contains(err.Error(), "kapot.yaml: 5 problem(s)") {
		t.Errorf("error text: %v", err)
	}
	// The duplicate alias of the duplicate code is not reported twice: one id per code.
}

func TestValidateXLSXPlaces(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cb.xlsx")
	if err := Save(cb, p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Row 3 is the second code: give it the first code's id and a bad valence; empty the
	// factor of row 5.
	_ = f.SetCellStr("Codes", "B3", "kennen.persoonlijk")
	_ = f.SetCellStr("Codes", "E3", "neutraal")
	_ = f.SetCellStr("Codes", "A5", "")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(p)
	for _, w := range []string{
		`sheet "Codes", cell B3 (column "Code"): duplicate code id "kennen.persoonlijk"`,
		`sheet "Codes", cell E3 (column "Valence"): code "kennen.persoonlijk": unknown valence "neutraal"`,
		`sheet "Codes", cell B5 (column "Code"): code "kennen.afspraken" has no factor`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"x.txt":         "name: x",
		"leeg.yaml":     "",
		"onbekend.yaml": "name: x\nfactorz: []\n",
		"kapot.xlsx":    "not a zip",
		"kapot.qdc":     "<CodeBook",
	} {
		p := filepath.Join(dir, name)
		_ = os.WriteFile(p, []byte(content), 0o644)
		_, err := Load(p)
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}

func TestMarkdown(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	md := cb.Markdown("nl")
	for _, w := range []string{"## Elkaar bereiken", "| **Korte lijnen** (`bereiken.korte_lijnen`) | bevorderend |", "## Schaal: Elkaar kennen"} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q", w)
		}
	}
	if en := cb.Markdown("en"); !strings.Contains(en, "| **Short lines** (`bereiken.korte_lijnen`) | facilitator |") {
		t.Error("english markdown lacks the code row")
	}
}
