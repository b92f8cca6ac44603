package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// calibrationWarnings warns, where the auto-coder runs, that the calibration file the
// codebook names is not there (the codebook copied into the study without it): the
// auto-coder then suggests every code that fires, without confidence or threshold, a
// different set of suggestions from the calibrated one, which before 0.7.1 only
// `analyse codebook check` said, in English.
func calibrationWarnings(s *Study, cb *codebook.Codebook) []error {
	if cb.CalibrationMissing == "" || !s.AutocodeEnabled() {
		return nil
	}
	return []error{model.Reasonf(
		"%s: the calibration %s it names is not there: the auto-coder suggests every code that fires, without confidence or threshold; copy the file beside the codebook to use it",
		"%s: de kalibratie %s die het noemt is er niet: de autocodeur stelt elke code voor die afgaat, zonder zekerheid of drempel; kopieer het bestand naast het codeboek om haar te gebruiken",
		s.Rel(s.Abs(s.Codebook)), s.Rel(cb.CalibrationMissing))}
}
