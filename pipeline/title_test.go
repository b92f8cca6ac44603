package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/redact"
)

func TestRedactTitle(t *testing.T) {
	red := redact.New(redact.Options{Names: []string{"Qwyntje Zorblat"}})
	for _, c := range []struct {
		title, want string
		warned      bool
	}{
		{"Casus Qwyntje, bel 06-12345678", "Casus [naam], bel [telefoonnummer]", true},
		{"Samenwerking in de jeugdketen", "Samenwerking in de jeugdketen", false},
	} {
		s := &Study{Title: c.title}
		var warnings []error
		redactTitle(s, red, &warnings)
		if s.Title != c.want || (len(warnings) > 0) != c.warned {
			t.Errorf("%q: title %q, warnings %v", c.title, s.Title, warnings)
		}
	}
}
