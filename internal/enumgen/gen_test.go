package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every package that generates enum methods has up-to-date generated files,
// and no stale one: regenerating in memory changes nothing.
func TestGeneratedFilesAreUpToDate(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) > 3 && fields[0] == "//go:generate" && fields[1] == "go" && fields[2] == "run" && strings.HasSuffix(fields[3], "internal/enumgen") {
				dir := filepath.Dir(path)
				if _, dup := dirs[dir]; dup {
					t.Errorf("%s: two enumgen directives in one package", dir)
				}
				dirs[dir] = fields[4:]
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 4 {
		t.Fatalf("found enumgen directives in %d packages only", len(dirs))
	}
	for _, dir := range sortedKeys(dirs) {
		rel, _ := filepath.Rel(root, dir)
		want, err := Generate(dir, dirs[dir])
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		for name, src := range want {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || !bytes.Equal(got, src) {
				t.Errorf("%s/%s is out of date: run go generate ./%s", rel, name, rel)
			}
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if generated(e.Name()) && want[e.Name()] == nil {
				t.Errorf("%s/%s is generated for no type: remove it", rel, e.Name())
			}
		}
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"Pool": "pool_enum.go", "LicenseModel": "license_model_enum.go", "CAL": "cal_enum.go", "EMEAReading": "emea_reading_enum.go"} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLcFirst(t *testing.T) {
	for in, want := range map[string]string{"Pool": "pool", "EMEAReading": "emeaReading", "CAL": "cal", "LicenseModel": "licenseModel"} {
		if got := lcFirst(in); got != want {
			t.Errorf("lcFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPluralOf(t *testing.T) {
	for in, want := range map[string]string{"Pool": "Pools", "Category": "Categories", "Class": "Classes", "Status": "Statuses", "Day": "Days", "Box": "Boxes"} {
		if got := pluralOf(in); got != want {
			t.Errorf("pluralOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// A malformed declaration is reported, not guessed.
func TestGenerateRefusesMalformedTypes(t *testing.T) {
	for name, src := range map[string]string{
		"no sentinel":     "package p\ntype T uint8\nconst (\n\tA T = iota + 1\n\tB\n)\nvar tNames = [...]string{A: \"a\", B: \"b\"}\n",
		"missing name":    "package p\nimport \"errors\"\ntype T uint8\nconst (\n\tA T = iota + 1\n\tB\n)\nvar tNames = [...]string{A: \"a\"}\nvar ErrInvalidT = errors.New(\"x\")\n",
		"not iota plus 1": "package p\nimport \"errors\"\ntype T uint8\nconst (\n\tA T = iota\n\tB\n)\nvar tNames = [...]string{A: \"a\", B: \"b\"}\nvar ErrInvalidT = errors.New(\"x\")\n",
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "t.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Generate(dir, []string{"T"}); err == nil {
			t.Errorf("%s: Generate accepted it", name)
		}
	}
}
