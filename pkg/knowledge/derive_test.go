package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// perSafety declares a derived attribute of the mini engine category (price ÷ safety), scored
// by a criterion, and a third candidate whose price is unverified.
const perSafety = `category: engine
attributes:
  price_per_safety:
    type: number
    unit: per level
    derive: {ratio: [price, safety]}
    better: lower
    title: {en: Price per safety level, zh: 每级安全的价格}
criteria:
  - {id: value, attribute: price_per_safety, weight: 1}
candidates:
  - id: rumoured
    name: Rumoured
    summary: {en: Cheap by hearsay., zh: 传闻很便宜。}
    attributes:
      speed: {value: 50, source: "report: test", grade: spec}
      safety: {value: 3, source: "report: test", grade: third-party}
      needs_kvm: {value: false, source: "report: test", grade: spec}
      price: {value: 100, source: "report: test", grade: unverified}
`

func TestDerivedValuesAreComputedAndGradedByTheWeakerInput(t *testing.T) {
	b, err := knowledge.Load(miniWith(t, perSafety))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id    string
		want  float64
		grade string
	}{
		{"fast", 50, knowledge.GradeSpec},             // 100 ÷ 2
		{"safe", 60, knowledge.GradeSpec},             // 300 ÷ 5
		{"rumoured", 33.3, knowledge.GradeUnverified}, // 100 ÷ 3, three significant digits
	} {
		av := b.Candidate(tc.id).Attr("price_per_safety")
		if av == nil {
			t.Fatalf("%s: no derived value", tc.id)
		}
		if av.Num != tc.want || av.Grade != tc.grade || !av.Derived {
			t.Errorf("%s: got %v graded %q (derived %v), want %v graded %q", tc.id, av.Num, av.Grade, av.Derived, tc.want, tc.grade)
		}
		if !strings.Contains(av.Source, "price ÷ safety") || av.Note == nil || !strings.Contains(av.Note.En, "÷") {
			t.Errorf("%s: source %q and note %v should say how the value was computed", tc.id, av.Source, av.Note)
		}
	}
}

func TestAnOverlayChangingAnInputChangesTheDerivedValue(t *testing.T) {
	overlay := []knowledge.File{{Name: "org/prices.yaml", Data: []byte(`category: engine
overrides:
  - candidate: fast
    attributes:
      price: {value: 400, source: "https://example.org/quote", grade: spec}
`)}}
	b, err := knowledge.LoadLayers(miniWith(t, perSafety), overlay)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Candidate("fast").Attr("price_per_safety"); got == nil || got.Num != 200 {
		t.Fatalf("fast's price per safety after the overlay: %+v, want 200 (400 ÷ 2)", got)
	}
	n := 0
	for _, av := range b.Candidate("fast").Attributes {
		if av.Name == "price_per_safety" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("fast has %d values of the derived attribute, want 1", n)
	}
}

func TestDerivedAttributeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"set by a candidate", "      price: {value: 100, source: \"report: test\", grade: unverified}\n",
			"      price: {value: 100, source: \"report: test\", grade: unverified}\n      price_per_safety: {value: 1, source: \"report: test\", grade: spec}\n",
			`attribute "price_per_safety" of "rumoured" is derived (price ÷ safety); the loader computes it, so remove it`},
		{"unknown input", "ratio: [price, safety]", "ratio: [price, safty]", `derived attribute "price_per_safety" uses unknown attribute "safty"`},
		{"bool input", "ratio: [price, safety]", "ratio: [price, needs_kvm]", `divides bool attribute "needs_kvm"`},
		{"one name", "ratio: [price, safety]", "ratio: [price]", `takes ratio: [numerator, denominator]`},
		{"not a number", "    type: number\n    unit: per level\n", "    type: level\n    range: [1, 5]\n", `derived attribute "price_per_safety" must be of type number`},
		{"ungraded input", "      safety: {value: 3, source: \"report: test\", grade: third-party}\n", "      safety: {value: 3, source: \"report: test\", grade: third-party}\n      tag: {value: 2, source: \"report: test\"}\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extra := perSafety
			if tc.name == "ungraded input" {
				// An input without a grade makes a scored derived value ungraded: an error
				// that names the derived attribute and the criterion.
				extra = strings.Replace(perSafety, "ratio: [price, safety]", "ratio: [price, tag]", 1)
				extra = strings.Replace(extra, "attributes:\n  price_per_safety:", "attributes:\n  tag: {type: number, title: {en: Tag, zh: 标签}}\n  price_per_safety:", 1)
				extra = strings.Replace(extra, tc.old, tc.new, 1)
				_, err := knowledge.Load(miniWith(t, extra))
				if err == nil || !strings.Contains(err.Error(), `attribute "price_per_safety" of "rumoured" is scored (criterion "value", through "price_per_safety") but has no evidence grade`) {
					t.Fatalf("got %v", err)
				}
				return
			}
			if !strings.Contains(extra, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			extra = strings.Replace(extra, tc.old, tc.new, 1)
			_, err := knowledge.Load(miniWith(t, extra))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestDerivedFromDerivedIsRefused(t *testing.T) {
	extra := strings.Replace(perSafety, "criteria:", `  twice:
    type: number
    derive: {ratio: [price_per_safety, speed]}
    title: {en: Twice, zh: 两次}
criteria:`, 1)
	_, err := knowledge.Load(miniWith(t, extra))
	if err == nil || !strings.Contains(err.Error(), `derived attribute "twice" uses "price_per_safety", which is derived itself`) {
		t.Fatalf("got %v", err)
	}
}

func TestRuleGrades(t *testing.T) {
	for _, tc := range []struct{ rule, want string }{
		{"effect: adjust\n    points: 5\n    grade: rumour", `unknown evidence grade "rumour" of rule "engine.g"`},
		{"effect: caveat\n    grade: report-only", `grade applies only to adjust rules; "engine.g" is a caveat rule`},
		{"effect: adjust\n    points: 5\n    grade: report-only", ""},
	} {
		extra := `category: engine
rules:
  - id: engine.g
    ` + tc.rule + `
    target: {ids: [fast]}
    because: {en: G., zh: G。}
    source: "report: x"
`
		_, err := knowledge.Load(miniWith(t, extra))
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.rule, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.rule, err, tc.want)
		}
	}
}
