package pipeline

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Issue 13: ids numbered per municipality (B01-B06 Bergdorp, Z01-Z06 Zeeveen) must not
// show through the pseudonym numbers, and the same study gives the same pseudonyms.
func TestPseudonymsDoNotFollowTheIDs(t *testing.T) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	study := func() *model.Dataset {
		d := &model.Dataset{}
		for _, m := range []string{"B", "Z"} {
			for i := 1; i <= 6; i++ {
				id := fmt.Sprintf("%s%02d", m, i)
				d.Respondents = append(d.Respondents, model.Respondent{ID: id, Role: "jongerenwerker"})
				d.Segments = append(d.Segments, model.Segment{ID: id + "-1", Respondent: id, Text: "tekst van " + id})
			}
		}
		return d
	}
	order := func(key [][2]string) string {
		sort.Slice(key, func(i, j int) bool { return key[i][1] < key[j][1] })
		s := ""
		for _, k := range key {
			s += k[0][:1]
		}
		return s
	}
	a, b := order(pseudonymise(study(), cb)), order(pseudonymise(study(), cb))
	if a != b {
		t.Fatalf("the same study gave two numberings: %s and %s", a, b)
	}
	// In the order of the ids, JW-01..06 would be Bergdorp and JW-07..12 Zeeveen.
	if a == "BBBBBBZZZZZZ" || a == "ZZZZZZBBBBBB" {
		t.Errorf("pseudonyms follow the real ids: %s", a)
	}
}

// The salt hashes the answers one respondent at a time, from the columnar survey; it
// must be the hash of one sort over every record, as 0.1 made it (the same study keeps
// its pseudonyms): ids that are prefixes of others, two waves of an id, an id in two files
// of one wave (Extra), raw texts.
func TestStudySaltAsOneSort(t *testing.T) {
	d := &model.Dataset{}
	answers := []model.Answer{
		{Respondent: "E1", Item: "K1", Value: 4}, {Respondent: "E10", Item: "K1", Raw: "Eens", Value: 4},
		{Respondent: "E1", Item: "K2", Missing: true, Raw: "Weet niet"}, {Respondent: "E", Item: "K1", Value: 1},
		{Respondent: "E1", Wave: "2025", Item: "K1", Value: 2}, {Respondent: "E1", Item: "K1", Value: 5},
		{Respondent: "E2", Item: "B1", Value: 3, Raw: "3,0"},
	}
	for _, a := range answers {
		d.Survey.Add(a)
	}
	d.Respondents = []model.Respondent{{ID: "E"}, {ID: "E1"}, {ID: "E10"}, {ID: "E2"}, {ID: "E1", Wave: "2025"}}
	d.Segments = []model.Segment{{ID: "s1", Respondent: "E1", Text: "tekst"}}
	want := saltByOneSort(d, answers)
	if got := studySalt(d); got != want {
		t.Errorf("salt %x, one sort gives %x", got, want)
	}
}

// saltByOneSort is the salt as 0.1 computed it: every record built as a string, one sort.
func saltByOneSort(d *model.Dataset, answers []model.Answer) [32]byte {
	var recs []string
	for _, r := range d.Respondents {
		recs = append(recs, "r\x00"+r.ID)
	}
	for _, s := range d.Segments {
		recs = append(recs, "s\x00"+s.Respondent+"\x00"+s.ID+"\x00"+s.Text)
	}
	for _, a := range answers {
		recs = append(recs, "a\x00"+a.Respondent+"\x00"+a.Item+"\x00"+a.Raw)
	}
	sort.Strings(recs)
	h := sha256.New()
	h.Write([]byte("samenspel pseudonyms\x01"))
	for _, r := range recs {
		h.Write([]byte(r))
		h.Write([]byte{1})
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// The salt's field-wise sorts (studySalt) must give one sort's hash on any study:
// random ids, items and texts that are prefixes of each other, 0 and 1 bytes in every
// field (where the field-wise order no longer holds and the records are sorted as
// strings), waves and answers twice to one cell (Extra).
func TestStudySaltRandomStudies(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 9))
	word := func(zero bool) string {
		alphabet := "aAb1"
		if zero && rng.IntN(8) == 0 {
			alphabet = "a\x00\x01b"
		}
		b := make([]byte, rng.IntN(4))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for n := 0; n < 500; n++ {
		zero := n%2 == 1
		d := &model.Dataset{}
		var answers []model.Answer
		for i := rng.IntN(30); i > 0; i-- {
			a := model.Answer{Respondent: "R" + word(false), Item: word(zero), Raw: word(zero), Value: float64(rng.IntN(5))}
			if rng.IntN(4) == 0 {
				a.Wave = "2025"
			}
			answers = append(answers, a)
			d.Survey.Add(a)
		}
		for i := rng.IntN(10); i > 0; i-- {
			d.Respondents = append(d.Respondents, model.Respondent{ID: "R" + word(zero)})
		}
		for i := rng.IntN(10); i > 0; i-- {
			d.Segments = append(d.Segments, model.Segment{ID: word(zero), Respondent: "R" + word(zero), Text: word(true)})
		}
		if got, want := studySalt(d), saltByOneSort(d, answers); got != want {
			t.Fatalf("study %d: salt %x, one sort gives %x\nanswers %+v\nrespondents %+v\nsegments %+v", n, got, want, answers, d.Respondents, d.Segments)
		}
	}
}

// naturalLess skips the common start of two ids; it must order as the comparison from
// the first byte does (naturalLessFrom), leading zeros and digit runs across the common
// start included.
func TestNaturalLessSkipsTheCommonStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 10))
	id := func() string {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = "R0019-"[rng.IntN(6)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := id(), id()
		if rng.IntN(2) == 0 {
			b = a[:rng.IntN(len(a)+1)] + b // a common start
		}
		if got, want := naturalLess(a, b), naturalCompareFrom(a, b) < 0; got != want {
			t.Fatalf("naturalLess(%q, %q) = %v, from the first byte %v", a, b, got, want)
		}
	}
}

func TestZeroPaddedIsSprintf(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 123456} {
		for _, w := range []int{2, 3, 5} {
			if got, want := zeroPadded(n, w), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("zeroPadded(%d, %d) = %q, want %q", n, w, got, want)
			}
		}
	}
}

// sortKey merges sorted runs of ids; it must give slices.SortFunc's order (0.1's
// sort.Slice), ties between ids that compare equal (R01, R1) included.
func TestSortKeyAsOneSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 12))
	for n := 0; n < 3000; n++ {
		var key [][2]string
		for run := rng.IntN(7); run >= 0; run-- {
			start := rng.IntN(50)
			for i := rng.IntN(30); i > 0; i-- {
				start += 1 + rng.IntN(3)
				id := fmt.Sprintf("%c%d", "ER"[rng.IntN(2)], start)
				if rng.IntN(40) == 0 {
					id = fmt.Sprintf("%c0%d", id[0], start) // equal to the one without the 0
				}
				key = append(key, [2]string{id, fmt.Sprint(len(key))})
			}
		}
		want := slices.Clone(key)
		slices.SortFunc(want, func(a, b [2]string) int { return naturalCompare(a[0], b[0]) })
		sortKey(key)
		if !slices.Equal(key, want) {
			t.Fatalf("sortKey gave\n%v\none sort gives\n%v", key, want)
		}
	}
}
