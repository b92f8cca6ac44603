package model

import (
	"reflect"
	"testing"
)

// TestMergerAsMerge: merging files one after the other through one Merger (its index of
// respondents kept between merges) gives the dataset that Dataset.Merge for each gives.
func TestMergerAsMerge(t *testing.T) {
	files := func() []Dataset {
		return []Dataset{
			{Respondents: []Respondent{{ID: "R1", Municipality: "Utrecht"}, {ID: "R2"}}},
			{Respondents: []Respondent{{ID: "R2", Role: "jw"}, {ID: "R3", Wave: "2024"}}},
			{Respondents: []Respondent{{ID: "R3", Wave: "2025"}, {ID: "R1", Municipality: "Zeist", Role: "ou"}, {ID: "R3", Wave: "2024", Name: "Daan"}}},
		}
	}
	var want Dataset
	for _, f := range files() {
		want.Merge(f)
	}
	var got Dataset
	m := got.Merger()
	for _, f := range files() {
		m.Merge(f)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merger:\n%+v\nDataset.Merge:\n%+v", got, want)
	}
	if len(got.Respondents) != 4 || got.Respondents[0].Municipality != "Utrecht" || got.Respondents[0].Role != "ou" || got.Respondents[2].Name != "Daan" || got.Respondents[3].Wave != "2025" {
		t.Errorf("respondents %+v", got.Respondents)
	}
	// Respondents added beside the Merger: its index is built again.
	got.Respondents = append(got.Respondents, Respondent{ID: "R9"})
	m.Merge(Dataset{Respondents: []Respondent{{ID: "R9", Role: "jw"}}})
	if n := len(got.Respondents); n != 5 || got.Respondents[4].Role != "jw" {
		t.Errorf("after an append beside the Merger: %+v", got.Respondents)
	}
}

// Has and Add answer from the Merger's index and keep it current: a respondent added
// is found, and a merge after it merges into that respondent instead of adding another.
func TestMergerHasAdd(t *testing.T) {
	d := &Dataset{}
	m := d.Merger()
	m.Merge(Dataset{Respondents: []Respondent{{ID: "R1"}, {ID: "R2", Wave: "2024"}}})
	for k, want := range map[RespondentKey]bool{{ID: "R1"}: true, {ID: "R2", Wave: "2024"}: true, {ID: "R2"}: false, {ID: "R3"}: false} {
		if m.Has(k) != want {
			t.Errorf("Has(%v) = %v, want %v", k, !want, want)
		}
	}
	m.Add(Respondent{ID: "R3", Source: "seg.csv"})
	if !m.Has(RespondentKey{ID: "R3"}) {
		t.Error("R3 added but not found")
	}
	m.Merge(Dataset{Respondents: []Respondent{{ID: "R3", Role: "jw"}}})
	if len(d.Respondents) != 3 || d.Respondents[2].Role != "jw" || d.Respondents[2].Source != "seg.csv" {
		t.Errorf("respondents %+v, want R3 merged once", d.Respondents)
	}
}
