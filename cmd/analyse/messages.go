package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The command line speaks Dutch or English. Every message it prints is in one catalogue,
// keyed by its English text, with its Dutch translation in dutch below; golang.org/x/text's
// message printer looks them up (and formats numbers per language). Errors carry their
// Dutch text (model.Reasonf, model.Kind) and are shown in the command line's language:
// study.yaml's errors, the reasons of rejected rows and answers, and every fatal error of
// the readers, the codebook, the reports and the output-folder checks, with its file,
// sheet, row and column (TestEveryFatalErrorHasDutch keeps them so). A library's error
// that model.Dutch does not know stays English inside the Dutch sentence.

// ui prints in one language.
type ui struct {
	lang     string // nl | en
	explicit bool   // chosen with -lang, so a study's language does not override it
	p        *message.Printer
}

var messages = func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, nl := range dutch {
		b.SetString(language.English, en, en)
		b.SetString(language.Dutch, en, nl)
	}
	return b
}()

// newUI picks the language of the command line: -lang (or --lang) among args, else the
// LANG or LC_ALL environment variable when it names Dutch or English, else Dutch.
func newUI(args []string) *ui {
	if l := langFlag(args); l == "nl" || l == "en" {
		return uiIn(l, true)
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.ToLower(os.Getenv(env))
		switch {
		case strings.HasPrefix(v, "nl"):
			return uiIn("nl", false)
		case strings.HasPrefix(v, "en"):
			return uiIn("en", false)
		}
	}
	return uiIn("nl", false)
}

func uiIn(lang string, explicit bool) *ui {
	tag := language.Dutch
	if lang == "en" {
		tag = language.English
	} else {
		lang = "nl"
	}
	return &ui{lang: lang, explicit: explicit, p: message.NewPrinter(tag, message.Catalog(messages))}
}

// forStudy returns the ui in a study's language, unless -lang chose one.
func (u *ui) forStudy(lang string) *ui {
	if u.explicit || (lang != "nl" && lang != "en") {
		return u
	}
	return uiIn(lang, false)
}

// langFlag finds -lang nl|en (or --lang, -lang=en) among the arguments.
func langFlag(args []string) string {
	for i, a := range args {
		a = strings.TrimPrefix(a, "-")
		a = strings.TrimPrefix(a, "-")
		if v, ok := strings.CutPrefix(a, "lang="); ok {
			return strings.ToLower(v)
		}
		if a == "lang" && i+1 < len(args) {
			return strings.ToLower(args[i+1])
		}
	}
	return ""
}

// f prints a catalogued message.
func (u *ui) f(w io.Writer, key string, args ...any) {
	u.p.Fprintf(w, key, u.errorsIn(args)...)
}

// s returns a catalogued message.
func (u *ui) s(key string, args ...any) string {
	return u.p.Sprintf(key, u.errorsIn(args)...)
}

// errorsIn gives the errors among args in the command line's language: in Dutch, an error
// that carries its Dutch text (model.Dutch) is shown in Dutch, any other in English as it
// is.
func (u *ui) errorsIn(args []any) []any {
	if u.lang != "nl" {
		return args
	}
	var out []any
	for i, a := range args {
		if err, ok := a.(error); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = model.Dutch(err)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// n returns "1 one" or "N many", with the words looked up in the catalogue.
func (u *ui) n(n int, one, many string) string {
	if n == 1 {
		return "1 " + u.s(one)
	}
	return fmt.Sprintf("%d %s", n, u.s(many))
}
