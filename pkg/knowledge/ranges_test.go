package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestEveryNumberHasADeclaredRange: every number field of a rule file (float64 or int, alone,
// behind a pointer, in a list or a mapping) declares its range with the field, so no number
// reaches the engine unchecked; and the tags parse.
func TestEveryNumberHasADeclaredRange(t *testing.T) {
	if len(knowledge.DeclaredRanges()) < 20 { // parses every tag, or panics
		t.Fatalf("only %d declared ranges", len(knowledge.DeclaredRanges()))
	}
	numeric := func(t reflect.Type) bool {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		return t.Kind() == reflect.Float64 || t.Kind() == reflect.Int
	}
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if tag := f.Tag.Get("yaml"); tag == "" || tag == "-" {
				continue
			}
			if numeric(f.Type) && f.Tag.Get("range") == "" {
				t.Errorf("%s.%s (yaml %q) is a number without a range tag", typ.Name(), f.Name, f.Tag.Get("yaml"))
			}
			walk(f.Type)
		}
	}
	for _, v := range []any{knowledge.Scoring{}, knowledge.Question{}, knowledge.Attribute{}, knowledge.Criterion{},
		knowledge.Candidate{}, knowledge.Rule{}, knowledge.Compat{}, knowledge.Override{}, knowledge.Fact{}, knowledge.Topic{}} {
		walk(reflect.TypeOf(v))
	}
	for _, r := range knowledge.DeclaredRanges() {
		if r.Key == "scoring.robustness.samples" && r.Interval != "[1, 1e6]" || knowledge.MaxSamples != 1e6 {
			t.Errorf("samples range %s and MaxSamples %d disagree", r.Interval, knowledge.MaxSamples)
		}
	}
}

// TestHostileNumbersNameTheOverlay: numbers YAML accepts but no rule means — overflowing,
// not finite, negative where a quantity cannot be — are problems at the overlay's own
// file:line:col, all reported in one run.
func TestHostileNumbersNameTheOverlay(t *testing.T) {
	base, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"weight", "category: gpu\ncriteria:\n  - {id: power, weight: 1e308}\n",
			"org/x.yaml:3:25: weight must be a number from 0.001 to 1000; found 1e308"},
		{"tiny weight", "category: gpu\ncriteria:\n  - {id: power, weight: 1e-300}\n",
			"org/x.yaml:3:25: weight must be a number from 0.001 to 1000; found 1e-300"},
		{"nan weight", "category: gpu\ncriteria:\n  - {id: power, weight: .nan}\n",
			`org/x.yaml:3:25: expected a number, found ".nan" (a finite number is needed`},
		{"overflowing literal", "category: gpu\ncriteria:\n  - {id: power, weight: 1e999}\n",
			`org/x.yaml:3:25: expected a number, found "1e999" (a finite number is needed`},
		{"boost", "scoring: {priority_boost: 1e308, max_rule_points: 20, max_adjust: 30, strength_threshold: 0.8}\n",
			"org/x.yaml:1:27: priority_boost must be a number from 1 to 1000; found 1e308"},
		{"spread", "scoring: {priority_boost: 2, max_rule_points: 20, max_adjust: 30, strength_threshold: 0.8, robustness: {samples: 10, weight_spread: 0.5, value_spread: {spec: -0.1, measured: 0, third-party: 0, report-only: 0, unverified: 0, default: 0}, robust: 0.8, contested: 0.5, show: 3, max_factor: 10}}\n",
			`value_spread of "spec" must be a number from 0 to 1; found -0.1`},
		{"points", "category: gpu\nrules:\n  - {id: acme.x, effect: adjust, points: -1e308, target: {ids: [nvidia-h100]}, because: {en: x, zh: x}, source: \"https://x.example\"}\n",
			"org/x.yaml:3:42: points must be a number from -1000 to 1000; found -1e308"},
		{"negative power", "category: gpu\noverrides:\n  - candidate: nvidia-h100\n    attributes:\n      tdp_w: {value: -700, source: \"https://x.example\", grade: spec}\n",
			`org/x.yaml:5:22: attribute "tdp_w" (sign: positive) must be a number above 0 and at most 1e15; found -700`},
		{"negative price", "category: gpu\noverrides:\n  - candidate: nvidia-h100\n    attributes:\n      price_cny: {value: -1, source: \"https://x.example\", grade: spec}\n",
			`org/x.yaml:5:26: attribute "price_cny" (sign: non-negative) must be a number from 0 to 1e15; found -1`},
		{"zero tflops", "category: gpu\noverrides:\n  - candidate: nvidia-h100\n    attributes:\n      fp16_tflops: {value: 0, source: \"https://x.example\", grade: spec}\n",
			`org/x.yaml:5:28: attribute "fp16_tflops" (sign: positive) must be a number above 0 and at most 1e15; found 0`},
		{"huge memory", "category: gpu\noverrides:\n  - candidate: nvidia-h100\n    attributes:\n      memory_gb: {value: 1e300, source: \"https://x.example\", grade: spec}\n",
			`org/x.yaml:5:26: attribute "memory_gb" (sign: positive) must be a number above 0 and at most 1e15; found 1e300`},
		{"unsigned attribute", "category: gpu\noverrides:\n  - candidate: nvidia-h100\n    attributes:\n      launched: {value: -1e300, source: \"https://x.example\", grade: spec}\n",
			`org/x.yaml:5:25: attribute "launched" (sign: positive) must be a number above 0 and at most 1e15; found -1e300`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := knowledge.LoadLayers(base, []knowledge.File{{Name: "org/x.yaml", Data: []byte(tc.src)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v\nwant a problem %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "rules/gpu.yaml") {
				t.Errorf("a problem blames the base:\n%v", err)
			}
		})
	}
}

// TestDerivedValueProblemsNameTheOverlay: a denominator of 0 set by an overlay, or a ratio
// that leaves the derived attribute's range, is the overlay's problem, at its position.
func TestDerivedValueProblemsNameTheOverlay(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"0", `org/p.yaml:5:22: attribute "speed" of "fast" is 0, but "price_per_safety" divides by it (price ÷ speed); give a value above 0`},
		{"1e-300", `org/p.yaml:5:22: attribute "price_per_safety" of "fast" (price ÷ speed) comes to 1e302, which must be a number from -1e15 to 1e15`},
	} {
		extra := strings.Replace(perSafety, "ratio: [price, safety]", "ratio: [price, speed]", 1)
		overlay := []knowledge.File{{Name: "org/p.yaml", Data: []byte("category: engine\noverrides:\n  - candidate: fast\n    attributes:\n      speed: {value: " + tc.value + ", source: \"https://example.org/q\", grade: spec}\n")}}
		_, err := knowledge.LoadLayers(miniWith(t, extra), overlay)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("speed %s: got %v\nwant %q", tc.value, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "lacks attribute") {
			t.Errorf("speed %s: a follow-on problem blames the base candidate:\n%v", tc.value, err)
		}
	}
}

// TestOneBadKnobIsOneProblem: a scoring knob out of range, or a rule's points, is reported
// once where it is written; the checks that relate other values to it (every base rule's
// points against max_rule_points) do not repeat it.
func TestOneBadKnobIsOneProblem(t *testing.T) {
	base, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		"scoring: {priority_boost: 2, max_rule_points: -5, max_adjust: 30, strength_threshold: 0.8}\n",
		"scoring: {priority_boost: 2, max_rule_points: .nan, max_adjust: 30, strength_threshold: 0.8}\n",
		"category: gpu\nrules:\n  - {id: acme.x, effect: adjust, points: .inf, target: {ids: [nvidia-h100]}, because: {en: x, zh: x}, source: \"https://x.example\"}\n",
		"compatibility:\n  - {id: compat.acme, kind: works-with, candidate: kubernetes, with: [podman], points: 1e308, because: {en: x, zh: x}, source: \"https://x.example\"}\n",
	} {
		_, err := knowledge.LoadLayers(base, []knowledge.File{{Name: "org/x.yaml", Data: []byte(src)}})
		var probs knowledge.Problems
		if !errors.As(err, &probs) || len(probs) != 1 || probs[0].Pos.File != "org/x.yaml" {
			t.Errorf("%s: got %d problems, want one in org/x.yaml:\n%v", src, len(probs), err)
		}
	}
}

// TestReadmeRangesTable: rules/README.md's "Number ranges" table is the one the declarations
// give. Run with UPDATE_README=1 to rewrite it.
func TestReadmeRangesTable(t *testing.T) {
	path := filepath.Join(repoRoot, "rules/README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- ranges: generated from the declarations; TestReadmeRangesTable checks it -->\n", "\n<!-- /ranges -->"
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("rules/README.md lacks the markers of the ranges table")
	}
	want := knowledge.RangesTable()
	if got := doc[i+len(begin) : j]; got != want {
		if os.Getenv("UPDATE_README") != "" {
			if err := os.WriteFile(path, []byte(doc[:i+len(begin)]+want+doc[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("rules/README.md's ranges table differs from the declarations; run UPDATE_README=1 go test ./pkg/knowledge -run TestReadmeRangesTable\ngot:\n%s\nwant:\n%s", got, want)
	}
}
