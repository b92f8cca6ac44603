package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fatalWithoutDutch lists the error sites under pipeline/, codebook/ and reports/ (and this
// command) that are made without a Dutch text, each with why no researcher meets it as a
// fatal error. Keyed by file and the function the site is in.
var fatalWithoutDutch = map[string]string{
	"pipeline/model/reason.go:Reasonf":            "the mechanism itself: the English half of a reason",
	"pipeline/model/reason.go:Translated":         "the mechanism itself: the English half of a translated error",
	"pipeline/study_yaml_nl.go:yamlMessageDutch":  "asks model.Dutch for a YAML message's Dutch; never returned",
	"pipeline/synth/codebook.go:extendedCodebook": "the embedded default codebook, which the tests read: a researcher cannot change it",
	"pipeline/synth/codes.go:editCodes":           "the embedded default codebook, which the tests read: a researcher cannot change it",
	"reports/png_phys.go:withPHYs":                "a PNG the report encoded itself: an internal invariant",
	"reports/xlsx.go:AddFS":                       "excelize's writer interface, never called by the workbook writer",
	"reports/xlsx.go:Close":                       "the sheets the workbook writer wrote itself: an internal invariant",
	"reports/xlsx.go:splitAtRows":                 "the sheets the workbook writer wrote itself: an internal invariant",
	"pipeline/study.go:cleanYAMLError":            "StudyError{Msg} whose MsgNL is set on the next line (yamlMessageDutch)",
}

// errorMakers are the calls that make an error with an English text only.
var errorMakers = map[string]bool{"fmt.Errorf": true, "errors.New": true}

// Every error that can end a run is made with its Dutch text (model.Reasonf, model.NewKind,
// model.Translated, StudyError.MsgNL, an error type with a Dutch method), so that the
// command line in Dutch shows it in Dutch (cases under testdata/cases/fatal); the Dutch
// takes the same facts as the English (the same verbs, %v for %w).
func TestEveryFatalErrorHasDutch(t *testing.T) {
	used := map[string]bool{}
	sites, dutch := 0, 0
	for _, root := range []string{"../../pipeline", "../../codebook", "../../reports", "."} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel := strings.TrimPrefix(filepath.ToSlash(path), "../../")
			if root == "." {
				rel = "cmd/analyse/" + rel
			}
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			errorTypes, dutchTypes := map[string]token.Pos{}, map[string]bool{}
			for _, decl := range file.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok {
					ast.Inspect(decl, func(n ast.Node) bool { return check(t, fset, rel, "", n, used, &sites, &dutch) })
					continue
				}
				if fn.Recv != nil && len(fn.Recv.List) == 1 {
					recv := typeName(fn.Recv.List[0].Type)
					switch fn.Name.Name {
					case "Error":
						errorTypes[recv] = fn.Pos()
					case "Dutch":
						dutchTypes[recv] = true
					}
				}
				ast.Inspect(fn, func(n ast.Node) bool { return check(t, fset, rel, fn.Name.Name, n, used, &sites, &dutch) })
			}
			for typ, pos := range errorTypes {
				if !dutchTypes[typ] && typ != "Reject" { // a reject's reason is Err, a Reasonf
					t.Errorf("%s: error type %s has no Dutch method", fset.Position(pos), typ)
				}
			}
			return nil
		})
	}
	if sites < 250 {
		t.Fatalf("only %d error sites found", sites)
	}
	t.Logf("%d error sites, %d with their Dutch text, %d listed as never fatal", sites, dutch, len(used))
	for k := range fatalWithoutDutch {
		if !used[k] {
			t.Errorf("fatalWithoutDutch lists %s, which makes no error without Dutch any more", k)
		}
	}
}

// check looks at one node of a file: an error made without Dutch is an error of the test
// unless fatalWithoutDutch lists its function; a Reasonf's Dutch must take the English's
// verbs.
func check(t *testing.T, fset *token.FileSet, rel, fn string, n ast.Node, used map[string]bool, sites, dutch *int) bool {
	key := rel + ":" + fn
	switch x := n.(type) {
	case *ast.CallExpr:
		name := callName(x.Fun)
		switch {
		case errorMakers[name]:
			*sites++
			if _, ok := fatalWithoutDutch[key]; ok {
				used[key] = true
				return true
			}
			t.Errorf("%s: %s in %s has no Dutch text: use model.Reasonf (or model.NewKind for a sentinel)", fset.Position(x.Pos()), name, fn)
		case strings.HasSuffix(name, ".errAt") && len(x.Args) == 4:
			*sites++
			if nl, ok := literal(x.Args[3]); ok && nl == "" {
				t.Errorf("%s: study.yaml error without Dutch (errAt's nl is empty)", fset.Position(x.Pos()))
			} else {
				*dutch++
			}
		case strings.HasSuffix(name, "Reasonf") || strings.HasSuffix(name, "NewKind") || strings.HasSuffix(name, "Translated"):
			if rel == "pipeline/model/reason.go" || len(x.Args) < 2 {
				return true
			}
			*sites++
			*dutch++
			en, okEn := literal(x.Args[0])
			nl, okNl := literal(x.Args[1])
			if !okEn || !okNl {
				return true // formatted elsewhere, as in sav's errf
			}
			if strings.TrimSpace(nl) == "" {
				t.Errorf("%s: empty Dutch for %q", fset.Position(x.Pos()), en)
			}
			if strings.HasSuffix(name, "Reasonf") && !strings.Contains(en+nl, "%[") {
				if ve, vn := verbsOf(strings.ReplaceAll(en, "%w", "%v")), verbsOf(nl); ve != vn {
					t.Errorf("%s: verbs differ: %q has %q, its Dutch %q has %q", fset.Position(x.Pos()), en, ve, nl, vn)
				}
			}
		}
	case *ast.CompositeLit:
		if typeName(x.Type) != "StudyError" {
			return true
		}
		for _, e := range x.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok && callName(kv.Key) == "MsgNL" {
				return true
			}
		}
		*sites++
		if _, ok := fatalWithoutDutch[key]; ok {
			used[key] = true
			return true
		}
		t.Errorf("%s: StudyError without MsgNL in %s", fset.Position(x.Pos()), fn)
	}
	return true
}

var verbRe = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func verbsOf(s string) string { return strings.Join(verbRe.FindAllString(s, -1), " ") }

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func callName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return callName(x.X) + "." + x.Sel.Name
	}
	return ""
}

func typeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return typeName(x.X)
	case *ast.UnaryExpr:
		return typeName(x.X)
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// factRe finds the facts of an error message: paths in the study, quoted names, numbers.
var factRe = regexp.MustCompile(`STUDY\S*|"[^"]*"|\d+`)

// The fatal errors of testdata/cases/fatal read in Dutch under -lang nl and in English
// under -lang en (each case <name> beside <name>_en), naming the same facts: the same
// files, sheets, cells, keys and numbers, in the same order.
func TestFatalCasesSameFacts(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/cases/fatal/*_en")
	if len(dirs) < 10 {
		t.Fatalf("only %d English fatal cases", len(dirs))
	}
	for _, en := range dirs {
		nl := strings.TrimSuffix(en, "_en")
		be, err1 := os.ReadFile(filepath.Join(en, "expected", "stderr"))
		bn, err2 := os.ReadFile(filepath.Join(nl, "expected", "stderr"))
		if err1 != nil || err2 != nil {
			t.Errorf("%s: %v %v", nl, err1, err2)
			continue
		}
		if bytes.Equal(be, bn) {
			t.Errorf("%s: the Dutch stderr is the English one: %s", nl, bn)
		}
		fe, fn := factRe.FindAllString(string(be), -1), factRe.FindAllString(string(bn), -1)
		if strings.Join(fe, " ") != strings.Join(fn, " ") {
			t.Errorf("%s: facts differ:\nen %q\nnl %q", nl, fe, fn)
		}
	}
}
