package main

import (
	"io"

	"github.com/samenspel/samenspel/codebook"
)

// calibrationMissing says, in the command line's language, that the calibration file
// the codebook names is not there (codebook.Codebook.CalibrationMissing): the
// auto-coder falls back to the plain dictionary.
func calibrationMissing(u *ui, w io.Writer, file string, cb *codebook.Codebook) {
	if cb.CalibrationMissing == "" {
		return
	}
	u.f(w, "%s: note: calibration %s not found: the auto-coder suggests every code that fires, without confidence or threshold (copy the file beside the codebook to use it)\n", file, cb.CalibrationMissing)
}
