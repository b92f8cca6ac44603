package pipeline

// reviewFiles lists, resolved, the files autocode.review names (globs expanded, a path
// that matches nothing kept as written), so that CheckOutput can say why a reviewed
// review.qdpx inside the output folder is refused: the run would read it and then
// write its own review.qdpx over it, and the researcher's review would be lost.
func (s *Study) reviewFiles() map[string]bool {
	files := map[string]bool{}
	for _, in := range s.Autocode.Review {
		matches, err := s.Files(in)
		if err != nil || (len(matches) == 0 && in.Path != "") {
			matches = []string{s.Abs(in.Path)}
		}
		for _, m := range matches {
			files[resolved(m)] = true
		}
	}
	return files
}
