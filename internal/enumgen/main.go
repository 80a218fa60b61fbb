// Command enumgen writes the methods of the module's small enumerated types
// (IsValid, String, GoString, AppendText, MarshalText, UnmarshalText, the
// Values, Parse and MustParse functions), all delegating to internal/enum,
// so that every enum of every package follows one convention. It is run by
// go generate from the package that declares the types:
//
//	//go:generate go run ../internal/enumgen Pool Level Offering
//
// writes one file a type beside the package: pool_enum.go, level_enum.go. A type name may carry its plural
// for the Values function, Status:Statuses; otherwise the plural follows
// English rules (Pool → Pools, Category → Categories, Class → Classes).
//
// For each type T the package declares, by hand and in one place:
//
//	type T uint8                          // with its doc comment
//	const ( A T = iota + 1; B; C )        // the values, in order
//	var tNames = [...]string{A: "A", …}   // canonical names
//	var tSpellings = []enum.Spelling[T]{{Value: A, Texts: []string{"…"}, Rule: "…"}} // optional
//	var ErrInvalidT = errors.New("…")     // the sentinel parse errors wrap
//
// and enumgen writes the rest, listing the accepted spellings in the doc
// comment of ParseT. The test of this package regenerates every package in
// memory and fails if a generated file is out of date.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: enumgen Type[:Plural]...")
		os.Exit(2)
	}
	files, err := Generate(".", os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "enumgen:", err)
		os.Exit(1)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(".", name), src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "enumgen:", err)
			os.Exit(1)
		}
	}
}
