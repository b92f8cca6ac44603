// Package pipeline runs a study: it loads study.yaml, reads every input through
// pipeline/ingest, maps codes onto the codebook and runs the auto-coder (code stage),
// pseudonymises respondents and redacts quotes (protect stage), and fills the result
// tables through pipeline/analysis. It never writes outputs itself; Publish swaps a fully
// written output folder into place.
package pipeline
