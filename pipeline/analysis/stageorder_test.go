package analysis

import (
	"reflect"
	"testing"
)

// TestStageOrder: Run hands out every stage exactly once, the long ones first, and
// PartnerPairs (which finds the partner segments) before Partners.
func TestStageOrder(t *testing.T) {
	order := stageOrder()
	if len(order) != len(Stages) {
		t.Fatalf("%d stages handed out, want %d", len(order), len(Stages))
	}
	seen := make([]bool, len(Stages))
	pos := map[uintptr]int{}
	for k, i := range order {
		if seen[i] {
			t.Fatalf("stage %d handed out twice", i)
		}
		seen[i] = true
		pos[reflect.ValueOf(Stages[i]).Pointer()] = k
	}
	for k, s := range longStages {
		if got := pos[reflect.ValueOf(s).Pointer()]; got != k {
			t.Errorf("long stage %d handed out at %d", k, got)
		}
	}
	if pos[reflect.ValueOf(PartnerPairs).Pointer()] > pos[reflect.ValueOf(Partners).Pointer()] {
		t.Error("Partners is handed out before PartnerPairs")
	}
}
