package redact

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The school patterns as 0.9.0 wrote them, as regular expressions: the oracle of the
// scanners in schools_scan.go.
var (
	oracleSchoolWordRe       = regexp.MustCompile(`(?i:\b(?:basisschool|basisscholen|kindcentrum|scholengemeenschap|praktijkschool|praktijkonderwijs|mytylschool|tyltylschool|daltonschool|montessorischool|jenaplanschool|vrije school|brede school|school|mavo|vmbo|havo|lyceum|college))\b|\b(?:OBS|CBS|RKBS|PCBS|SBO|SO|VSO|IKC|ISK|SBAO|ZMLK)\b`)
	oracleSchoolNameAfterRe  = regexp.MustCompile(`^[ \x{00a0}]+((?:(?:De|Het|'t|de|het)[ \x{00a0}]+)?\p{Lu}[\p{L}'’]+(?:[ \x{00a0}\-]+(?:de |het |van |der |den )?\p{Lu}[\p{L}'’]+){0,2})`)
	oracleSchoolNameBeforeRe = regexp.MustCompile(`\b((?:\p{Lu}[\p{L}'’]+(?:[ \x{00a0}]+|-)){1,3})(College|Lyceum|Scholengemeenschap|School|Gymnasium|Atheneum|Campus|Mavo|Vmbo|Havo)\b`)
	oracleSchoolCompoundRe   = regexp.MustCompile(`\b(?:\p{Lu}[\p{L}]+[ \x{00a0}]+)?\p{Lu}[\p{L}]{2,}(?:school|college)\b`)
	oracleSchoolAttendRe     = regexp.MustCompile(`(?i:\b(?:zit|zat|zitten|zaten|stapte over|stapt over|overgestapt|leerling|leerlingen|juf|juffrouw|meester|meesters|leerkracht|leerkrachten|mentor|directeur|directrice|intern begeleider|ib'er|ib-er|zorgcoördinator|zorgcoordinator|groep \d|klas \d|brugklas|kinderen)\s+(?:\p{Ll}+\s+){0,2}(?:op|naar|van|bij)\s+(?:de|het|'t)\s+)(\p{Lu}[\p{L}'’]+(?:[ \-]\p{Lu}[\p{L}'’]+)?)`)
)

// checkSchoolScanners compares every scanner with its expression on text; it returns
// false after reporting the first difference.
func checkSchoolScanners(t *testing.T, where, text string) bool {
	t.Helper()
	eq := func(what string, got, want [][]int) bool {
		if len(got) == 0 && len(want) == 0 {
			return true
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s of %q: scanner %v, expression %v", where, what, text, got, want)
			return false
		}
		return true
	}
	ok := eq("school words", scanSchoolWords(text), oracleSchoolWordRe.FindAllStringIndex(text, -1)) &&
		eq("names before", scanNameBefore(text), oracleSchoolNameBeforeRe.FindAllStringSubmatchIndex(text, -1)) &&
		eq("compounds", scanCompounds(text), oracleSchoolCompoundRe.FindAllStringIndex(text, -1))
	var attend [][]int
	for _, m := range oracleSchoolAttendRe.FindAllStringSubmatchIndex(text, -1) {
		attend = append(attend, m[:4])
	}
	ok = ok && eq("attending", scanAttend(text), attend)
	if !ok {
		return false
	}
	// the name after a school word, at every byte
	for at := 0; at <= len(text); at++ {
		s, e, found := scanNameAfter(text, at)
		m := oracleSchoolNameAfterRe.FindStringSubmatchIndex(text[at:])
		if found != (m != nil) || found && (s != at+m[2] || e != at+m[3]) {
			t.Errorf("%s: name after byte %d of %q: scanner %v %d-%d, expression %v", where, at, text, found, s, e, m)
			return false
		}
	}
	return true
}

// oracleFindSchools is 0.9.0's findSchools, on the expressions.
func (r *Redactor) oracleFindSchools(text string) []Span {
	if !r.unlisted {
		return nil
	}
	lower := strings.ToLower(text)
	words := containsAny(lower, "school", "scholen", "college", "lyceum", "kindcentrum", "praktijkonderwijs", "mavo", "vmbo", "havo") ||
		containsAny(text, "OBS", "CBS", "RKBS", "SBO", "SO ", "VSO", "IKC", "ISK", "SBAO", "ZMLK")
	before := containsAny(text, "College", "Lyceum", "Scholengemeenschap", "School", "Gymnasium", "Atheneum", "Campus", "Mavo", "Vmbo", "Havo")
	compound := containsAny(lower, "school", "college")
	attend := containsAny(lower, "op de ", "op het ", "op 't ", "van de ", "van het ", "van 't ", "naar de ", "naar het ", "bij de ", "bij het ") &&
		containsAny(lower, "zit", "zat", "stap", "leerling", "juf", "meester", "leerkracht", "mentor", "direct", "begeleider", "ib'er", "ib-er", "zorgco", "groep", "klas", "kinderen")
	if !words && !before && !compound && !attend {
		return nil
	}
	var out []Span
	name := func(s, e int) {
		n := strings.TrimRight(text[s:e], " -\u00a0")
		e = s + len(n)
		if e <= s || !r.schoolName(n) {
			return
		}
		out = append(out, Span{s, e, School})
	}
	run := func(re *regexp.Regexp, on bool) [][]int {
		if !on {
			return nil
		}
		return re.FindAllStringSubmatchIndex(text, -1)
	}
	for _, m := range run(oracleSchoolWordRe, words) {
		if a := oracleSchoolNameAfterRe.FindStringSubmatchIndex(text[m[1]:]); a != nil {
			name(m[1]+a[2], m[1]+a[3])
		}
	}
	for _, m := range run(oracleSchoolNameBeforeRe, before) {
		s := m[2]
		words := strings.Fields(text[m[2]:m[3]])
		if len(words) > 0 && (lex().function[fold(words[0])] || isArticle(words[0])) {
			s += len(words[0])
			s += len(text[s:]) - len(strings.TrimLeft(text[s:], " \u00a0"))
			if s >= m[4] {
				continue
			}
		}
		name(s, m[5])
	}
	for _, m := range run(oracleSchoolCompoundRe, compound) {
		w := text[m[0]:m[1]]
		last := w[strings.LastIndexAny(w, " \u00a0")+1:]
		if genericSchools[fold(last)] {
			continue
		}
		s := m[0]
		if first := strings.Fields(w); len(first) > 1 && (lex().function[fold(first[0])] || r.keep[fold(first[0])]) {
			s = m[1] - len(last)
		}
		out = append(out, Span{s, m[1], School})
	}
	for _, m := range run(oracleSchoolAttendRe, attend) {
		name(m[2], m[3])
	}
	return out
}

// schoolCorpus returns the texts of the example study, the regression cases, the
// codebooks' fragments (not the blind held-out set) and, where present, the bench
// studies' segments: each file whole and line by line, the texts inside workbooks,
// documents and projects (their XML without tags).
func schoolCorpus(t *testing.T) map[string][]string {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string][]string{}
	add := func(name string, data []byte) {
		s := string(data)
		if len(s) <= 64<<10 {
			out[name] = append(out[name], s)
		}
		out[name] = append(out[name], strings.Split(s, "\n")...)
		// a CSV cell as the reader gives it: quotes undone
		if strings.Contains(s, `""`) {
			out[name] = append(out[name], strings.ReplaceAll(s, `""`, `"`))
		}
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	addFile := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			return
		}
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return
			}
			for _, f := range z.File {
				if f.UncompressedSize64 > 64<<20 {
					continue
				}
				rc, err := f.Open()
				if err != nil {
					continue
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				if ext := filepath.Ext(f.Name); ext == ".xml" || ext == ".qde" || ext == ".txt" || ext == ".rels" || ext == "" {
					add(path+"!"+f.Name, []byte(html.UnescapeString(tags.ReplaceAllString(string(b), "\n"))))
				}
			}
			return
		}
		if bytes.IndexByte(data, 0) >= 0 {
			return // binary (SPSS, images)
		}
		add(path, data)
	}
	walk := func(dir string) {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if strings.Contains(d.Name(), "heldout6") || blindSet(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			addFile(path)
			return nil
		})
	}
	walk(filepath.Join(root, "data", "example"))
	walk(filepath.Join(root, "testdata", "cases"))
	frags, _ := filepath.Glob(filepath.Join(root, "codebook", "testdata", "*", "fragments.yaml"))
	for _, f := range frags {
		if !strings.Contains(f, "heldout6") && !blindSet(f) {
			addFile(f)
		}
	}
	// SAMENSPEL_BENCH_CORPUS=1 adds the bench studies' segments (a minute more)
	if os.Getenv("SAMENSPEL_BENCH_CORPUS") != "" {
		for _, f := range []string{"/tmp/bench/national-csv/interviews/segments.csv", "/tmp/bench/medium/interviews/segments.csv"} {
			addFile(f)
		}
	}
	return out
}

// TestSchoolScannersOnCorpus: the scanners find what the expressions found on every text
// of the corpus, and findSchools's spans without the capitals and "op de" rules are
// 0.9.0's.
func TestSchoolScannersOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the corpus")
	}
	r := New(Options{Keep: []string{"Bergdorp", "school"}})
	texts, bad := 0, 0
	seen := map[string]bool{}
	for name, list := range schoolCorpus(t) {
		for _, text := range list {
			if seen[text] {
				continue
			}
			seen[text] = true
			texts++
			if len(text) > 1024 {
				// the name after a school word is compared at every byte of short texts only
				if !checkLongText(t, name, text) {
					bad++
				}
			} else if !checkSchoolScanners(t, name, text) {
				bad++
			}
			if got, want := r.findSchoolsScanned(text, scanSchoolWords(text)), r.oracleFindSchools(text); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: findSchools(%q) = %v, 0.9.0 %v", name, text, got, want)
				bad++
			}
			if bad > 10 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d different texts", texts)
}

// checkLongText compares the scanners on a long text, the name after a school word at
// the school words only.
func checkLongText(t *testing.T, where, text string) bool {
	t.Helper()
	pairs := []struct {
		what      string
		got, want [][]int
	}{
		{"school words", scanSchoolWords(text), oracleSchoolWordRe.FindAllStringIndex(text, -1)},
		{"names before", scanNameBefore(text), oracleSchoolNameBeforeRe.FindAllStringSubmatchIndex(text, -1)},
		{"compounds", scanCompounds(text), oracleSchoolCompoundRe.FindAllStringIndex(text, -1)},
	}
	for _, p := range pairs {
		if !reflect.DeepEqual(p.got, p.want) {
			t.Errorf("%s: %s differ in a text of %d bytes: scanner %d matches, expression %d", where, p.what, len(text), len(p.got), len(p.want))
			return false
		}
	}
	var attend [][]int
	for _, m := range oracleSchoolAttendRe.FindAllStringSubmatchIndex(text, -1) {
		attend = append(attend, m[:4])
	}
	if got := scanAttend(text); !reflect.DeepEqual(got, attend) {
		t.Errorf("%s: attending differs in a text of %d bytes", where, len(text))
		return false
	}
	return true
}

// schoolPieces build random texts around the patterns' edges.
var schoolPieces = []string{
	"basisschool", "Basisschool", "BASISSCHOOL", "basisscholen", "kindcentrum", "scholengemeenschap", "Scholengemeenschap",
	"praktijkonderwijs", "daltonschool", "vrije school", "Vrije School", "brede school", "school", "School", "SCHOOL",
	"mavo", "Mavo", "vmbo", "havo", "Havo", "lyceum", "Lyceum", "college", "College", "Gymnasium", "Atheneum", "Campus",
	"OBS", "CBS", "RKBS", "PCBS", "SBO", "SO", "so", "VSO", "IKC", "ISK", "SBAO", "ZMLK", "obs",
	"De", "de", "Het", "het", "'t", "’t", "DE", "HET", "van", "der", "den", "op", "Op", "naar", "bij", "Bij", "OP",
	"Regenboog", "Klimop", "Vathorst", "Mondriaan", "Tweemaster", "Julianaschool", "Regenboogschool", "Lindecollege",
	"Prinses", "Jan", "Galen", "Öztürk", "Émile", "İlkokul", "Ábc", "O'Neill", "D’Artagnan", "Bergdorp", "Anker",
	"zit", "zat", "zitten", "zaten", "stapte over", "stapt over", "overgestapt", "leerling", "leerlingen", "juf",
	"Juf", "juffrouw", "meester", "leerkracht", "mentor", "directeur", "intern begeleider", "ib'er", "IB-er",
	"zorgcoördinator", "ZORGCOÖRDINATOR", "zorgcoordinator", "groep 7", "groep 10", "klas 2", "brugklas", "kinderen",
	"ſchool", "\u212Ainderen", "\u212Alas 3", "baſisschool", "ſtapte over",
	"nu", "al", "twee", "jaar", "fijn", "gaat", "Die", "Ik", "ze", "Ze", "é", "ö", "ß", "ǅ", "ǈ", "ᾈ", "ͅ",
	"\u00a0", " ", "  ", "-", "--", " - ", "\t", "\n", "\r\n", ",", ".", "_", "'", "’", "7", "x", "A", "Ö", "\xff", "\xc3",
	"Collegeé", "Schoolé", "élyceum", "aÖzil", "éVathorst", "Mcschool", "Abcollege", "Zoschool", "Aaschool",
}

// TestSchoolScannersRandom: the scanners find what the expressions found on random texts
// made of the patterns' words, capitals, spaces, hyphens and letters beyond ASCII.
func TestSchoolScannersRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := New(Options{Keep: []string{"Bergdorp", "school"}})
	seps := []string{" ", " ", " ", "", "\u00a0", "-", "  ", "\t", "\n", ", "}
	for i := range n {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(schoolPieces[rng.IntN(len(schoolPieces))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		text := b.String()
		if !checkSchoolScanners(t, "random", text) {
			t.Fatalf("text %d", i)
		}
		if got, want := r.findSchoolsScanned(text, scanSchoolWords(text)), r.oracleFindSchools(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("findSchools(%q) = %v, 0.9.0 %v", text, got, want)
		}
	}
}

// TestSchoolLeakRulesOnCorpus lists (with -v and SAMENSPEL_LIST_SCHOOL_SPANS=1) every
// text of the corpus whose redaction the capitals and "op de" rules change, to read for
// false positives; the count is logged.
func TestSchoolLeakRulesOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the corpus")
	}
	r := New(Options{Keep: []string{"Bergdorp", "school"}})
	old := *r
	old.only090Schools = true
	seen := map[string]bool{}
	changed := 0
	list := os.Getenv("SAMENSPEL_LIST_SCHOOL_SPANS") != ""
	for name, texts := range schoolCorpus(t) {
		for _, text := range texts {
			if seen[text] || len(text) > 1024 {
				continue
			}
			seen[text] = true
			if a, b := old.Redact(text), r.Redact(text); a != b {
				changed++
				if list {
					t.Logf("%s:\n  0.9.0 %q\n  now   %q", name, a, b)
				}
			}
		}
	}
	t.Logf("%d of %d texts changed", changed, len(seen))
}
