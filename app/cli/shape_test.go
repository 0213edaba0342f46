package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// The command line keeps its shape: verbs are listed in verbs.go rather than registered
// from init(), the cache is reached only through app (App.Close, never the store), and
// what a verb reaches outside the process (keyring, network, environment, clock, stdin)
// comes in its env rather than from a package variable.
func TestTheCommandLineHasNoInitNoStoreAndNoOutsideInPackageVariables(t *testing.T) {
	names, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	outsidePackages := map[string]bool{"http": true, "auth": true, "os": true, "time": true, "io": true, "bufio": true}
	fset := token.NewFileSet()
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".go") || strings.HasSuffix(n.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.Name == "init" && d.Recv == nil {
					t.Errorf("%s: an init function; list the verb in verbs.go instead", fset.Position(d.Pos()))
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				ast.Inspect(d, func(x ast.Node) bool {
					switch x.(type) {
					case *ast.FuncType, *ast.FuncLit: // a table of functions holds no dependency
						return false
					}
					if sel, ok := x.(*ast.SelectorExpr); ok {
						if pkg, ok := sel.X.(*ast.Ident); ok && outsidePackages[pkg.Name] {
							t.Errorf("%s: a package variable reaches %s.%s; give it to the verbs in env", fset.Position(sel.Pos()), pkg.Name, sel.Sel.Name)
						}
					}
					return true
				})
			}
		}
		ast.Inspect(f, func(x ast.Node) bool {
			if call, ok := x.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Store" && len(call.Args) == 0 {
					t.Errorf("%s: reaches the store; ask app (App.Close and its read methods)", fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
}
