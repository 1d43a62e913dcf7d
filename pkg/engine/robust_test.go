package engine_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// synthCategory builds a category result by hand: norms[c][i] is candidate c's normalised
// value on criterion i, all graded spec; the ranking is by the plain weighted sum.
func synthCategory(weights []float64, norms [][]float64, adjust []float64) (*engine.CategoryResult, []*knowledge.Candidate) {
	cat := &knowledge.Category{ID: "synth"}
	for i := range weights {
		cat.Criteria = append(cat.Criteria, &knowledge.Criterion{ID: fmt.Sprintf("c%d", i), Attr: &knowledge.Attribute{Name: fmt.Sprintf("a%d", i)}})
	}
	cr := &engine.CategoryResult{Category: cat}
	var cands []*knowledge.Candidate
	for c, row := range norms {
		cand := &knowledge.Candidate{ID: fmt.Sprintf("k%d", c), Category: "synth"}
		cands = append(cands, cand)
		cat.Candidates = append(cat.Candidates, cand)
		rk := &engine.Ranked{Candidate: cand}
		for i, n := range row {
			rk.Breakdown = append(rk.Breakdown, engine.Part{Criterion: cat.Criteria[i], Value: &knowledge.AttrValue{Grade: knowledge.GradeSpec}, Weight: weights[i], Norm: n})
			rk.Base += 100 * weights[i] * n
		}
		if adjust != nil {
			rk.Adjust = adjust[c]
		}
		rk.Score = rk.Base + rk.Adjust
		cr.Ranking = append(cr.Ranking, rk)
	}
	// Best first, ties by id, as the engine ranks.
	for i := range cr.Ranking {
		for j := i + 1; j < len(cr.Ranking); j++ {
			if cr.Ranking[j].Score > cr.Ranking[i].Score {
				cr.Ranking[i], cr.Ranking[j] = cr.Ranking[j], cr.Ranking[i]
			}
		}
	}
	for i, rk := range cr.Ranking {
		rk.Rank = i + 1
	}
	return cr, cands
}

func synthBase(samples int, weightSpread, valueSpread float64) *knowledge.Base {
	vs := map[string]float64{knowledge.SpreadDefault: valueSpread}
	for _, g := range knowledge.Grades {
		vs[g] = valueSpread
	}
	return &knowledge.Base{Scoring: knowledge.Scoring{Robustness: &knowledge.RobustKnobs{
		Samples: samples, Seed: 3, WeightSpread: weightSpread, ValueSpread: vs, Robust: 0.8, Contested: 0.5, Show: 3, MaxFactor: 10}}}
}

func acceptability(rb *engine.Robustness, c *knowledge.Candidate) []float64 {
	for _, a := range rb.Shown {
		if a.Candidate == c {
			return a.Ranks
		}
	}
	return nil
}

// A candidate at least as good on every criterion, and better on one, is first in every draw
// whatever the weights; and, when its lead on every criterion exceeds what two values can
// move together, whatever the values too.
func TestRobustDominantCandidateAlwaysFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 200 {
		nCrit, nCand := 1+r.IntN(6), 2+r.IntN(6)
		weights := make([]float64, nCrit)
		var total float64
		for i := range weights {
			weights[i] = 0.05 + r.Float64()
			total += weights[i]
		}
		for i := range weights {
			weights[i] /= total
		}
		spread := 0.0
		margin := 0.0
		if trial%2 == 1 {
			spread, margin = 0.05, 0.11 // each value moves at most 0.05: a lead above 0.1 holds
		}
		norms := make([][]float64, nCand)
		for c := range norms {
			norms[c] = make([]float64, nCrit)
			for i := range norms[c] {
				norms[c][i] = r.Float64() * 0.8
			}
		}
		for i := range nCrit { // candidate 0 dominates
			best := 0.0
			for c := 1; c < nCand; c++ {
				best = max(best, norms[c][i])
			}
			norms[0][i] = best + margin
		}
		norms[0][r.IntN(nCrit)] += 0.01
		cr, cands := synthCategory(weights, norms, nil)
		rb := engine.RobustCategory(synthBase(400, 0.5+r.Float64()*0.49, spread), cr, engine.RobustOptions{})
		if got := acceptability(rb, cands[0]); got == nil || got[0] != 1 {
			t.Fatalf("trial %d: the dominant candidate is first in %v of the draws, want all", trial, got)
		}
		if rb.Label != engine.LabelRobust || rb.Rival != nil || rb.Decisive != nil {
			t.Fatalf("trial %d: label %s, rival %v, decisive %v; want robust and none", trial, rb.Label, rb.Rival, rb.Decisive)
		}
	}
}

// Two identical candidates split the first and second ranks evenly: exactly, when nothing
// separates them (a tie shares its ranks), and within sampling error when their values vary
// independently.
func TestRobustIdenticalCandidatesSplitEvenly(t *testing.T) {
	weights := []float64{0.5, 0.3, 0.2}
	norms := [][]float64{{0.9, 0.8, 0.7}, {0.9, 0.8, 0.7}, {0.2, 0.1, 0.3}}
	cr, cands := synthCategory(weights, norms, nil)

	rb := engine.RobustCategory(synthBase(1000, 0.5, 0), cr, engine.RobustOptions{})
	for _, c := range cands[:2] {
		if got := acceptability(rb, c); !reflect.DeepEqual(got, []float64{0.5, 0.5, 0}) {
			t.Errorf("without value spread %s has ranks %v, want [0.5 0.5 0]", c.ID, got)
		}
	}
	const n = 4000
	rb = engine.RobustCategory(synthBase(n, 0.5, 0.2), cr, engine.RobustOptions{})
	tol := 4 * math.Sqrt(0.25/n) // four standard errors
	for _, c := range cands[:2] {
		if got := acceptability(rb, c); math.Abs(got[0]-0.5) > tol || math.Abs(got[1]-0.5) > tol {
			t.Errorf("with value spread %s has ranks %v, want about [0.5 0.5 0] (±%.3f)", c.ID, got, tol)
		}
	}
	if got := acceptability(rb, cands[2]); got[0] != 0 {
		t.Errorf("the clearly worse candidate comes first in %v of the draws", got[0])
	}
}

// Each rank's shares add up to one, the numbers depend only on the seed, and another seed
// gives other draws.
func TestRobustSharesAndSeed(t *testing.T) {
	weights := []float64{0.4, 0.35, 0.25}
	norms := [][]float64{{0.9, 0.3, 0.5}, {0.4, 0.9, 0.6}, {0.6, 0.6, 0.6}, {0.5, 0.5, 0.9}}
	cr, _ := synthCategory(weights, norms, []float64{0, 2, 0, -1})
	b := synthBase(1500, 0.5, 0.15)
	b.Scoring.Robustness.Show = 4
	one := engine.RobustCategory(b, cr, engine.RobustOptions{})
	for r := range 4 {
		var sum float64
		for _, a := range one.Shown {
			sum += a.Ranks[r]
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("rank %d: shares add up to %v", r+1, sum)
		}
	}
	if again := engine.RobustCategory(b, cr, engine.RobustOptions{}); !reflect.DeepEqual(one.Shown, again.Shown) {
		t.Error("the same seed gave other numbers")
	}
	other := engine.RobustCategory(b, cr, engine.RobustOptions{Seed: 99, SeedSet: true})
	if reflect.DeepEqual(one.Shown, other.Shown) {
		t.Error("another seed gave the same numbers")
	}
	if other.Seed != 99 || other.Samples != 1500 {
		t.Errorf("seed %d, samples %d; want 99 and the base's 1500", other.Seed, other.Samples)
	}
	if one.Rival == nil || one.Decisive == nil || one.Label == engine.LabelRobust {
		t.Errorf("a close race should be contested with a rival and a decisive criterion: %+v", one)
	}
}

// On the embedded rules, every category's pick of the default answers gets a label, and the
// decisive criterion's weight does move the pick: the weight what-if finds a change of it.
func TestRobustEmbedded(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, knowledge.Answers{"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}}})
	if err != nil {
		t.Fatal(err)
	}
	all := engine.RobustAll(b, res, engine.RobustOptions{})
	if len(all) != 5 {
		t.Fatalf("%d analyses for 5 categories", len(all))
	}
	wi := engine.WeightWhatIf(b, res)
	for _, rb := range all {
		k := b.Scoring.Robustness
		if rb.Samples < k.MinSamples || rb.Samples > k.Samples || (rb.Samples%k.MinSamples != 0 && rb.Samples != k.Samples) || rb.Pick == nil || rb.Label == "" {
			t.Errorf("%s: %+v", rb.Category.ID, rb)
		}
		first := acceptability(rb, rb.Pick)[0]
		switch {
		case first >= 0.8 && rb.Label != engine.LabelRobust, first < 0.5 && rb.Label != engine.LabelFragile:
			t.Errorf("%s: first in %v but labelled %s", rb.Category.ID, first, rb.Label)
		}
		for _, w := range wi[rb.Category.ID] {
			if w.Top == rb.Pick {
				t.Errorf("%s: a weight change of %s ×%v keeps the pick", rb.Category.ID, w.Criterion.ID, w.Factor)
			}
		}
	}
}

// Each weight change listed gives its new top pick, and one step less of it (towards the
// current weight) still keeps the pick: the change listed is the smallest on the grid.
func TestWeightWhatIfIsSmallest(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []string{"{}", "{tenancy: untrusted, domestic: true}", "{environment: edge, scale: small}", "{workloads: [ai-training], priorities: [performance]}"} {
		given, err := b.ParseAnswers("a.yaml", []byte(y))
		if err != nil {
			t.Fatal(err)
		}
		given["categories"] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}}
		res, err := engine.Run(b, given)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, cr := range res.Categories {
			for _, w := range engine.WeightWhatIf(b, res)[cr.Category.ID] {
				n++
				i := -1
				for j, c := range cr.Category.Criteria {
					if c == w.Criterion {
						i = j
					}
				}
				top := func(f float64) *knowledge.Candidate {
					mul := make([]float64, len(cr.Category.Criteria))
					for j := range mul {
						mul[j] = 1
					}
					mul[i] = f
					return engine.ScoreWeighted(b, cr.Category, res.Answers, "", mul, cr.Role).Ranking[0].Candidate
				}
				if got := top(w.Factor); got != w.Top {
					t.Errorf("%s %s: %s ×%v gives %s, not %s", y, cr.Category.ID, w.Criterion.ID, w.Factor, got.ID, w.Top.ID)
				}
				less := w.Factor - 0.01
				if w.Factor < 1 {
					less = w.Factor + 0.01
				}
				if got := top(less); got != cr.Ranking[0].Candidate {
					t.Errorf("%s %s: %s ×%v already gives %s; the listed ×%v is not the smallest", y, cr.Category.ID, w.Criterion.ID, less, got.ID, w.Factor)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no weight change listed in any category", y)
		}
	}
}

// The deciding criterion is the one between the pick and its rival, in the direction that
// favours the rival: more of it when the rival is better on it, less when the pick is. A
// third candidate that wins other draws (when another criterion weighs more) does not muddle
// it, here or in random categories.
func TestRobustDecidingCriterionIsTheRivals(t *testing.T) {
	check := func(t *testing.T, weights []float64, norms [][]float64) bool {
		cr, _ := synthCategory(weights, norms, nil)
		rb := engine.RobustCategory(synthBase(2000, 0.5, 0), cr, engine.RobustOptions{})
		if rb.Rival == nil || rb.Decisive == nil {
			return false
		}
		var pick, rival []float64
		for c, cand := range cr.Category.Candidates {
			if cand == rb.Pick {
				pick = norms[c]
			}
			if cand == rb.Rival {
				rival = norms[c]
			}
		}
		i := slices.Index(cr.Category.Criteria, rb.Decisive)
		if rival[i] > pick[i] != rb.Raise {
			t.Errorf("weights %v norms %v: deciding %s raise %v, but the rival has %v there and the pick %v", weights, norms, rb.Decisive.ID, rb.Raise, rival[i], pick[i])
		}
		return true
	}
	for _, c := range []struct {
		weights []float64
		norms   [][]float64
	}{
		{[]float64{0.4, 0.3, 0.3}, [][]float64{{0.6, 0.6, 0.6}, {0.78, 0.35, 0.6}, {0.35, 0.9, 0.55}}},
		// The rival edges ahead when the first criterion weighs a little more; the third
		// candidate, far better on the last one, only when that one weighs much more.
		{[]float64{0.4, 0.4, 0.2}, [][]float64{{0.6, 0.6, 0.5}, {0.65, 0.54, 0.5}, {0.4, 0.5, 1.0}}},
		{[]float64{0.45, 0.35, 0.2}, [][]float64{{0.6, 0.6, 0.4}, {0.66, 0.55, 0.38}, {0.3, 0.45, 1.0}}},
	} {
		if !check(t, c.weights, c.norms) {
			t.Fatalf("%v: no rival", c.norms)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	checked := 0
	for range 300 {
		nCrit, nCand := 2+r.IntN(5), 3+r.IntN(4)
		weights := make([]float64, nCrit)
		var total float64
		for i := range weights {
			weights[i] = 0.1 + r.Float64()
			total += weights[i]
		}
		for i := range weights {
			weights[i] /= total
		}
		norms := make([][]float64, nCand)
		for c := range norms {
			norms[c] = make([]float64, nCrit)
			for i := range norms[c] {
				norms[c][i] = r.Float64()
			}
		}
		if check(t, weights, norms) {
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d random categories had a rival", checked)
	}
}

// On the embedded rules too, the deciding criterion favours the rival in the direction said.
func TestRobustEmbeddedDecidingDirection(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	all := knowledge.Value{Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}}
	n := 0
	for _, y := range []string{"{}", "{workloads: [ai-training]}", "{workloads: [ai-inference], environment: edge}", "{tenancy: untrusted}", "{domestic: true, priorities: [autonomy]}", "{rootless: true}", "{scale: large, k8s-experience: expert}"} {
		given, err := b.ParseAnswers("a.yaml", []byte(y))
		if err != nil {
			t.Fatal(err)
		}
		given["categories"] = all
		res, err := engine.Run(b, given)
		if err != nil {
			t.Fatal(err)
		}
		for i, rb := range engine.RobustAll(b, res, engine.RobustOptions{}) {
			if rb.Decisive == nil {
				continue
			}
			cr := res.Categories[i]
			norm := func(c *knowledge.Candidate) float64 {
				for _, rk := range cr.Ranking {
					if rk.Candidate == c {
						for _, p := range rk.Breakdown {
							if p.Criterion == rb.Decisive {
								return p.Norm
							}
						}
					}
				}
				t.Fatalf("%s not ranked", c.ID)
				return 0
			}
			n++
			if p, r := norm(rb.Pick), norm(rb.Rival); r > p != rb.Raise {
				t.Errorf("%s %s: %s decides with raise %v, but %s has %v there and %s %v", y, cr.Category.ID, rb.Decisive.ID, rb.Raise, rb.Rival.ID, r, rb.Pick.ID, p)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d categories had a deciding criterion", n)
	}
}

// The draws of one category are cut to limits.RobustnessDraws (draws × ranked candidates ×
// criteria), whatever --samples or an overlay's scoring asks, and the analysis says how many
// it made.
func TestRobustDrawsBounded(t *testing.T) {
	b := embedded(t)
	res, err := engine.Run(b, knowledge.Answers{"categories": {Type: knowledge.TypeMulti, List: []string{"gpu"}}})
	if err != nil {
		t.Fatal(err)
	}
	cr := res.Categories[0]
	work := len(cr.Ranking) * len(cr.Category.Criteria)
	rb := engine.RobustCategory(b, cr, engine.RobustOptions{Samples: 1_000_000})
	if rb.Samples*work > limits.RobustnessDraws || rb.Samples < limits.RobustnessDraws/work {
		t.Fatalf("%d draws of %d candidates × criteria: %d, want the most within %d", rb.Samples, work, rb.Samples*work, limits.RobustnessDraws)
	}
	if rb := engine.RobustCategory(b, cr, engine.RobustOptions{Samples: 500}); rb.Samples != 500 {
		t.Fatalf("500 draws asked, %d made", rb.Samples)
	}
}

// Sequential sampling: a pick first in every draw stops after 250, a close race draws them
// all, an explicit --samples draws exactly that many, and the stopping rule keeps the label.
func TestRobustStopsWhenSettled(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	k := *b.Scoring.Robustness
	for _, tc := range []struct {
		won, drawn int
		settled    bool
	}{
		{250, 250, true},    // always first: [0.98, 1.00]
		{248, 250, false},   // 99 %, but 2 losses say little about the rival
		{1485, 1500, false}, // 99 %, 15 losses
		{1900, 2000, true},  // 95 %, 100 losses
		{200, 250, false},   // 80 %: on the robust threshold
		{875, 1000, true},   // 87.5 % ± 2.1: robust either way, 125 losses
		{650, 1000, false},  // 65 % ± 3.0: not precise enough yet
		{1300, 2000, true},  // 65 % ± 2.1
		{1000, 2000, false}, // 50 %: on the contested threshold
		{249, 251, false},   // not a whole number of min_samples
	} {
		if got := k.Settled(float64(tc.won), tc.drawn); got != tc.settled {
			t.Errorf("%d of %d: settled %v, want %v", tc.won, tc.drawn, got, tc.settled)
		}
	}
	off := k
	off.Precision = 0
	if off.Settled(250, 250) {
		t.Error("a precision of 0 stops the draws")
	}

	res, err := engine.Run(b, knowledge.Answers{"categories": {Type: knowledge.TypeMulti, List: []string{"sandbox", "wasm-runtime"}}, "tenancy": {Type: knowledge.TypeOne, Str: "untrusted"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range res.Categories {
		full := engine.RobustCategory(b, cr, engine.RobustOptions{Samples: k.Samples})
		adaptive := engine.RobustCategory(b, cr, engine.RobustOptions{})
		if full.Samples != k.Samples {
			t.Errorf("%s: --samples %d drew %d", cr.Category.ID, k.Samples, full.Samples)
		}
		if adaptive.Label != full.Label {
			t.Errorf("%s: stopping early changed the label from %s to %s", cr.Category.ID, full.Label, adaptive.Label)
		}
		if a, f := acceptability(adaptive, adaptive.Pick)[0], acceptability(full, full.Pick)[0]; math.Abs(a-f) > 2*k.Precision {
			t.Errorf("%s: share %.3f after %d draws, %.3f after all", cr.Category.ID, a, adaptive.Samples, f)
		}
		if again := engine.RobustCategory(b, cr, engine.RobustOptions{}); again.Samples != adaptive.Samples {
			t.Errorf("%s: %d draws, then %d", cr.Category.ID, adaptive.Samples, again.Samples)
		}
	}
	if wasm := engine.RobustCategory(b, res.Categories[1], engine.RobustOptions{}); wasm.Samples != k.MinSamples {
		t.Errorf("a pick first in every draw took %d draws, want %d", wasm.Samples, k.MinSamples)
	}
}
