package sa_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// programNames are the names of package licensing that say which program:
// the Program type, its functions and its values.
var programNames = map[string]bool{"Program": true, "Programs": true, "ParseProgram": true, "MustParseProgram": true,
	"ErrInvalidProgram": true, "OpenLicense": true, "OpenValue": true, "OpenValueSubscription": true, "SelectPlus": true, "MVL": true}

// sa knows no program (DESIGN): no non-test file of the package uses a
// program name of package licensing, under whatever name it imports it, or
// mentions one in a comment. The programs hand sa their rows.
func TestNoProgramInSA(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	inComment := regexp.MustCompile(`licensing\.(\w+)`)
	fset := token.NewFileSet()
	read := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		read++
		local := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "github.com/vlrules/vlrules/licensing" {
				local = "licensing"
				if imp.Name != nil {
					local = imp.Name.Name
				}
			}
		}
		if local == "." {
			t.Errorf("%s dot-imports licensing: its program names would hide", name)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == local && programNames[sel.Sel.Name] {
					t.Errorf("%s names a program: %s.%s", fset.Position(sel.Pos()), local, sel.Sel.Name)
				}
			}
			return true
		})
		for _, cg := range f.Comments {
			for _, m := range inComment.FindAllStringSubmatch(cg.Text(), -1) {
				if programNames[m[1]] {
					t.Errorf("%s: a comment names a program: %s", fset.Position(cg.Pos()), m[0])
				}
			}
		}
	}
	if read < 5 {
		t.Fatalf("read only %d files", read)
	}
}
