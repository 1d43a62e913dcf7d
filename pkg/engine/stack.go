package engine

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Stack is one candidate of each ranked category that work together.
//
// Its score is the weighted mean of its parts' scores plus the points of the compatibility
// rules that touch it (works-with, bundles), clamped to 0..100 and rounded to one decimal. A part
// counts 1, or its role's stack weight when another part gives it a role (knowledge.Role). A stack holding
// a pair a requires or conflicts rule rules out is never built.
type Stack struct {
	Parts   []*Ranked     // one per ranked category, in the order of Result.Categories
	Mean    float64       // the weighted mean of the parts' scores (a part at the 100 cap counts what it earned past it: Ranked.InStack)
	Points  float64       // the compatibility points
	Score   float64       // Mean + Points, clamped to 0..100 and rounded to one decimal
	Effects []StackEffect // the compatibility rules that touch the stack, in rule order
	// Cost is what moving today's parts to this stack's costs (the answer current), in the
	// stack's points: each moved part's effort (knowledge.Base.Move) weighted as the part
	// counts in Mean. 0 for a green field or when every part stays. Stacks are ordered by
	// Score − Cost: a part that stays costs nothing.
	Cost float64
}

// Net is the stack's score less what the move to it costs, one decimal.
func (s *Stack) Net() float64 { return round1(s.Score - s.Cost) }

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
	// The analyses Analyse attaches (nil until it runs): how often the stack keeps the best
	// score as weights and values vary, and (with its WhatIf) the answer changes that change it.
	Robustness *StackRobustness
	WhatIf     []StackChange

	// Today is the verdict on today's stack (the answer current names a part of a ranked
	// category): keep, switch or must-switch, and the moves (nil for a green field).
	Today *StackVerdict

	roles *roleView
	idx   compatIndex
	moves *moveCosts
}

// inRole is the ranking of category in the role the stack's parts give it (nil when none
// does), without the candidates a compatibility rule rules out beside the part that gives
// the role: those are listed as excluded, with the rules. The role's ranking is shared by
// every part that gives it (Podman is a fine host engine under Quadlet, not under Swarm).
func (sr *StackResult) inRole(st *Stack, category string) *CategoryResult {
	in := sr.roles.result(st, category)
	if in == nil || in.GivenBy == nil {
		return in
	}
	out := *in
	out.Ranking = make([]*Ranked, 0, len(in.Ranking))
	out.Excluded = slices.Clone(in.Excluded)
	for _, rk := range in.Ranking {
		_, ruledOut := sr.idx.pair(rk.Candidate, in.GivenBy, nil)
		if len(ruledOut) == 0 {
			out.Ranking = append(out.Ranking, rk)
			continue
		}
		ex := &Excluded{Candidate: rk.Candidate}
		for _, e := range ruledOut {
			if !slices.Contains(ex.Compat, e.Rule) {
				ex.Compat = append(ex.Compat, e.Rule)
			}
		}
		out.Excluded = append(out.Excluded, ex)
	}
	if len(out.Ranking) == len(in.Ranking) {
		return in
	}
	for i, rk := range out.Ranking {
		c := *rk
		c.Rank = i + 1
		out.Ranking[i] = &c
	}
	// Excluded keeps the category's candidate order.
	order := map[string]int{}
	for i, c := range out.Category.Candidates {
		order[c.ID] = i
	}
	slices.SortStableFunc(out.Excluded, func(a, b *Excluded) int { return cmp.Compare(order[a.Candidate.ID], order[b.Candidate.ID]) })
	return &out
}

// roleView holds the rankings of the categories whose candidates a stack gives a role (an
// engine is a node runtime under Kubernetes): for each such category, the ranking in each of
// its roles whose giving category is ranked too.
type roleView struct {
	// ranked[category][role][candidate] is the candidate scored in the role; a candidate the
	// role's rules exclude is missing.
	ranked map[string]map[string]map[string]*Ranked
	cats   map[string]*knowledge.Category
	// results[category][role] is the whole ranking in the role.
	results map[string]map[string]*CategoryResult
}

// result is the ranking of category in the role the stack's parts give it, with the part that
// gives it (nil when no part gives the category a role).
func (v *roleView) result(st *Stack, category string) *CategoryResult {
	if v == nil || v.results[category] == nil {
		return nil
	}
	cat := v.cats[category]
	for _, p := range st.Parts {
		if role := cat.Role(p.Candidate.ID); role != nil {
			if cr := v.results[category][role.ID]; cr != nil {
				cr.GivenBy = p.Candidate
				return cr
			}
		}
	}
	return nil
}

func newRoleView(b *knowledge.Base, cats []*CategoryResult, answers knowledge.Answers) *roleView {
	v := &roleView{ranked: map[string]map[string]map[string]*Ranked{}, cats: map[string]*knowledge.Category{}, results: map[string]map[string]*CategoryResult{}}
	present := map[string]bool{}
	for _, cr := range cats {
		present[cr.Category.ID] = true
	}
	for _, cr := range cats {
		for _, role := range cr.Category.Roles {
			if !present[role.By] {
				continue
			}
			alone := map[string]*Ranked{}
			for _, rk := range cr.Ranking {
				alone[rk.Candidate.ID] = rk
			}
			in := map[string]*Ranked{}
			inRole := scoreRole(b, cr.Category, answers, role)
			for _, rk := range inRole.Ranking {
				if a, ok := alone[rk.Candidate.ID]; ok {
					rk.Alone, rk.AloneRank = a.Score, a.Rank
					in[rk.Candidate.ID] = rk
				}
			}
			if v.ranked[cr.Category.ID] == nil {
				v.ranked[cr.Category.ID] = map[string]map[string]*Ranked{}
				v.results[cr.Category.ID] = map[string]*CategoryResult{}
				v.cats[cr.Category.ID] = cr.Category
			}
			v.ranked[cr.Category.ID][role.ID] = in
			v.results[cr.Category.ID][role.ID] = inRole
		}
	}
	return v
}

// inRole is part a as the candidate giver makes it: scored in the role giver gives it (nil
// when the role's rules exclude it), or a itself when giver gives it no role.
func (v *roleView) inRole(a *Ranked, giver *knowledge.Candidate) (*Ranked, bool) {
	if v == nil {
		return a, true
	}
	cat := v.cats[a.Candidate.Category]
	if cat == nil {
		return a, true
	}
	role := cat.Role(giver.ID)
	if role == nil {
		return a, true
	}
	byRole := v.ranked[cat.ID][role.ID]
	if byRole == nil {
		return a, true
	}
	rk, ok := byRole[a.Candidate.ID]
	return rk, ok
}

// place puts each part in the role the other parts give it (a part its role excludes, or
// one no other part gives a role, stays as it is).
func (v *roleView) place(parts []*Ranked) []*Ranked {
	if v == nil || len(v.cats) == 0 {
		return parts
	}
	out := slices.Clone(parts)
	for i, p := range parts {
		cat := v.cats[p.Candidate.Category]
		if cat == nil {
			continue
		}
		for _, q := range parts {
			if q == p || cat.Role(q.Candidate.ID) == nil {
				continue
			}
			if rk, ok := v.inRole(p, q.Candidate); ok {
				out[i] = rk
			}
		}
	}
	return out
}

// topIn lists the candidates of a category's ranking (by id) that are among the first k of
// one of its role rankings.
func (v *roleView) topIn(category string, k int) map[string]bool {
	top := map[string]bool{}
	if v == nil {
		return top
	}
	for _, byCand := range v.ranked[category] {
		ranked := make([]*Ranked, 0, len(byCand))
		for _, rk := range byCand {
			ranked = append(ranked, rk)
		}
		slices.SortFunc(ranked, func(a, b *Ranked) int { return cmp.Compare(a.Rank, b.Rank) })
		for _, rk := range ranked[:min(k, len(ranked))] {
			top[rk.Candidate.ID] = true
		}
	}
	return top
}

// Swap says why a category's first candidate is not in the best stack.
type Swap struct {
	Category *knowledge.Category
	Winner   *Ranked // the category's first on its own
	Pick     *Ranked // the best stack's part
	// The best stack that holds the winner (With, nil when none does) scores Score. RuledOut
	// are the rules that rule out the winner in place of the pick (why the rest of the stack
	// changes with it), Effects the rules that cost the winner there or in With.
	RuledOut []StackEffect
	Effects  []StackEffect
	Score    float64
	With     *Stack
}

// compatIndex tells, by Compat.Index, which compatibility rules' conditions hold.
type compatIndex []bool

func activeCompat(b *knowledge.Base, answers knowledge.Answers) compatIndex {
	idx := make(compatIndex, len(b.Compat))
	for i, c := range b.Compat {
		idx[i] = c.When.IsEmpty() || c.When.Holds(answers)
	}
	return idx
}

// pair applies the rules between a and b (of different categories), both ways: ruled out,
// and the effects otherwise.
func (idx compatIndex) pair(a, b *knowledge.Candidate, effects []StackEffect) (out []StackEffect, ruledOut []StackEffect) {
	out = effects
	if len(a.Compat) == 0 && len(b.Compat) == 0 {
		return out, nil
	}
	for _, x := range [2][2]*knowledge.Candidate{{a, b}, {b, a}} {
		cand, other := x[0], x[1]
		for _, r := range cand.Compat {
			if !idx[r.Index] || !slices.Contains(r.WithCategories, other.Category) {
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

// partial is a stack under construction (for evaluate).
type partial struct {
	parts     []*Ranked
	sum, wsum float64 // the parts' scores, each times its weight in the stack; the weights
	points    float64
	effects   []StackEffect
}

func (p *partial) score() float64 { return clampScore(p.sum/p.wsum + p.points) }

func clampScore(f float64) float64 {
	switch {
	case f < 0:
		return 0
	case f > 100:
		return 100
	}
	return f
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
	sr := &StackResult{roles: newRoleView(b, cats, res.Answers), idx: idx, moves: newMoveCosts(b, res.Answers)}
	want := 1 + knobs.RunnersUp
	// The top-k of each category first; when no compatible stack is among them, every
	// candidate (a compatible stack may need a category's fifth or sixth).
	stacks := searchStacks(cats, idx, sr.roles, sr.moves, knobs.TopK, knobs.Beam, want, &sr.Searched)
	if len(stacks) == 0 {
		stacks = searchStacks(cats, idx, sr.roles, sr.moves, math.MaxInt, knobs.Beam, want, &sr.Searched)
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
	sr.Today = todayStack(sr, cats, knobs)
	for i, cr := range cats {
		winner := cr.Ranking[0]
		pick := sr.Best.Parts[i]
		if winner.Candidate == pick.Candidate {
			continue
		}
		sw := &Swap{Category: cr.Category, Winner: winner, Pick: pick}
		// The best stack with the winner: the search again, the winner its category's only
		// candidate (the rest of the stack may change with it).
		only := *cr
		only.Ranking = []*Ranked{winner}
		restricted := slices.Clone(cats)
		restricted[i] = &only
		alt := searchStacks(restricted, idx, sr.roles, sr.moves, knobs.TopK, knobs.Beam, 1, &sr.Searched)
		if len(alt) == 0 {
			alt = searchStacks(restricted, idx, sr.roles, sr.moves, math.MaxInt, knobs.Beam, 1, &sr.Searched)
		}
		// The winner in place of the pick, the rest as it is: what rules it out or costs it.
		parts := slices.Clone(sr.Best.Parts)
		parts[i] = winner
		for j, p := range parts { // the others back on their own: place gives each its role
			if p.Role != nil {
				parts[j] = cats[j].Ranking[slices.IndexFunc(cats[j].Ranking, func(r *Ranked) bool { return r.Candidate == p.Candidate })]
			}
		}
		naive, ruledOut := evaluate(sr.roles.place(parts), idx)
		sw.RuledOut = ruledOut
		costs := func(st *Stack) {
			for _, e := range st.Effects {
				if e.Points < 0 && (e.Candidate == winner.Candidate || e.Other == winner.Candidate) &&
					!slices.ContainsFunc(sw.Effects, func(x StackEffect) bool { return x.Rule == e.Rule }) {
					sw.Effects = append(sw.Effects, e)
				}
			}
		}
		if naive != nil {
			costs(naive)
		}
		if len(alt) > 0 {
			sw.With, sw.Score = alt[0], alt[0].Score
			costs(alt[0])
		}
		sr.Swaps = append(sr.Swaps, sw)
	}
	return sr
}

// pairInfo is what the compatibility rules say about two candidates of different categories.
type pairInfo struct {
	out    bool    // ruled out
	points float64 // the points of the rules that touch the pair
	// delta is what one of the two adds to the stack's weighted sum in the role the other
	// gives it, beyond its score on its own; wdelta what it adds to the sum of the weights
	// (its role's stack weight less 1).
	delta, wdelta float64
}

// A position in a category's list is an int16: the search never takes more candidates.
const _ = uint16(math.MaxInt16 - limits.StackCandidates)

// node is a partial stack in the beam: the indexes of its parts in each category's list.
type node struct {
	off               int // its parts are arena[off : off+depth], indexes into each category's list
	sum, wsum, points float64
	score             float64 // the weighted mean of the parts' scores plus the points, not clamped: it orders
}

// searchStacks runs a beam search over the categories in order and returns the best stacks,
// at most want of them, best first. What the rules say about each pair of candidates is worked
// out once, up front; the search itself only adds numbers.
//
// Whatever the knobs and the number of candidates, the search takes at most
// limits.StackCandidates of each category and keeps at most limits.StackBeam partial stacks:
// its tables grow with the square of the first, and its positions are int16.
func searchStacks(cats []*CategoryResult, idx compatIndex, rv *roleView, mc *moveCosts, topK, beam, want int, searched *int) []*Stack {
	n := len(cats)
	topK = min(topK, limits.StackCandidates)
	beam = max(1, min(beam, limits.StackBeam))
	cands := make([][]*Ranked, n)
	for i, cr := range cats {
		// The first topK on their own, and those among the first topK in a role the stack can
		// give them (containerd is fourth of four engines on its own, first as a node runtime).
		inRole := rv.topIn(cr.Category.ID, topK)
		for j, rk := range cr.Ranking {
			// Today's part joins the search wherever it ranks: keeping it costs nothing.
			if (j < topK || inRole[rk.Candidate.ID] || mc.isCurrent(rk.Candidate)) && len(cands[i]) < limits.StackCandidates {
				cands[i] = append(cands[i], rk)
			}
		}
	}
	// idOrder[l][i] is the place of cands[l][i]'s id among its category's ids: ties between
	// stacks of equal score are broken by the parts' ids without comparing strings each time.
	idOrder := make([][]int16, n)
	for l, cs := range cands {
		idOrder[l] = make([]int16, len(cs))
		for i, c := range cs {
			for _, o := range cs {
				if o.Candidate.ID < c.Candidate.ID {
					idOrder[l][i]++
				}
			}
		}
	}
	table := make([][]pairInfo, n*n) // table[i*n+j][a*len(cands[j])+b], i < j
	for i := range n {
		for j := i + 1; j < n; j++ {
			t := make([]pairInfo, len(cands[i])*len(cands[j]))
			for a, ca := range cands[i] {
				for b, cb := range cands[j] {
					effects, out := idx.pair(ca.Candidate, cb.Candidate, nil)
					pi := pairInfo{out: len(out) > 0}
					for _, e := range effects {
						pi.points += e.Points
					}
					// A part the other brings along (K3s's containerd) costs no move of its own.
					bundled := bundledIn(effects)
					for _, x := range [2][2]*Ranked{{ca, cb}, {cb, ca}} {
						rk, ok := rv.inRole(x[0], x[1].Candidate)
						w := 1.0
						if !ok {
							pi.out = true // its role's rules exclude it
						} else if rk != x[0] {
							w = rk.Role.InStack()
							pi.delta += float64(w*rk.InStack()) - x[0].InStack() // no fused multiply-add (robust.go)
							// its move's cost counts as the part does: w times, not once
							pi.delta -= float64((w - 1) * mc.of(x[0].Candidate))
							pi.wdelta += w - 1
						}
						if bundled[x[0].Candidate] {
							pi.delta += float64(w * mc.of(x[0].Candidate))
						}
					}
					t[a*len(cands[j])+b] = pi
				}
			}
			table[i*n+j] = t
		}
	}
	frontier, arena := []node{{}}, []int16(nil)
	for level := range n {
		width := len(cands[level])
		next := make([]node, 0, len(frontier)*width)
		nextArena := make([]int16, 0, len(frontier)*width*(level+1))
		for _, p := range frontier {
			parts := arena[p.off : p.off+level]
		candidates:
			for ci, c := range cands[level] {
				*searched++
				pts, delta, wdelta := p.points, 0.0, 0.0
				for pl, pa := range parts {
					pi := table[pl*n+level][int(pa)*width+ci]
					if pi.out {
						continue candidates
					}
					pts += pi.points
					delta += pi.delta
					wdelta += pi.wdelta
				}
				off := len(nextArena)
				nextArena = append(nextArena, parts...)
				nextArena = append(nextArena, int16(ci))
				sum, wsum := p.sum+c.InStack()-mc.of(c.Candidate)+delta, p.wsum+1+wdelta
				next = append(next, node{off: off, sum: sum, wsum: wsum, points: pts, score: sum/wsum + pts})
			}
		}
		depth := level + 1
		slices.SortFunc(next, func(a, b node) int {
			if a.score != b.score {
				if a.score > b.score {
					return -1
				}
				return 1
			}
			for l := range depth { // ties: by the parts' ids, category by category
				if c := cmp.Compare(idOrder[l][nextArena[a.off+l]], idOrder[l][nextArena[b.off+l]]); c != 0 {
					return c
				}
			}
			return 0
		})
		frontier, arena = next[:min(beam, len(next))], nextArena
		if len(frontier) == 0 {
			return nil
		}
	}
	stacks := make([]*Stack, 0, min(want, len(frontier)))
	for _, p := range frontier[:min(want, len(frontier))] {
		parts := make([]*Ranked, n)
		for l, ci := range arena[p.off : p.off+n] {
			parts[l] = cands[l][ci]
		}
		st, _ := evaluate(rv.place(parts), idx)
		st.Cost = mc.stackCost(st)
		stacks = append(stacks, st)
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
		Mean:    p.sum / p.wsum,
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
		w := c.Role.InStack()
		p.sum += float64(w * c.InStack()) // no fused multiply-add (robust.go)
		p.wsum += w
	}
	if len(all) > 0 {
		return nil, all
	}
	for _, e := range p.effects {
		p.points += e.Points
	}
	return p.stack(), nil
}

// StackExplanation answers "why this stack, and why not that one": the recommendation, and
// the alternative the named candidates make when they take their categories' places in it.
type StackExplanation struct {
	Result *Result
	// Alternative is the best stack with the named candidates in place (nil when none were
	// named, or when it is ruled out or holds an excluded candidate).
	Alternative *Stack
	Named       []*knowledge.Candidate
	// RuledOut are the compatibility rules that rule the alternative out.
	RuledOut []StackEffect
	// Excluded are named candidates their category's rules exclude, with the rules.
	Excluded []*Excluded
}

// ExplainStack recommends for the given answers (adding the named candidates' categories to
// those asked for) and puts the named candidates, at most one per category, in place of the
// best stack's parts.
func ExplainStack(b *knowledge.Base, given knowledge.Answers, ids []string) (*StackExplanation, error) {
	var named []*knowledge.Candidate
	seen := map[string]string{}
	for _, id := range ids {
		c := b.Candidate(id)
		if c == nil {
			return nil, fmt.Errorf("unknown candidate %q", id)
		}
		if prev, ok := seen[c.Category]; ok && prev == id {
			return nil, fmt.Errorf("%s is named twice", id)
		} else if ok {
			return nil, fmt.Errorf("%s and %s are both %s candidates; a stack holds one per category", prev, id, c.Category)
		}
		seen[c.Category] = id
		named = append(named, c)
	}
	answers, err := b.Resolve(given)
	if err != nil {
		return nil, err
	}
	cats := slices.Clone(answers[knowledge.QCategories].List)
	for _, c := range named {
		if !slices.Contains(cats, c.Category) {
			cats = append(cats, c.Category)
		}
	}
	if len(cats) < 2 {
		return nil, fmt.Errorf("a stack needs two or more categories; give them with --categories")
	}
	answers[knowledge.QCategories] = knowledge.Value{Type: knowledge.TypeMulti, List: cats}
	res := Recommend(b, answers)
	if err := checkResult(res); err != nil {
		return nil, err
	}
	ex := &StackExplanation{Result: res, Named: named}
	if len(named) == 0 || res.Stack == nil {
		return ex, nil
	}
	idx := activeCompat(b, answers)
	var parts []*Ranked
	for _, cr := range res.Categories {
		if _, ok := seen[cr.Category.ID]; !ok && len(cr.Ranking) == 0 {
			continue
		}
		var part *Ranked
		if res.Stack.Best != nil {
			part = res.Stack.Best.Part(cr.Category.ID)
		} else if len(cr.Ranking) > 0 {
			part = cr.Ranking[0]
		}
		if id, ok := seen[cr.Category.ID]; ok {
			part = nil
			alone := cr // a named part on its own: place gives it the role the others give it
			if cr.Alone != nil {
				alone = cr.Alone
			}
			for _, rk := range alone.Ranking {
				if rk.Candidate.ID == id {
					part = rk
				}
			}
			if part == nil {
				for _, x := range alone.Excluded {
					if x.Candidate.ID == id {
						ex.Excluded = append(ex.Excluded, x)
					}
				}
				continue
			}
		}
		parts = append(parts, part)
	}
	if len(ex.Excluded) > 0 {
		return ex, nil
	}
	for j, p := range parts { // on their own: place gives each its role in the alternative
		if p.Role != nil {
			for _, cr := range res.Categories {
				if k := slices.IndexFunc(cr.Ranking, func(r *Ranked) bool { return r.Candidate == p.Candidate }); k >= 0 {
					parts[j] = cr.Ranking[k]
				}
			}
		}
	}
	ex.Alternative, ex.RuledOut = evaluate(res.Stack.roles.place(parts), idx)
	var c finiteChecker
	c.stack(ex.Alternative, 0)
	return ex, c.result()
}
