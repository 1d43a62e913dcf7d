package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Every fact of the embedded base carries the day it was checked, none after the base's as_of,
// and StaleFacts finds them once a year has passed.
func TestFactsCarryTheirCheckDay(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	asOf, err := knowledge.ParseDay(b.AsOf)
	if err != nil {
		t.Fatalf("as_of %q: %v", b.AsOf, err)
	}
	for id, f := range b.Facts {
		d, err := knowledge.ParseDay(f.Checked)
		if err != nil || d.After(asOf) {
			t.Errorf("fact %s: checked %q (as_of %s)", id, f.Checked, b.AsOf)
		}
	}
	if got := b.StaleFacts(asOf); len(got) != 0 {
		t.Errorf("on its as_of day %d facts are stale", len(got))
	}
	if got := b.StaleFacts(asOf.AddDate(1, 0, 1)); len(got) != len(b.Facts) {
		t.Errorf("a year and a day later %d of %d facts are stale", len(got), len(b.Facts))
	}
	if months, _, ok := b.Age(asOf.AddDate(0, 7, -1)); !ok || months != 6 {
		t.Errorf("Age a day short of seven months: %d months, ok %v", months, ok)
	}
}

// The loader refuses a fact without a day, a day that is not a date, a base fact checked after
// the base's as_of, and an overlay that sets as_of; an overlay's fact may be checked any day.
func TestCheckedDays(t *testing.T) {
	fact := func(checked string) string {
		return "category: engine\nfacts:\n  - id: extra-fact\n    verdict: dated\n" + checked +
			"    report_says: {en: A, zh: A}\n    verified: {en: B, zh: B}\n    source: \"https://example.org/x\"\n"
	}
	for name, tc := range map[string]struct{ file, want string }{
		"missing":         {fact(""), `missing required key "checked"`},
		"not a date":      {fact("    checked: \"last week\"\n"), `checked "last week" is not a date; write it as YYYY-MM-DD`},
		"after as_of":     {fact("    checked: \"2026-02-01\"\n"), `is checked on 2026-02-01, after the knowledge base's as_of 2026-01-01`},
		"not zero-padded": {fact("    checked: \"2026-1-5\"\n"), `is not a date`},
	} {
		_, err := knowledge.Load(miniWith(t, tc.file))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	mini := readDir(t, "testdata/rules/mini")
	if probs := loadOverlay(t, mini, knowledge.File{Name: "org/a.yaml", Data: []byte("as_of: \"2026-01-01\"\n")}); !strings.Contains(probs.Error(), "an overlay cannot set the knowledge base's as_of date") {
		t.Errorf("overlay as_of: %v", probs)
	}
	if _, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/f.yaml", Data: []byte(fact("    checked: \"2027-02-28\"\n"))}}); err != nil {
		t.Errorf("an overlay's fact is not bound by the base's as_of: %v", err)
	}
}
