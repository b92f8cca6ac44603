package ingest

import (
	"slices"
	"testing"
)

// Attack 16 F04: a sheet with the same column names in another order is the same table;
// other names, or a name twice, are not.
func TestSameHeaderAnyOrder(t *testing.T) {
	first := []string{"Respondent", "Gemeente", "K1", "K2", "K3", "K4"}
	for _, c := range []struct {
		other []string
		same  bool
	}{
		{[]string{"Respondent", "Gemeente", "K4", "K3", "K2", "K1"}, true},
		{[]string{"respondent", "GEMEENTE", "K1", "K2", "K3", "K4", ""}, true},
		{[]string{"Respondent", "Gemeente", "K1", "K2", "K3"}, false},
		{[]string{"Respondent", "Gemeente", "K1", "K1", "K3", "K4"}, false},
		{[]string{"Respondent", "Functie", "K1", "K2", "K3", "K4"}, false},
	} {
		if got := sameHeader(first, c.other); got != c.same {
			t.Errorf("sameHeader(%q) = %v, want %v", c.other, got, c.same)
		}
	}
	// The rows of both sheets compare alike in the order of the names.
	a := inOrder([]string{"E1", "Aardam", "1", "2", "3", "4"}, canonicalOrder(first))
	b := inOrder([]string{"E1", "Aardam", "4", "3", "2", "1"}, canonicalOrder([]string{"Respondent", "Gemeente", "K4", "K3", "K2", "K1"}))
	if !slices.Equal(a, b) {
		t.Errorf("rows in name order differ: %q, %q", a, b)
	}
	if canonicalOrder([]string{"a", "b"}) != nil {
		t.Error("a header in name order needs no order")
	}
}

// Attack 16 F06: a summary label with nothing but item cells is a summary row; the same
// letters beside a municipality are a respondent's initials.
func TestSummaryRowOnlyItems(t *testing.T) {
	lay := &surveyLayout{columns: []surveyColumn{{use: useRespondent}, {use: useMunicipality}, {use: useItem}, {use: useItem}}}
	if !isSummaryWord("Std. deviatie:") || !isSummaryWord(" gemiddelde ") || isSummaryWord("E05") {
		t.Error("summary words")
	}
	if !onlyItems([]string{"Gemiddelde", "", "3", "4"}, lay, 0) {
		t.Error("a mean row holds only items")
	}
	if onlyItems([]string{"SD", "Aardam", "3", "4"}, lay, 0) {
		t.Error("initials beside a municipality are a respondent")
	}
}
