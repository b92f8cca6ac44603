package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// splitHeld takes the dictionary suggestions the codebook's calibration held back
// (protected.Coding.Held) out of the protected dataset's codings and returns them, in
// order: they were protected like every coding (pseudonymised segment, redacted span),
// and from here on only the autocodings and autocode_validation tables see them, so that
// no frequency, agreement or review counts a suggestion that was not made. Without a
// calibration there are none and the codings are left as they are.
func splitHeld(p *protected.Dataset) []protected.Coding {
	n := 0
	for i := range p.Codings {
		if p.Codings[i].Held != "" {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	held := make([]protected.Coding, 0, n)
	kept := p.Codings[:0]
	// The protect stage's segment numbers stay with their codings (CodingSegment).
	numbered := len(p.CodingSegment) == len(p.Codings)
	segs := p.CodingSegment[:0]
	for i, c := range p.Codings {
		if c.Held != "" {
			held = append(held, c)
			continue
		}
		kept = append(kept, c)
		if numbered {
			segs = append(segs, p.CodingSegment[i])
		}
	}
	if numbered {
		p.CodingSegment = segs
	}
	clear(p.Codings[len(kept):])
	p.Codings = kept
	return held
}

// renameHeld gives the held suggestions the published pseudonyms the disclosure decision
// gave the dataset's segments (Decision.Rename renames only the dataset's codings): a
// held suggestion on the segment of a respondent whose role is not shown would
// otherwise name a segment id the analysis no longer knows, lose its respondent, and be
// dropped from autocodings and autocode_validation's held while the report's note
// counted it (0.9.0: 81 held back in the report, 76 in autocodings.csv on the example
// with the model on).
func renameHeld(dec *disclosure.Decision, held []protected.Coding) {
	if len(held) > 0 {
		dec.Rename(&protected.Dataset{Codings: held})
	}
}
