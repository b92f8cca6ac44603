// Package stats holds the pure statistics that a methods section reports: inter-coder
// agreement (percent agreement, Cohen's, weighted and Fleiss' kappa, Krippendorff's alpha
// with a bootstrap interval), scale reliability, descriptive statistics, confidence
// intervals and group comparisons. It does no I/O and knows nothing of studies, codebooks
// or tables: it takes numbers and returns numbers.
//
// The conventions follow gonum/stat, the only library it builds on. Every exported
// function's doc comment states the formula it computes and the reference it follows, and
// its tests reproduce a published value or R output quoted with its source. A programmer
// error (slices of different length, a matrix that is not square, an unknown option)
// panics with a message starting "stats: ". A data problem (too few observations, no
// variation, a missing value where none is allowed) is part of the documented result,
// usually NaN, which the result tables write as an empty cell.
//
// The agreement coefficients are written here rather than taken from a library because
// gonum has none of them and no maintained Go package implements Krippendorff's alpha
// with missing data and all four levels of measurement; they are short, and each is
// pinned by the published example it is usually checked against.
//
// The bootstrap's binomial draws are gonum's distuv.Binomial algorithm written out
// (multinomialDraws) because gonum's sampler keeps nothing between calls and recomputed
// the same logarithms millions of times on a large codebook; it draws the very same
// variates from the same source, so intervals do not change with it. The bootstraps of
// one seed share that source's numbers, made once (bootstrap_stream.go), because every
// code's bootstrap walks the same stream.
package stats
