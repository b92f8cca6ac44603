package model

import (
	"archive/zip"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"
)

// The errors of the standard library that end a run on a researcher's file (a file that
// cannot be opened, an archive that is no zip, XML cut off, a CSV table that is not one) carry no Dutch text of their
// own; Dutch gives them one here, so that a reason formatted with Reasonf around them
// reads in Dutch throughout. Only errors whose meaning is fixed are translated: an
// operating-system error by its number, a zip or XML error by its type or sentinel. A
// library error not listed stays English, inside the Dutch sentence around it.

// pathOps is the Dutch of the operations of an fs.PathError (Op), as a noun.
var pathOps = map[string]string{
	"open": "openen", "read": "lezen", "write": "schrijven", "close": "sluiten",
	"stat": "opvragen", "lstat": "opvragen", "readdir": "lezen van de map", "readdirent": "lezen van de map",
	"mkdir": "maken van de map", "mkdirall": "maken van de map", "remove": "verwijderen",
	"unlinkat": "verwijderen", "rename": "hernoemen", "chmod": "rechten zetten", "seek": "lezen",
	"symlink": "koppeling maken", "readlink": "koppeling lezen", "truncate": "inkorten",
	"sync": "wegschrijven", "fsync": "wegschrijven", "openat": "openen", "fstatat": "opvragen",
	"CreateTemp": "maken van een tijdelijk bestand", "MkdirTemp": "maken van een tijdelijke map",
}

// errnos is the Dutch of the operating-system errors a researcher's files can meet.
var errnos = map[syscall.Errno]string{
	syscall.ENOENT:       "het bestand of de map bestaat niet",
	syscall.EACCES:       "geen toegang (de rechten van het bestand of de map staan het niet toe)",
	syscall.EPERM:        "niet toegestaan (de rechten van het bestand of de map staan het niet toe)",
	syscall.EISDIR:       "dit is een map, geen bestand",
	syscall.ENOTDIR:      "een deel van het pad is geen map",
	syscall.EEXIST:       "bestaat al",
	syscall.ENOTEMPTY:    "de map is niet leeg",
	syscall.ENOSPC:       "de schijf is vol",
	syscall.EROFS:        "de schijf is alleen-lezen",
	syscall.ELOOP:        "te veel koppelingen na elkaar (een koppeling die naar zichzelf wijst?)",
	syscall.ENAMETOOLONG: "de naam is te lang",
	syscall.EMFILE:       "te veel open bestanden",
	syscall.EIO:          "leesfout van de schijf",
	syscall.EXDEV:        "kan niet verplaatst worden naar een andere schijf",
	syscall.EBUSY:        "het bestand of de map is in gebruik",
}

// sentinels is the Dutch of the library's sentinel errors.
var sentinels = []struct {
	err error
	nl  string
}{
	{zip.ErrFormat, "zip: geen geldig zip-archief"},
	{zip.ErrChecksum, "zip: controlegetal klopt niet (het archief is beschadigd)"},
	{zip.ErrAlgorithm, "zip: onbekende compressiemethode"},
	{zip.ErrInsecurePath, "zip: onveilig pad in het archief"},
	{io.ErrUnexpectedEOF, "het bestand houdt onverwacht op"},
	{csv.ErrBareQuote, "een los \" in een veld zonder aanhalingstekens"},
	{csv.ErrQuote, "een \" te veel of te weinig in een veld tussen aanhalingstekens"},
	{csv.ErrFieldCount, "een ander aantal velden dan de kopregel"},
	{io.EOF, "het bestand houdt onverwacht op"},
	{fs.ErrNotExist, "het bestand of de map bestaat niet"},
	{fs.ErrPermission, "geen toegang (de rechten van het bestand of de map staan het niet toe)"},
	{fs.ErrExist, "bestaat al"},
}

// xmlMessages is the Dutch of encoding/xml's most common syntax error messages (the
// parts that do not name an element); others stay English.
var xmlMessages = map[string]string{
	"unexpected EOF":                                 "het bestand houdt midden in de XML op",
	"invalid UTF-8":                                  "ongeldige UTF-8",
	"expected element name after <":                  "verwacht een elementnaam na <",
	"unexpected end element </>":                     "onverwachte sluittag </>",
	"invalid character entity &":                     "ongeldige tekenentiteit &",
	"expected attribute name in element":             "verwacht een attribuutnaam in het element",
	"attribute name without = in element":            "attribuutnaam zonder = in het element",
	"unquoted or missing attribute value in element": "attribuutwaarde zonder aanhalingstekens of ontbrekend in het element",
}

// xmlPatterns is the Dutch of encoding/xml's syntax errors that name an element.
var xmlPatterns = []struct {
	re *regexp.Regexp
	nl string
}{
	{regexp.MustCompile(`^element <(.+)> closed by </(.+)>$`), "element <$1> gesloten door </$2>"},
	{regexp.MustCompile(`^unexpected end element </(.+)>$`), "onverwachte sluittag </$1>"},
	{regexp.MustCompile(`^invalid character entity (.+)$`), "ongeldige tekenentiteit $1"},
	{regexp.MustCompile(`^invalid XML name: (.+)$`), "ongeldige XML-naam: $1"},
}

// libraryTexts is the Dutch of errors known by their text alone: excelize's (whose types
// this package does not import) that a researcher's workbook meets.
var libraryTexts = map[string]string{
	"unsupported workbook file format":                   "geen werkmapformaat dat gelezen kan worden",
	"the supplied open workbook password is not correct": "de werkmap is met een wachtwoord beveiligd",
	"unknown encryption mechanism":                       "onbekende versleuteling van de werkmap",
	"unsupported encryption mechanism":                   "niet ondersteunde versleuteling van de werkmap",
}

// libraryDutch is the Dutch of a library error (see above), and whether it has one.
func libraryDutch(err error) (string, bool) {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Error() == err.Error() {
		op, ok := pathOps[pe.Op]
		if !ok {
			op = pe.Op
		}
		return fmt.Sprintf("%s: %s mislukt: %s", pe.Path, op, Dutch(pe.Err)), true
	}
	var le *os.LinkError
	if errors.As(err, &le) && le.Error() == err.Error() {
		return fmt.Sprintf("%s -> %s: %s mislukt: %s", le.Old, le.New, pathOps[le.Op], Dutch(le.Err)), true
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && errno.Error() == err.Error() {
		nl, ok := errnos[errno]
		return nl, ok
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Error() == err.Error() {
		msg, ok := xmlMessages[se.Msg]
		if !ok {
			msg = se.Msg
			for _, p := range xmlPatterns {
				if p.re.MatchString(msg) {
					msg = p.re.ReplaceAllString(msg, p.nl)
					break
				}
			}
		}
		return fmt.Sprintf("XML-fout op regel %d: %s", se.Line, msg), true
	}
	var ce *csv.ParseError
	if errors.As(err, &ce) && ce.Error() == err.Error() {
		if ce.Err == csv.ErrFieldCount {
			return fmt.Sprintf("regel %d: een ander aantal velden dan de kopregel", ce.Line), true
		}
		return fmt.Sprintf("leesfout op regel %d, kolom %d: %s", ce.Line, ce.Column, Dutch(ce.Err)), true
	}
	for _, s := range sentinels {
		if err == s.err {
			return s.nl, true
		}
	}
	// compress/flate's CorruptInputError, and that of github.com/klauspost/compress,
	// which the fast sheet reader uses: the same text, two types.
	if off, ok := strings.CutPrefix(err.Error(), "flate: corrupt input before offset "); ok {
		return "de ingepakte gegevens zijn beschadigd vóór byte " + off, true
	}
	if nl, ok := libraryTexts[err.Error()]; ok {
		return nl, true
	}
	if strings.HasPrefix(err.Error(), "yaml: ") {
		return yamlDutch(err.Error()), true
	}
	return "", false
}

// yamlMessages is the Dutch of the YAML parser's (go.yaml.in/yaml/v3, after libyaml)
// syntax errors that a hand-edited study.yaml or codebook meets most, with a hint at the
// usual cause; others stay English.
var yamlMessages = map[string]string{
	"did not find expected key":                              "hier hoort een sleutel (klopt het inspringen?)",
	"mapping values are not allowed in this context":         "een dubbele punt mag hier niet (zet een tekst met ': ' tussen aanhalingstekens)",
	"found character that cannot start any token":            "een teken waarmee niets kan beginnen (een tab? spring in met spaties)",
	"found a tab character that violates indentation":        "een tab verstoort het inspringen (spring in met spaties)",
	"did not find expected node content":                     "hier hoort een waarde",
	"could not find expected ':'":                            "hier hoort een ':'",
	"did not find expected ',' or ']'":                       "hier hoort ',' of ']' (een lijst niet gesloten?)",
	"did not find expected ',' or '}'":                       "hier hoort ',' of '}' (een lijst niet gesloten?)",
	"did not find expected '-' indicator":                    "hier hoort een '-' (klopt het inspringen?)",
	"block sequence entries are not allowed in this context": "een lijstregel ('- ...') mag hier niet (klopt het inspringen?)",
	"found unexpected end of stream":                         "het bestand houdt onverwacht op (een aanhalingsteken niet gesloten?)",
	"found unknown anchor":                                   "onbekend anker",
	"found undefined alias":                                  "onbekende alias",
	"found duplicate key":                                    "een sleutel staat er twee keer",
	"control characters are not allowed":                     "stuurtekens zijn niet toegestaan",
	"invalid leading UTF-8 octet":                            "ongeldige UTF-8 (sla het bestand op als UTF-8)",
	"invalid trailing UTF-8 octet":                           "ongeldige UTF-8 (sla het bestand op als UTF-8)",
	"incomplete UTF-8 octet sequence":                        "ongeldige UTF-8 (sla het bestand op als UTF-8)",
}

// yamlDutch is a YAML error's text in Dutch: "yaml: line 7: did not find expected key" is
// "YAML: regel 7: hier hoort een sleutel (...)"; the lines of an unmarshal error
// ("yaml: unmarshal errors:\n  line 3: field x not found in type T") each in Dutch.
func yamlDutch(text string) string {
	lines := strings.Split(strings.TrimPrefix(text, "yaml: "), "\n")
	for i, l := range lines {
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		l = strings.TrimLeft(l, " ")
		var line string
		if rest, ok := strings.CutPrefix(l, "line "); ok {
			if n, msg, ok := strings.Cut(rest, ": "); ok {
				line, l = "regel "+n+": ", msg
			}
		}
		switch {
		case l == "unmarshal errors:":
			l = "fouten bij het lezen:"
		case strings.HasPrefix(l, "field ") && strings.Contains(l, " not found in type "):
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "field "), " not found in type ")
			l = "onbekende sleutel " + name
		case strings.HasPrefix(l, "cannot unmarshal "):
			what, into, _ := strings.Cut(strings.TrimPrefix(l, "cannot unmarshal "), " into ")
			l = what + " past niet in " + into
		default:
			if nl, ok := yamlMessages[l]; ok {
				l = nl
			}
		}
		lines[i] = indent + line + l
	}
	return "YAML: " + strings.Join(lines, "\n")
}
