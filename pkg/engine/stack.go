package engine

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Stack is one candidate of each ranked category that work together.
//
// Its score is the mean of its parts' scores plus the points of the compatibility rules that
// touch it (works-with, bundles), clamped to 0..100 and rounded to one decimal. A stack holding
// a pair a requires or conflicts rule rules out is never built.
type Stack struct {
	Parts   []*Ranked // one per ranked category, in the order of Result.Categories
	Mean    float64   // the mean of the parts' scores
	Points  float64   // the compatibility points
	Score   float64
	Effects []StackEffect // the compatibility rules that touch the stack, in rule order
}

// StackEffect is a compatibility rule that applies to two parts of a stack: a caveat or points
// (works-with), a second runtime (bundles, Points < 0), or a fit the rule states (a bundled
// or required candidate that is in the stack, Points 0 and Fits true).
type StackEffect struct {
	Rule      *knowledge.Compat
	Candidate *knowledge.Candidate // the rule's candidate
	Other     *knowledge.Candidate // the part of the other category it is about
	Points    float64
	Fits      bool
}

// Key identifies a stack by its parts' ids.
func (s *Stack) Key() string {
	ids := make([]string, len(s.Parts))
	for i, p := range s.Parts {
		ids[i] = p.Candidate.ID
	}
	return strings.Join(ids, "+")
}

// Part returns the stack's part of a category, or nil.
func (s *Stack) Part(category string) *Ranked {
	for _, p := range s.Parts {
		if p.Candidate.Category == category {
			return p
		}
	}
	return nil
}

// StackResult is the answer across categories: the best compatible stack, the runners-up,
// and, for each category whose first candidate is not in the best stack, why.
type StackResult struct {
	Best      *Stack
	RunnersUp []*Stack
	Swaps     []*Swap
	// Blocked lists, when no compatible stack exists, the rules that rule out pairs of the
	// categories' first candidates (and Best is nil).
	Blocked []StackEffect
	// Searched counts the stacks scored, for the benchmark and the curious.
	Searched int
}

// Swap says why a category's first candidate is not in the best stack.
type Swap struct {
	Category *knowledge.Category
	Winner   *Ranked // the category's first on its own
	Pick     *Ranked // the best stack's part
	// With the winner in place of the pick, the stack is either ruled out (RuledOut, the
	// rules) or scores Score, Effects being the rules that cost it.
	RuledOut []StackEffect
	Effects  []StackEffect
	Score    float64
}

// compatIndex holds the compatibility rules whose condition holds, by candidate id.
type compatIndex map[string][]*knowledge.Compat

func activeCompat(b *knowledge.Base, answers knowledge.Answers) compatIndex {
	idx := compatIndex{}
	for _, c := range b.Compat {
		if c.When.Holds(answers) {
			idx[c.Candidate] = append(idx[c.Candidate], c)
		}
	}
	return idx
}

// pair applies the rules between a and b (of different categories), both ways: ruled out,
// and the effects otherwise.
func (idx compatIndex) pair(a, b *knowledge.Candidate, effects []StackEffect) (out []StackEffect, ruledOut []StackEffect) {
	out = effects
	for _, x := range [2][2]*knowledge.Candidate{{a, b}, {b, a}} {
		cand, other := x[0], x[1]
		for _, r := range idx[cand.ID] {
			if !slices.Contains(r.WithCategories, other.Category) {
				continue
			}
			e := StackEffect{Rule: r, Candidate: cand, Other: other}
			switch r.Kind {
			case knowledge.CompatRequires, knowledge.CompatConflicts:
				if r.Excludes(other.ID) {
					ruledOut = append(ruledOut, e)
				} else if r.Kind == knowledge.CompatRequires {
					e.Fits = true
					out = append(out, e)
				}
			case knowledge.CompatBundles:
				if r.With[0] == other.ID {
					e.Fits = true
				} else {
					e.Points = r.Points
				}
				out = append(out, e)
			case knowledge.CompatWorksWith:
				if slices.Contains(r.With, other.ID) {
					e.Points = r.Points
					out = append(out, e)
				}
			}
		}
	}
	return out, ruledOut
}

// partial is a stack under construction.
type partial struct {
	parts   []*Ranked
	sum     float64
	points  float64
	effects []StackEffect
	key     string
}

func (p *partial) score() float64 {
	return math.Max(0, math.Min(100, p.sum/float64(len(p.parts))+p.points))
}

func comparePartials(a, b *partial) int {
	if c := cmp.Compare(b.score(), a.score()); c != 0 {
		return c
	}
	return strings.Compare(a.key, b.key)
}

// RecommendStack combines the ranked categories of res into stacks. It returns nil when fewer
// than two categories have candidates left.
func RecommendStack(b *knowledge.Base, res *Result) *StackResult {
	var cats []*CategoryResult
	for _, cr := range res.Categories {
		if len(cr.Ranking) > 0 {
			cats = append(cats, cr)
		}
	}
	if len(cats) < 2 {
		return nil
	}
	knobs := b.Scoring.Stack
	idx := activeCompat(b, res.Answers)
	sr := &StackResult{}
	want := 1 + knobs.RunnersUp
	// The top-k of each category first; when no compatible stack is among them, every
	// candidate (a compatible stack may need a category's fifth or sixth).
	stacks := searchStacks(cats, idx, knobs.TopK, knobs.Beam, want, &sr.Searched)
	if len(stacks) == 0 {
		stacks = searchStacks(cats, idx, math.MaxInt, knobs.Beam, want, &sr.Searched)
	}
	if len(stacks) == 0 {
		for i, a := range cats {
			for _, c := range cats[i+1:] {
				_, out := idx.pair(a.Ranking[0].Candidate, c.Ranking[0].Candidate, nil)
				sr.Blocked = append(sr.Blocked, out...)
			}
		}
		return sr
	}
	sr.Best = stacks[0]
	sr.RunnersUp = stacks[1:]
	for i, cr := range cats {
		winner := cr.Ranking[0]
		pick := sr.Best.Parts[i]
		if winner == pick {
			continue
		}
		sw := &Swap{Category: cr.Category, Winner: winner, Pick: pick}
		parts := slices.Clone(sr.Best.Parts)
		parts[i] = winner
		st, ruledOut := evaluate(parts, idx)
		if len(ruledOut) > 0 {
			sw.RuledOut = ruledOut
		} else {
			sw.Score = st.Score
			for _, e := range st.Effects {
				if e.Points < 0 && (e.Candidate == winner.Candidate || e.Other == winner.Candidate) {
					sw.Effects = append(sw.Effects, e)
				}
			}
		}
		sr.Swaps = append(sr.Swaps, sw)
	}
	return sr
}

// searchStacks runs a beam search over the categories in order and returns the best stacks,
// at most want of them, best first.
func searchStacks(cats []*CategoryResult, idx compatIndex, topK, beam, want int, searched *int) []*Stack {
	frontier := []*partial{{}}
	for _, cr := range cats {
		cands := cr.Ranking
		if len(cands) > topK {
			cands = cands[:topK]
		}
		next := make([]*partial, 0, len(frontier)*len(cands))
		for _, p := range frontier {
			for _, c := range cands {
				effects := slices.Clone(p.effects)
				var ruledOut []StackEffect
				for _, q := range p.parts {
					if effects, ruledOut = idx.pair(q.Candidate, c.Candidate, effects); len(ruledOut) > 0 {
						break
					}
				}
				*searched++
				if len(ruledOut) > 0 {
					continue
				}
				np := &partial{parts: append(slices.Clone(p.parts), c), sum: p.sum + c.Score, effects: effects}
				for _, e := range effects[len(p.effects):] {
					np.points += e.Points
				}
				np.points += p.points
				if p.key == "" {
					np.key = c.Candidate.ID
				} else {
					np.key = p.key + "+" + c.Candidate.ID
				}
				next = append(next, np)
			}
		}
		slices.SortFunc(next, comparePartials)
		if len(next) > beam {
			next = next[:beam]
		}
		frontier = next
		if len(frontier) == 0 {
			return nil
		}
	}
	if len(frontier) > want {
		frontier = frontier[:want]
	}
	stacks := make([]*Stack, len(frontier))
	for i, p := range frontier {
		stacks[i] = p.stack()
	}
	return stacks
}

func (p *partial) stack() *Stack {
	effects := slices.Clone(p.effects)
	slices.SortStableFunc(effects, func(a, b StackEffect) int {
		return cmp.Compare(a.Rule.Index, b.Rule.Index)
	})
	return &Stack{
		Parts:   p.parts,
		Mean:    p.sum / float64(len(p.parts)),
		Points:  p.points,
		Score:   round1(p.score()),
		Effects: effects,
	}
}

// evaluate scores a given combination: the stack, or the rules that rule it out.
func evaluate(parts []*Ranked, idx compatIndex) (*Stack, []StackEffect) {
	p := &partial{}
	var all []StackEffect
	for i, c := range parts {
		for _, q := range parts[:i] {
			var out []StackEffect
			p.effects, out = idx.pair(q.Candidate, c.Candidate, p.effects)
			all = append(all, out...)
		}
		p.parts = append(p.parts, c)
		p.sum += c.Score
	}
	if len(all) > 0 {
		return nil, all
	}
	for _, e := range p.effects {
		p.points += e.Points
	}
	return p.stack(), nil
}
