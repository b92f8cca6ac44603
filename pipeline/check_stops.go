package pipeline

import (
	"errors"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// What stops a run, listed by `analyse check` (readers14). A primary_coder who coded
// nothing (primary_coder.go), a workbook with a sheet per coder and no coder column
// (ingest.ErrSheetPerCoder) and a file per coder (files_per_coder.go) stop `analyse run` with an error. `analyse check` stopped at
// them too, with that error alone, so the researcher saw nothing else of the study
// until they were fixed, and `check` did not say them among what it lists. Now check
// reads on past them, lists each as a RunStop beside everything else it finds, and
// exits 1, the status of a run that would stop; a run still stops at them.

// RunStop is an error that stops `analyse run`, as `analyse check` lists it.
type RunStop struct{ Err error }

func (e RunStop) Error() string { return e.Err.Error() }
func (e RunStop) Unwrap() error { return e.Err }
func (e RunStop) Dutch() string { return model.Dutch(e.Err) }

// goOnForCheck returns err where it stops the reading, and nil where `analyse check`
// (check) reads on past it, after keeping it in stops.
func goOnForCheck(check bool, err error, stops *[]error) error {
	if !check || err == nil {
		return err
	}
	var primary primaryCoderError
	if errors.Is(err, ingest.ErrSheetPerCoder) || errors.Is(err, ErrFilePerCoder) || errors.As(err, &primary) {
		*stops = append(*stops, RunStop{err})
		return nil
	}
	return err
}

// StopsRun reports whether the check found what stops a run (RunStop).
func (r *CheckReport) StopsRun() bool {
	for _, w := range r.Warnings {
		if errors.As(w, new(RunStop)) {
			return true
		}
	}
	return false
}
