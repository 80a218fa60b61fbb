package licensing_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
)

var ruleIDPattern = regexp.MustCompile(`\b(GEN|OV|OL|SP|SA|SKU|X|LIB|INV|WS)-\d+\b`)

func TestRegistryIsWellFormed(t *testing.T) {
	seen := map[licensing.RuleID]bool{}
	for _, r := range licensing.Rules() {
		if !ruleIDPattern.MatchString(string(r.ID)) || ruleIDPattern.FindString(string(r.ID)) != string(r.ID) {
			t.Errorf("malformed rule ID %q", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule %s registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Statement == "" || r.Source == "" || !r.Status.IsValid() {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
		if got, ok := r.ID.Rule(); !ok || got != r {
			t.Errorf("%s.Rule() = %v, %v", r.ID, got, ok)
		}
		if strings.HasPrefix(string(r.ID), "LIB-") && r.Status != licensing.StatusOutsideSeeds {
			t.Errorf("%s: library decisions are marked outside seeds", r.ID)
		}
	}
	// The families of the guides are all there.
	for prefix, n := range map[string]int{"GEN": 24, "OV": 48, "OL": 31, "SP": 56, "SA": 22, "SKU": 22, "X": 26, "INV": 44} {
		if got := len(licensing.RulesWithPrefix(prefix)); got != n {
			t.Errorf("%d %s rules, want %d", got, prefix, n)
		}
	}
}

// Every rule ID that the module's code, tests, docs and examples cite must
// be in the registry.
func TestEveryCitedRuleIsRegistered(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found above the licensing package: %v", err)
	}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".md")) {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			for _, id := range ruleIDPattern.FindAllString(line, -1) {
				if _, ok := licensing.RuleID(id).Rule(); !ok {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s:%d cites %s, which is not in the registry", rel, i+1, id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("scanned only %d files", files)
	}
}

func TestRuleErrorWrapsSentinel(t *testing.T) {
	err := licensing.Refuse("SP-25", licensing.ErrNotEligible, "pool %v on hold: order brings %v points, needs 500", licensing.Applications, licensing.WholePoints(400))
	if !errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("%v does not wrap ErrNotEligible", err)
	}
	if rule, ok := licensing.RuleOf(err); !ok || rule != "SP-25" {
		t.Fatalf("RuleOf = %v, %v", rule, ok)
	}
	if want := "SP-25: pool Applications on hold: order brings 400 points, needs 500: not eligible"; err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}
	if _, ok := licensing.RuleOf(errors.New("plain")); ok {
		t.Fatal("RuleOf found a rule in a plain error")
	}
}

func TestExplanationString(t *testing.T) {
	e := licensing.Explain("SP-19", "order priced at B",
		licensing.F("before", licensing.WholePoints(600)), licensing.F("order", licensing.WholePoints(3600)), licensing.F("level", licensing.LevelB))
	if want := "SP-19: order priced at B (before=600, order=3600, level=B)"; e.String() != want {
		t.Fatalf("String() = %q, want %q", e.String(), want)
	}
	if v, ok := e.Fact("order"); !ok || v != "3600" {
		t.Fatalf("Fact(order) = %q, %v", v, ok)
	}
}
