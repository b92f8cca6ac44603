package refiqda

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// WriteOptions tune WriteProject.
type WriteOptions struct {
	// Name is the project name; "samenspel" when empty.
	Name string
	// Language picks the labels of codes and variables: "nl" (default) or "en".
	Language string
	// Descriptions, by segment id, become the Description of the segment's selection
	// (the suggestions to review, see SuggestionLines).
	Descriptions map[string]string
}

// namespace is the UUID namespace of every GUID this package derives.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/samenspel/samenspel/refiqda"))

// GUID derives a stable GUID for an element of a kind ("code", "user", "segment", ...)
// from its id: a name-based UUID (RFC 4122 version 5, SHA-1) in a namespace of this
// package. The same code id gives the same GUID in every project written, so a second
// export lines up with the first in the researcher's QDA tool.
func GUID(kind, id string) string {
	return uuid.NewSHA1(namespace, []byte(kind+":"+id)).String()
}

// OpenAnswers is the Description of a source that holds open answers to a survey
// question rather than an interview; a reader of a samenspel project marks its segments
// as open answers again.
const OpenAnswers = "samenspel: open answers to a survey question"

// InterviewerTurn is the Description of a selection that holds a turn of the interviewer:
// context only, never coded or counted, so that the project reads back as the dataset it
// was written from.
const InterviewerTurn = "samenspel: a turn of the interviewer (context only)"

// ReviewedGUID is the GUID of the code that carries "reviewed, nothing applies": a coder
// who looked at a segment and applied no code. Readers map it back onto a coding with an
// empty code name.
var ReviewedGUID = GUID("code", "\x00reviewed")

// WriteProject writes ds with the codebook cb as a .qdpx archive (a zip holding
// project.qde and one plain-text file per document under sources/).
//
// Each document (a respondent's Segment.Document, or the respondent where a segment has
// none) becomes a TextSource whose text is its segments in order, separated by blank
// lines; each segment a PlainTextSelection named by its text; each coding a Coding by the
// coder's User. Codebook codes sit under their factor with GUIDs derived from the code
// ids (see GUID); a coding whose name the codebook does not know gets a top-level code
// named as the export wrote it. Respondents become Cases with their municipality, role
// and attributes as text variables, referring to their sources. Interviewer turns are
// selections without codings, marked by the Description InterviewerTurn. The auto-coder's rule and span are not carried
// (QDA-XML has no place for them); its codings appear under the coder "auto". A source
// of open survey answers has the Description OpenAnswers.
//
// cb may be nil; then every coding is written under its name as read.
func WriteProject(w io.Writer, ds protected.Dataset, cb *codebook.Codebook, opt WriteOptions) error {
	p, texts := buildProject(ds, cb, opt)
	zw := zip.NewWriter(w)
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate})
	if err != nil {
		return err
	}
	if err := Encode(f, p); err != nil {
		return err
	}
	for _, t := range texts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + t.file, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, t.text); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Encode writes p as a .qde document in the project namespace. Only text sources are
// written; PDF, picture, audio and video sources are not.
func Encode(w io.Writer, p *Project) error {
	// encoding/xml writes the parent of an "a>b" field even for an empty slice, which
	// the schema refuses (a Sets element needs a Set); pointers to wrappers are left out
	// when nil.
	type users struct {
		User []User `xml:"User"`
	}
	type codes struct {
		Code []Code `xml:"Codes>Code"`
	}
	type variables struct {
		Variable []Variable `xml:"Variable"`
	}
	type cases struct {
		Case []Case `xml:"Case"`
	}
	type sources struct {
		TextSource []TextSource `xml:"TextSource"`
	}
	type sets struct {
		Set []Set `xml:"Set"`
	}
	out := struct {
		XMLName     xml.Name   `xml:"Project"`
		Xmlns       string     `xml:"xmlns,attr"`
		Name        string     `xml:"name,attr"`
		Origin      string     `xml:"origin,attr,omitempty"`
		Users       *users     `xml:"Users"`
		CodeBook    *codes     `xml:"CodeBook"`
		Variables   *variables `xml:"Variables"`
		Cases       *cases     `xml:"Cases"`
		Sources     *sources   `xml:"Sources"`
		Sets        *sets      `xml:"Sets"`
		Description string     `xml:"Description,omitempty"`
	}{Xmlns: ProjectNamespace, Name: p.Name, Origin: p.Origin, Description: p.Description}
	if len(p.Users) > 0 {
		out.Users = &users{p.Users}
	}
	if len(p.Codes) > 0 {
		out.CodeBook = &codes{p.Codes}
	}
	if len(p.Variables) > 0 {
		out.Variables = &variables{p.Variables}
	}
	if len(p.Cases) > 0 {
		out.Cases = &cases{p.Cases}
	}
	if len(p.TextSources) > 0 {
		out.Sources = &sources{p.TextSources}
	}
	if len(p.Sets) > 0 {
		out.Sets = &sets{p.Sets}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return model.Reasonf("refiqda: %w", "refiqda: %v", err)
	}
	return enc.Close()
}

type sourceText struct{ file, text string }

func buildProject(ds protected.Dataset, cb *codebook.Codebook, opt WriteOptions) (*Project, []sourceText) {
	lang := opt.Language
	if lang == "" {
		lang = "nl"
	}
	name := opt.Name
	if name == "" {
		name = "samenspel"
	}
	p := &Project{Name: name, Origin: "samenspel"}

	// Codes: the codebook's factors and codes, then names it does not know.
	codeGUID := map[string]string{} // code id -> guid
	if cb != nil {
		for _, f := range cb.Factors {
			fc := Code{GUID: GUID("factor", f.ID), Name: f.Label.In(lang), Description: f.Description.In(lang)}
			if fc.Name == "" {
				fc.Name = f.ID
			}
			for _, c := range f.Codes {
				g := GUID("code", c.ID)
				codeGUID[c.ID] = g
				cc := Code{GUID: g, Name: c.Label.In(lang), IsCodable: true, Description: c.Definition.In(lang)}
				if cc.Name == "" {
					cc.Name = c.ID
				}
				fc.Codes = append(fc.Codes, cc)
			}
			p.Codes = append(p.Codes, fc)
		}
	}
	rawGUID := map[string]string{}
	reviewed := false
	codingRef := func(c protected.Coding) (string, bool) {
		if g, ok := codeGUID[c.Code]; ok && c.Code != "" {
			return g, true
		}
		n := c.Raw
		if n == "" {
			n = c.Code
		}
		if strings.TrimSpace(n) == "" {
			reviewed = true
			return ReviewedGUID, true
		}
		g, ok := rawGUID[n]
		if !ok {
			g = GUID("raw", n)
			rawGUID[n] = g
		}
		return g, true
	}

	// Users: every coder.
	userGUID := map[string]string{}
	for _, c := range ds.Codings {
		if c.Coder != "" {
			userGUID[c.Coder] = GUID("user", c.Coder)
		}
	}
	for _, n := range model.SortedKeys(userGUID) {
		p.Users = append(p.Users, User{GUID: userGUID[n], Name: n})
	}

	codingsBySegment := map[string][]protected.Coding{}
	for _, c := range ds.Codings {
		codingsBySegment[c.Segment] = append(codingsBySegment[c.Segment], c)
	}

	// Sources: one per respondent and document.
	type doc struct {
		respondent, name string
		segments         []protected.Segment
	}
	docs := map[string]*doc{}
	seen := map[string]bool{}
	for _, s := range ds.Segments {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		n := s.Document
		if n == "" {
			n = s.Respondent
		}
		k := s.Respondent + "\x00" + n
		if docs[k] == nil {
			docs[k] = &doc{respondent: s.Respondent, name: n}
		}
		docs[k].segments = append(docs[k].segments, s)
	}
	sourcesOf := map[string][]string{} // respondent -> source guids
	var texts []sourceText
	for _, k := range model.SortedKeys(docs) {
		d := docs[k]
		sort.SliceStable(d.segments, func(i, j int) bool {
			a, b := d.segments[i], d.segments[j]
			if a.Start >= 0 && b.Start >= 0 {
				return a.Start < b.Start
			}
			return false
		})
		g := GUID("source", k)
		src := TextSource{GUID: g, Name: d.name, PlainTextPath: "internal://" + g + ".txt"}
		open := true
		for _, s := range d.segments {
			open = open && s.OpenAnswer
		}
		if open {
			src.Description = OpenAnswers
		}
		var text strings.Builder
		pos := 0
		for i, s := range d.segments {
			if i > 0 {
				text.WriteString("\n\n")
				pos += 2
			}
			start := pos
			text.WriteString(s.Text)
			pos += len([]rune(s.Text))
			sel := PlainTextSelection{
				GUID:          GUID("segment", s.ID),
				Name:          s.Text,
				StartPosition: fmt.Sprint(start),
				EndPosition:   fmt.Sprint(pos),
			}
			sel.Description = opt.Descriptions[s.ID]
			if s.Interviewer {
				sel.Description = InterviewerTurn
				src.Selections = append(src.Selections, sel)
				continue
			}
			done := map[string]bool{}
			for _, c := range codingsBySegment[s.ID] {
				ref, _ := codingRef(c)
				key := ref + "\x00" + c.Coder
				if done[key] {
					continue
				}
				done[key] = true
				cd := Coding{GUID: GUID("coding", s.ID+"\x00"+key), Code: Ref{Target: ref}}
				if c.Coder != "" {
					cd.CreatingUser = userGUID[c.Coder]
				}
				sel.Codings = append(sel.Codings, cd)
			}
			src.Selections = append(src.Selections, sel)
		}
		p.TextSources = append(p.TextSources, src)
		texts = append(texts, sourceText{file: g + ".txt", text: text.String()})
		sourcesOf[d.respondent] = append(sourcesOf[d.respondent], g)
	}

	for _, n := range model.SortedKeys(rawGUID) {
		p.Codes = append(p.Codes, Code{GUID: rawGUID[n], Name: n, IsCodable: true})
	}
	if reviewed {
		label := "Beoordeeld: niets van toepassing"
		if lang == "en" {
			label = "Reviewed: nothing applies"
		}
		p.Codes = append(p.Codes, Code{GUID: ReviewedGUID, Name: label, IsCodable: true,
			Description: "samenspel: the coder reviewed this segment and applied no code."})
	}

	// Cases: one per respondent, with variables.
	municipality, role := "gemeente", "rol"
	if lang == "en" {
		municipality, role = "municipality", "role"
	}
	resp := map[string]protected.Respondent{}
	for _, r := range ds.Respondents {
		if _, ok := resp[r.Pseudonym]; !ok {
			resp[r.Pseudonym] = r
		}
	}
	for id := range sourcesOf {
		if _, ok := resp[id]; !ok && id != "" {
			resp[id] = protected.Respondent{Pseudonym: id}
		}
	}
	vars := map[string]bool{}
	for _, r := range resp {
		if r.Municipality != "" {
			vars[municipality] = true
		}
		if r.Role != "" {
			vars[role] = true
		}
		for k, v := range r.Attributes {
			if v != "" && k != municipality && k != role {
				vars[k] = true
			}
		}
	}
	for _, v := range model.SortedKeys(vars) {
		p.Variables = append(p.Variables, Variable{GUID: GUID("variable", v), Name: v, Type: "Text"})
	}
	value := func(name, v string) VariableValue {
		return VariableValue{Variable: Ref{Target: GUID("variable", name)}, Text: &v}
	}
	for _, id := range model.SortedKeys(resp) {
		if id == "" {
			continue
		}
		r := resp[id]
		c := Case{GUID: GUID("case", id), Name: id}
		vals := map[string]string{}
		if r.Municipality != "" {
			vals[municipality] = r.Municipality
		}
		if r.Role != "" {
			vals[role] = r.Role
		}
		for k, v := range r.Attributes {
			if _, ok := vals[k]; !ok && v != "" {
				vals[k] = v
			}
		}
		for _, k := range model.SortedKeys(vals) {
			c.Values = append(c.Values, value(k, vals[k]))
		}
		for _, g := range sourcesOf[id] {
			c.SourceRefs = append(c.SourceRefs, Ref{Target: g})
		}
		p.Cases = append(p.Cases, c)
	}
	return p, texts
}
