package codebook

import (
	"strings"
	"testing"
)

// TestAutoCoderLinearInTextLength: coding a text sixteen times as long does at most 18
// times the work (Normalized.work: the key finder's bytes, the rules tried, the words and
// bit-set words the negation rules look at, the punctuation read, the sorting and
// dropping of matches), for interview-like text, for the same text without punctuation
// (one clause of 14 kB, where the clause bounds are furthest) and for text with many
// exclusions. It counts, it does not time: the count is the same on an idle machine and
// at a load of 30.
//
// A regression case for the negation rules that looked at the punctuation of the original
// text by walking it from its start at every look (punctAt, questionAt), which ran the
// auto-coder at 2 MB/s on a 14 kB interview; for breakFrom, which scanned the clause
// breaks' bit set word by word to the next break from every match (134 times the work on
// the text without punctuation; now brkNext); and for dropExcluded, which compared every
// match with every exclusion (167 times). A purpose-made quadratic variant (not kept),
// negated walking back word by word to the text's start at every match, gave 241 and 239
// times. The limit of 18 leaves room only for the texts' edges and the n log n of
// sorting. It replaces a timed test (the fastest of 15 runs against 700 times), which the
// shared machine made flaky.
func TestAutoCoderLinearInTextLength(t *testing.T) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	unpunctuated := strings.NewReplacer(".", "", ",", "", ";", "", "?", "", "!", "", ":", "").Replace(benchText())
	// Exclusions ("!afspraak met de jongere") beside the patterns they exclude.
	excluded := strings.Repeat("We hebben goede afspraken gemaakt met de wijkagent, maar de afspraak met de jongere "+
		"ging niet door. Ik vertrouw haar, al is ze geen vertrouwenspersoon. ", 40)
	for _, tc := range []struct{ name, text string }{
		{"interview", benchText()},
		{"without punctuation", unpunctuated},
		{"exclusions", excluded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			long := strings.Repeat(tc.text, 16)
			ms, short := ac.codes.findCounted(tc.text)
			msLong, work := ac.codes.findCounted(long)
			if len(ms) == 0 || len(msLong) < 15*len(ms) {
				t.Fatalf("%d matches in the text, %d in the text sixteen times over: the test needs matches", len(ms), len(msLong))
			}
			ratio := float64(work) / float64(short)
			t.Logf("16 times the text (%d matches against %d): %.2f times the work (%d against %d)", len(msLong), len(ms), ratio, work, short)
			if ratio > 18 {
				t.Errorf("a text 16 times as long took %.1f times the work (%d against %d): the auto-coder is not linear in the text's length", ratio, work, short)
			}
		})
	}
}
