package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

func TestWaveNameConflicts(t *testing.T) {
	d := &model.Dataset{Respondents: []model.Respondent{
		{ID: "1", Wave: "2024", Name: "Kevin Jansen"}, {ID: "1", Wave: "2025", Name: "Joris Jansen"},
		{ID: "2", Wave: "2024", Name: "Zoë de Vries"}, {ID: "2", Wave: "2025", Name: "zoe  DE vries"}, // the same name
		{ID: "3", Wave: "2024", Name: "Anna"}, {ID: "3", Wave: "2025"}, // no name to compare
		{ID: "a@b.nl", Wave: "2024", Name: "Bram"}, {ID: "a@b.nl", Wave: "2025", Name: "Sanne"},
	}}
	w := waveNameConflicts(d)
	if len(w) != 1 || !strings.HasPrefix(w[0].Error(), `2 respondent id(s) carry a different name in two waves (for example "1")`) {
		t.Errorf("warnings %v", w)
	}
	d.Respondents = d.Respondents[2:6]
	if w := waveNameConflicts(d); w != nil {
		t.Errorf("same names warned: %v", w)
	}
}
