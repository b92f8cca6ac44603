package codebook

import "unicode/utf8"

// codePoints is the original text of one call of the matcher, with an index from code
// point offsets (what Normalized.Pos holds) to byte offsets, built the first time a
// negation rule looks at the punctuation of the original text (punctAt, questionAt). A
// walk from the text's start for every look made the auto-coder quadratic in the length
// of a text: on a 14 kB answer nine tenths of its time.
type codePoints struct {
	text  string
	every []int32 // every[k]: the byte offset of code point k*cpStride
	built bool
}

// cpStride is how many code points lie between two entries of codePoints.every: a look
// decodes at most cpStride-1 code points from the entry before it.
const cpStride = 64

// from returns the original text from code point cp on ("" past its end). Code points are
// counted as range over the string counts them, an invalid byte as one, the same as
// normalizeInto counts them.
func (c *codePoints) from(cp int) string {
	if cp < 0 {
		cp = 0
	}
	if !c.built {
		c.build()
	}
	k := min(cp/cpStride, len(c.every)-1)
	at, i := int(c.every[k]), k*cpStride
	t := c.text
	for ; i+8 <= cp && at+8 <= len(t) && ascii8(t[at:]); i, at = i+8, at+8 {
	}
	for i < cp && at < len(t) {
		if t[at] < utf8.RuneSelf {
			at++
		} else {
			_, size := utf8.DecodeRuneInString(t[at:])
			at += size
		}
		i++
	}
	if i < cp {
		return ""
	}
	return t[at:]
}

// build fills every, one entry per cpStride code points, eight ASCII bytes at a time
// where it can.
func (c *codePoints) build() {
	t := c.text
	c.every = append(c.every[:0], 0)
	i, at := 0, 0 // code point index and byte offset
	for at < len(t) {
		next := (i/cpStride + 1) * cpStride
		for i+8 <= next && at+8 <= len(t) && ascii8(t[at:]) {
			i, at = i+8, at+8
		}
		for i < next && at < len(t) {
			if t[at] < utf8.RuneSelf {
				at++
			} else {
				_, size := utf8.DecodeRuneInString(t[at:])
				at += size
			}
			i++
		}
		if i == next {
			c.every = append(c.every, int32(at))
		}
	}
	c.built = true
}
