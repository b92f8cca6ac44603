package analysis

// SurveyedByNumber exposes surveyedByNumber to the package's external tests.
func SurveyedByNumber(in *Input) (surveyed, sampled []int32, unknown map[string]bool, ok bool) {
	s, ok := in.surveyedByNumber()
	return s.surveyed, s.sampled, s.unknown, ok
}
