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
	// Decisive the criterion whose weight most separates the draws the pick wins from those
	// the rival takes from it (Raise: true when a heavier weight favours the rival). Both are nil when
	// the pick is first in every draw.
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
	won := make([]float64, nCrit) // the drawn weights summed over the draws the pick wins
	nWon, nLost := 0, 0
	beats := make([]float64, n) // draws in which each candidate displaced the pick
	// lostTo[c] sums the drawn weights over the draws candidate c took from the pick, so that
	// the deciding criterion is the one between the pick and its rival.
	lostTo := make([][]float64, n)
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
		if scores[idx[0]] == scores[pick] {
			nWon++
			for i := range nCrit {
				won[i] += w[i]
			}
		} else {
			nLost++
			c := idx[0]
			beats[c]++
			if lostTo[c] == nil {
				lostTo[c] = make([]float64, nCrit)
			}
			for i := range nCrit {
				lostTo[c][i] += w[i]
			}
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
		if nWon > 0 {
			// The criterion whose mean weight differs most, relative to its weight, between the
			// draws the pick wins and those the rival takes from it, among the criteria on which
			// the two differ in the same direction (more weight where the rival is better, less
			// where the pick is). Raising a criterion on which they are equal only dilutes the
			// others: it says nothing about the two.
			bestGap := 0.0
			for i, c := range cr.Category.Criteria {
				diff := norms[best][i] - norms[pick][i]
				if weights[i] == 0 || diff == 0 {
					continue
				}
				gap := float64(lostTo[best][i]/beats[best]-won[i]/float64(nWon)) / weights[i]
				if (gap > 0) != (diff > 0) {
					continue
				}
				if math.Abs(gap) > bestGap {
					bestGap, rb.Decisive, rb.Raise = math.Abs(gap), c, gap > 0
				}
			}
		}
	}
	return rb
}
