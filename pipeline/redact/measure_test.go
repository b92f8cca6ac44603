package redact

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

// labelled is a sentence of testdata/zinnen.txt: its text and the identifiers in it.
type labelled struct {
	text   string
	labels []Span // Kind is the label's kind: listed, unlisted or a pattern kind
}

// readLabelled reads a labelled set (testdata/zinnen.txt describes the format).
func readLabelled(t testing.TB, file string) (sentences []labelled, opt Options) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	list := func(s string) []string {
		var out []string
		for _, x := range strings.Split(s, ";") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "people:"):
			opt.People = list(strings.TrimPrefix(line, "people:"))
			continue
		case strings.HasPrefix(line, "names:"):
			opt.Names = list(strings.TrimPrefix(line, "names:"))
			continue
		case strings.HasPrefix(line, "keep:"):
			opt.Keep = list(strings.TrimPrefix(line, "keep:"))
			continue
		}
		var s labelled
		var b strings.Builder
		for line != "" {
			i := strings.IndexByte(line, '{')
			if i < 0 {
				b.WriteString(line)
				break
			}
			b.WriteString(line[:i])
			j := strings.IndexByte(line[i:], '}')
			k := strings.IndexByte(line[i:], ':')
			if j < 0 || k < 0 || k > j {
				t.Fatalf("zinnen.txt:%d: unclosed or unnamed label", n)
			}
			kind, body := line[i+1:i+k], line[i+k+1:i+j]
			s.labels = append(s.labels, Span{b.Len(), b.Len() + len(body), Kind(kind)})
			b.WriteString(body)
			line = line[i+j+1:]
		}
		s.text = b.String()
		sentences = append(sentences, s)
	}
	return sentences, opt
}

// TestMeasure measures the redactor on the labelled sentences: recall per kind (a label
// counts as found when every letter and digit of it is inside a redacted span) and false
// positives (redacted spans that touch no label) per 1,000 words. It fails below recall
// 0.98 on listed names, 0.90 on unlisted names and 0.95 on each pattern, or at 2 or more
// false positives per 1,000 words; `go test -run TestMeasure -v` prints the figures
// (the README's Privacy section quotes them) and every miss.
//
// testdata/zinnen-controle.txt, written after the rules were fixed, is measured and
// reported apart (TestMeasureControl).
func TestMeasure(t *testing.T) { measure(t, "testdata/zinnen.txt", 300, 2) }

// TestMeasureControl measures the control set with the same recall bars. Its 589 words
// are dense with look-alikes ("Hoop doet leven", "de Albert Heijn"), so one false
// positive is 1.7 per 1,000 words: its bar is 6 per 1,000, a guard against regressions;
// the README quotes its figures.
func TestMeasureControl(t *testing.T) { measure(t, "testdata/zinnen-controle.txt", 80, 6) }

func measure(t *testing.T, file string, least int, fpBar float64) {
	measureWith(t, file, least, fpBar, nil)
}

// measureWith measures the sentences as upper (when not nil) writes them; a sentence
// whose bytes it moves (a letter of another length in capitals) is left out. In capitals
// the bar for unlisted names is 0.80, and addresses are measured but not barred.
func measureWith(t *testing.T, file string, least int, fpBar float64, upper func(string) string) {
	sentences, opt := readLabelled(t, file)
	if upper != nil {
		kept := sentences[:0]
		for _, s := range sentences {
			if u := upper(s.text); len(u) == len(s.text) {
				s.text = u
				kept = append(kept, s)
			}
		}
		sentences = kept
	}
	if len(sentences) < least {
		t.Fatalf("%d sentences, want at least %d", len(sentences), least)
	}
	opt = measureKeep(t, opt)
	r := New(opt)
	found, total := map[Kind]int{}, map[Kind]int{}
	fp, words, identifiers := 0, 0, 0
	for _, s := range sentences {
		words += len(strings.Fields(s.text))
		spans := r.Find(s.text)
		covered := make([]bool, len(s.text))
		for _, sp := range spans {
			for i := sp.Start; i < sp.End; i++ {
				covered[i] = true
			}
		}
		for _, l := range s.labels {
			total[l.Kind]++
			identifiers++
			ok := true
			for i := l.Start; i < l.End; i++ {
				if c := s.text[i]; !covered[i] && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80) {
					ok = false
				}
			}
			if ok {
				found[l.Kind]++
			} else {
				t.Logf("missed %s %q in %q -> %q", l.Kind, s.text[l.Start:l.End], s.text, r.Redact(s.text))
			}
		}
		for _, sp := range spans {
			touches := false
			for _, l := range s.labels {
				if sp.Start < l.End && l.Start < sp.End {
					touches = true
				}
			}
			if !touches {
				fp++
				t.Logf("false positive %s %q in %q", sp.Kind, s.text[sp.Start:sp.End], s.text)
			}
		}
	}
	kinds := make([]string, 0, len(total))
	for k := range total {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	perK := 1000 * float64(fp) / float64(words)
	t.Logf("%d sentences, %d words, %d identifiers; false positives %d (%.2f per 1,000 words)", len(sentences), words, identifiers, fp, perK)
	for _, k := range kinds {
		recall := float64(found[Kind(k)]) / float64(total[Kind(k)])
		t.Logf("recall %-8s %3d/%3d = %.3f", k, found[Kind(k)], total[Kind(k)], recall)
		bar := 0.95
		switch k {
		case "listed":
			bar = 0.98
		case "unlisted":
			bar = 0.90
			if upper != nil {
				bar = 0.80 // in capitals a name that is also a word is found only beside a name
			}
		case "school":
			if upper != nil {
				bar = 0 // in capitals a school's name looks like any word (schools.go)
			}
		case "address":
			if upper != nil {
				bar = 0 // the street pattern wants "Dorpsstraat", not "DORPSSTRAAT"
			}
		}
		if recall < bar {
			t.Errorf("recall of %s is %.3f, below %.2f", k, recall, bar)
		}
	}
	if perK >= fpBar {
		t.Errorf("%.2f false positives per 1,000 words, want fewer than %g", perK, fpBar)
	}
}

// measureKeep adds the words of the shipped codebook (codes, partners, roles) to opt's
// Keep, as a study's redactor keeps them.
func measureKeep(t testing.TB, opt Options) Options {
	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, l := range c.Label {
				opt.Keep = append(opt.Keep, l)
			}
		}
	}
	for _, p := range cb.Partners {
		opt.Keep = append(opt.Keep, p.Synonyms...)
		for _, l := range p.Label {
			opt.Keep = append(opt.Keep, l)
		}
	}
	for _, r := range cb.Roles {
		opt.Keep = append(opt.Keep, r.Synonyms...)
		for _, l := range r.Label {
			opt.Keep = append(opt.Keep, l)
		}
	}
	return opt
}
