package model

import (
	"errors"
	"fmt"
	"strings"
)

// The reasons of rejects are read by researchers in the summary, the report and `analyse
// check`, in Dutch or English. A reason is an error (so errors.Is finds the reader's
// sentinel, and rejects.csv keeps its English text), which also carries its Dutch text:
// Kind names a sentinel in both languages, Reasonf formats a reason in both. The same
// carries the fatal errors that end a run (a file, its sheet, row and column, and what is
// wrong) to the command line in Dutch. The standard library's errors about files, zip
// archives and XML are given Dutch in reason_library.go; any other error without a Dutch
// text (one from a library) is shown in English in both languages.

// Kind is a sentinel error with a Dutch name: ingest.ErrUnknownLabel is "unknown answer
// label" and "onbekend antwoordlabel".
type Kind struct{ en, nl string }

// NewKind returns a sentinel error named en in English and nl in Dutch.
func NewKind(en, nl string) error { return &Kind{en: en, nl: nl} }

// Error is the English name, as errors.New would give it.
func (k *Kind) Error() string { return k.en }

// Dutch is the Dutch name.
func (k *Kind) Dutch() string { return k.nl }

// reason is an error formatted in both languages.
type reason struct {
	err error // the English text, wrapping the sentinel
	nl  string
}

func (r *reason) Error() string { return r.err.Error() }
func (r *reason) Unwrap() error { return r.err }
func (r *reason) Dutch() string { return r.nl }

// Reasonf formats a reason in English as fmt.Errorf(en, args...) does (a %w verb wraps a
// sentinel, for errors.Is) and in Dutch as fmt.Sprintf(nl, args...), where nl uses %v
// wherever en uses %w and every error among args is given in Dutch (see Dutch), as is any
// other argument with a Dutch method (codebook.Place). Both formats take the same
// arguments in the same order.
func Reasonf(en, nl string, args ...any) error {
	dutch := make([]any, len(args))
	for i, a := range args {
		if err, ok := a.(error); ok {
			dutch[i] = Dutch(err)
			continue
		}
		if d, ok := a.(interface{ Dutch() string }); ok {
			dutch[i] = d.Dutch() // a place in a file, say, that can say itself in Dutch
			continue
		}
		dutch[i] = a
	}
	return &reason{err: fmt.Errorf(en, args...), nl: fmt.Sprintf(nl, dutch...)}
}

// Translated is an error that reads en in English and nl in Dutch (a message already
// formatted, such as a redacted warning).
func Translated(en, nl string) error { return &reason{err: errors.New(en), nl: nl} }

// Dutch is err's text in Dutch: the Dutch text of a reason or a Kind, found on err itself
// or on an error it wraps with nothing added (fmt.Errorf("%w", e)); the errors of
// errors.Join each in Dutch, one a line; else that of a library
// error it knows (reason_library.go); else, where a wrapper adds English words of its own,
// the whole English text, never half of each.
func Dutch(err error) string {
	if err == nil {
		return ""
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		d, ok := e.(interface{ Dutch() string })
		if !ok {
			continue
		}
		if e == err || e.Error() == err.Error() {
			return d.Dutch()
		}
		break
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		// errors.Join's errors, one a line: each in Dutch where the lines are theirs alone.
		errs := j.Unwrap()
		en, nl := make([]string, len(errs)), make([]string, len(errs))
		for i, e := range errs {
			en[i], nl[i] = e.Error(), Dutch(e)
		}
		if strings.Join(en, "\n") == err.Error() {
			return strings.Join(nl, "\n")
		}
	}
	if nl, ok := libraryDutch(err); ok {
		return nl
	}
	return err.Error()
}

// ReasonIn is the reject's reason in lang (nl or en).
func (r Reject) ReasonIn(lang string) string {
	if lang == "nl" {
		return Dutch(r.Err)
	}
	return r.Reason()
}
