package pipeline

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// newRedactor returns the study's redactor: the respondents' names and name-like ids as
// people, privacy.names as further names, and the codebook's code, partner and role words
// and the respondents' municipalities as words that are never an unlisted name.
func newRedactor(d *model.Dataset, cb *codebook.Codebook, s *Study) *redact.Redactor {
	return newRedactorTexts(d, cb, s, segmentTexts(d))
}

// newRedactorTexts is newRedactor with the segments' texts given: the protect stage
// builds the redactor on a goroutine of its own while the segments are renamed in place,
// so it reads the texts taken before (protect_ahead.go), never d.Segments.
func newRedactorTexts(d *model.Dataset, cb *codebook.Codebook, s *Study, texts []string) *redact.Redactor {
	keep := keepWords(d, cb)
	return redact.New(redact.Options{
		People: append(withoutKeptIDs(namesToRedact(d), keep), speakerNames(d, s, keep, texts)...), Names: s.Privacy.Names, Organisations: s.Privacy.Organisations, Keep: keep, Lang: s.Language,
		Anchors:     anchorWords(d, cb), // redactor_anchors.go
		Respondents: idsInFileNames(d),  // redactor_ids.go
	})
}

// segmentTexts returns the texts of d's segments.
func segmentTexts(d *model.Dataset) []string {
	texts := make([]string, len(d.Segments))
	for i := range d.Segments {
		texts[i] = d.Segments[i].Text
	}
	return texts
}

// NewRedactor returns a redactor for the given names (as people: whole and part by part),
// with placeholders in lang (nl|en).
func NewRedactor(names []string, lang string) *redact.Redactor {
	return redact.New(redact.Options{People: names, Lang: lang})
}

// namesToRedact collects the respondents' real names and the ids that could identify
// them: an id with letters and digits ("R07", "daan2"), one that starts with a capital
// letter ("Daan Jansen", "Sanne"), a user name or address of lower-case words joined by
// a dot, underscore or @ ("piet.jansen"), a lower-case word of three letters or more
// ("jdevries", "anouk": lowerWordID), or a number of five digits or more, or of four
// that is no year ("555013", "4711"). Short numbers and the words of a family or a role
// are left: they would redact ordinary numbers and words ("12", "2024", "moeder").
func namesToRedact(d *model.Dataset) []string {
	// Most ids are names to redact (R0001 is one): room for one a respondent at once.
	// Grown by append, twice the national study's 200,000 took 0.3 s of CPU here.
	names := make([]string, 0, len(d.Respondents))
	for _, r := range d.Respondents {
		if r.Name != "" {
			names = append(names, r.Name)
		}
		if idIsName(r.ID) {
			names = append(names, r.ID)
		}
	}
	// The id of a rejected row (not in the respondents table, a duplicate) is a
	// respondent's id as much as an accepted one.
	for _, rj := range d.Rejects {
		if (errors.Is(rj.Err, ingest.ErrUnknownRespondent) || errors.Is(rj.Err, ingest.ErrDuplicate)) && idIsName(rj.Value) {
			names = append(names, rj.Value)
		}
	}
	return names
}

func idIsName(id string) bool {
	id = strings.TrimSpace(id)
	if len([]rune(id)) < 2 {
		return false
	}
	letter := strings.IndexFunc(id, unicode.IsLetter) >= 0
	digit := strings.IndexFunc(id, unicode.IsDigit) >= 0
	first := []rune(id)
	if !letter {
		if strings.Trim(id, "0123456789") != "" {
			return false
		}
		year, _ := strconv.Atoi(id)
		return len(id) >= 5 || len(id) == 4 && (year < 1900 || year > 2099)
	}
	joined := strings.IndexAny(id, "._@") > 0 && strings.IndexAny(id, "._@") < len(id)-1
	return digit && len(first) >= 3 || unicode.IsUpper(first[0]) || joined || lowerWordID(id) // redactor_ids.go
}

// keepWords are the words of the codebook (code labels, partners, roles, in both
// languages, with their synonyms) and the respondents' municipalities.
func keepWords(d *model.Dataset, cb *codebook.Codebook) []string {
	var keep []string
	text := func(t codebook.Text) {
		for _, s := range t {
			keep = append(keep, s)
		}
	}
	if cb != nil {
		for _, f := range cb.Factors {
			text(f.Label)
			for _, c := range f.Codes {
				text(c.Label)
				keep = append(keep, c.Aliases...)
			}
		}
		for _, p := range cb.Partners {
			text(p.Label)
			keep = append(keep, p.ID)
			keep = append(keep, p.Synonyms...)
		}
		for _, r := range cb.Roles {
			text(r.Label)
			keep = append(keep, r.ID)
			keep = append(keep, r.Synonyms...)
		}
	}
	// A municipality as read is kept only where it looks like a place name: a value with a
	// digit, an @ or many words (a name or phone number typed into the column) is not.
	// Each is listed once: the words are a set to redact.New and withoutKeptIDs, and a
	// national study's 100,000 respondents name a few hundred municipalities.
	// So is a spelling folded into another (Den Bosch into 's-Hertogenbosch:
	// spellings.go), which no respondent has any longer.
	seen := map[string]bool{}
	place := func(m string) {
		if m == "" || seen[m] {
			return
		}
		seen[m] = true
		if !strings.ContainsAny(m, "0123456789@") && placeWords(m) <= 3 {
			keep = append(keep, m)
		}
	}
	for _, r := range d.Respondents {
		place(r.Municipality)
	}
	for _, m := range d.PlaceSpellings {
		place(m)
	}
	return keep
}

// placeWords counts a municipality's words without the lower-case words that join the
// parts of a place name and never a person's (en, aan, op, bij, and den or de after
// aan): "Nuenen, Gerwen en Nederwetten" and "Capelle aan den IJssel" are of three and
// two words, where four words were too many for a place, so that "Nuenen" and "Gerwen"
// of a real municipality went into the tables and the summary as [naam]. A person's
// name typed into the column ("Jan Pieter de Vries") still counts four.
func placeWords(m string) int {
	n := 0
	prev := ""
	for _, w := range strings.Fields(m) {
		switch {
		case w == "en" || w == "aan" || w == "op" || w == "bij":
		case (w == "den" || w == "de") && prev == "aan":
		default:
			n++
		}
		prev = w
	}
	return n
}

// redactedText is a segment's published (redacted) text and the map from offsets in the
// text as read.
type redactedText struct {
	text string
	m    redact.Map
}

// publishedSpan returns a coding's span and its code point offsets in the published
// segment text, so that autocodings.csv's start and end point into the text that the
// outputs show: a span that overlaps a redacted detail grows to the whole placeholder.
// Where the offsets do not fit the segment (a span from an export whose segment is
// unknown), the span is redacted on its own and the offsets are left out (-1).
func publishedSpan(c model.Coding, seg redactedText, r *redact.Redactor) (string, int, int) {
	if seg.text == "" || c.SpanStart < 0 || c.SpanEnd < c.SpanStart {
		return r.Redact(c.Span), -1, -1
	}
	s, e := seg.m.Range(c.SpanStart, c.SpanEnd)
	if from, to, ok := runeOffsets(seg.text, s, e); ok {
		// The text's own bytes: the segment's text is valid UTF-8, so they are what
		// string([]rune(text)[s:e]) gives, without a copy of the text as runes for every
		// coding (a national study's autocodings are 100,000 spans).
		return seg.text[from:to], s, e
	}
	runes := []rune(seg.text)
	if e > len(runes) {
		return r.Redact(c.Span), -1, -1
	}
	return string(runes[s:e]), s, e
}

// runeOffsets returns the byte offsets in text of the code points s and e (0 <= s <= e;
// e may be the number of code points); ok is false when text is not valid UTF-8, or s
// or e do not fit.
func runeOffsets(text string, s, e int) (from, to int, ok bool) {
	if s < 0 || e < s || !utf8.ValidString(text) {
		return 0, 0, false
	}
	from, to = -1, -1
	n := 0
	for i := range text {
		if n == s {
			from = i
		}
		if n == e {
			to = i
			break
		}
		n++
	}
	if from < 0 && n == s {
		from = len(text)
	}
	if to < 0 && n == e {
		to = len(text)
	}
	return from, to, from >= 0 && to >= 0
}
