package sa_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// sa knows no program (DESIGN): no non-test file of the package names a
// program, in code or in comments. The programs hand sa their rows.
func TestNoProgramInSA(t *testing.T) {
	program := regexp.MustCompile(`licensing\.(Program|OpenLicense|OpenValue|OpenValueSubscription|SelectPlus|MVL)\b`)
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		files++
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := program.FindString(line); m != "" {
				t.Errorf("%s:%d names a program: %s", name, i+1, m)
			}
		}
	}
	if files < 5 {
		t.Fatalf("read only %d files", files)
	}
}
