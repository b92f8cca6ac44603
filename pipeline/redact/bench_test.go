package redact

import (
	"testing"
)

// BenchmarkFind redacts the labelled sentences (testdata/zinnen.txt: names listed and
// unlisted, phone numbers, addresses, dates) and interview-like text without any
// identifier, as the protect stage does for every segment.
func BenchmarkFind(b *testing.B) {
	sentences, opt := readLabelled(b, "testdata/zinnen.txt")
	r := New(opt)
	texts := []string{
		"Met de wijkagent hebben we korte lijnen, ik app hem gewoon even. Maar bij de jeugdzorg " +
			"krijg ik nooit terugkoppeling, het is een zwart gat. In het casuïstiekoverleg op school " +
			"zien we elkaar elke maand; de zorgcoördinator en het jongerenwerk kennen elkaar goed.",
		"Ja, door de AVG durft de mentor geen namen meer te noemen. Er is een protocol met de jeugdhulp voor als er iets gebeurt in de wijk.",
	}
	for _, s := range sentences {
		texts = append(texts, s.text)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			r.Find(t)
		}
	}
}
