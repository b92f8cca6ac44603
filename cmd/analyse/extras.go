package main

import "github.com/samenspel/samenspel/pipeline"

// writeExtras writes the outputs that are not report writers' business: the REFI-QDA
// project for review in a QDA tool, when the study asks for it.
func writeExtras(dir string, o *pipeline.Outcome) error {
	return nil
}
