package ingest

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// Errors of REFI-QDA projects.
var (
	ErrNoProject         = model.NewKind("no .qde project document in the archive", "geen .qde-projectdocument in het archief")
	ErrSelectionOutside  = model.NewKind("selection outside its text", "selectie buiten haar tekst")
	ErrSelectionMismatch = model.NewKind("selection does not hold the text its name says", "selectie bevat niet de tekst die haar naam noemt")
	ErrMissingSource     = model.NewKind("source text missing", "brontekst ontbreekt")
	// ErrAmbiguousRespondent: the sources of a project would be joined into one respondent
	// by a guess the study did not state.
	ErrAmbiguousRespondent = model.NewKind("respondent of the sources not stated", "respondent van de bronnen niet opgegeven")
)

// readQDPX reads a REFI-QDA project: a .qdpx archive, or a bare .qde document whose
// sources carry their text inline.
//
// Every passage of a text source (a range start-end that PlainTextSelections select) is a
// segment, however many selections select it (see passages); rows read are the
// selections. Their Codings become the passage's codings with the code's path as Raw
// ("Parent > Child") and as coder the User named by the Coding's creatingUser, else by
// the selection's. Everything is keyed
// by GUID, never by name. A source's respondent is the named Case that refers to it (of
// several, the one the study names: qdpx_cases.go), else
// a "respondent" document variable, else what opt.NamePattern reads from the source name
// (also role, municipality and attributes; a name that does not fit is a reject), else the
// source name up to its first "_" (an error where that would join differently named
// sources into one respondent: the study must then state the rule). Attributes
// come from Case variables, document variables (on the source, or on a nameless Case
// with one SourceRef) and Sets named "key: value" whose members are sources.
//
// A project samenspel wrote (origin "samenspel", review.qdpx) reads back as the dataset
// it was written from: the auto-coder's codings (user "auto") are left out, since the
// run codes the segments again and would otherwise count them twice, and sources marked
// refiqda.OpenAnswers give open survey answers (Segment.OpenAnswer), not interviews.
func readQDPX(path string, opt Options) (model.Dataset, error) {
	var ds model.Dataset
	var arch *zipArchive
	var qde []byte
	qdeName := filepath.Base(path)
	in, err := loadInput(path, opt)
	if err != nil {
		return ds, err
	}
	if strings.EqualFold(filepath.Ext(path), ".qde") {
		qde = in.data
	} else {
		a, err := openArchive(in, projectArchive)
		if err != nil {
			return ds, err
		}
		arch = a
		qdeName = findProjectDocument(a, path)
		if qdeName == "" {
			return ds, model.Reasonf("%s: %w", "%s: %v", path, ErrNoProject)
		}
		if qde, err = a.read(qdeName); err != nil {
			return ds, err
		}
	}
	p, err := refiqda.Decode(qde)
	if err != nil {
		return ds, model.Reasonf("%s: %s: %w", "%s: %s: %v", path, qdeName, err)
	}
	r := qdpxReader{path: path, opt: opt, arch: arch, p: p}
	if r.ours() && opt.Beside != "" {
		return ds, model.Reasonf("%s: %w beside %s: it holds the interviews of the run that wrote it, so every interviewee would count twice; list it under autocode.review only (its verdicts count there), or make it the only file under interviews to read its coding back", "%s: %v naast %s: het bevat de interviews van de run die het schreef, dus elke geïnterviewde zou dubbel tellen; noem het alleen onder autocode.review (daar tellen de oordelen), of maak het het enige bestand onder interviews om de codering ervan terug te lezen", path, ErrReviewAsInterviews, listedIn(opt.Beside))
	}
	if r.ours() && opt.BesideSurvey != "" && slices.ContainsFunc(p.TextSources, func(s refiqda.TextSource) bool {
		return strings.TrimSpace(s.Description) == refiqda.OpenAnswers
	}) {
		return ds, model.Reasonf("%s: %w beside the survey %s: it holds the survey's open answers as the run that wrote it read them, so each would count twice; list it under autocode.review only (its verdicts count there), or read it back without the survey", "%s: %v naast de vragenlijst %s: het bevat de open antwoorden van de vragenlijst zoals de run die het schreef ze las, dus elk zou dubbel tellen; noem het alleen onder autocode.review (daar tellen de oordelen), of lees het terug zonder de vragenlijst", path, ErrReviewAsInterviews, listedIn(opt.BesideSurvey))
	}
	return r.read()
}

// findProjectDocument returns project.qde, or the only .qde at the archive's top level
// (some tools name it after the project).
func findProjectDocument(a *zipArchive, path string) string {
	if n := a.find("project.qde"); n != "" {
		return n
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".qde"
	if n := a.find(base); n != "" {
		return n
	}
	for _, n := range a.names() {
		if strings.EqualFold(filepath.Ext(n), ".qde") && !strings.Contains(n, "/") && a.has(n) {
			return n
		}
	}
	for _, n := range a.names() {
		if strings.EqualFold(filepath.Ext(n), ".qde") && a.has(n) {
			return n
		}
	}
	return ""
}

type qdpxReader struct {
	path string
	opt  Options
	arch *zipArchive
	p    *refiqda.Project
	ds   model.Dataset

	users     map[string]string // guid -> name
	codes     map[string]string // guid -> path
	variables map[string]string // guid -> name
	count     model.FileCount
	// sourceKeys are the keys of the sources read (sourceKey); sourceIndex is the place
	// of the source being read among the project's text sources, from 1.
	sourceKeys  map[string]bool
	sourceIndex int
	// misaligned counts passages that overlap another coder's without the same range.
	misaligned int
}

func (r *qdpxReader) read() (model.Dataset, error) {
	r.count = model.FileCount{Path: r.path, Format: "qdpx"}
	np, err := compileNamePattern(r.opt.NamePattern)
	if err != nil {
		return model.Dataset{}, model.Reasonf("%s: %w", "%s: %v", r.path, err)
	}
	r.users = map[string]string{}
	for _, u := range r.p.Users {
		n := strings.TrimSpace(u.Name)
		if n == "" {
			n = strings.TrimSpace(u.ID)
		}
		if n == "" {
			n = refiqda.NormalGUID(u.GUID)
		}
		r.users[refiqda.NormalGUID(u.GUID)] = n
	}
	r.codes = map[string]string{}
	var walk func(cs []refiqda.Code, parent string, depth int)
	walk = func(cs []refiqda.Code, parent string, depth int) {
		for _, c := range cs {
			n := strings.TrimSpace(c.Name)
			if parent != "" {
				n = parent + " > " + n
			}
			r.codes[refiqda.NormalGUID(c.GUID)] = n
			walk(c.Codes, n, depth+1)
		}
	}
	walk(r.p.Codes, "", 0)
	r.variables = map[string]string{}
	for _, v := range r.p.Variables {
		r.variables[refiqda.NormalGUID(v.GUID)] = strings.TrimSpace(v.Name)
	}

	// Respondents and attributes per source.
	cases := sourceCases{}
	srcAttrs := map[string]map[string]string{}
	respAttrs := map[string]map[string]string{}
	addAttr := func(m map[string]map[string]string, key, name, value string) {
		if strings.TrimSpace(name) == "" || strings.TrimSpace(value) == "" {
			return
		}
		if m[key] == nil {
			m[key] = map[string]string{}
		}
		if _, ok := m[key][name]; !ok {
			m[key][name] = strings.TrimSpace(value)
		}
	}
	values := func(vs []refiqda.VariableValue, each func(name, value string)) {
		for _, v := range vs {
			n := r.variables[refiqda.NormalGUID(v.Variable.Target)]
			if n == "" {
				n = refiqda.NormalGUID(v.Variable.Target)
			}
			each(n, v.Value())
		}
	}
	for _, c := range r.p.Cases {
		name := strings.TrimSpace(c.Name)
		if name != "" {
			if _, ok := respAttrs[name]; !ok {
				respAttrs[name] = nil // a case without variables is still a respondent
			}
			values(c.Values, func(n, v string) { addAttr(respAttrs, name, n, v) })
			for _, s := range c.SourceRefs {
				cases.add(refiqda.NormalGUID(s.Target), name)
			}
			continue
		}
		// A nameless case with its sources carries document variables.
		for _, s := range c.SourceRefs {
			g := refiqda.NormalGUID(s.Target)
			values(c.Values, func(n, v string) { addAttr(srcAttrs, g, n, v) })
		}
	}
	for _, s := range r.p.TextSources {
		g := refiqda.NormalGUID(s.GUID)
		values(s.Values, func(n, v string) { addAttr(srcAttrs, g, n, v) })
	}
	for _, set := range r.p.Sets {
		k, v, ok := strings.Cut(set.Name, ":")
		if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			continue
		}
		for _, m := range set.MemberSources {
			addAttr(srcAttrs, refiqda.NormalGUID(m.Target), strings.TrimSpace(k), v)
		}
	}

	srcRespondent, grouping, err := r.caseRespondents(cases, np) // qdpx_cases.go
	if err != nil {
		return model.Dataset{}, err
	}
	for _, c := range r.p.Cases {
		// A Case that only groups respondents (a municipality Case) gives its variables
		// to its sources, after their own.
		if name := strings.TrimSpace(c.Name); grouping[name] {
			for _, s := range c.SourceRefs {
				g := refiqda.NormalGUID(s.Target)
				values(c.Values, func(n, v string) { addAttr(srcAttrs, g, n, v) })
			}
		}
	}

	respondents := map[string]*model.Respondent{}
	var order []string
	respondent := func(id string) *model.Respondent {
		if respondents[id] == nil {
			respondents[id] = &model.Respondent{ID: id, Source: r.path}
			order = append(order, id)
		}
		return respondents[id]
	}
	for _, c := range r.p.Cases {
		if name := strings.TrimSpace(c.Name); name != "" && !grouping[name] {
			if !r.opt.knows(name) {
				continue // named only; rows of this respondent are rejected below
			}
			resp := respondent(name)
			for _, k := range model.SortedKeys(respAttrs[name]) {
				setAttribute(resp, k, respAttrs[name][k])
			}
		}
	}

	// Each source's respondent: a named Case, a respondent variable, the study's
	// name_pattern on the source name, else the name up to its first "_". That last rule
	// is a guess: where it would make one respondent of sources with different names
	// (NVivo's "videos_selection" and "videos_10_selected"), the study must say how
	// sources map to respondents.
	ids := make([]string, len(r.p.TextSources))
	vars := make([]*nameVariables, len(r.p.TextSources))
	byRule := map[string][]string{}
	var byCase, byVariable, byPattern, byFirstPart int
	for i, s := range r.p.TextSources {
		g := refiqda.NormalGUID(s.GUID)
		id := srcRespondent[g]
		if id != "" {
			byCase++
		}
		if id == "" {
			for _, k := range model.SortedKeys(srcAttrs[g]) {
				if isRespondentKey(k) {
					id = srcAttrs[g][k]
					byVariable++
					break
				}
			}
		}
		if np != nil {
			v, ok, err := np.match(s.Name, r.opt.Codebook)
			if err != nil {
				return model.Dataset{}, model.Reasonf("%s: source %w", "%s: bron %v", r.path, err)
			}
			if ok {
				vars[i] = &v
				if id == "" {
					id = v.respondent
					byPattern++
				}
			}
		}
		if id == "" && np == nil {
			byFirstPart++
			id = respondentFromName(s.Name)
			if n := strings.TrimSpace(s.Name); !slices.Contains(byRule[id], n) {
				byRule[id] = append(byRule[id], n)
			}
		}
		ids[i] = id
	}
	var rule, ruleNL []string
	for _, k := range []struct {
		n        int
		what, nl string
	}{{byCase, "by case", "per case"}, {byVariable, "by a respondent variable", "via een respondentvariabele"},
		{byPattern, "by name_pattern", "via name_pattern"}, {byFirstPart, "by the source name up to its first _", "via de bronnaam tot de eerste _"}} {
		if k.n > 0 {
			rule = append(rule, fmt.Sprintf("%d %s", k.n, k.what))
			ruleNL = append(ruleNL, fmt.Sprintf("%d %s", k.n, k.nl))
		}
	}
	if len(rule) > 0 {
		r.count.RespondentRule = "sources to respondents: " + strings.Join(rule, ", ")
		r.count.RespondentRuleNL = "bronnen naar respondenten: " + strings.Join(ruleNL, ", ")
	}
	for _, id := range model.SortedKeys(byRule) {
		if names := byRule[id]; len(names) > 1 {
			return model.Dataset{}, model.Reasonf("%s: the sources %s would be one respondent %q by the rule \"source name up to its first _\": say in study.yaml how sources map to respondents, e.g. name_pattern: \"{respondent}\" (each source its own respondent) or name_pattern: \"{respondent}_{part}\" (one respondent per name before the \"_\"): %w", "%s: de bronnen %s zouden één respondent %q worden volgens de regel \"bronnaam tot de eerste _\": geef in study.yaml aan hoe bronnen bij respondenten horen, bijv. name_pattern: \"{respondent}\" (elke bron een eigen respondent) of name_pattern: \"{respondent}_{part}\" (één respondent per naam vóór de \"_\"): %v",
				r.path, quoteAll(names), id, ErrAmbiguousRespondent)
		}
	}
	for i, s := range r.p.TextSources {
		if ids[i] == "" && np != nil {
			n := max(len(s.Selections), 1)
			for j := 0; j < n; j++ {
				r.reject(fmt.Sprintf("source %q", s.Name), s.Name, errNameMismatch(s.Name, np))
			}
			continue
		}
		r.sourceIndex = i + 1
		r.source(s, ids[i], srcAttrs[refiqda.NormalGUID(s.GUID)], respondent)
		if resp := respondents[ids[i]]; resp != nil && vars[i] != nil {
			vars[i].apply(resp)
		}
	}
	for _, kind := range []struct {
		what, nl string
		list     []refiqda.Other
	}{{"PDF", "pdf", r.p.PDFSources}, {"picture", "beeld", r.p.Pictures}, {"audio", "audio", r.p.Audio}, {"video", "video", r.p.Video}} {
		for _, o := range kind.list {
			r.reject(fmt.Sprintf("source %q", o.Name), o.Name, model.Reasonf("a %[1]s source is not read; only text sources are: %[3]w", "een %[2]s-bron wordt niet gelezen; alleen tekstbronnen: %[3]v", kind.what, kind.nl, ErrMissingSource))
		}
	}
	for _, id := range order {
		r.ds.Respondents = append(r.ds.Respondents, *respondents[id])
	}
	r.count.Read = r.count.Accepted + r.count.Rejected
	r.ds.Files = append(r.ds.Files, r.count)
	if r.misaligned > 0 {
		r.ds.Warnings = append(r.ds.Warnings, model.Warning{File: r.path, Err: model.Reasonf(
			"%d passage(s) coded by one coder overlap another coder's passage without the same start and end: they are separate segments, so agreement does not compare them; give both coders' codings the same boundaries in the QDA tool where they code the same text",
			"%d passage(s) van de ene codeur overlappen een passage van een andere codeur zonder hetzelfde begin en einde: het zijn aparte fragmenten, dus de overeenstemming vergelijkt ze niet; geef in het QDA-programma beide codeurs dezelfde grenzen waar ze dezelfde tekst coderen",
			r.misaligned)})
	}
	return r.ds, nil
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func (r *qdpxReader) reject(part, value string, err error) {
	r.rejectAs(part, value, err, false)
}

// rejectAs is reject, where isID says that value is a respondent's id.
func (r *qdpxReader) rejectAs(part, value string, err error, isID bool) {
	r.ds.Rejects = append(r.ds.Rejects, model.Reject{File: r.path, Part: part, Value: value, Err: err, IsID: isID})
	r.count.Rejected++
}

// text returns a source's text: inline, or from its internal file in the archive.
func (r *qdpxReader) text(s refiqda.TextSource) (string, error) {
	if s.Content != nil {
		return *s.Content, nil
	}
	p := strings.TrimSpace(s.PlainTextPath)
	if p == "" {
		return "", model.Reasonf("the source names no text (neither PlainTextContent nor plainTextPath): %w", "de bron noemt geen tekst (PlainTextContent noch plainTextPath): %v", ErrMissingSource)
	}
	rest, ok := strings.CutPrefix(p, "internal://")
	if !ok {
		return "", model.Reasonf("the text %q lies outside the project archive: %w", "de tekst %q ligt buiten het projectarchief: %v", p, ErrMissingSource)
	}
	if r.arch == nil {
		return "", model.Reasonf("the text %q needs the .qdpx archive, not the bare .qde: %w", "de tekst %q vraagt het .qdpx-archief, niet de losse .qde: %v", p, ErrMissingSource)
	}
	for _, dir := range []string{"sources/", "Sources/", ""} {
		if n := r.arch.find(dir + rest); n != "" {
			b, err := r.arch.read(n)
			return string(b), err
		}
	}
	return "", model.Reasonf("the archive holds no file sources/%s: %w", "het archief bevat geen bestand sources/%s: %v", rest, ErrMissingSource)
}

func (r *qdpxReader) source(s refiqda.TextSource, respondentID string, attrs map[string]string,
	respondent func(string) *model.Respondent) {
	where := fmt.Sprintf("source %q", s.Name)
	known := r.opt.knows(respondentID)
	raw, err := r.text(s)
	if err != nil || !known {
		reason, value := err, s.PlainTextPath
		if err == nil {
			en, nl := leadingZerosHint(respondentID, r.opt.Known)
			reason = model.Reasonf("respondent %[1]q of this source: %[2]w%[3]s", "respondent %[1]q van deze bron: %[2]v%[4]s", respondentID, ErrUnknownRespondent, en, nl)
			value = respondentID // a respondent's id: the protect stage hides it
		}
		n := len(s.Selections)
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			r.rejectAs(where, value, reason, err == nil && value != "")
		}
		return
	}
	resp := respondent(respondentID)
	for _, k := range model.SortedKeys(attrs) {
		if !isRespondentKey(k) {
			setAttribute(resp, k, attrs[k])
		}
	}
	raw = strings.TrimPrefix(raw, "\ufeff")
	text := pickPositions(raw, s.Selections)
	collapsedText := collapseSpace(string(text))
	doc := strings.TrimSpace(s.Name)
	key := r.sourceKey(s)
	ps := passages{r: r, key: key, at: map[[2]int]int{}}
	for _, sel := range s.Selections {
		loc := fmt.Sprintf("%s, selection %q", where, refiqda.NormalGUID(sel.GUID))
		start, err1 := strconv.Atoi(strings.TrimSpace(sel.StartPosition))
		end, err2 := strconv.Atoi(strings.TrimSpace(sel.EndPosition))
		if err1 != nil || err2 != nil {
			r.reject(loc, sel.StartPosition+"-"+sel.EndPosition, model.Reasonf("positions are not whole numbers: %w", "posities zijn geen gehele getallen: %v", ErrSelectionOutside))
			continue
		}
		if start < 0 || end < start || end > len(text) {
			r.reject(loc, fmt.Sprintf("%d-%d", start, end),
				model.Reasonf("positions %d-%d, text has %d characters: %w", "posities %d-%d, de tekst heeft %d tekens: %v", start, end, len(text), ErrSelectionOutside))
			continue
		}
		seg := string(text[start:end])
		if !nameMatches(sel.Name, seg) && nameIsText(sel.Name, collapsedText) {
			r.reject(loc, sel.Name, model.Reasonf("positions %d-%d hold %q: %w", "posities %d-%d bevatten %q: %v", start, end, shorten(seg, 60), ErrSelectionMismatch))
			continue
		}
		if strings.TrimSpace(seg) == "" {
			r.reject(loc, fmt.Sprintf("%d-%d", start, end), model.Reasonf("the selection holds no text: %w", "de selectie bevat geen tekst: %v", ErrEmptySegment))
			continue
		}
		p := ps.of(start, end, func() model.Segment {
			return model.Segment{
				Respondent: respondentID, Document: doc, Text: seg, Start: start, End: end,
				OpenAnswer:  r.ours() && strings.TrimSpace(s.Description) == refiqda.OpenAnswers,
				Interviewer: r.ours() && strings.TrimSpace(sel.Description) == refiqda.InterviewerTurn, Source: r.path,
			}
		})
		for _, c := range sel.Codings {
			user := c.CreatingUser
			if strings.TrimSpace(user) == "" {
				user = sel.CreatingUser
			}
			coder := r.userName(user)
			if r.ours() && (coder == autoCoder || coder == autoCoder+"-learned") {
				continue
			}
			ps.code(p, r.codeName(c.Code.Target), coder)
		}
		r.count.Accepted++
	}
	// Codings of the whole source: the whole text is their passage (one with a selection
	// of the whole text).
	if len(s.Codings) > 0 {
		p := ps.of(0, len(text), func() model.Segment {
			return model.Segment{Respondent: respondentID, Document: doc, Text: string(text), Start: 0, End: len(text), Source: r.path}
		})
		for _, c := range s.Codings {
			user := c.CreatingUser
			if strings.TrimSpace(user) == "" {
				user = s.CreatingUser
			}
			ps.code(p, r.codeName(c.Code.Target), r.userName(user))
		}
		r.count.Accepted++
	}
	r.misaligned += ps.misaligned()
}

// misaligned counts the passages that overlap a passage of another coder without the same
// boundaries (one character off is enough): they are separate segments, so the two
// coders' codings of what is nearly the same text are no agreement unit. The reader warns
// rather than guess which boundaries were meant.
func (ps *passages) misaligned() int {
	coders := func(i int) map[string]bool {
		out := map[string]bool{}
		for k := range ps.coded[i] {
			out[k[1]] = true
		}
		return out
	}
	ranges := make([][2]int, 0, len(ps.at))
	for rg := range ps.at {
		ranges = append(ranges, rg)
	}
	sort.Slice(ranges, func(a, b int) bool {
		return ranges[a][0] < ranges[b][0] || ranges[a][0] == ranges[b][0] && ranges[a][1] < ranges[b][1]
	})
	n := 0
	for a := range ranges {
		ca := coders(ps.at[ranges[a]])
		for b := a + 1; b < len(ranges) && ranges[b][0] < ranges[a][1]; b++ {
			cb := coders(ps.at[ranges[b]])
			other := false
			for c := range cb {
				if !ca[c] {
					other = true
				}
			}
			if other && len(ca) > 0 {
				n++
				break
			}
		}
	}
	return n
}

// passages makes one segment of each passage of a source: the selections of one range
// (start and end), however many, are one segment, since a passage is coded, not a
// selection. NVivo writes a selection per coding (its export of a real project: 303
// selections of 188 passages); ATLAS.ti and MAXQDA users select a passage again to add a
// code or a second coder. Their codings join the one segment, each with its coder: two
// coders on a passage are one agreement unit, one coder's two codes co-occur on it. The
// same code by the same coder twice is one coding (as in the coded-segment tables); every
// selection still counts as a row read and accepted. Ranges that overlap but differ stay
// separate segments, as in every QDA tool.
//
// A passage's id is a digest of its source's key (the source GUID), its range and its
// text, as the MAXQDA reader's of document, range and text: the same in every run and
// for every selection of that range, so that the same passage read from two projects
// that share the source (two exports of one project) is one segment, and a source whose
// text changed between them is not taken for the same passage.
type passages struct {
	r   *qdpxReader
	key string
	at  map[[2]int]int // range -> index in r.ds.Segments
	// codings of the passages, by segment index: (raw, coder) pairs already read.
	coded map[int]map[[2]string]bool
}

// of returns the index in r.ds.Segments of the passage start-end, made by seg where it
// is the first selection of that range.
func (ps *passages) of(start, end int, seg func() model.Segment) int {
	if i, ok := ps.at[[2]int{start, end}]; ok {
		return i
	}
	s := seg()
	s.ID = digestID(fmt.Sprintf("%s\x00%d-%d", ps.key, start, end), "", s.Text)
	i := len(ps.r.ds.Segments)
	ps.r.ds.Segments = append(ps.r.ds.Segments, s)
	ps.at[[2]int{start, end}] = i
	return i
}

// code adds a coding of raw by coder to the passage at index i, once.
func (ps *passages) code(i int, raw, coder string) {
	if ps.coded == nil {
		ps.coded = map[int]map[[2]string]bool{}
	}
	if ps.coded[i] == nil {
		ps.coded[i] = map[[2]string]bool{}
	}
	k := [2]string{raw, coder}
	if ps.coded[i][k] {
		return
	}
	ps.coded[i][k] = true
	ps.r.ds.Codings = append(ps.r.ds.Codings, model.Coding{
		Segment: ps.r.ds.Segments[i].ID, Raw: raw, Coder: coder, Source: ps.r.path,
	})
}

// sourceKey is the source's GUID, the start of its passages' ids; a source without a
// GUID, or with one an earlier source of the project has, gets its place in the project
// as well ("<guid>#3"), so that no two sources share their passages.
func (r *qdpxReader) sourceKey(s refiqda.TextSource) string {
	g := refiqda.NormalGUID(s.GUID)
	if r.sourceKeys == nil {
		r.sourceKeys = map[string]bool{}
	}
	k := g
	if k == "" || r.sourceKeys[k] {
		k = fmt.Sprintf("%s#%d", g, r.sourceIndex)
	}
	r.sourceKeys[k] = true
	return k
}

// autoCoder is the coder name of the auto-coder's codings (analysis.AutoCoder).
const autoCoder = "auto"

// ours reports whether samenspel wrote the project (review.qdpx).
func (r *qdpxReader) ours() bool { return strings.TrimSpace(r.p.Origin) == "samenspel" }

func (r *qdpxReader) codeName(guid string) string {
	g := refiqda.NormalGUID(guid)
	if g == refiqda.NormalGUID(refiqda.ReviewedGUID) {
		return ""
	}
	if n, ok := r.codes[g]; ok {
		return n
	}
	return "code " + g // a code the code book lacks: kept, and reported as unmapped later
}

func (r *qdpxReader) userName(guid string) string {
	g := refiqda.NormalGUID(guid)
	if g == "" {
		return ""
	}
	if n, ok := r.users[g]; ok {
		return n
	}
	return g
}

// pickPositions returns the source text as code points. Tools disagree on whether a line
// break written as CR LF counts as one or two positions; where selection names hold their
// text, the reading under which more of them match wins, else the text as written.
func pickPositions(raw string, sels []refiqda.PlainTextSelection) []rune {
	asIs := []rune(raw)
	if !strings.Contains(raw, "\r\n") {
		return asIs
	}
	lf := []rune(strings.ReplaceAll(raw, "\r\n", "\n"))
	score := func(text []rune) int {
		n := 0
		for _, s := range sels {
			a, err1 := strconv.Atoi(strings.TrimSpace(s.StartPosition))
			b, err2 := strconv.Atoi(strings.TrimSpace(s.EndPosition))
			if err1 != nil || err2 != nil || a < 0 || b < a || b > len(text) || strings.TrimSpace(s.Name) == "" {
				continue
			}
			if nameMatches(s.Name, string(text[a:b])) {
				n++
			}
		}
		return n
	}
	if score(lf) > score(asIs) {
		return lf
	}
	return asIs
}

// nameMatches reports whether a selection's name agrees with the text at its positions:
// equal, or a prefix of it (names are often cut short, sometimes with an ellipsis), white
// space not counting.
func nameMatches(name, text string) bool {
	n := trimEllipsis(collapseSpace(name))
	if n == "" {
		return true
	}
	return strings.HasPrefix(collapseSpace(text), n)
}

// nameIsText reports whether a selection's name is text of the document (and not a label
// such as "Quote 3"): only then does a name that differs from the positions show a
// broken selection.
func nameIsText(name, collapsedText string) bool {
	n := trimEllipsis(collapseSpace(name))
	return len([]rune(n)) >= 8 && strings.Contains(collapsedText, n)
}

func trimEllipsis(s string) string {
	s = strings.TrimSuffix(s, "…")
	s = strings.TrimSuffix(s, "...")
	return strings.TrimSpace(s)
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string, n int) string {
	r := []rune(collapseSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
