package main

import (
	"fmt"
	"io"
)

func runSynth(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "analyse synth: not available in this build")
	return exitUsage
}
