package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// goFile is one Go source file of the module with its imports and string literals.
type goFile struct {
	path    string // slash-separated, from the module root
	dir     string // its folder, "." for the root
	test    bool
	imports []string
	strs    []string
}

// moduleFiles parses every Go file of the module (not .git, testdata or build output).
func moduleFiles(t *testing.T) []goFile {
	t.Helper()
	var out []goFile
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		g := goFile{path: filepath.ToSlash(path), dir: filepath.ToSlash(filepath.Dir(path)), test: strings.HasSuffix(path, "_test.go")}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			g.imports = append(g.imports, p)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					g.strs = append(g.strs, s)
				}
			}
			return true
		})
		out = append(out, g)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("found only %d Go files: is the test running from the module root?", len(out))
	}
	return out
}

// under tells whether dir is folder or inside it.
func under(dir, folder string) bool { return dir == folder || strings.HasPrefix(dir, folder+"/") }

// The packages depend on each other one way (main → ui → app → data), the heavy or
// platform-bound libraries stay where they belong, and nothing outside data/ talks SQL:
// each rule below names the file that breaks it.
func TestPackagesImportOnlyWhatTheirLayerMay(t *testing.T) {
	for _, f := range moduleFiles(t) {
		for _, imp := range f.imports {
			switch {
			case imp == "fyne.io/fyne/v2/app" && f.dir != "." && !f.test:
				t.Errorf("%s imports Fyne's app package: only package main may (the rest builds without cgo)", f.path)
			case strings.HasPrefix(imp, "fyne.io/") && (under(f.dir, "app") || under(f.dir, "data") || under(f.dir, "auth")):
				t.Errorf("%s imports Fyne: app/, data/ and auth/ stay free of the window", f.path)
			case strings.HasPrefix(imp, "github.com/microsoftgraph/") && !under(f.dir, "data/graph"):
				t.Errorf("%s imports the Graph SDK: only data/graph may (its compile is huge)", f.path)
			case graphModelsReach(imp):
				t.Errorf("%s imports %s, which reaches the Graph SDK's models: build the request from its URL template with the SDK's request adapter (data/graph/requests.go)", f.path, imp)
			case strings.HasPrefix(imp, "github.com/jackc/") && !under(f.dir, "data/pg"):
				t.Errorf("%s imports %s: only data/pg talks to PostgreSQL", f.path, imp)
			case imp == "nimbusadmin/data/graph" && (f.dir == "." || under(f.dir, "ui") || under(f.dir, "app/cli")) && !f.test:
				t.Errorf("%s imports data/graph: the window and the command line reach Microsoft Graph through app/online", f.path)
			case imp == "nimbusadmin/ui" && (under(f.dir, "app") || under(f.dir, "data") || under(f.dir, "auth")):
				t.Errorf("%s imports ui: the layers point one way, main → ui → app → data", f.path)
			case (imp == "nimbusadmin/app" || strings.HasPrefix(imp, "nimbusadmin/app/")) && under(f.dir, "data") && !f.test:
				t.Errorf("%s imports app: data/ must not depend on the use cases", f.path)
			case (imp == "nimbusadmin/data/testkit" || imp == "nimbusadmin/app/apptest" || imp == "nimbusadmin/app/server/servertest" || imp == "nimbusadmin/data/pg/pgtest") &&
				!f.test && !under(f.dir, "data/testkit") && !under(f.dir, "app/apptest") && !under(f.dir, "app/server/servertest"):
				t.Errorf("%s imports %s: the test kits run raw SQL and are for tests only", f.path, imp)
			case (imp == "database/sql" || strings.HasPrefix(imp, "modernc.org/sqlite")) && !under(f.dir, "data") && !f.test:
				t.Errorf("%s imports %s: only data/ talks to the database", f.path, imp)
			}
		}
	}
}

// graphModelsReach tells whether importing pkg compiles and links the Graph SDK's models:
// its root package (the service client reaches every request builder) and its request
// builders and models all do. Of the SDK itself only the small error model is light;
// the SDK's core module (request adapter, middleware) is separate and light.
func graphModelsReach(pkg string) bool {
	const sdk = "github.com/microsoftgraph/msgraph-sdk-go"
	return pkg == sdk || strings.HasPrefix(pkg, sdk+"/") && pkg != sdk+"/models/odataerrors"
}

// The program links none of the Graph SDK's models, not even through another package:
// they would make it several times larger and its first build minutes longer.
func TestTheProgramLinksNoGraphModels(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "migrated_fynedo", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/microsoftgraph/msgraph-sdk-go-core") {
		t.Fatalf("the program's dependencies do not list the Graph SDK's core: is the list complete?\n%s", out)
	}
	for _, d := range deps {
		if graphModelsReach(d) {
			t.Errorf("the program links %s, which reaches the Graph SDK's models", d)
		}
	}
}

// sqlText recognises a string that is a SQL statement.
var sqlText = regexp.MustCompile(`(?s)^\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s|CREATE\s+(TABLE|INDEX|TRIGGER)\s|WITH\s+\w+\s+AS\s*\()`)

// SQL text lives in data/ only (typed queries); the rest of the program asks data/.
func TestNoSQLOutsideData(t *testing.T) {
	for _, f := range moduleFiles(t) {
		if f.test || under(f.dir, "data") {
			continue
		}
		for _, s := range f.strs {
			if sqlText.MatchString(s) {
				t.Errorf("%s holds SQL (%.60q): move it to a typed query in data/", f.path, s)
			}
		}
	}
}
