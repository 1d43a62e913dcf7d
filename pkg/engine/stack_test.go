package engine_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// twoCategoryResult is a result with exactly two ranked categories whose first candidates are
// a and b, so that the stack holds both unless a rule rules them out. The categories have no
// roles here (a role would score its candidate anew): the compatibility rules alone count.
func twoCategoryResult(b *knowledge.Base, a, other *knowledge.Candidate) *engine.Result {
	res := &engine.Result{Answers: knowledge.Answers{}}
	for _, c := range []*knowledge.Candidate{a, other} {
		cat := *b.Category(c.Category)
		cat.Roles = nil
		res.Categories = append(res.Categories, &engine.CategoryResult{
			Category: &cat,
			Ranking:  []*engine.Ranked{{Candidate: c, Rank: 1, Score: 50}},
		})
	}
	return res
}

// TestEveryCompatRuleActsAsItsKind puts each compatibility rule's candidate beside every
// candidate of the categories it names, and checks the stack the engine builds: requires and
// conflicts rule out exactly the pairs they name, bundles costs every pick but the bundled one,
// works-with adds its points to exactly the pairs it names.
func TestEveryCompatRuleActsAsItsKind(t *testing.T) {
	b := embedded(t)
	if len(b.Compat) < 20 {
		t.Fatalf("only %d compatibility rules", len(b.Compat))
	}
	for _, r := range b.Compat {
		if !r.When.IsEmpty() {
			continue // conditional rules are covered by scenarios
		}
		cand := b.Candidate(r.Candidate)
		for _, catID := range slices.Compact(slices.Clone(r.WithCategories)) {
			for _, other := range b.Category(catID).Candidates {
				named := slices.Contains(r.With, other.ID)
				sr := engine.RecommendStack(b, twoCategoryResult(b, cand, other))
				var effect *engine.StackEffect
				if sr.Best != nil {
					for i := range sr.Best.Effects {
						if sr.Best.Effects[i].Rule == r {
							effect = &sr.Best.Effects[i]
						}
					}
				}
				blocked := slices.ContainsFunc(sr.Blocked, func(e engine.StackEffect) bool { return e.Rule == r })
				if sr.Best == nil && !blocked {
					continue // another rule rules the pair out (k3s with podman: k3s-needs-cri)
				}
				switch r.Kind {
				case knowledge.CompatConflicts:
					if blocked != named {
						t.Errorf("%s: %s with %s ruled out %v, want %v", r.ID, cand.ID, other.ID, blocked, named)
					}
				case knowledge.CompatRequires:
					if blocked == named {
						t.Errorf("%s: %s with %s ruled out %v, want %v", r.ID, cand.ID, other.ID, blocked, !named)
					}
					if named && (effect == nil || !effect.Fits) {
						t.Errorf("%s: %s with %s should show as a fit", r.ID, cand.ID, other.ID)
					}
				case knowledge.CompatBundles:
					switch {
					case effect == nil:
						t.Errorf("%s: %s with %s: the rule does not touch the stack", r.ID, cand.ID, other.ID)
					case named && (!effect.Fits || effect.Points != 0):
						t.Errorf("%s: the bundled %s should fit at no cost, got %+v", r.ID, other.ID, *effect)
					case !named && effect.Points != r.Points:
						t.Errorf("%s: %s beside %s should cost %v, got %v", r.ID, other.ID, cand.ID, r.Points, effect.Points)
					}
				case knowledge.CompatWorksWith:
					if named != (effect != nil) || (effect != nil && effect.Points != r.Points) {
						t.Errorf("%s: %s with %s: effect %+v, named %v", r.ID, cand.ID, other.ID, effect, named)
					}
				}
				if sr.Best != nil {
					want := 50 + 0.0
					for _, e := range sr.Best.Effects {
						want += e.Points
					}
					if sr.Best.Score != max(0, want) {
						t.Errorf("%s: %s + %s scores %v, want 50 + points = %v", r.ID, cand.ID, other.ID, sr.Best.Score, want)
					}
				}
			}
		}
	}
}

// randomAnswers draws answers for every question of b: any allowed value, any subset of a
// multi question's values (within its bounds), any bool, and an int from a few thresholds.
func randomAnswers(b *knowledge.Base, rng *rand.Rand) knowledge.Answers {
	a := knowledge.Answers{}
	for _, q := range b.Questions {
		switch q.Type {
		case knowledge.TypeOne:
			ids := q.ValueIDs()
			a[q.ID] = knowledge.Value{Type: q.Type, Str: ids[rng.IntN(len(ids))]}
		case knowledge.TypeMulti:
			var list []string
			if q.ID == knowledge.QCurrent { // today's parts: at most one per category
				for _, cat := range b.Categories {
					if rng.IntN(3) == 0 {
						list = append(list, cat.Candidates[rng.IntN(len(cat.Candidates))].ID)
					}
				}
				a[q.ID] = knowledge.Value{Type: q.Type, List: list}
				continue
			}
			for _, id := range q.ValueIDs() {
				if rng.IntN(3) == 0 {
					list = append(list, id)
				}
			}
			if q.Max != nil && len(list) > *q.Max {
				list = list[:*q.Max]
			}
			if q.Min != nil && len(list) < *q.Min {
				list = q.ValueIDs()[:*q.Min]
			}
			a[q.ID] = knowledge.Value{Type: q.Type, List: list}
		case knowledge.TypeBool:
			a[q.ID] = knowledge.Value{Type: q.Type, Bool: rng.IntN(2) == 0}
		case knowledge.TypeInt:
			a[q.ID] = knowledge.Value{Type: q.Type, Int: []int{0, 5, 50, 150, 100000}[rng.IntN(5)]}
		}
	}
	return a
}

// TestStackNeverHoldsARuledOutPair is the property the stack answer rests on: whatever the
// answers, no pair of the recommended stack (nor of a runner-up) is one a requires or
// conflicts rule rules out, and the stack's score is its parts' weighted mean plus its points.
func TestStackNeverHoldsARuledOutPair(t *testing.T) {
	b := embedded(t)
	rng := rand.New(rand.NewPCG(2026, 12))
	stacks := 0
	for i := 0; i < 400; i++ {
		given := randomAnswers(b, rng)
		res, err := engine.Run(b, given)
		if err != nil {
			continue // an answer set the questions' own rules refuse
		}
		sr := res.Stack
		if sr == nil || sr.Best == nil {
			continue
		}
		for _, s := range append([]*engine.Stack{sr.Best}, sr.RunnersUp...) {
			stacks++
			for x, p := range s.Parts {
				for _, q := range s.Parts[x+1:] {
					for _, r := range b.Compat {
						if !r.When.Holds(res.Answers) || !r.Incompatible() {
							continue
						}
						for _, pair := range [2][2]*knowledge.Candidate{{p.Candidate, q.Candidate}, {q.Candidate, p.Candidate}} {
							if r.Candidate == pair[0].ID && slices.Contains(r.WithCategories, pair[1].Category) && r.Excludes(pair[1].ID) {
								t.Fatalf("answers %v: stack %s holds %s and %s, which %s rules out", res.Answers, s.Key(), pair[0].ID, pair[1].ID, r.ID)
							}
						}
					}
				}
			}
			var sum, wsum, pts float64
			for _, p := range s.Parts {
				sum += p.Role.InStack() * p.InStack() // a part in a role counts its role's stack weight; at the cap, what it earned past it
				wsum += p.Role.InStack()
			}
			for _, e := range s.Effects {
				pts += e.Points
			}
			if want := max(0, min(100, sum/wsum+pts)); abs(s.Score-want) > 0.051 {
				t.Fatalf("stack %s scores %v, want %v", s.Key(), s.Score, want)
			}
		}
		// Stacks are ordered by their score less what moving today's parts to them costs.
		if sr.Best.Score < 0 || (len(sr.RunnersUp) > 0 && sr.RunnersUp[0].Net() > sr.Best.Net()) {
			t.Fatalf("answers %v: runner-up %v (net %v) above best %v (net %v)", res.Answers, sr.RunnersUp[0].Score, sr.RunnersUp[0].Net(), sr.Best.Score, sr.Best.Net())
		}
	}
	if stacks < 200 {
		t.Fatalf("only %d stacks checked; the random answers rarely ask for two categories", stacks)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// TestStackSearchIsBoundedWhateverTheKnobs runs the stack search on a category of 40 000
// candidates with knobs that ask for all of them: it takes at most limits.StackCandidates of
// each category (positions are int16; once, the 32 768th candidate panicked).
func TestStackSearchIsBoundedWhateverTheKnobs(t *testing.T) {
	b := &knowledge.Base{Scoring: knowledge.Scoring{Stack: &knowledge.StackKnobs{TopK: 1 << 30, Beam: 1 << 30, RunnersUp: 2}}}
	res := &engine.Result{Answers: knowledge.Answers{}}
	for cat, n := range map[string]int{"big": 40000, "small": 3} {
		cr := &engine.CategoryResult{Category: &knowledge.Category{ID: cat}}
		for i := range n {
			c := &knowledge.Candidate{ID: fmt.Sprintf("%s-%05d", cat, i), Category: cat}
			cr.Ranking = append(cr.Ranking, &engine.Ranked{Candidate: c, Rank: i + 1, Score: 100 - float64(i)/1000})
		}
		res.Categories = append(res.Categories, cr)
	}
	slices.SortFunc(res.Categories, func(a, b *engine.CategoryResult) int { return strings.Compare(a.Category.ID, b.Category.ID) })
	sr := engine.RecommendStack(b, res)
	if sr == nil || sr.Best == nil || sr.Best.Key() != "big-00000+small-00000" {
		t.Fatalf("best stack: %+v", sr)
	}
	if sr.Searched > limits.StackCandidates*(1+3) {
		t.Errorf("searched %d stacks, want at most %d", sr.Searched, limits.StackCandidates*(1+3))
	}
}
