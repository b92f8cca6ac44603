package pipeline

import (
	"bufio"
	"crypto/sha256"
	"slices"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// studySalt is sha256 over the study's respondent-level inputs in an order of their
// own (sorted), so it does not depend on the order files are read in: every real id,
// every segment (respondent, id, text) and every answer (respondent, item, raw value).
// Each record is its kind ("a", "r" or "s") and its fields, separated by 0 bytes and
// followed by a 1 byte; the hash is over "samenspel pseudonyms\x01" and the records in
// byte order of their text, as one sort.Strings over them all would put them.
//
// The records are not built as strings: the sort is done on their fields (see
// hashAnswers and hashSegments for why that gives the same order), and the bytes go to
// the hash through one buffer, so that a national study (2.4 million answers, 50,000
// segments) is hashed at sha256's speed rather than at the speed of building, sorting
// and writing millions of small strings. The bytes hashed are the same as 0.1's, so a
// study keeps its salt and its pseudonyms (TestStudySaltAsOneSort).
func studySalt(d *model.Dataset) [32]byte {
	h := sha256.New()
	w := bufio.NewWriterSize(h, 64<<10)
	w.WriteString("samenspel pseudonyms\x01")
	// "a" < "r" < "s": the answers, then the ids, then the segments.
	hashAnswers(w, &d.Survey)
	ids := make([]string, len(d.Respondents))
	for i, r := range d.Respondents {
		ids[i] = r.ID
	}
	// "r\x00"+id sorts as id does; equal ids are the same bytes, so any sort will do.
	if sorted, ok := mergeRuns(ids, strings.Compare); ok {
		ids = sorted
	} else {
		slices.Sort(ids)
	}
	for _, id := range ids {
		w.WriteString("r\x00")
		w.WriteString(id)
		w.WriteByte(1)
	}
	hashSegments(w, d.Segments)
	w.Flush() // a hash's Write never fails
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// hashSegments writes the segments' records ("s", respondent, id, text) in sorted order.
// Where neither respondent nor id holds a 0 byte, comparing two records' texts is
// comparing (respondent, id, text) field by field: at the first byte where two records
// differ inside a field, both orders agree, and where one field is a prefix of the other,
// its 0 separator sorts before any byte the longer field has there. Otherwise the
// records are built and sorted as strings.
func hashSegments(w *bufio.Writer, segs []model.Segment) {
	plain := true
	for i := range segs {
		if strings.IndexByte(segs[i].Respondent, 0) >= 0 || strings.IndexByte(segs[i].ID, 0) >= 0 {
			plain = false
			break
		}
	}
	if !plain {
		recs := make([]string, len(segs))
		for i, s := range segs {
			recs[i] = "s\x00" + s.Respondent + "\x00" + s.ID + "\x00" + s.Text
		}
		sort.Strings(recs)
		for _, r := range recs {
			w.WriteString(r)
			w.WriteByte(1)
		}
		return
	}
	order := make([]*model.Segment, len(segs))
	for i := range segs {
		order[i] = &segs[i]
	}
	slices.SortFunc(order, func(a, b *model.Segment) int {
		if c := strings.Compare(a.Respondent, b.Respondent); c != 0 {
			return c
		}
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	for _, s := range order {
		w.WriteString("s\x00")
		w.WriteString(s.Respondent)
		w.WriteByte(0)
		w.WriteString(s.ID)
		w.WriteByte(0)
		w.WriteString(s.Text)
		w.WriteByte(1)
	}
}

// hashAnswers writes the survey's answer records ("a", respondent id, item, raw value)
// into w in sorted order, as one sort over all records would: by id (id + 0 byte sorts
// as the id does, and an id holds no 0 byte, so the records of one id sort together),
// and each id's records sorted among themselves. An id with rows in several waves is
// one group, with its answers in Extra.
//
// Within an id the records differ in (item, raw) only, and where the item holds no 0
// byte, comparing "item\x00raw" is comparing (item, raw) field by field (see
// hashSegments). So the columns are visited in the order of their items, and an id
// with one row, no Extra answers and distinct items needs no sort at all; others sort
// their (item, raw) pairs, and an item with a 0 byte falls back to sorting the records
// as strings.
func hashAnswers(w *bufio.Writer, s *model.Survey) {
	byItem := make([]int, len(s.Cols)) // column indexes in the order of their items
	for c := range byItem {
		byItem[c] = c
	}
	slices.SortStableFunc(byItem, func(a, b int) int { return strings.Compare(s.Items[a], s.Items[b]) })
	distinct, plain := true, true
	for k, c := range byItem {
		if k > 0 && s.Items[c] == s.Items[byItem[k-1]] {
			distinct = false
		}
		if strings.IndexByte(s.Items[c], 0) >= 0 {
			plain = false
		}
	}
	// tail[c][code] is a record's end: 0, item, 0, raw, 1.
	tail := make([][]string, len(s.Cols))
	for c := range s.Cols {
		tail[c] = make([]string, len(s.Cols[c].Entries))
		for code, e := range s.Cols[c].Entries {
			tail[c][code] = "\x00" + s.Items[c] + "\x00" + e.Raw + "\x01"
		}
	}

	rows := make([]int, len(s.Rows)) // row indexes by id
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(a, b int) int { return strings.Compare(s.Rows[a].ID, s.Rows[b].ID) })
	extra := map[string][]model.Answer{}
	for _, a := range s.Extra {
		extra[a.Respondent] = append(extra[a.Respondent], a)
		if strings.IndexByte(a.Item, 0) >= 0 {
			plain = false
		}
	}
	extraIDs := model.SortedKeys(extra)

	type pair struct{ item, raw, tail string }
	block := make([]byte, 0, 40<<10)
	var pairs []pair
	var recs []string
	group := func(id string, rows []int, extra []model.Answer) {
		if len(rows) == 1 && len(extra) == 0 && distinct && plain {
			// Most ids: the records are put together in one buffer, written in blocks
			// (three writes for each of a national survey's 2.4 million answers were a
			// tenth of a second).
			r := rows[0]
			for _, c := range byItem {
				if code := s.Cols[c].Code(r); code != model.NoAnswer {
					block = append(block, "a\x00"...)
					block = append(block, id...)
					block = append(block, tail[c][code]...)
				}
			}
			if len(block) >= 32<<10 {
				w.Write(block)
				block = block[:0]
			}
			return
		}
		w.Write(block) // the records before this id's, in order
		block = block[:0]
		if !plain {
			recs = recs[:0]
			for _, r := range rows {
				for c := range s.Cols {
					if code := s.Cols[c].Code(r); code != model.NoAnswer {
						recs = append(recs, "a\x00"+id+"\x00"+s.Items[c]+"\x00"+s.Cols[c].Entries[code].Raw)
					}
				}
			}
			for _, a := range extra {
				recs = append(recs, "a\x00"+a.Respondent+"\x00"+a.Item+"\x00"+a.Raw)
			}
			sort.Strings(recs)
			for _, r := range recs {
				w.WriteString(r)
				w.WriteByte(1)
			}
			return
		}
		pairs = pairs[:0]
		for _, r := range rows {
			for c := range s.Cols {
				if code := s.Cols[c].Code(r); code != model.NoAnswer {
					pairs = append(pairs, pair{s.Items[c], s.Cols[c].Entries[code].Raw, tail[c][code]})
				}
			}
		}
		for _, a := range extra {
			pairs = append(pairs, pair{a.Item, a.Raw, "\x00" + a.Item + "\x00" + a.Raw + "\x01"})
		}
		slices.SortFunc(pairs, func(a, b pair) int {
			if c := strings.Compare(a.item, b.item); c != 0 {
				return c
			}
			return strings.Compare(a.raw, b.raw)
		})
		for _, p := range pairs {
			w.WriteString("a\x00")
			w.WriteString(id)
			w.WriteString(p.tail)
		}
	}
	// Merge the ids of rows and of Extra answers, in order.
	i, j := 0, 0
	for i < len(rows) || j < len(extraIDs) {
		var id string
		switch {
		case j == len(extraIDs) || i < len(rows) && s.Rows[rows[i]].ID < extraIDs[j]:
			id = s.Rows[rows[i]].ID
		default:
			id = extraIDs[j]
		}
		k := i
		for k < len(rows) && s.Rows[rows[k]].ID == id {
			k++
		}
		var ex []model.Answer
		if j < len(extraIDs) && extraIDs[j] == id {
			ex = extra[id]
			j++
		}
		group(id, rows[i:k], ex)
		i = k
	}
	w.Write(block)
}
