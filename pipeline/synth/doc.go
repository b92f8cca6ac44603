// Package synth writes synthetic studies of any size, deterministically from a seed: a
// study.yaml, the study's own codebook, a survey among professionals (.xlsx and/or .csv),
// coded interview segments in the generic coded-segment layout, and a respondents table.
// They exist to measure the pipeline at the scale of a national survey and to test it on
// data whose structure is known; everything in them is fictional.
//
// The survey follows an ordinal latent-variable model (a respondent's latent trait per
// scale, shifted by municipality and role effects, cut into five Likert categories at
// fixed thresholds); the interview segments are Dutch sentences composed from a word bank
// that carries the default codebook's auto-coder patterns, coded by several coders who
// disagree on about 15% of the segments. Random numbers come from math/rand/v2's PCG, one
// stream per file, so the files are the same bytes for the same seed and can be written in
// parallel.
package synth
