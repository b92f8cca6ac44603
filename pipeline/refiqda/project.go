// Package refiqda holds the REFI-QDA exchange format (QDA-XML 1.0, REFI-QDA standard 1.5):
// the project (.qde inside a .qdpx archive) and codebook (.qdc) structures, decoding them
// leniently, and writing a Dataset with its codebook as a .qdpx that ATLAS.ti, MAXQDA,
// NVivo and QualCoder open, so researchers can review codings in their own tool.
//
// The structures follow the schema Project-mrt2019.xsd; element names match without their
// namespace, so files in urn:QDA-XML:project:1.0, codebook:1:0 or codebook:0:4 all read.
// No library for QDA-XML exists in Go, hence the hand-written structures.
package refiqda

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/encoding/htmlindex"
)

// Namespaces of the QDA-XML documents written.
const (
	ProjectNamespace  = "urn:QDA-XML:project:1.0"
	CodebookNamespace = "urn:QDA-XML:codebook:1.0"
)

// MaxDepth is the deepest element nesting Decode accepts.
const MaxDepth = 256

// Sentinel errors.
var (
	ErrNotWellFormed = model.NewKind("QDA-XML not well formed", "QDA-XML niet welgevormd")
	ErrTooDeep       = model.NewKind("QDA-XML nested too deep", "QDA-XML te diep genest")
)

// Project is the root of a .qde document.
type Project struct {
	XMLName     xml.Name     `xml:"Project"`
	Name        string       `xml:"name,attr"`
	Origin      string       `xml:"origin,attr,omitempty"`
	Users       []User       `xml:"Users>User"`
	Codes       []Code       `xml:"CodeBook>Codes>Code"`
	Variables   []Variable   `xml:"Variables>Variable"`
	Cases       []Case       `xml:"Cases>Case"`
	TextSources []TextSource `xml:"Sources>TextSource"`
	PDFSources  []Other      `xml:"Sources>PDFSource"`
	Pictures    []Other      `xml:"Sources>PictureSource"`
	Audio       []Other      `xml:"Sources>AudioSource"`
	Video       []Other      `xml:"Sources>VideoSource"`
	Sets        []Set        `xml:"Sets>Set"`
	Description string       `xml:"Description,omitempty"`
}

// CodeBook is the root of a .qdc document.
type CodeBook struct {
	XMLName xml.Name `xml:"CodeBook"`
	Codes   []Code   `xml:"Codes>Code"`
}

// User is a person working on the project; codings name their coder by the user's GUID.
type User struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
	ID   string `xml:"id,attr,omitempty"`
}

// Code is a code of the code book; Codes nest to form the code tree.
type Code struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	IsCodable   bool   `xml:"isCodable,attr"`
	Color       string `xml:"color,attr,omitempty"`
	Description string `xml:"Description,omitempty"`
	Codes       []Code `xml:"Code"`
}

// Variable declares a case or document variable.
type Variable struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Type        string `xml:"typeOfVariable,attr"`
	Description string `xml:"Description,omitempty"`
}

// VariableValue is the value of a variable for a case or a source: one of the typed
// values is set.
type VariableValue struct {
	Variable Ref     `xml:"VariableRef"`
	Text     *string `xml:"TextValue"`
	Boolean  *string `xml:"BooleanValue"`
	Integer  *string `xml:"IntegerValue"`
	Float    *string `xml:"FloatValue"`
	Date     *string `xml:"DateValue"`
	DateTime *string `xml:"DateTimeValue"`
}

// Value returns the value as written, whatever its type.
func (v VariableValue) Value() string {
	for _, p := range []*string{v.Text, v.Boolean, v.Integer, v.Float, v.Date, v.DateTime} {
		if p != nil {
			return strings.TrimSpace(*p)
		}
	}
	return ""
}

// Case is a case: in interview studies usually a respondent, with the respondent's
// variables and the sources (interviews) that belong to them.
type Case struct {
	GUID        string          `xml:"guid,attr"`
	Name        string          `xml:"name,attr,omitempty"`
	Description string          `xml:"Description,omitempty"`
	CodeRefs    []Ref           `xml:"CodeRef"`
	Values      []VariableValue `xml:"VariableValue"`
	SourceRefs  []Ref           `xml:"SourceRef"`
	Selections  []Ref           `xml:"SelectionRef"`
}

// Set groups codes or sources. Tools without document variables express them as sets
// named like "gemeente: Bergdorp".
type Set struct {
	GUID          string `xml:"guid,attr"`
	Name          string `xml:"name,attr"`
	Description   string `xml:"Description,omitempty"`
	MemberCodes   []Ref  `xml:"MemberCode"`
	MemberSources []Ref  `xml:"MemberSource"`
}

// TextSource is a text document: its text inline (PlainTextContent) or in a file of the
// archive (plainTextPath "internal://name.txt"), its coded selections and its variables.
type TextSource struct {
	GUID          string               `xml:"guid,attr"`
	Name          string               `xml:"name,attr,omitempty"`
	RichTextPath  string               `xml:"richTextPath,attr,omitempty"`
	PlainTextPath string               `xml:"plainTextPath,attr,omitempty"`
	CreatingUser  string               `xml:"creatingUser,attr,omitempty"`
	Description   string               `xml:"Description,omitempty"`
	Content       *string              `xml:"PlainTextContent"`
	Selections    []PlainTextSelection `xml:"PlainTextSelection"`
	Codings       []Coding             `xml:"Coding"`
	Values        []VariableValue      `xml:"VariableValue"`
}

// PlainTextSelection is a span of a text source, in Unicode code points, end exclusive.
// Positions are kept as written so that one bad selection is rejected on its own.
type PlainTextSelection struct {
	GUID          string   `xml:"guid,attr"`
	Name          string   `xml:"name,attr,omitempty"`
	StartPosition string   `xml:"startPosition,attr"`
	EndPosition   string   `xml:"endPosition,attr"`
	CreatingUser  string   `xml:"creatingUser,attr,omitempty"`
	Description   string   `xml:"Description,omitempty"`
	Codings       []Coding `xml:"Coding"`
}

// Coding applies a code to a selection (or a whole source).
type Coding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	Code         Ref    `xml:"CodeRef"`
}

// Ref points at another element by GUID.
type Ref struct {
	Target string `xml:"targetGUID,attr"`
}

// Other is a source this package does not read (PDF, picture, audio, video); it is kept
// so that readers can say what they left out.
type Other struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

// Decode reads a .qde project document. It refuses documents that are not well formed
// (ErrNotWellFormed) or nest deeper than MaxDepth (ErrTooDeep). Entities other than the
// five predefined ones are never expanded.
func Decode(data []byte) (*Project, error) {
	var p Project
	if err := decode(data, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// DecodeCodebook reads a .qdc codebook document.
func DecodeCodebook(data []byte) (*CodeBook, error) {
	var cb CodeBook
	if err := decode(data, &cb); err != nil {
		return nil, err
	}
	return &cb, nil
}

func decode(data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkDepth(data); err != nil {
		return err
	}
	d := newDecoder(data)
	if err := d.Decode(v); err != nil {
		return model.Reasonf("%v: %w", "%v: %v", err, ErrNotWellFormed)
	}
	return nil
}

func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, model.Reasonf("unknown encoding %q", "onbekende codering %q", label)
		}
		return enc.NewDecoder().Reader(input), nil
	}
	return d
}

// checkDepth reads the document's tokens once, refusing one that is not well formed or
// nests deeper than MaxDepth before the decoder builds anything from it.
func checkDepth(data []byte) error {
	d := newDecoder(data)
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return model.Reasonf("document ends inside an element: %w", "het document houdt op midden in een element: %v", ErrNotWellFormed)
			}
			return nil
		}
		if err != nil {
			return model.Reasonf("%v: %w", "%v: %v", err, ErrNotWellFormed)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > MaxDepth {
				line, _ := d.InputPos()
				return model.Reasonf("line %d: elements nested more than %d deep: %w", "regel %d: elementen meer dan %d diep genest: %v", line, MaxDepth, ErrTooDeep)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// NormalGUID returns a GUID without braces, in lower case, for keying: the standard
// allows both "{...}" and bare GUIDs and tools mix them.
func NormalGUID(g string) string {
	g = strings.TrimSpace(g)
	g = strings.TrimPrefix(g, "{")
	g = strings.TrimSuffix(g, "}")
	return strings.ToLower(g)
}
