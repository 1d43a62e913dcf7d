package engine

import (
	"cmp"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Labels of a pick's robustness.
const (
	LabelRobust    = "robust"    // first in at least scoring.robustness.robust of the draws
	LabelContested = "contested" // first in at least .contested of them
	LabelFragile   = "fragile"   // first less often
)

// RobustOptions override the knowledge base's sampling (0: keep the base's value).
type RobustOptions struct {
	Samples int
	Seed    int
	// SeedSet says Seed was given, so that a seed of 0 overrides the base's.
	SeedSet bool
}

// Robustness is how robust the top pick of one category is: stochastic multicriteria
// acceptability analysis after SMAA-2 (Lahdelma and Salminen, 2001). Every draw varies the
// criteria weights around those the answers give and every scored value within the spread
// of its evidence grade, then ranks the candidates again; the share of draws in which a
// candidate comes r-th is its rank-r acceptability.
type Robustness struct {
	Category *knowledge.Category
	Samples  int
	Seed     int
	// Pick is the category's top candidate; Label how often it stays first (LabelRobust,
	// LabelContested or LabelFragile).
	Pick  *knowledge.Candidate
	Label string
	// Shown are the candidates listed: the first scoring.robustness.show of the ranking and
	// any other that comes first in a draw, most often first before the others.
	Shown []Acceptability
	// Rival is the candidate that most often displaces the pick from first place, and
	// Decisive the criterion whose weight, changed alone by the smallest factor, lets the
	// rival overtake the pick (Raise: by raising it; decidingCriterion). Both are nil when the
	// pick is first in every draw; Decisive also when no single weight lets the rival win.
	Rival    *knowledge.Candidate
	Decisive *knowledge.Criterion
	Raise    bool
	// Stopped says the draws stopped before the most that were allowed (Samples is then the
	// number made): the pick's share was known well enough (RobustKnobs.Settled).
	Stopped bool
}

// centred maps a draw from [0, 1) to [-1, 1). Here and in the sampling loop every product is
// converted explicitly before it is added: the Go spec lets a compiler fuse x*y+z into one
// instruction (arm64 and others do), which rounds differently, and the numbers must be the
// same on every platform.
func centred(u float64) float64 { return float64(2*u) - 1 }

// Acceptability is a candidate's share of the draws at each rank.
type Acceptability struct {
	Candidate *knowledge.Candidate
	Rank      int       // its rank in the recommendation
	Ranks     []float64 // Ranks[r] is the share of the draws in which it came (r+1)-th
}

// First is the share of the draws in which the candidate came first.
func (a Acceptability) First() float64 { return a.Ranks[0] }

// RobustAll analyses every category of res that ranks at least one candidate, in the order of
// res. It is deterministic: the same base, answers and options give the same numbers on
// every platform (a seeded PCG generator per category, and no fused floating-point
// operations: see sampleScore).
func RobustAll(b *knowledge.Base, res *Result, o RobustOptions) []*Robustness {
	// The categories draw from their own generators, so they run side by side and give the
	// same numbers as one after another.
	all := make([]*Robustness, len(res.Categories))
	var wg sync.WaitGroup
	var panicked atomic.Pointer[any] // a panic in a goroutine is raised again in the caller's
	for i, cr := range res.Categories {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, &r)
				}
			}()
			all[i] = RobustCategory(b, cr, o)
		})
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(*p)
	}
	var out []*Robustness
	for _, r := range all {
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}

// decidingCriterion is the criterion whose weight, changed alone by the smallest factor, lets
// rival overtake pick (raise: by raising it), among the criteria on which the two differ in the
// direction of the change (more weight where the rival is better, less where the pick is):
// raising a criterion on which they are equal only dilutes the others. The crossing is exact
// (see crossing), so the same answers always name the same criterion, and it agrees with the
// weight what-if where that lists a change towards the rival. Nil when no single weight can.
func decidingCriterion(cat *knowledge.Category, pick, rival *Ranked) (*knowledge.Criterion, bool) {
	var best *knowledge.Criterion
	raise, bestDist := false, math.Inf(1)
	for i, c := range cat.Criteria {
		diff := rival.Breakdown[i].Norm - pick.Breakdown[i].Norm
		if pick.Breakdown[i].Weight == 0 || diff == 0 {
			continue
		}
		f, ok := crossing(pick, rival, i)
		if !ok || f == 1 || (f > 1) != (diff > 0) {
			continue
		}
		if d := distance(f); d < bestDist {
			best, raise, bestDist = c, f > 1, d
		}
	}
	return best, raise
}

// RobustCategory analyses one category result; nil when no candidate is ranked.
func RobustCategory(b *knowledge.Base, cr *CategoryResult, o RobustOptions) *Robustness {
	k := b.Scoring.Robustness
	n := len(cr.Ranking)
	if n == 0 || k == nil {
		return nil
	}
	samples, seed := k.Samples, k.Seed
	adaptive := o.Samples == 0 // asked for a number of draws: exactly that many
	if o.Samples > 0 {
		samples = o.Samples
	}
	if o.SeedSet {
		seed = o.Seed
	}
	// Each draw scores every ranked candidate on every criterion: the draws are cut so that a
	// category's work stays within limits.RobustnessDraws (a large overlay with a large sample
	// count would otherwise run for minutes). The report says how many were drawn.
	samples = max(1, min(samples, limits.RobustnessDraws/(n*max(1, len(cr.Category.Criteria)))))
	rb := &Robustness{Category: cr.Category, Samples: samples, Seed: seed, Pick: cr.Ranking[0].Candidate}
	nCrit := len(cr.Category.Criteria)
	// The candidates in the category's order, so that a draw does not depend on the ranking.
	cands := slices.Clone(cr.Ranking)
	order := map[*knowledge.Candidate]int{}
	for i, c := range cr.Category.Candidates {
		order[c] = i
	}
	slices.SortFunc(cands, func(a, b *Ranked) int { return cmp.Compare(order[a.Candidate], order[b.Candidate]) })
	pick := slices.IndexFunc(cands, func(r *Ranked) bool { return r == cr.Ranking[0] })

	weights := make([]float64, nCrit)
	for i := range nCrit {
		weights[i] = cands[0].Breakdown[i].Weight
	}
	norms := make([][]float64, n)
	spreads := make([][]float64, n)
	for c, rk := range cands {
		norms[c] = make([]float64, nCrit)
		spreads[c] = make([]float64, nCrit)
		for i, p := range rk.Breakdown {
			norms[c][i] = p.Norm
			if p.Value != nil {
				spreads[c][i] = k.Spread(p.Value.Grade)
			}
		}
	}

	h := fnv.New64a()
	h.Write([]byte(cr.Category.ID))
	rng := rand.New(rand.NewPCG(uint64(seed), h.Sum64()))

	ranksShown := min(n, k.Show)
	counts := make([][]float64, n) // counts[c][r]: draws (or shares of tied draws) at rank r
	for c := range counts {
		counts[c] = make([]float64, n)
	}
	w := make([]float64, nCrit)
	scores := make([]float64, n)
	idx := make([]int, n)
	nLost := 0
	beats := make([]float64, n) // draws in which each candidate displaced the pick
	drawn := 0
	for drawn < samples {
		var total float64
		for i := range nCrit {
			f := 1 + float64(k.WeightSpread*centred(rng.Float64()))
			w[i] = float64(weights[i] * f)
			total += w[i]
		}
		for i := range nCrit {
			if total > 0 {
				w[i] /= total
			}
		}
		for c, rk := range cands {
			var s float64
			for i := range nCrit {
				v := norms[c][i]
				if sp := spreads[c][i]; sp > 0 {
					v += float64(sp * centred(rng.Float64()))
				}
				s += float64(w[i] * v)
			}
			scores[c] = math.Max(0, float64(100*s)+rk.Adjust) // not clamped at 100: see Ranked.Raw
			idx[c] = c
		}
		// Best first. An insertion sort: a category ranks a dozen candidates or so, and a closure
		// per comparison was a fifth of the analysis's time. Ties share their ranks below, so
		// their order here does not matter.
		for i := 1; i < n; i++ {
			x, j := idx[i], i
			for j > 0 && scores[idx[j-1]] < scores[x] {
				idx[j] = idx[j-1]
				j--
			}
			idx[j] = x
		}
		for r := 0; r < n; {
			end := r + 1
			for end < n && scores[idx[end]] == scores[idx[r]] {
				end++
			}
			share := 1 / float64(end-r) // a tie shares its ranks evenly
			for _, c := range idx[r:end] {
				for rr := r; rr < end; rr++ {
					counts[c][rr] += share
				}
			}
			r = end
		}
		if scores[idx[0]] != scores[pick] {
			nLost++
			beats[idx[0]]++
		}
		drawn++
		if adaptive && k.Settled(counts[pick][0], drawn) {
			break // the share is known well enough (scoring.robustness.precision)
		}
	}
	rb.Samples, rb.Stopped = drawn, drawn < samples

	all := make([]Acceptability, n)
	for c, rk := range cands {
		a := Acceptability{Candidate: rk.Candidate, Rank: rk.Rank, Ranks: make([]float64, ranksShown)}
		for r := range ranksShown {
			a.Ranks[r] = counts[c][r] / float64(drawn)
		}
		all[c] = a
	}
	first := all[pick].First()
	switch {
	case first >= k.Robust:
		rb.Label = LabelRobust
	case first >= k.Contested:
		rb.Label = LabelContested
	default:
		rb.Label = LabelFragile
	}
	for _, a := range all {
		if a.Rank <= k.Show || a.First() > 0 {
			rb.Shown = append(rb.Shown, a)
		}
	}
	slices.SortStableFunc(rb.Shown, func(a, b Acceptability) int {
		if a.First() != b.First() {
			return cmp.Compare(b.First(), a.First())
		}
		return cmp.Compare(a.Rank, b.Rank)
	})
	if nLost > 0 {
		best := -1
		for c := range cands {
			if beats[c] > 0 && (best < 0 || beats[c] > beats[best]) {
				best = c
			}
		}
		rb.Rival = cands[best].Candidate
		rb.Decisive, rb.Raise = decidingCriterion(cr.Category, cands[pick], cands[best])
	}
	return rb
}
