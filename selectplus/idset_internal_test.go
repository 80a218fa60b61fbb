package selectplus

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// The idSet against a plain map: adds, look-ups and reserving, with IDs
// from a small alphabet so that repeats are common.
func TestIDSetAgainstMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var s idSet
		model := map[string]bool{}
		var order []string
		// Mostly short IDs, so that repeats are common; some past 127
		// bytes, whose length takes two varint bytes in the arena.
		idGen := rapid.OneOf(rapid.StringMatching(`[a-c]{0,3}`), rapid.StringMatching(`[a-c]{0,3}`),
			rapid.StringMatching(`x{120,140}`))
		t.Repeat(map[string]func(*rapid.T){
			"add": func(t *rapid.T) {
				id := idGen.Draw(t, "id")
				if got, want := s.add(id), !model[id]; got != want {
					t.Fatalf("add(%q) = %v, want %v", id, got, want)
				}
				if !model[id] {
					order = append(order, id)
				}
				model[id] = true
			},
			"addMany": func(t *rapid.T) { // the table grows as the ledger's does
				for k := range rapid.IntRange(1, 200).Draw(t, "n") {
					id := fmt.Sprintf("order-%d-%d", len(order), k)
					if !s.add(id) || model[id] {
						t.Fatalf("add(%q) of a new ID = false", id)
					}
					order, model[id] = append(order, id), true
				}
				for _, id := range order {
					if !s.has(id) {
						t.Fatalf("has(%q) = false after it was added, of %d", id, len(order))
					}
				}
			},
			"reserve": func(t *rapid.T) {
				s.reserve(rapid.IntRange(0, 300).Draw(t, "n"), rapid.IntRange(0, 3000).Draw(t, "bytes"))
			},
			"": func(t *rapid.T) {
				for _, id := range []string{"", "a", "b", "ab", "abc", "ccc", strings.Repeat("x", 127), strings.Repeat("x", 128)} {
					if s.has(id) != model[id] {
						t.Fatalf("has(%q) = %v, model %v", id, s.has(id), model[id])
					}
				}
				if !slices.Equal(s.all(), order) || s.len() != len(order) {
					t.Fatalf("all() = %q, model %q", s.all(), order)
				}
			},
		})
	})
}

func BenchmarkIDSetAdd(b *testing.B) {
	benchAdd(b, func(ids []string) {
		var s idSet
		s.reserve(len(ids), 9*len(ids))
		for _, id := range ids {
			s.add(id)
		}
	})
}

// BenchmarkMapAdd is the baseline: the same IDs in a map of strings.
func BenchmarkMapAdd(b *testing.B) {
	benchAdd(b, func(ids []string) {
		s := make(map[string]struct{}, len(ids))
		for _, id := range ids {
			s[id] = struct{}{}
		}
	})
}

// benchAdd times add on 250,000 order IDs and reports the time per ID.
func benchAdd(b *testing.B, add func(ids []string)) {
	ids := make([]string, 250_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("O-%07d", i)
	}
	b.ReportAllocs()
	for b.Loop() {
		add(ids)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(ids)), "ns/id")
}

// has reports whether id is recorded, as the ledger's look-up finds it.
func (s *idSet) has(id string) bool {
	_, found := s.lookup(id)
	return found
}
