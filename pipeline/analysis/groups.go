package analysis

import (
	"sync"

	"github.com/samenspel/samenspel/pipeline/disclosure"
)

// Respondents are numbered by their position in Data.Respondents (a respondent number);
// Prepare maps every id (a key, or a bare pseudonym for a person's first respondent, see
// Respondent) to one. The tables group the same 100,000 respondents by the same few
// groupings in a dozen stages; a groupIndex gives each respondent number its group once
// per grouping and strand, so a stage groups with a slice lookup instead of the string
// maps of the attribute, the decision and the groups themselves.

// noRespondent is the respondent number of an id the dataset does not list.
const noRespondent = -1

// Group numbers of a groupIndex besides the groups: a respondent in no group, and one in
// no group because it has no value for the grouping (groupOf's leftOut).
const (
	noGroup      = -1
	leftOutGroup = -2
)

// groupIndex is a grouping as one strand's tables group the respondents: of[n] is the
// group number of respondent n (noGroup, leftOutGroup, or an index into labels), exactly
// groupOf(respondent n, by, strand).
type groupIndex struct {
	labels []string
	of     []int32
}

// group returns respondent n's group label and whether it is left out, as groupOf does;
// ("", false) for noRespondent.
func (gi *groupIndex) group(n int32) (g string, leftOut bool) {
	if n < 0 {
		return "", false
	}
	switch k := gi.of[n]; k {
	case noGroup:
		return "", false
	case leftOutGroup:
		return "", true
	default:
		return gi.labels[k], false
	}
}

// groupCache holds the group indexes made so far, for one decision: stages run side by
// side, so it is guarded, and it starts afresh when the input's decision changes (a
// test that decides after Prepare) or Prepare runs again.
type groupCache struct {
	mu      sync.Mutex
	dec     *disclosure.Decision
	indexes map[[2]string]*groupIndex
}

// respondentNumber returns the number of the respondent with the given id (see
// Respondent), or noRespondent.
func (in *Input) respondentNumber(id string) int32 {
	if n, ok := in.respondents[id]; ok {
		return n
	}
	return noRespondent
}

// respondentNumbers returns the numbers of the listed respondents among ids, in no
// particular order; ids the dataset does not list are left out. Two ids of one
// respondent (a key and a bare pseudonym) stay two entries, as they are two members of a
// set of ids.
func (in *Input) respondentNumbers(ids map[string]bool) []int32 {
	out := make([]int32, 0, len(ids))
	for id := range ids {
		if n := in.respondentNumber(id); n != noRespondent {
			out = append(out, n)
		}
	}
	return out
}

// grouping returns the group index of a grouping attribute for a strand (see groupOf),
// made once per decision.
func (in *Input) grouping(by, strand string) *groupIndex {
	c := in.groupCache
	if c == nil {
		return in.makeGrouping(by, strand)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.indexes == nil || c.dec != in.Disclosure {
		c.dec, c.indexes = in.Disclosure, map[[2]string]*groupIndex{}
	}
	k := [2]string{by, strand}
	gi := c.indexes[k]
	if gi == nil {
		gi = in.makeGrouping(by, strand)
		c.indexes[k] = gi
	}
	return gi
}

// makeGrouping groups every respondent with groupOf, asked once per distinct value of
// the attribute: groupOf depends on the respondent only through that value.
func (in *Input) makeGrouping(by, strand string) *groupIndex {
	resp := in.Data.Respondents
	gi := &groupIndex{of: make([]int32, len(resp))}
	numOf := map[string]int32{} // attribute value -> group number
	labelNum := map[string]int32{}
	for i := range resp {
		v := resp[i].Attribute(by)
		k, ok := numOf[v]
		if !ok {
			g, leftOut := in.groupOf(&resp[i], by, strand)
			switch {
			case g != "":
				if k, ok = labelNum[g]; !ok {
					k = int32(len(gi.labels))
					labelNum[g] = k
					gi.labels = append(gi.labels, g)
				}
			case leftOut:
				k = leftOutGroup
			default:
				k = noGroup
			}
			numOf[v] = k
		}
		gi.of[i] = k
	}
	return gi
}

// groupSizes counts the respondent numbers per group label of a grouping: the sizes of
// groupMembers' groups, without the sets.
func (in *Input) groupSizes(by, strand string, members []int32) map[string]int {
	gi := in.grouping(by, strand)
	counts := make([]int, len(gi.labels))
	for _, n := range members {
		if k := gi.of[n]; k >= 0 {
			counts[k]++
		}
	}
	sizes := map[string]int{}
	for k, n := range counts {
		if n > 0 {
			sizes[gi.labels[k]] = n
		}
	}
	return sizes
}
