package pipeline

import "github.com/samenspel/samenspel/codebook"

// Work a run starts before its inputs are read, on the core the reading leaves free
// (issue 16, "a small study is instant"). The auto-coder (some 35 ms of CPU on the
// example's codebook: its rules and Aho-Corasick automaton) was built after the
// interviews were read, on the run's own goroutine, and the redactor's name lists (some
// 20 ms) were read when the protect stage began. Neither depends on the inputs.

// startAutoCoder starts building the auto-coder, for a run that goes on past the coding
// (checkOnly is false: analyse run) of a study that enables it; nil otherwise. execute
// starts reading the name lists (redact.Preload) before it reads the codebook.
func startAutoCoder(s *Study, cb *codebook.Codebook, checkOnly bool) *autoCoderAhead {
	if checkOnly || !s.AutocodeEnabled() {
		return nil
	}
	a := &autoCoderAhead{done: make(chan struct{})}
	go func() {
		a.ac, a.err = codebook.NewAutoCoder(cb)
		close(a.done)
	}()
	return a
}

// autoCoderAhead is the codebook's auto-coder, being built.
type autoCoderAhead struct {
	done chan struct{}
	ac   *codebook.AutoCoder
	err  error
}

// get waits for the auto-coder; with no auto-coder being built (a nil a) it builds one.
func (a *autoCoderAhead) get(cb *codebook.Codebook) (*codebook.AutoCoder, error) {
	if a == nil {
		return codebook.NewAutoCoder(cb)
	}
	<-a.done
	return a.ac, a.err
}
