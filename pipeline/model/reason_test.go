package model

import (
	"errors"
	"fmt"
	"testing"
)

var errLabel = NewKind("unknown answer label", "onbekend antwoordlabel")

// A reason reads as fmt.Errorf would have written it in English, wraps its sentinel for
// errors.Is, and carries the same sentence in Dutch with the sentinel's Dutch name.
func TestReasonf(t *testing.T) {
	err := Reasonf("%w: %q is not an answer of scale %s", "%v: %q is geen antwoord van schaal %s", errLabel, "Zeer mee eens", "kennen")
	want := fmt.Errorf("%w: %q is not an answer of scale %s", errLabel, "Zeer mee eens", "kennen").Error()
	if err.Error() != want {
		t.Errorf("English: %q, want %q", err.Error(), want)
	}
	if !errors.Is(err, errLabel) {
		t.Error("the reason does not wrap its sentinel")
	}
	if got, want := Dutch(err), `onbekend antwoordlabel: "Zeer mee eens" is geen antwoord van schaal kennen`; got != want {
		t.Errorf("Dutch: %q, want %q", got, want)
	}
	r := Reject{Err: err}
	if r.ReasonIn("en") != want || r.ReasonIn("nl") != Dutch(err) {
		t.Errorf("ReasonIn: %q / %q", r.ReasonIn("en"), r.ReasonIn("nl"))
	}
}

// Arguments can be reordered, so that Dutch word order fits; an argument that only one
// language uses does not show as %!(EXTRA) in the other.
func TestReasonfReordered(t *testing.T) {
	err := Reasonf("a %[1]s source is not read: %[3]w", "een %[2]s-bron wordt niet gelezen: %[3]v", "picture", "beeld", errLabel)
	if got, want := err.Error(), "a picture source is not read: unknown answer label"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := Dutch(err), "een beeld-bron wordt niet gelezen: onbekend antwoordlabel"; got != want {
		t.Errorf("Dutch: %q, want %q", got, want)
	}
}

// An error with no Dutch text of its own is shown whole in English, never half
// translated: a sentinel wrapped by a sentence in English stays English.
func TestDutchFallsBackToEnglish(t *testing.T) {
	for _, err := range []error{
		errors.New("strconv.ParseFloat: invalid syntax"),
		fmt.Errorf("row 3 of the library: %w", errLabel),
		fmt.Errorf("opening: %w", Reasonf("%w: x", "%v: x", errLabel)),
	} {
		if got := Dutch(err); got != err.Error() {
			t.Errorf("Dutch(%q) = %q, want the English text", err, got)
		}
	}
	if got := Dutch(errLabel); got != "onbekend antwoordlabel" {
		t.Errorf("Dutch of a Kind: %q", got)
	}
	if got := Dutch(fmt.Errorf("%w", errLabel)); got != "onbekend antwoordlabel" {
		t.Errorf("Dutch of a bare wrap: %q", got)
	}
	if Dutch(nil) != "" {
		t.Error("Dutch(nil) is not empty")
	}
}
