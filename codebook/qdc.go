package codebook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/google/uuid"
	"github.com/samenspel/samenspel/pipeline/model"
)

// REFI-QDA codebooks (.qdc) hold codes as a tree: name, description, colour, whether a code
// can be applied. Factors are written as parent codes with isCodable="false", codes as
// their children. What the format has no place for (id, English label, valence, criteria,
// aliases, patterns) is written after a line "---" in the description as "key: value"
// lines, so a codebook survives a trip through a QDA tool; partners, roles and scales
// have no place in a .qdc and are not written. A codebook read from a .qdc keeps the GUIDs,
// colours and codability of its codes and its code sets, and writes them back unchanged,
// so that the codes a QDA tool gets back are the codes it exported.

// Namespaces of codebooks as the tools write them: the standard's, the variant with a
// colon some tools write, the 0.4 draft, and the project namespace of a .qde.
var qdcNamespaces = map[string]bool{
	"urn:QDA-XML:codebook:1.0": true,
	"urn:QDA-XML:codebook:1:0": true,
	"urn:QDA-XML:codebook:0:4": true,
	"urn:QDA-XML:project:1.0":  true,
	"":                         true,
}

const (
	qdcNamespace = "urn:QDA-XML:codebook:1.0"
	qdcMaxDepth  = 64
	qdcMaxBytes  = 32 << 20
	metaMarker   = "---"
)

// guidSpace is the namespace of the name-based (version 5) GUIDs derived from ids, so the
// same code has the same GUID in every export.
var guidSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/samenspel/samenspel/codebook"))

// GUID returns the stable GUID of a codebook element ("factor" or "code") with the given id.
func GUID(kind, id string) string {
	return uuid.NewSHA1(guidSpace, []byte(kind+"/"+id)).String()
}

type qdcCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	IsCodable   bool      `xml:"isCodable,attr"`
	Color       string    `xml:"color,attr,omitempty"`
	Description string    `xml:"Description,omitempty"`
	Codes       []qdcCode `xml:"Code"`
	line        int
}

type qdcBook struct {
	XMLName xml.Name  `xml:"CodeBook"`
	Xmlns   string    `xml:"xmlns,attr"`
	Codes   []qdcCode `xml:"Codes>Code"`
	Sets    *qdcSets  `xml:"Sets,omitempty"`
}

type qdcSets struct {
	Sets []qdcSet `xml:"Set"`
}

type qdcSet struct {
	GUID        string      `xml:"guid,attr"`
	Name        string      `xml:"name,attr"`
	Description string      `xml:"Description,omitempty"`
	Members     []qdcMember `xml:"MemberCode"`
}

type qdcMember struct {
	GUID string `xml:"guid,attr"`
}

// Colours by valence, as a QDA tool shows them.
const (
	colorFactor      = "#1f5f99"
	colorFacilitator = "#2e8b57"
	colorBarrier     = "#c0392b"
	colorOther       = "#7f8c8d"
)

// QDCBytes writes the codebook as a REFI-QDA codebook (namespace urn:QDA-XML:codebook:1.0).
func (cb *Codebook) QDCBytes() ([]byte, error) {
	book := qdcBook{Xmlns: qdcNamespace}
	for _, f := range cb.Factors {
		var codes []qdcCode
		for _, c := range f.Codes {
			color := colorOther
			switch c.Valence {
			case Facilitator:
				color = colorFacilitator
			case Barrier:
				color = colorBarrier
			}
			meta := [][2]string{{"id", c.ID}}
			meta = appendText(meta, "label", c.Label, "nl")
			if c.Valence != "" {
				meta = append(meta, [2]string{"valence", string(c.Valence)})
			}
			meta = appendText(meta, "definition", c.Definition, "nl")
			meta = appendText(meta, "include", c.Include, "")
			meta = appendText(meta, "exclude", c.Exclude, "")
			meta = appendText(meta, "example", c.Example, "")
			if len(c.Aliases) > 0 {
				meta = append(meta, [2]string{"aliases", joinList(c.Aliases)})
			}
			if len(c.Patterns) > 0 {
				meta = append(meta, [2]string{"patterns", joinList(c.Patterns)})
			}
			if c.Color != "" {
				color = qdcColor(c.Color)
			}
			codes = append(codes, qdcCode{GUID: codeGUID(c), Name: qdcName(c.Label, c.ID), IsCodable: true, Color: color,
				Description: description(c.Definition["nl"], meta)})
		}
		if f.ID == "" {
			book.Codes = append(book.Codes, codes...)
			continue
		}
		meta := [][2]string{{"id", f.ID}}
		meta = appendText(meta, "label", f.Label, "nl")
		meta = appendText(meta, "description", f.Description, "nl")
		color := colorFactor
		if f.Color != "" {
			color = qdcColor(f.Color)
		}
		book.Codes = append(book.Codes, qdcCode{GUID: factorGUID(f), Name: qdcName(f.Label, f.ID), IsCodable: f.Codable, Color: color,
			Description: description(f.Description["nl"], meta), Codes: codes})
	}
	if len(cb.Sets) > 0 {
		guids := map[string]string{}
		for _, f := range cb.Factors {
			if f.ID != "" {
				guids[f.ID] = factorGUID(f)
			}
			for _, c := range f.Codes {
				guids[c.ID] = codeGUID(c)
			}
		}
		book.Sets = &qdcSets{}
		for _, set := range cb.Sets {
			out := qdcSet{GUID: set.GUID, Name: set.Name, Description: set.Description}
			if out.GUID == "" {
				out.GUID = GUID("set", set.Name)
			}
			for _, m := range set.Members {
				g, ok := guids[m]
				if !ok {
					return nil, model.Reasonf("%w: set %q has member %q, which is no factor or code", "%v: set %q heeft lid %q, en dat is geen factor of code", ErrReference, set.Name, m)
				}
				out.Members = append(out.Members, qdcMember{GUID: g})
			}
			book.Sets.Sets = append(book.Sets.Sets, out)
		}
	}
	if len(book.Codes) == 0 {
		return nil, model.Reasonf("%w: a REFI-QDA codebook needs at least one code", "%v: een REFI-QDA-codeboek heeft minstens één code nodig", ErrMissing)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(book); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// codeGUID and factorGUID are the GUID a code or factor was read with, else the one
// derived from its id.
func codeGUID(c Code) string {
	if c.GUID != "" {
		return c.GUID
	}
	return GUID("code", c.ID)
}

func factorGUID(f Factor) string {
	if f.GUID != "" {
		return f.GUID
	}
	return GUID("factor", f.ID)
}

// sameGUID compares GUIDs as REFI-QDA does: case and braces do not count.
func sameGUID(a, b string) bool {
	return strings.EqualFold(strings.Trim(a, "{} "), strings.Trim(b, "{} "))
}

func qdcName(l Text, id string) string {
	if s := l["nl"]; s != "" {
		return s
	}
	if s := l.In("nl"); s != "" {
		return s
	}
	return id
}

// appendText adds the languages of t as "key.lang" lines, except skip (written elsewhere).
func appendText(meta [][2]string, key string, t Text, skip string) [][2]string {
	for _, lang := range sortedLangs(t) {
		if lang == skip || t[lang] == "" {
			continue
		}
		meta = append(meta, [2]string{key + "." + lang, t[lang]})
	}
	return meta
}

func sortedLangs(t Text) []string {
	var out []string
	for _, l := range []string{"nl", "en"} {
		if _, ok := t[l]; ok {
			out = append(out, l)
		}
	}
	for l := range t {
		if l != "nl" && l != "en" {
			out = append(out, l)
		}
	}
	if len(out) > 2 {
		rest := out[2:]
		for i := 1; i < len(rest); i++ {
			for j := i; j > 0 && rest[j] < rest[j-1]; j-- {
				rest[j], rest[j-1] = rest[j-1], rest[j]
			}
		}
	}
	return out
}

var lineEscaper = strings.NewReplacer("\\", "\\\\", "\n", "\\n", "\r", "")
var lineUnescaper = strings.NewReplacer("\\\\", "\\", "\\n", "\n")

func description(text string, meta [][2]string) string {
	var b strings.Builder
	b.WriteString(text)
	b.WriteString("\n\n" + metaMarker + "\n")
	for _, kv := range meta {
		b.WriteString(kv[0] + ": " + lineEscaper.Replace(kv[1]) + "\n")
	}
	return b.String()
}

// parseDescription splits a description into its text and the "key: value" lines after
// the marker line.
func parseDescription(d string) (string, map[string]string) {
	lines := strings.Split(strings.ReplaceAll(d, "\r\n", "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != metaMarker {
			continue
		}
		meta := map[string]string{}
		for _, l := range lines[i+1:] {
			k, v, ok := strings.Cut(l, ":")
			if ok {
				meta[strings.TrimSpace(k)] = lineUnescaper.Replace(strings.TrimSpace(v))
			}
		}
		if _, ok := meta["id"]; !ok {
			break
		}
		return strings.TrimSpace(strings.Join(lines[:i], "\n")), meta
	}
	return strings.TrimSpace(d), nil
}

// textFrom builds a Text from the primary (Dutch) text and "key.lang" lines.
func textFrom(primary string, meta map[string]string, key string) Text {
	t := Text{}
	if primary != "" {
		t["nl"] = primary
	}
	for k, v := range meta {
		if lang, ok := strings.CutPrefix(k, key+"."); ok && v != "" {
			t[lang] = v
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string { return strings.Trim(slugRe.ReplaceAllString(Fold(s), "_"), "_") }

// ReadQDC reads a REFI-QDA codebook. Entities are never expanded (a document type
// declaration with entities is refused) and nesting deeper than 64 elements is refused.
//
// A flat codebook, whose codes have no parent (Taguette writes them so), has no factors:
// its codes are put in one factor named after the file, with a note in cb.Notes and in
// the factor's description, so that the codebook validates and the researcher can move
// the codes to the study's factors (or map them with aliases).
func ReadQDC(path string) (*Codebook, error) {
	data, err := readRegular(path) // never a FIFO: readfile.go
	if err != nil {
		return nil, err
	}
	return parseQDCFile(path, bytes.NewReader(data))
}

// parseQDCFile is ReadQDC over the file's contents in r; path names the flat factor.
func parseQDCFile(path string, r io.Reader) (*Codebook, error) {
	cb, err := ParseQDC(r)
	if err != nil {
		return nil, err
	}
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for i := range cb.Factors {
		fa := &cb.Factors[i]
		if fa.ID != "" || len(fa.Codes) == 0 {
			continue
		}
		fa.ID = slug(stem)
		if fa.ID == "" {
			fa.ID = "codes"
		}
		fa.Label = Text{"nl": stem}
		note := fmt.Sprintf("%d codes without a parent code are put in one factor %q, named after the file; move them to the study's factors or map them with aliases", len(fa.Codes), fa.ID)
		fa.Description = Text{"nl": "Codes zonder bovenliggende code in " + filepath.Base(path) + "; deel ze in bij de factoren van de studie.", "en": "Codes without a parent code in " + filepath.Base(path) + "; move them to the study's factors."}
		cb.Notes = append(cb.Notes, note)
	}
	cb.Prepare()
	return cb, nil
}

// ParseQDC reads a REFI-QDA codebook from r; see ReadQDC. Codes without an id block get ids
// from their names ("Topics" > "Economy" becomes topics.economy). A codable code at the
// top level belongs to the nearest non-codable top-level code before it without children
// of its own (a codebook written as a flat list of folders and codes); one with none
// before it has no factor, which Validate reports.
func ParseQDC(r io.Reader) (*Codebook, error) {
	dec := xml.NewDecoder(io.LimitReader(r, qdcMaxBytes))
	dec.Strict = true
	var stack []*qdcCode
	var top []qdcCode
	var sets []qdcSet
	inSet := false
	depth := 0
	root := false
	inDesc := false
	var desc strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, model.Reasonf("%w: line %d: %v", "%v: regel %d: %v", ErrFormat, line, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				line, _ := dec.InputPos()
				return nil, model.Reasonf("%w: line %d: entity declarations are not read", "%v: regel %d: entiteitsdeclaraties worden niet gelezen", ErrFormat, line)
			}
		case xml.StartElement:
			depth++
			line, _ := dec.InputPos()
			if depth > qdcMaxDepth {
				return nil, model.Reasonf("%w: line %d: elements nested deeper than %d", "%v: regel %d: elementen dieper genest dan %d", ErrFormat, line, qdcMaxDepth)
			}
			if depth == 1 {
				if t.Name.Local != "CodeBook" {
					return nil, model.Reasonf("%w: line %d: root element <%s>, want <CodeBook>", "%v: regel %d: hoofdelement <%s>, verwacht <CodeBook>", ErrFormat, line, t.Name.Local)
				}
				if !qdcNamespaces[t.Name.Space] {
					return nil, model.Reasonf("%w: line %d: unknown namespace %q", "%v: regel %d: onbekende naamruimte %q", ErrFormat, line, t.Name.Space)
				}
				root = true
				continue
			}
			switch t.Name.Local {
			case "Code":
				c := &qdcCode{line: line}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "guid":
						c.GUID = a.Value
					case "name":
						c.Name = a.Value
					case "isCodable":
						c.IsCodable = a.Value == "true" || a.Value == "1"
					case "color":
						c.Color = a.Value
					}
				}
				stack = append(stack, c)
			case "Description":
				if len(stack) > 0 || inSet {
					inDesc = true
					desc.Reset()
				}
			case "Set":
				if len(stack) == 0 {
					inSet = true
					set := qdcSet{}
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "guid":
							set.GUID = a.Value
						case "name":
							set.Name = a.Value
						}
					}
					sets = append(sets, set)
				}
			case "MemberCode":
				if inSet {
					for _, a := range t.Attr {
						if a.Name.Local == "guid" {
							sets[len(sets)-1].Members = append(sets[len(sets)-1].Members, qdcMember{GUID: a.Value})
						}
					}
				}
			}
		case xml.CharData:
			if inDesc {
				desc.Write(t)
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "Description":
				if inDesc && len(stack) > 0 {
					stack[len(stack)-1].Description = desc.String()
				} else if inDesc && inSet {
					sets[len(sets)-1].Description = strings.TrimSpace(desc.String())
				}
				inDesc = false
			case "Set":
				inSet = false
			case "Code":
				if len(stack) == 0 {
					continue
				}
				c := *stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if len(stack) > 0 {
					p := stack[len(stack)-1]
					p.Codes = append(p.Codes, c)
				} else {
					top = append(top, c)
				}
			}
		}
	}
	if !root {
		return nil, model.Reasonf("%w: no <CodeBook> element", "%v: geen element <CodeBook>", ErrFormat)
	}
	return fromQDC(top, sets), nil
}

func fromQDC(top []qdcCode, sets []qdcSet) *Codebook {
	cb := &Codebook{}
	ids := map[string]string{} // folded GUID -> factor or code id, for the sets
	guidKey := func(g string) string { return strings.ToLower(strings.Trim(g, "{} ")) }
	orphan := -1
	folder := -1 // the last top-level non-codable code without children
	addCode := func(fi int, c qdcCode, parents []string) {
		fa := &cb.Factors[fi]
		text, meta := parseDescription(c.Description)
		code := Code{ID: meta["id"], Valence: ParseValence(meta["valence"])}
		if code.ID == "" {
			parts := []string{fa.ID}
			if fa.ID == "" {
				parts = nil
			}
			for _, p := range append(parents, c.Name) {
				parts = append(parts, slug(p))
			}
			code.ID = strings.Join(parts, ".")
		}
		code.Label = textFrom(c.Name, meta, "label")
		code.Definition = textFrom(text, meta, "definition")
		code.Include = textFrom("", meta, "include")
		code.Exclude = textFrom("", meta, "exclude")
		code.Example = textFrom("", meta, "example")
		code.Aliases = splitList(meta["aliases"])
		code.Patterns = splitList(meta["patterns"])
		if c.GUID != "" && !sameGUID(c.GUID, GUID("code", code.ID)) {
			code.GUID = c.GUID
		}
		if c.Color != valenceColor(code.Valence) {
			code.Color = keptColor(c.Color)
		}
		ids[guidKey(c.GUID)] = code.ID
		if meta == nil && len(parents) > 0 {
			// A deeper code keeps its path as an alias, so "A > B > C" resolves.
			code.Aliases = append(code.Aliases, strings.Join(append(append([]string{}, parents...), c.Name), " > "))
		}
		cp := at("factors", fi, "codes", len(fa.Codes))
		cb.setPlace(cp, Place{Line: c.line})
		for k := range code.Patterns {
			cb.setPlace(at(cp, "patterns", k), Place{Line: c.line})
		}
		fa.Codes = append(fa.Codes, code)
	}
	var walk func(fi int, c qdcCode, parents []string, depth int)
	walk = func(fi int, c qdcCode, parents []string, depth int) {
		if depth > qdcMaxDepth {
			return
		}
		if c.IsCodable {
			addCode(fi, c, parents)
		}
		for _, ch := range c.Codes {
			walk(fi, ch, append(append([]string{}, parents...), c.Name), depth+1)
		}
	}
	for _, c := range top {
		if !c.IsCodable || len(c.Codes) > 0 {
			text, meta := parseDescription(c.Description)
			f := Factor{ID: meta["id"], Label: textFrom(c.Name, meta, "label"), Description: textFrom(text, meta, "description")}
			if f.ID == "" {
				f.ID = slug(c.Name)
			}
			if c.GUID != "" && !sameGUID(c.GUID, GUID("factor", f.ID)) {
				f.GUID = c.GUID
			}
			if c.Color != colorFactor {
				f.Color = keptColor(c.Color)
			}
			f.Codable = c.IsCodable
			ids[guidKey(c.GUID)] = f.ID
			fi := len(cb.Factors)
			cb.Factors = append(cb.Factors, f)
			cb.setPlace(at("factors", fi), Place{Line: c.line})
			cb.setPlace(at("factors", fi, "id"), Place{Line: c.line})
			folder = -1
			if len(c.Codes) == 0 {
				folder = fi
			}
			for _, ch := range c.Codes {
				walk(fi, ch, nil, 1)
			}
			continue
		}
		fi := folder
		if fi < 0 {
			if orphan < 0 {
				orphan = len(cb.Factors)
				cb.Factors = append(cb.Factors, Factor{})
			}
			fi = orphan
		}
		addCode(fi, c, nil)
	}
	for _, set := range sets {
		out := CodeSet{Name: set.Name, Description: set.Description}
		if set.GUID != "" && !sameGUID(set.GUID, GUID("set", set.Name)) {
			out.GUID = set.GUID
		}
		for _, m := range set.Members {
			if id, ok := ids[guidKey(m.GUID)]; ok {
				out.Members = append(out.Members, id)
			}
		}
		cb.Sets = append(cb.Sets, out)
	}
	cb.Prepare()
	return cb
}

// noColor is the colour of a code that had none in the .qdc it was read from: it is
// written back without one.
const noColor = "none"

func keptColor(c string) string {
	if c == "" {
		return noColor
	}
	return c
}

func qdcColor(c string) string {
	if c == noColor {
		return ""
	}
	return c
}

// valenceColor is the colour samenspel writes for a code of the valence.
func valenceColor(v Valence) string {
	switch v {
	case Facilitator:
		return colorFacilitator
	case Barrier:
		return colorBarrier
	}
	return colorOther
}
