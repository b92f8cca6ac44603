package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// catalogueKeys returns every message the command prints through the catalogue: the
// string literals given to ui.f, ui.s and ui.n, and the constants they name.
func catalogueKeys(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	consts := map[string]string{}
	keys := map[string]string{}
	var calls []*ast.CallExpr
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.ValueSpec:
				for i, name := range x.Names {
					if i < len(x.Values) {
						if lit, ok := x.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.CallExpr:
				calls = append(calls, x)
			}
			return true
		})
	}
	for _, c := range calls {
		sel, ok := c.Fun.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "u" {
			continue
		}
		var args []ast.Expr
		switch sel.Sel.Name {
		case "f":
			args = c.Args[1:2]
		case "s":
			args = c.Args[:1]
		case "n":
			args = c.Args[1:3]
		default:
			continue
		}
		for _, a := range args {
			pos := fset.Position(a.Pos()).String()
			switch x := a.(type) {
			case *ast.BasicLit:
				s, _ := strconv.Unquote(x.Value)
				keys[s] = pos
			case *ast.Ident:
				if s, ok := consts[x.Name]; ok {
					keys[s] = pos
				}
			default:
				t.Errorf("%s: a message that is not a literal cannot be catalogued", pos)
			}
		}
	}
	return keys
}

// Every message has its Dutch translation, with the same verbs in the same order.
func TestEveryMessageHasDutch(t *testing.T) {
	keys := catalogueKeys(t)
	if len(keys) < 50 {
		t.Fatalf("only %d messages found", len(keys))
	}
	verbs := func(s string) string {
		var out []string
		for i := 0; i < len(s); i++ {
			if s[i] == '%' && i+1 < len(s) {
				j := i + 1
				for j < len(s) && strings.IndexByte("0123456789.-+# []", s[j]) >= 0 {
					j++
				}
				if j < len(s) {
					out = append(out, s[i:j+1])
				}
				i = j
			}
		}
		return strings.Join(out, " ")
	}
	for k, pos := range keys {
		nl, ok := dutch[k]
		if !ok {
			t.Errorf("%s: no Dutch for %q", pos, k)
			continue
		}
		if verbs(nl) != verbs(k) {
			t.Errorf("%s: verbs differ: %q has %q, its Dutch %q", pos, k, verbs(k), verbs(nl))
		}
	}
	for k := range dutch {
		if _, ok := keys[k]; !ok {
			t.Errorf("Dutch for a message nobody prints: %q", k)
		}
	}
}
