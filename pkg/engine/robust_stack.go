package engine

import (
	"cmp"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// StackRobustness is how robust the recommended stack is: over the same kind of draws as a
// category's robustness (every ranking's criteria weights varied around the answers' weights,
// every scored value within the spread of its evidence grade), how often the recommended stack
// keeps the best score among the finalists: the stack itself, its runners-up, and the best stack
// that holds each category's own first candidate (the swaps). The parts keep the scores of the
// roles they play, and the compatibility points stay as they are: the draws vary what the
// evidence leaves open, not the rules.
type StackRobustness struct {
	Samples int
	Seed    int
	Pick    *Stack
	Label   string // LabelRobust, LabelContested or LabelFragile
	// Shown are the finalists that keep the best score in some draw, and the pick, most often
	// best first; Rival is the one that most often takes the pick's place (nil when none does).
	Shown []StackAcceptability
	Rival *Stack
	// Stopped says the draws stopped early, as Robustness.Stopped.
	Stopped bool
}

// StackAcceptability is a finalist's share of the draws in which it scored best.
type StackAcceptability struct {
	Stack *Stack
	First float64
}

// stackContext is one ranking the finalists' parts come from (a category on its own, or in a
// role): its criteria's weights vary together within a draw.
type stackContext struct {
	category string
	role     *knowledge.Role
}

// RobustStack analyses res.Stack; nil when there is no recommended stack. Deterministic like
// RobustCategory: the same base, answers and options give the same numbers on every platform.
func RobustStack(b *knowledge.Base, res *Result, o RobustOptions) *StackRobustness {
	k := b.Scoring.Robustness
	if k == nil || res.Stack == nil || res.Stack.Best == nil {
		return nil
	}
	sr := res.Stack
	finalists := []*Stack{sr.Best}
	seen := map[string]bool{sr.Best.Key(): true}
	add := func(s *Stack) {
		if s != nil && !seen[s.Key()] {
			seen[s.Key()] = true
			finalists = append(finalists, s)
		}
	}
	for _, s := range sr.RunnersUp {
		add(s)
	}
	for _, sw := range sr.Swaps {
		add(sw.With)
	}
	if sr.Today != nil {
		add(sr.Today.Keep) // today's stack: how often staying wins
	}

	// The distinct parts and the rankings they come from, in the order they first appear.
	var contexts []stackContext
	ctxIndex := map[stackContext]int{}
	var parts []*Ranked
	partIndex := map[*Ranked]int{}
	partCtx := []int{}
	for _, s := range finalists {
		for _, p := range s.Parts {
			if _, ok := partIndex[p]; ok {
				continue
			}
			key := stackContext{p.Candidate.Category, p.Role}
			ci, ok := ctxIndex[key]
			if !ok {
				ci = len(contexts)
				ctxIndex[key] = ci
				contexts = append(contexts, key)
			}
			partIndex[p] = len(parts)
			parts = append(parts, p)
			partCtx = append(partCtx, ci)
		}
	}
	// The weights of each ranking, from the first of its parts (every part of one ranking
	// carries the same weights).
	ctxWeights := make([][]float64, len(contexts))
	for pi, p := range parts {
		if ci := partCtx[pi]; ctxWeights[ci] == nil {
			w := make([]float64, len(p.Breakdown))
			for i, q := range p.Breakdown {
				w[i] = q.Weight
			}
			ctxWeights[ci] = w
		}
	}

	samples, seed := k.Samples, k.Seed
	adaptive := o.Samples == 0 // asked for a number of draws: exactly that many
	if o.Samples > 0 {
		samples = o.Samples
	}
	if o.SeedSet {
		seed = o.Seed
	}
	work := 0
	for _, p := range parts {
		work += max(1, len(p.Breakdown))
	}
	samples = max(1, min(samples, limits.RobustnessDraws/max(1, work)))
	out := &StackRobustness{Samples: samples, Seed: seed, Pick: sr.Best}

	h := fnv.New64a()
	h.Write([]byte("stack"))
	rng := rand.New(rand.NewPCG(uint64(seed), h.Sum64()))

	weightsDrawn := make([][]float64, len(contexts))
	for ci, w := range ctxWeights {
		weightsDrawn[ci] = make([]float64, len(w))
	}
	// Each part's values and their spreads, looked up once rather than in every draw.
	norms := make([][]float64, len(parts))
	spreads := make([][]float64, len(parts))
	for pi, p := range parts {
		norms[pi] = make([]float64, len(p.Breakdown))
		spreads[pi] = make([]float64, len(p.Breakdown))
		for i, q := range p.Breakdown {
			norms[pi][i] = q.Norm
			if q.Value != nil {
				spreads[pi][i] = k.Spread(q.Value.Grade)
			}
		}
	}
	// Each finalist's parts as indexes into parts, with their weights in the stack and the sum
	// of those: looked up once, not in every draw.
	finParts := make([][]int, len(finalists))
	finWeights := make([][]float64, len(finalists))
	finWSum := make([]float64, len(finalists))
	for si, st := range finalists {
		for _, p := range st.Parts {
			w := p.Role.InStack()
			finParts[si] = append(finParts[si], partIndex[p])
			finWeights[si] = append(finWeights[si], w)
			finWSum[si] += w
		}
	}
	partScore := make([]float64, len(parts))
	stackScore := make([]float64, len(finalists))
	wins := make([]float64, len(finalists))
	drawn := 0
	for drawn < samples {
		for ci, base := range ctxWeights {
			var total float64
			for i, w := range base {
				f := 1 + float64(k.WeightSpread*centred(rng.Float64()))
				weightsDrawn[ci][i] = float64(w * f)
				total += weightsDrawn[ci][i]
			}
			for i := range base {
				if total > 0 {
					weightsDrawn[ci][i] /= total
				}
			}
		}
		for pi, p := range parts {
			w := weightsDrawn[partCtx[pi]]
			var s float64
			for i, v := range norms[pi] {
				if sp := spreads[pi][i]; sp > 0 {
					v += float64(sp * centred(rng.Float64()))
				}
				s += float64(w[i] * v)
			}
			partScore[pi] = math.Max(0, float64(100*s)+p.Adjust) // past 100 too, as Ranked.InStack
		}
		best := math.Inf(-1)
		for si, s := range finalists {
			var sum float64
			for j, pi := range finParts[si] {
				sum += float64(finWeights[si][j] * partScore[pi])
			}
			// not clamped at 100: it orders, as in the search, less the cost of moving to it
			stackScore[si] = math.Max(0, sum/finWSum[si]+s.Points-s.Cost)
			best = math.Max(best, stackScore[si])
		}
		nTied := 0
		for si := range finalists {
			if stackScore[si] == best {
				nTied++
			}
		}
		for si := range finalists {
			if stackScore[si] == best {
				wins[si] += 1 / float64(nTied) // a tie shares the draw evenly
			}
		}
		drawn++
		if adaptive && k.Settled(wins[0], drawn) {
			break // the stack's share is known well enough (scoring.robustness.precision)
		}
	}
	out.Samples, out.Stopped = drawn, drawn < samples
	rival := -1
	for si, s := range finalists {
		first := wins[si] / float64(drawn)
		if si == 0 || first > 0 {
			out.Shown = append(out.Shown, StackAcceptability{Stack: s, First: first})
		}
		if si > 0 && wins[si] > 0 && (rival < 0 || wins[si] > wins[rival]) {
			rival = si
		}
	}
	if rival >= 0 {
		out.Rival = finalists[rival]
	}
	slices.SortStableFunc(out.Shown, func(a, b StackAcceptability) int { return cmp.Compare(b.First, a.First) })
	switch first := wins[0] / float64(drawn); {
	case first >= k.Robust:
		out.Label = LabelRobust
	case first >= k.Contested:
		out.Label = LabelContested
	default:
		out.Label = LabelFragile
	}
	return out
}
