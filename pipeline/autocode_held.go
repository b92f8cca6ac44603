package pipeline

import "github.com/samenspel/samenspel/pipeline/protected"

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
