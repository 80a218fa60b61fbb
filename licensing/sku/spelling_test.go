package sku_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The vocabulary is written in tokens.go only: no other file of the
// package spells a description word in a string literal (the units of
// numbers, the acquisition prefixes, the program and offering tokens).
func TestVocabularyOnlyInTokens(t *testing.T) {
	spellings := map[string]bool{}
	for _, w := range []string{"lic", "license", "licenses", "licence", "licences", "proc", "core", "cores", "y", "yr",
		"acq", "aq", "acqy", "aqy", "ay", "olv", "olp", "ovs", "mvl", "nl", "licsapk", "sa", "addprod", "ap",
		"open", "sub", "subscription", "subsvl", "dcal", "ucal", "dvccal", "usrcal", "slng", "sngl", "alng"} {
		spellings[w] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "tokens.go" || name == "names.go" || strings.HasSuffix(name, "_enum.go") { // names.go: the enums' canonical names
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && spellings[strings.ToLower(v)] {
					t.Errorf("%s spells %q outside the vocabulary", fset.Position(lit.Pos()), v)
				}
			}
			return true
		})
	}
}
