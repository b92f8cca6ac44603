package sheet

// readMerged reads the merged ranges the worksheet lists after its sheet data
// (<mergeCells><mergeCell ref="B2:B11"/>...), up to the end of the part: a few elements
// (merges, conditional formats, page setup) past the rows. An error past the rows is
// left alone: every row has been read.
func (r *Rows) readMerged() {
	s := r.s
	for {
		switch s.next() {
		case tokEOF:
			return
		case tokStart:
			if string(s.name) == "mergeCell" {
				if ref := attr(s.attrs, "ref"); len(ref) > 0 {
					r.merged = append(r.merged, string(ref))
				}
			}
		}
	}
}

// Merged returns the sheet's merged ranges ("B2:B11") once Next has returned false at the
// end of the sheet; nil before, or for a sheet without merged cells. In a merged range
// only the top-left cell holds the value Excel shows across the range; the others are
// empty in the file.
func (r *Rows) Merged() []string { return r.merged }
