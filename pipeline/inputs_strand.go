package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// sumStrandEntries makes the entries of one strand and wave one published row (attack
// 12 F6). An entry per municipality (`b/enquete.csv`, `Heidekamp/enquete.csv`) is one
// row per entry even with the group values masked, and its counts are that group's
// size: the 4 rows of the pooled Heidekamp, or 36 of Sluiswaarde beside the pool's 40.
// Which respondents an entry holds is not known here, so every strand (interviews,
// survey) with more than one entry in a wave is published as one row: rows, answers
// and rejects summed, Files the files summed, the entries' names joined by " + " in
// the order of study.yaml, the formats likewise where they differ. Entries of different
// waves stay apart (each wave's respondents are published anyway); the respondents
// table and files of no entry (review files) are left as they are. The terminal summary
// keeps the counts per file.
func sumStrandEntries[R any](rows []R, parts func(R) (strand string, in *results.Input, paths, hashes map[string]bool, n *int)) []R {
	per := map[string]int{}
	for _, r := range rows {
		if st, _, _, _, _ := parts(r); st != "" {
			per[st]++
		}
	}
	var out []R
	first := map[string]R{}
	for _, r := range rows {
		st, in, paths, hashes, n := parts(r)
		if st == "" || per[st] < 2 {
			out = append(out, r)
			continue
		}
		f, ok := first[st]
		if !ok {
			first[st] = r
			out = append(out, r)
			continue
		}
		_, fin, fpaths, fhashes, fn := parts(f)
		fin.Path += " + " + in.Path
		if !strings.Contains("+"+fin.Format+"+", "+"+in.Format+"+") {
			fin.Format += "+" + in.Format
		}
		fin.Read += in.Read
		fin.Accepted += in.Accepted
		fin.Rejected += in.Rejected
		fin.Cells += in.Cells
		fin.CellsAccepted += in.CellsAccepted
		fin.CellsRejected += in.CellsRejected
		for p := range paths {
			fpaths[p] = true
		}
		for h := range hashes {
			fhashes[h] = true
		}
		*fn += *n
	}
	return out
}
