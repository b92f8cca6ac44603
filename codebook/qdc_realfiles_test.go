package codebook

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
)

// qdcEntry is a code of a .qdc as the file's XML has it: guid, name, isCodable, colour
// ("-" for none), in document order.
type qdcEntry struct{ GUID, Name, Codable, Color string }

// qdcEntries lists every Code element and every Set (name and member GUIDs) of a .qdc.
func qdcEntries(t *testing.T, data []byte) ([]qdcEntry, []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var codes []qdcEntry
	var sets []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{"color": "-"}
		for _, a := range se.Attr {
			attr[a.Name.Local] = a.Value
		}
		switch se.Name.Local {
		case "Code":
			codes = append(codes, qdcEntry{attr["guid"], attr["name"], attr["isCodable"], attr["color"]})
		case "Set":
			sets = append(sets, attr["guid"]+" "+attr["name"]+":")
		case "MemberCode":
			sets[len(sets)-1] += " " + attr["guid"]
		}
	}
	return codes, sets
}

func roundTrip(t *testing.T, path string) (*Codebook, []byte) {
	t.Helper()
	cb, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	out, err := cb.QDCBytes()
	if err != nil {
		t.Fatal(err)
	}
	// Read back, the written codebook is the same codebook.
	again, err := ParseQDC(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := yamlOf(t, cb), yamlOf(t, again); a != b {
		t.Errorf("%s: read back differs: %s", path, diffLines(a, b))
	}
	return cb, out
}

// The codes of a codebook sent back into a QDA tool keep their GUIDs, colours and
// codability, and the sets their members. Expected values are the files' own XML:
//
//	/usr/bin/python3 -c "import xml.etree.ElementTree as E; q='{urn:QDA-XML:codebook:1.0}';
//	r=E.parse(F).getroot(); print([(c.get('guid'),c.get('name'),c.get('isCodable'),c.get('color'))
//	for c in r.iter(q+'Code')]); print([(s.get('guid'),s.get('name'),[m.get('guid') for m in
//	s.iter(q+'MemberCode')]) for s in r.iter(q+'Set')])"
func TestQDCRoundTripKeepsGUIDsColoursCodable(t *testing.T) {
	for _, c := range []struct {
		file  string
		codes []qdcEntry
		sets  []string
	}{
		{
			// Constructed (testdata/constructed/README.md): plain ids, colours, a codable parent.
			"../testdata/constructed/nested_codebook_colours_plain_ids.qdc",
			[]qdcEntry{
				{"k001", "Elkaar kennen", "false", "#0072b2"}, {"k010", "Vertrouwen", "true", "#3a8fc9"},
				{"k011", "Rollen kennen", "true", "#3a8fc9"}, {"b001", "Elkaar bereiken", "true", "#e69f00"},
				{"b010", "Korte lijnen", "true", "#f0b840"}, {"b011", "Onbereikbaar", "true", "#f0b840"},
				{"i001", "Elkaar informeren", "false", "#009e73"}, {"i010", "Terugkoppeling", "true", "#33b08a"},
			},
			[]string{"s001 Belemmerend: b011"},
		},
		{
			// REFI-QDA 1.5, Annex A.1: braced and unbraced GUIDs, folders without colour.
			"../testdata/third_party/refi-qda/annex-a1-codebook.qdc",
			[]qdcEntry{
				{"{5215cc69-b628-4e02-afb9-9beeaee55808}", "Topics", "false", "-"},
				{"{d7aa29da-519b-4946-9b90-253b6db8fd0a}", "Economy", "true", "#ffff00"},
				{"{0dcef2f5-e55c-49da-8c33-9b0803c7aeb4}", "Health care", "true", "#33cc33"},
				{"9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520", "Values", "false", "-"},
				{"{7c108712-b650-4892-ac0b-fc9a10190c3b}", "Conservatives", "true", "#ff0000"},
				{"{12365523-1035-4afa-9e7b-281fe0bc51c5}", "Liberals", "true", "#0000ff"},
			},
			nil,
		},
	} {
		_, out := roundTrip(t, c.file)
		codes, sets := qdcEntries(t, out)
		if !reflect.DeepEqual(codes, c.codes) {
			t.Errorf("%s: codes written back\n got %v\nwant %v", c.file, codes, c.codes)
		}
		if !reflect.DeepEqual(sets, c.sets) {
			t.Errorf("%s: sets written back %q, want %q", c.file, sets, c.sets)
		}
	}
}

// A flat codebook (Taguette 1.4.1's shape; constructed, see testdata/constructed) loads:
// its codes land in one factor named after the file, with a note, and keep their GUIDs.
func TestQDCFlatCodebook(t *testing.T) {
	path := "../testdata/constructed/flat_codebook_taguette_shape.qdc"
	cb, out := roundTrip(t, path)
	if len(cb.Factors) != 1 || cb.Factors[0].ID != "flat_codebook_taguette_shape" || len(cb.Factors[0].Codes) != 3 {
		t.Fatalf("factors %+v", cb.Factors)
	}
	var ids []string
	for _, c := range cb.Factors[0].Codes {
		ids = append(ids, c.ID)
	}
	if want := []string{"korte_lijnen", "geen_terugkoppeling", "elkaar_kennen"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("code ids %q", ids)
	}
	if len(cb.Notes) != 1 || !strings.Contains(cb.Notes[0], `3 codes without a parent code are put in one factor "flat_codebook_taguette_shape"`) {
		t.Errorf("notes %q", cb.Notes)
	}
	if id, ok := cb.Resolve("geen terugkoppeling"); !ok || id != "geen_terugkoppeling" {
		t.Errorf("Resolve = %q, %v", id, ok)
	}
	// From the file's XML (command above): the three codes, codable, without colours.
	codes, _ := qdcEntries(t, out)
	want := []qdcEntry{
		{"3F2B8C1E-5D7A-5B9E-8C41-2A6F0D9E7B13", "korte lijnen", "true", "-"},
		{"9A4C6E2D-1B8F-5C3A-9E72-4D1B8A6C2F95", "geen terugkoppeling", "true", "-"},
		{"C7E1A9B3-6F2D-5A8C-B4E9-7A3C1E5D9B26", "elkaar kennen", "true", "-"},
	}
	if !reflect.DeepEqual(codes[1:], want) || codes[0].Name != "flat_codebook_taguette_shape" {
		t.Errorf("written back %v", codes)
	}
}

// Valence in Dutch, as the Markdown appendix and Dutch codebooks write it.
func TestValenceDutchWords(t *testing.T) {
	cb, err := ParseYAML([]byte("name: x\nversion: '1'\nfactors:\n  - id: f\n    label: {nl: F}\n    codes:\n" +
		"      - {id: a, label: {nl: A}, valence: bevorderend}\n" +
		"      - {id: b, label: {nl: B}, valence: Belemmerend}\n" +
		"      - {id: c, label: {nl: C}, valence: barrier}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []Valence
	for _, c := range cb.Factors[0].Codes {
		got = append(got, c.Valence)
	}
	if want := []Valence{Facilitator, Barrier, Barrier}; !reflect.DeepEqual(got, want) || len(cb.Validate()) != 0 {
		t.Errorf("valences %q, problems %v", got, cb.Validate())
	}
	if ParseValence("Bevorderende factor") != Facilitator || ParseValence("Barrière") != Barrier || ParseValence("goed") != "goed" {
		t.Error("ParseValence")
	}
}

// The Markdown appendix is written only: reading it is an error that says so.
func TestMarkdownNotReadBack(t *testing.T) {
	dir := t.TempDir()
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	p := dir + "/bijlage.md"
	if err := Save(cb, p); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "appendix for the report and is not read back") {
		t.Errorf("Load(.md): %v", err)
	}
}

// A set that names an unknown code is a problem Validate reports with its place.
func TestValidateSetMembers(t *testing.T) {
	cb, err := ParseYAML([]byte("name: x\nversion: '1'\nfactors:\n  - id: f\n    label: {nl: F}\n    codes:\n      - {id: a, label: {nl: A}}\n" +
		"sets:\n  - name: Belemmerend\n    members: [a, f, b]\n"))
	if err != nil {
		t.Fatal(err)
	}
	probs := cb.Validate()
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), `line 10: set "Belemmerend": unknown factor or code "b"`) {
		t.Errorf("problems %v", probs)
	}
}
