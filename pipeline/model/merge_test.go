package model

import "testing"

// Merge records a respondent given another role by a later file (the run warns where the
// codebook does not take both for one role); the first role is kept, and a role that only
// differs in case or spaces, or that fills an empty one, is no conflict.
func TestMergeRoleConflicts(t *testing.T) {
	var d Dataset
	d.Merge(Dataset{Respondents: []Respondent{{ID: "R1", Role: "Jongerenwerker", Source: "resp.csv"}, {ID: "R2", Role: "Wijkagent", Source: "resp.csv"}, {ID: "R3", Source: "resp.csv"}},
		Files: []FileCount{{Path: "resp.csv"}}})
	d.Merge(Dataset{Respondents: []Respondent{{ID: "R1", Role: "Wijkagent", Source: "cod.csv"}, {ID: "R2", Role: " wijkagent", Source: "cod.csv"}, {ID: "R3", Role: "School", Source: "cod.csv"}},
		Files: []FileCount{{Path: "cod.csv"}}})
	want := []RoleConflict{{File: "cod.csv", Earlier: "resp.csv", Value: "Wijkagent", Was: "Jongerenwerker"}}
	if len(d.RoleConflicts) != 1 || d.RoleConflicts[0] != want[0] {
		t.Errorf("role conflicts %+v, want %+v", d.RoleConflicts, want)
	}
	if d.Respondents[0].Role != "Jongerenwerker" || d.Respondents[2].Role != "School" {
		t.Errorf("roles after merge: %+v", d.Respondents)
	}
}
