package redact

import (
	"regexp"
	"strings"
)

// Two school names that 0.12.0 published (left open after attack 16p): a name glued to
// its kind with a dot, as a school writes itself ("Zone.college", "Het Zone.college":
// the whole word is the name, "[schoolnaam]"), and a name after a level and a year
// ("havo 3 van Het Baken", "vwo 5 op De Breul": "havo 3 van [schoolnaam]", the article
// going with the name as after a school word).
var (
	dottedSchoolRe = regexp.MustCompile(`\p{Lu}[\p{L}\p{N}]*\.(?:[Cc]ollege|[Ll]yceum|[Ss]chool)\b`)
	levelSchoolRe  = regexp.MustCompile(`(?i:\b(?:havo|vwo|vmbo|mavo|atheneum|gymnasium)(?:-(?:t|k|b|tl|gl))?)\s+(?:\d{1,2}(?:e|de)?\s+)?(?:van|op|bij)\s+(?:(?:het|de|'t)\s+)?((?:(?:Het|De|'t)\s+)?\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})`)
)

// findSchoolsOpen returns the spans of the school names above.
func (r *Redactor) findSchoolsOpen(text string) []Span {
	var out []Span
	if containsAny(text, ".college", ".College", ".lyceum", ".Lyceum", ".school", ".School") {
		for _, m := range dottedSchoolRe.FindAllStringIndex(text, -1) {
			if m[0] > 0 && (!notWordByte(text, m[0]-1) || text[m[0]-1] == '.' || text[m[0]-1] == '@' || text[m[0]-1] == '/') {
				continue // part of a word, a host or a path ("www.Zone.college", "x@Zone.college")
			}
			if r.keep[fold(text[m[0]:strings.IndexByte(text[m[0]:m[1]], '.')+m[0]])] {
				continue
			}
			out = append(out, Span{m[0], m[1], School})
		}
	}
	if containsAny(text, "havo", "vwo", "vmbo", "mavo", "atheneum", "gymnasium", "Havo", "Vwo", "Vmbo", "Mavo", "Atheneum", "Gymnasium",
		"HAVO", "VWO", "VMBO", "MAVO") {
		l := lex()
		for _, m := range levelSchoolRe.FindAllStringSubmatchIndex(text, -1) {
			s, e := m[2], m[3]
			words := strings.Fields(text[s:e])
			// a name ends before a word that starts a sentence or a function word ("van
			// Het Baken Ik", "op De Breul Maar")
			n := 0
			for i, w := range words {
				f := fold(w)
				if i > 0 && (l.function[f] || r.keep[f]) || l.place[f] {
					break
				}
				n = i + 1
			}
			if n == 0 || isArticle(words[0]) && n == 1 {
				continue
			}
			e = s + len(strings.Join(words[:n], " "))
			if strings.Join(words[:n], " ") != text[s:e] || !r.schoolName(text[s:e]) {
				continue
			}
			out = append(out, Span{s, e, School})
		}
	}
	return out
}
