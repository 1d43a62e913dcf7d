package engine_test

import (
	"maps"
	"math"
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/testbase"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// mini loads the small hand-checked knowledge base of testdata/rules/mini.
func mini(t testing.TB) *knowledge.Base {
	t.Helper()
	return testbase.Mini(t)
}

func answers(t *testing.T, b *knowledge.Base, yamlText string) knowledge.Answers {
	t.Helper()
	a, err := b.ParseAnswers("answers.yaml", []byte(yamlText))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

type pick struct {
	id    string
	score float64
}

func ranking(cr *engine.CategoryResult) []pick {
	var out []pick
	for _, r := range cr.Ranking {
		out = append(out, pick{r.Candidate.ID, r.Score})
	}
	return out
}

// The expected scores are worked out by hand in the comments, from testdata/rules/mini.
func TestRecommendMini(t *testing.T) {
	b := mini(t)
	cases := []struct {
		name     string
		answers  string
		cats     []string
		ranking  []pick
		excluded []string
		fired    []string
	}{
		{
			// speed: log scale 1..1000, lower is better: fast 10 -> 1-1/3, safe 100 -> 1-2/3.
			// safety: level 1..5: fast 2 -> 0.25, safe 5 -> 1. Weights 0.5 each.
			// fast = 100*(0.5*0.667+0.5*0.25) = 45.8; safe = 100*(0.5*0.333+0.5*1) = 66.7.
			name: "defaults", answers: "{}", cats: []string{"engine"},
			ranking: []pick{{"safe", 66.7}, {"fast", 45.8}},
			fired:   []string{"engine.web-caveat"},
		},
		{
			// priority speed: weights 2.0 and 1 -> 2/3 and 1/3.
			// fast = 100*(2/3*2/3 + 1/3*0.25) = 52.8; safe = 100*(2/3*1/3 + 1/3*1) = 55.6.
			name: "priority boosts its criterion", answers: "priorities: [speed]", cats: []string{"engine"},
			ranking: []pick{{"safe", 55.6}, {"fast", 52.8}},
			fired:   []string{"engine.web-caveat"},
		},
		{
			// ai adds gpu to the default categories and +10 to safe; web is no longer chosen.
			name: "adjust and default_add", answers: "workloads: [ai]", cats: []string{"engine", "gpu"},
			ranking: []pick{{"safe", 76.7}, {"fast", 45.8}},
			fired:   []string{"engine.ai"},
		},
		{
			name: "exclusion by attribute, caveat by any_of", answers: "kvm: none\nworkloads: [ai]", cats: []string{"engine", "gpu"},
			ranking:  []pick{{"fast", 45.8}},
			excluded: []string{"safe"},
			fired:    []string{"engine.no-kvm", "engine.web-caveat"},
		},
		{
			name: "exclusion against an answer", answers: "budget: 200", cats: []string{"engine"},
			ranking:  []pick{{"fast", 45.8}},
			excluded: []string{"safe"},
			fired:    []string{"engine.budget", "engine.web-caveat"},
		},
		{
			name: "nothing left", answers: "budget: 50", cats: []string{"engine"},
			excluded: []string{"fast", "safe"},
			fired:    []string{"engine.budget"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := engine.Run(b, answers(t, b, c.answers))
			if err != nil {
				t.Fatal(err)
			}
			var cats []string
			for _, cr := range res.Categories {
				cats = append(cats, cr.Category.ID)
			}
			if !reflect.DeepEqual(cats, c.cats) {
				t.Fatalf("categories %v, want %v", cats, c.cats)
			}
			cr := res.Categories[0]
			if got := ranking(cr); !reflect.DeepEqual(got, c.ranking) {
				t.Errorf("ranking %v, want %v", got, c.ranking)
			}
			var excl, fired []string
			for _, e := range cr.Excluded {
				excl = append(excl, e.Candidate.ID)
			}
			for _, r := range cr.Fired {
				fired = append(fired, r.ID)
			}
			if !reflect.DeepEqual(excl, c.excluded) {
				t.Errorf("excluded %v, want %v", excl, c.excluded)
			}
			if !reflect.DeepEqual(fired, c.fired) {
				t.Errorf("fired %v, want %v", fired, c.fired)
			}
			if empty := len(res.Empty()) > 0; empty != (len(c.ranking) == 0) {
				t.Errorf("Empty() = %v", res.Empty())
			}
		})
	}
}

func TestBreakdownAddsUp(t *testing.T) {
	b := mini(t)
	res, err := engine.Run(b, answers(t, b, "workloads: [ai]\npriorities: [safety]"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Categories[0].Ranking {
		var w, pts float64
		for _, p := range r.Breakdown {
			w += p.Weight
			pts += p.Points
		}
		if w < 0.9999 || w > 1.0001 {
			t.Errorf("%s: weights add up to %v", r.Candidate.ID, w)
		}
		if d := pts + r.Adjust - r.Score; d > 0.05 || d < -0.05 {
			t.Errorf("%s: points %v + adjust %v != score %v", r.Candidate.ID, pts, r.Adjust, r.Score)
		}
	}
}

func TestTiesBreakByID(t *testing.T) {
	files := testbase.MiniFiles(t)
	// Two candidates with identical attributes must rank by id, whatever the file order.
	twin := knowledge.File{Name: "twins.yaml", Data: []byte(`category: gpu
candidates:
  - {id: zz-card, name: ZZ, summary: {en: z, zh: z}, attributes: {tflops: {value: 50, source: "report: t", grade: spec}}}
  - {id: aa-card, name: AA, summary: {en: a, zh: a}, attributes: {tflops: {value: 50, source: "report: t", grade: spec}}}
`)}
	b, err := knowledge.Load(append(files, twin))
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, knowledge.Answers{"categories": {Type: knowledge.TypeMulti, List: []string{"gpu"}}})
	if err != nil {
		t.Fatal(err)
	}
	got := ranking(res.Categories[0])
	want := []pick{{"card", 100}, {"aa-card", 0}, {"zz-card", 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
}

// TestWeakEvidenceCountsPartWay: a value graded below third-party counts only its trust's share
// of its distance from neutral, and says so.
func TestWeakEvidenceCountsPartWay(t *testing.T) {
	files := testbase.MiniFiles(t)
	overlay := []knowledge.File{{Name: "org/w.yaml", Data: []byte(`category: engine
overrides:
  - candidate: safe
    attributes:
      safety: {value: 5, source: "https://org.example/claim", grade: unverified}
candidates:
  - id: slow
    name: Slow
    summary: {en: s, zh: s}
    attributes:
      speed: {value: 1000, source: "https://org.example/s", grade: spec}
      safety: {value: 1, source: "https://org.example/s", grade: unverified}
      needs_kvm: {value: false, source: "https://org.example/s", grade: spec}
      price: {value: 1, source: "https://org.example/s", grade: spec}
`)}}
	b, err := knowledge.LoadLayers(files, overlay)
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, knowledge.Answers{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rk := range res.Categories[0].Ranking {
		for _, p := range rk.Breakdown {
			if p.Criterion.ID != "safety" {
				continue
			}
			want := b.Scoring.Neutral + b.Scoring.Trust["unverified"]*(p.Plain-b.Scoring.Neutral)
			if rk.Candidate.ID == "safe" && (p.Plain != 1 || math.Abs(p.Norm-want) > 1e-9 || !p.Weak() || p.Trust != 0.25) {
				t.Errorf("safe: plain %v norm %v trust %v weak %v, want norm %v", p.Plain, p.Norm, p.Trust, p.Weak(), want)
			}
			if rk.Candidate.ID == "fast" && (p.Norm != p.Plain || p.Weak()) {
				t.Errorf("fast (spec): norm %v plain %v", p.Norm, p.Plain)
			}
			if rk.Candidate.ID == "slow" && (!p.Weak() || p.Norm != p.Plain || p.Plain != 0) {
				t.Errorf("slow (unverified, at the bottom): norm %v plain %v; a bad weak figure must count in full", p.Norm, p.Plain)
			}
		}
	}
}

// TestGradedRuleBonusCountsItsTrust: a bonus that rests on weak evidence adds only its trust's
// share of its points; a graded penalty counts in full (weak evidence must not soften it).
func TestGradedRuleBonusCountsItsTrust(t *testing.T) {
	overlay := []knowledge.File{{Name: "org/g.yaml", Data: []byte(`category: engine
rules:
  - id: engine.rumour
    when: {workloads: ai}
    effect: adjust
    grade: report-only
    points: 8
    target: {ids: [fast]}
    because: {en: Rumour., zh: 传闻。}
    source: "report: x"
  - id: engine.rumoured-risk
    when: {workloads: ai}
    effect: adjust
    grade: unverified
    points: -6
    target: {ids: [safe]}
    because: {en: Risk., zh: 风险。}
    source: "report: x"
`)}}
	b, err := knowledge.LoadLayers(testbase.MiniFiles(t), overlay)
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, answers(t, b, "categories: [engine]\nworkloads: [ai]\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]engine.Effect{}
	for _, rk := range res.Categories[0].Ranking {
		for _, e := range rk.Adjustments {
			got[e.Rule.ID] = e
		}
	}
	if e := got["engine.rumour"]; e.Points != 4 || e.Trust != 0.5 || !e.Weak() {
		t.Errorf("report-only bonus of 8 at trust 0.5: got %v points, trust %v", e.Points, e.Trust)
	}
	if e := got["engine.rumoured-risk"]; e.Points != -6 || e.Weak() {
		t.Errorf("unverified penalty: got %v points, trust %v; it must count in full", e.Points, e.Trust)
	}
	if e := got["engine.ai"]; e.Points != 10 || e.Weak() {
		t.Errorf("ungraded bonus: got %v points, trust %v; it must count in full", e.Points, e.Trust)
	}
}

// A criterion's reweight multiplies its weight when its condition holds, and the result says
// which applied: from a Go host the Component Model counts a fifth.
func TestReweightApplies(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	weightOf := func(cr *engine.CategoryResult, id string) float64 {
		for _, p := range cr.Ranking[0].Breakdown {
			if p.Criterion.ID == id {
				return p.Weight
			}
		}
		t.Fatalf("no criterion %s", id)
		return 0
	}
	cats := knowledge.Value{Type: knowledge.TypeMulti, List: []string{"wasm-runtime"}}
	// AI inference inside Wasm, legacy applications and functions asked for at an edge site:
	// the WASI-NN, WASIX, footprint, instantiation and platform criteria count in full, and only
	// the host's reweight is left to see.
	needs := knowledge.Answers{"categories": cats, "wasm-ai": {Type: knowledge.TypeBool, Bool: true},
		"workloads":   {Type: knowledge.TypeMulti, List: []string{"legacy-apps", "serverless"}},
		"environment": {Type: knowledge.TypeOne, Str: "edge"}}
	plain, err := engine.Run(b, needs)
	if err != nil {
		t.Fatal(err)
	}
	needs["wasm-host"] = knowledge.Value{Type: knowledge.TypeOne, Str: "go"}
	goHost, err := engine.Run(b, needs)
	if err != nil {
		t.Fatal(err)
	}
	// Without a Go host only the fit to a Go host is reweighted (a tenth); from Go only the
	// standards (a fifth), and the fit to Go counts in full.
	// Microcontroller maturity, a need of that device class alone, counts nothing on either.
	factors := func(list []engine.Reweighted) map[string]float64 {
		m := map[string]float64{}
		for _, rw := range list {
			m[rw.Criterion.ID] = rw.Factor
		}
		return m
	}
	if got, want := factors(plain.Categories[0].Reweighted), map[string]float64{"go-host-fit": 0.1, "mcu-maturity": 0}; !maps.Equal(got, want) {
		t.Errorf("reweights without a Go host: %v, want %v", got, want)
	}
	if got, want := factors(goHost.Categories[0].Reweighted), map[string]float64{"standards": 0.2, "mcu-maturity": 0}; !maps.Equal(got, want) {
		t.Fatalf("reweights for a Go host: %v, want %v", got, want)
	}
	// standards 3 of 3 (standards) + 3 (maturity) + 3 (WASI-NN) + 0.3 (Go fit) + 1 (WASIX)
	// + 1.5 (footprint) + 1.5 (instantiation) + 1 (platforms) = 14.3; from Go ×0.2: 0.6 of
	// 0.6+3+3+3+1+1.5+1.5+1 = 14.6.
	if got, want := weightOf(plain.Categories[0], "standards"), 3/14.3; math.Abs(got-want) > 1e-9 {
		t.Errorf("standards weighs %v without a Go host, want %v", got, want)
	}
	if got, want := weightOf(goHost.Categories[0], "standards"), 0.6/14.6; math.Abs(got-want) > 1e-9 {
		t.Errorf("standards weighs %v for a Go host, want %v", got, want)
	}
}
