package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/samenspel/samenspel/pipeline"
)

func runVersion(u *ui, stdout io.Writer) int {
	fmt.Fprintf(stdout, "samenspel analyse %s (%s)\n", pipeline.Version, runtime.Version())
	return exitOK
}
