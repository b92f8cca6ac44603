package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

func TestRedactTitle(t *testing.T) {
	red := redact.New(redact.Options{Names: []string{"Qwyntje Zorblat"}, People: []string{"Sanne Visser"}, Keep: []string{"Bergdorp"}})
	quiet := &model.Dataset{Segments: []model.Segment{{Text: "We hebben korte lijnen met de school."}}}
	daan := &model.Dataset{Segments: []model.Segment{{Text: "Met Daan gaat het nu beter."}, {Text: "Ik belde met Ids vorige week."}}}
	for _, c := range []struct {
		title, want string
		d           *model.Dataset
		warned      bool
	}{
		{"Casus Qwyntje, bel 06-12345678", "Casus [naam], bel [telefoonnummer]", quiet, true},
		{"Samenwerking in de jeugdketen", "Samenwerking in de jeugdketen", quiet, false},
		// The researcher's own word: "Ids" (a Frisian given name) as the study's name is
		// kept where no interview speaks of an Ids (0.8.0 published "[naam]").
		{"Ids", "Ids", quiet, false},
		{"Ids: samenwerking in Bergdorp", "Ids: samenwerking in Bergdorp", quiet, false},
		// ... but not where the data name a person so, nor a listed name, nor after a cue.
		{"Ids", "[naam]", daan, true},
		{"Project Daan", "Project [naam]", daan, true},
		{"Sanne en de wijkagent", "[naam] en de wijkagent", quiet, true},
		{"Casus Daan", "Casus [naam]", quiet, true},
		{"Gesprekken met mevrouw Jansen", "Gesprekken met mevrouw [naam]", quiet, true},
	} {
		s := &Study{Title: c.title}
		var warnings []error
		redactTitle(s, red, c.d, &warnings)
		if s.Title != c.want || (len(warnings) > 0) != c.warned {
			t.Errorf("%q: title %q, warnings %v", c.title, s.Title, warnings)
		}
	}
}
