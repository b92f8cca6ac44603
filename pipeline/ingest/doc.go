// Package ingest reads the files researchers have: coded-segment exports of coding tools
// (generic tables, MAXQDA, ATLAS.ti, QualCoder, Taguette, REFI-QDA projects), plain
// transcripts, survey exports (generic tables, LimeSurvey, Qualtrics, Forms, SPSS) and
// respondent tables, into a model.Dataset. One file per format; the shared table reader
// (xlsx and csv) sits under all table formats.
//
// A reader returns a fatal error only when the file as a whole cannot be read; a bad row or
// cell becomes a model.Reject with its location, and every file is accounted for in
// Dataset.Files (rows read = accepted + rejected).
//
// Every input is read once (input.go): one read-only open, refused for anything but a
// regular file (a device or named pipe would hang the run), and the sha256 of exactly the
// bytes that format detection and the reader then work on. Zip archives are held against
// limits on their directory before anything is unpacked (archive.go), and workbooks keep
// every part in memory, so no temporary file outlives a run. Delimited text is read by
// the package's own parser (delimited.go), not encoding/csv: encoding/csv cannot report
// an unclosed quote and go on reading, and lets such a quote swallow the rows after it;
// no maintained Go CSV library resynchronises.
package ingest
