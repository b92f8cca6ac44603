package pipeline

import (
	"errors"
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

var unknownKeyRe = regexp.MustCompile(`unknown key ("[^"]*")`)

// yamlMessageDutch is the Dutch of a YAML syntax message of study.yaml as cleanYAMLError
// writes it (without "yaml: " and the line), through model.Dutch's table of the YAML
// parser's messages; "" where a part of it has no Dutch, so that the error reads wholly
// in English rather than half in each (StudyError.Dutch).
func yamlMessageDutch(msg string) string {
	var parts []string
	for _, p := range strings.Split(msg, "; ") {
		p = strings.TrimPrefix(p, "line ")
		line, rest, ok := strings.Cut(p, ": ")
		if !ok || strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			line, rest = "", p
		}
		nl := unknownKeyRe.ReplaceAllString(rest, `onbekende sleutel $1`)
		if nl == rest {
			nl = strings.TrimPrefix(model.Dutch(errors.New("yaml: "+rest)), "YAML: ")
			if nl == rest {
				return ""
			}
		}
		if line != "" {
			nl = "regel " + line + ": " + nl
		}
		parts = append(parts, nl)
	}
	return strings.Join(parts, "; ")
}
