// Package ingest reads the files researchers have: coded-segment exports of coding tools
// (generic tables, MAXQDA, ATLAS.ti, QualCoder, Taguette, REFI-QDA projects), plain
// transcripts, survey exports (generic tables, LimeSurvey, Qualtrics, Forms, SPSS) and
// respondent tables, into a model.Dataset. One file per format; the shared table reader
// (xlsx and csv) sits under all table formats.
//
// A reader returns a fatal error only when the file as a whole cannot be read; a bad row or
// cell becomes a model.Reject with its location, and every file is accounted for in
// Dataset.Files (rows read = accepted + rejected).
package ingest
