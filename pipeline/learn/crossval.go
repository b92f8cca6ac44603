package learn

import (
	"hash/fnv"
	"math/rand/v2"
	"sort"
)

// DefaultFolds is the number of cross-validation folds.
const DefaultFolds = 5

// Folds assigns each segment, given its respondent, to one of k folds so that all of a
// respondent's segments share a fold: a respondent's words and turns of phrase recur
// across their segments (and documents), and a model tested on a respondent it was trained
// on would look better than it is on the next interview. Folds are balanced by segments:
// respondents are taken in decreasing order of their number of segments (ties in an order
// shuffled by seed) and each goes to the fold that has the fewest segments so far (the
// lowest-numbered of those). With fewer than k respondents there are as many folds as
// respondents. Folds returns the fold of each segment and the number of folds.
func Folds(respondents []string, k int, seed uint64) ([]int, int) {
	count := map[string]int{}
	var ids []string
	for _, r := range respondents {
		if count[r] == 0 {
			ids = append(ids, r)
		}
		count[r]++
	}
	if len(ids) < k {
		k = len(ids)
	}
	fold := make([]int, len(respondents))
	if k < 2 {
		return fold, k
	}
	sort.Strings(ids)
	rng := rand.New(rand.NewPCG(seed, 0x6c6561726e)) // "learn"
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	sort.SliceStable(ids, func(i, j int) bool { return count[ids[i]] > count[ids[j]] })
	size := make([]int, k)
	of := map[string]int{}
	for _, id := range ids {
		best := 0
		for f := 1; f < k; f++ {
			if size[f] < size[best] {
				best = f
			}
		}
		of[id] = best
		size[best] += count[id]
	}
	for i, r := range respondents {
		fold[i] = of[r]
	}
	return fold, k
}

// SeedFor derives the seed of a study's learner from the study's seed and a name, so that
// the same study always gives the same folds.
func SeedFor(seed uint64, name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return seed ^ h.Sum64()
}
