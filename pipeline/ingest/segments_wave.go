package ingest

// A coding table of two waves' interviews in one file, with a column Meting (2024, 2025),
// was read as one measurement: the column was no field, so a young person interviewed in
// both waves was one respondent with the segments of both, pooled into every coding table
// without a word, where an entry with wave: puts them in their waves. The generic layout
// now reads the wave column as a survey does (waveHeaders, or columns: {wave: ...}): a
// row's wave is the column's value, its segment and respondent are that wave's (the
// segment id with the wave in front, as inWave writes it), and where study.yaml gives the
// entry a wave, that wave wins over a column found by its header, with a warning for the
// rows that say another (rowWaves, survey_wave.go).

// waveSegmentID is the id of a segment of the table's wave column's wave: the wave in
// front, as the pipeline writes an entry's wave (pipeline/waves.go, inWave), so that one
// export id in two waves names two segments.
func waveSegmentID(wave, id string) string { return wave + "/" + id }
