package engine

import (
	"math"
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// WeightChange is a change of one criterion's weight after which a category's top pick
// differs: the weight multiplied by Factor (0: the criterion left out) moves from From to To
// (normalised weights, 0..1) and Top comes first.
type WeightChange struct {
	Criterion *knowledge.Criterion
	Factor    float64
	From, To  float64
	Top       *knowledge.Candidate
}

// gridSteps is the number of steps per unit of a reported factor (0.01): the factor reported
// is the first on this grid at which the engine's ranking (scores rounded to one decimal,
// ties broken by id) has changed.
const gridSteps = 100

// WeightWhatIf lists, for each category of res, per criterion the smallest change of its
// weight (up to scoring.robustness.max_factor times, or down to nothing) after which the top
// pick differs, the smallest changes first. Adding or removing a priority is an answer
// change: WhatIf lists it.
func WeightWhatIf(b *knowledge.Base, res *Result) map[string][]WeightChange {
	out := map[string][]WeightChange{}
	maxF := b.Scoring.Robustness.MaxFactor
	for _, cr := range res.Categories {
		if len(cr.Ranking) < 2 {
			continue
		}
		var list []WeightChange
		top := cr.Ranking[0]
		for i, c := range cr.Category.Criteria {
			wi := top.Breakdown[i].Weight
			if wi == 0 {
				continue
			}
			up, down := math.Inf(1), math.Inf(-1)
			for _, rk := range cr.Ranking[1:] {
				f, ok := crossing(top, rk, i)
				switch {
				case !ok:
				case f > 1 && f <= maxF:
					up = min(up, f)
				case f >= 0 && f < 1:
					down = max(down, f)
				}
			}
			var found []WeightChange
			maxK := int(math.Floor(maxF * gridSteps))
			if !math.IsInf(up, 1) {
				if ch, ok := firstChange(b, cr, res.Answers, i, int(math.Ceil(up*gridSteps)), +1, maxK); ok {
					found = append(found, ch)
				}
			}
			if !math.IsInf(down, -1) {
				if ch, ok := firstChange(b, cr, res.Answers, i, int(math.Floor(down*gridSteps)), -1, maxK); ok {
					found = append(found, ch)
				}
			}
			if len(found) == 2 && distance(found[1].Factor) < distance(found[0].Factor) {
				found[0] = found[1]
			}
			if len(found) > 0 {
				found[0].Criterion, found[0].From = c, wi
				list = append(list, found[0])
			}
		}
		slices.SortStableFunc(list, func(a, b WeightChange) int {
			da, db := distance(a.Factor), distance(b.Factor)
			switch {
			case da < db:
				return -1
			case da > db:
				return 1
			}
			return 0
		})
		if len(list) > 0 {
			out[cr.Category.ID] = list
		}
	}
	return out
}

// distance is how far a factor is from 1: the factor above 1, its inverse below (leaving a
// criterion out is the farthest).
func distance(f float64) float64 {
	switch {
	case f >= 1:
		return f
	case f <= 0:
		return math.Inf(1)
	}
	return 1 / f
}

// crossing is the factor on criterion i's weight at which rival's score meets top's, if the
// two cross at a factor of 0 or more. Both scores are 100 × (Σ weight × value) / (the sum of
// the weights) + the adjustment, so their difference crosses zero at most once.
func crossing(top, rival *Ranked, i int) (float64, bool) { return crossingAt(top, rival, i, 0) }

// crossingAt is the factor on criterion i's weight at which a's score less b's equals margin
// (crossing is its margin of 0; the same algebra, with the margin taken off the adjustments).
func crossingAt(a, b *Ranked, i int, margin float64) (float64, bool) {
	var aa, ab float64 // the points of every other criterion, as a share of 100
	for j := range a.Breakdown {
		if j != i {
			// Each product rounded before it is added: no fused multiply-add (robust.go).
			aa += float64(a.Breakdown[j].Weight * a.Breakdown[j].Norm)
			ab += float64(b.Breakdown[j].Weight * b.Breakdown[j].Norm)
		}
	}
	wi := a.Breakdown[i].Weight
	dn := a.Breakdown[i].Norm - b.Breakdown[i].Norm
	dadj := a.Adjust - b.Adjust - margin
	den := wi * (float64(100*dn) + dadj)
	if den == 0 {
		return 0, false
	}
	f := -(float64(100*(aa-ab)) + float64(dadj*(1-wi))) / den
	return f, f >= 0
}

// firstChange finds the first factor on the grid, going from the current weight (factor 1)
// in direction dir, at which the engine ranks another candidate first. k is the grid point
// just past the exact crossing: the engine may change before it (rounded scores that tie are
// ordered by id) or, rarely, a step or two after it.
func firstChange(b *knowledge.Base, cr *CategoryResult, answers knowledge.Answers, i, k, dir, maxK int) (WeightChange, bool) {
	mul := make([]float64, len(cr.Category.Criteria))
	try := func(k int) *Ranked {
		for j := range mul {
			mul[j] = 1
		}
		mul[i] = float64(k) / gridSteps
		alt := scoreWeighted(b, cr.Category, answers, "", mul, cr.Role)
		if len(alt.Ranking) > 0 && alt.Ranking[0].Candidate != cr.Ranking[0].Candidate {
			return alt.Ranking[0]
		}
		return nil
	}
	// A grid point where the pick has changed: k, then ever larger steps beyond it (a tie of
	// rounded scores goes to the lower id, so the change can come a little after k).
	hi, lo := -1, gridSteps
	for step := 0; ; step = max(1, 2*step) {
		kk := k + dir*step
		if kk < 0 || kk > maxK {
			break
		}
		if try(kk) != nil {
			hi = kk
			break
		}
		lo = kk
	}
	if hi < 0 {
		return WeightChange{}, false
	}
	// Bisection between lo (the pick holds) and hi (it has changed).
	for (hi-lo)*dir > 1 {
		mid := lo + (hi-lo)/2
		if try(mid) != nil {
			hi = mid
		} else {
			lo = mid
		}
	}
	top := try(hi)
	return WeightChange{Factor: float64(hi) / gridSteps, To: top.Breakdown[i].Weight, Top: top.Candidate}, true
}
