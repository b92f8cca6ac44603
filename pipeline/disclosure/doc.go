// Package disclosure is samenspel's one disclosure component: one rule set (Rules, with
// the one default of min_cell), one decision per grouping made from the protected dataset
// before the analysis (Decide), and one final pass over every results table before any
// writer (Decision.Enforce). Attack is the attacker that tries to undo it from the
// published tables of an output folder.
//
// It is written by hand: statistical disclosure control tools (sdcTable, tau-argus) solve
// cell suppression for published tables given as hierarchies, not for a pipeline whose
// tables, tests and respondent-level rows come from one microdata set, and none is a Go
// library. The attacker's linear algebra is small (a few hundred unknowns) and plain.
package disclosure
