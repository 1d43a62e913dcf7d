package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// compatFile is a compatibility file for the mini base (engine: fast, safe; gpu: card).
func compatFile(rules string) string { return "compatibility:\n" + rules }

func compatRule(id, kind, cand, with, extra string) string {
	return `  - id: ` + id + `
    kind: ` + kind + `
    candidate: ` + cand + `
    with: ` + with + extra + `
    because: {en: Why., zh: 为什么。}
    source: "https://example.org/compat"
`
}

func TestCompatLoads(t *testing.T) {
	b, err := knowledge.Load(miniWith(t, compatFile(
		compatRule("compat.fast-card", "works-with", "fast", "[card]", "\n    points: -5")+
			compatRule("compat.safe-needs-card", "requires", "safe", "[card]", ""))))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Compat) != 2 || b.Compat[0].Category != "engine" || b.Compat[0].WithCategories[0] != "gpu" || b.Compat[1].Index != 1 {
		t.Fatalf("compat %+v", b.Compat)
	}
}

func TestCompatErrors(t *testing.T) {
	for _, tc := range []struct{ rules, want string }{
		{compatRule("compat.x", "works-with", "fasst", "[card]", ""), `compatibility rule "compat.x" names unknown candidate "fasst"; did you mean "fast"?`},
		{compatRule("compat.x", "works-with", "fast", "[safe]", ""), `pairs "fast" with "safe" of the same category (engine)`},
		{compatRule("compat.x", "likes", "fast", "[card]", ""), `unknown kind "likes"; allowed: requires, bundles, conflicts, works-with`},
		{compatRule("compat.x", "bundles", "fast", "[card]", ""), `bundles rule "compat.x" needs points from -10 to below 0`},
		{compatRule("compat.x", "conflicts", "fast", "[card]", "\n    points: -3"), `points do not apply to conflicts rules`},
		{compatRule("compat.x", "works-with", "fast", "[card]", "\n    points: 30"), `points of works-with rule "compat.x" must be from -10 to 10; found 30`},
		{compatRule("compat.x", "works-with", "fast", "[card, card]", ""), `names "card" twice`},
		{compatRule("compat.x", "works-with", "fast", "[card]", "\n    when: {kvmm: none}"), `unknown question "kvmm"`},
		{compatRule("compat.x", "conflicts", "fast", "[card]", "") + compatRule("compat.y", "works-with", "card", "[fast]", ""),
			`compatibility rule "compat.x" rules out fast with card, but rule "compat.y"`},
		{compatRule("compat.x", "requires", "fast", "[card]", "") + compatRule("compat.y", "requires", "card", "[fast]", ""),
			`requires rules form a cycle (compat.y → compat.x)`},
		{compatRule("compat.x", "works-with", "fast", "[card]", "") + compatRule("compat.x", "works-with", "safe", "[card]", ""),
			`duplicate compatibility id "compat.x"`},
	} {
		_, err := knowledge.Load(miniWith(t, compatFile(tc.rules)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v\nwant an error containing %q", err, tc.want)
		}
	}
}

func TestCompatNotInACategoryFile(t *testing.T) {
	_, err := knowledge.Load(miniWith(t, "category: engine\n"+compatFile(compatRule("compat.x", "works-with", "fast", "[card]", ""))))
	if err == nil || !strings.Contains(err.Error(), "compatibility rules span categories: put them in a file without category:") {
		t.Fatalf("got %v", err)
	}
}

func TestCompatErrorsNameTheLine(t *testing.T) {
	_, err := knowledge.Load(miniWith(t, compatFile(compatRule("compat.x", "works-with", "fast", "[crad]", ""))))
	if err == nil || !strings.Contains(err.Error(), "extra.yaml:2:5: ") {
		t.Fatalf("got %v, want a file:line:col", err)
	}
}
