package engine

import (
	"math"
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// The verdicts on today's parts (the answer current).
const (
	// VerdictKeep: today's part is first, or what a move gains is not more than it costs.
	VerdictKeep = "keep"
	// VerdictSwitch: a move gains more than it costs.
	VerdictSwitch = "switch"
	// VerdictMustSwitch: a need rules today's part out (an exclusion, or no stack holds it).
	VerdictMustSwitch = "must-switch"
)

// Verdict is what to do with today's part of a category: keep it, switch (the move gains more
// than it costs) or must switch (a need rules it out), and where to.
type Verdict struct {
	Verdict string
	Today   *knowledge.Candidate
	// Ranked is today's part in the category's ranking (nil when it is excluded); Excluded
	// says why it is out (must-switch).
	Ranked   *Ranked
	Excluded *Excluded
	// Target is the move's target (switch, must-switch), or for keep the best alternative
	// when today's part is not first (nil when it is). Gain is Target's score less today's;
	// Move what moving there costs.
	Target *Ranked
	Gain   float64
	Move   knowledge.Move
	// ByStack says the recommended stack decides: it keeps or moves the part where the
	// category on its own would not (a stack's move of another part changes the fit).
	ByStack bool
	// BundledBy is the stack's part that brings Target along (the move costs nothing of its own).
	BundledBy *knowledge.Candidate
	// WhatIf (attached by Analyse) is how close the verdict is: the weight change that turns it.
	WhatIf *VerdictChange
	// Follows is the stack's part whose choice the move follows: today's part does not work
	// beside it (a compatibility rule), though no answer rules it out.
	Follows *knowledge.Candidate
	// Close says the gain and the move's effort are within scoring.migration.close of each
	// other (a keep or switch that could go either way).
	Close bool
	// KeepMove is what keeping today's part costs under the answers (a keep path: Docker made
	// rootless, Kubernetes rebuilt on FIPS crypto); zero Effort when keeping costs nothing.
	KeepMove knowledge.Move
	// First is the category's first when a switch goes elsewhere (the move to it nets less,
	// FirstNet: its gain less its effort); nil otherwise.
	First    *Ranked
	FirstNet float64
}

// Net is what the move gains less what it costs beyond keeping, one decimal (negative: it does
// not pay).
func (v *Verdict) Net() float64 { return round1(v.Gain - v.Margin()) }

// Margin is what the gain must exceed for the move to pay: the move's effort less what keeping
// today's part would cost (KeepMove).
func (v *Verdict) Margin() float64 { return v.Move.Effort - v.KeepMove.Effort }

// StackVerdict is the verdict on today's stack: which of today's parts the recommended stack
// keeps, which it moves and where, and what the moves gain and cost.
type StackVerdict struct {
	Verdict string
	// Keep is the best stack that holds every one of today's parts that is still ranked (the
	// categories without a part today filled as the search fills them); nil when no
	// compatible stack holds them.
	Keep *Stack
	// Kept are today's parts the recommended stack keeps, Moves the others, in category order.
	Kept  []*knowledge.Candidate
	Moves []StackMove
	// Gain is the recommended stack's score less Keep's; Cost what its moves cost (Stack.Cost).
	Gain, Cost float64
	// Close says the best stack and the runner-up on the other side of the verdict (today's
	// stack for a switch, the best move for a keep) are within scoring.migration.close net.
	Close bool
	// Apart are the compatibility rules by which today's parts do not work together (when no
	// stack holds them, Keep nil).
	Apart []StackEffect

	answers knowledge.Answers
}

// StackMove is one of today's parts the recommended stack replaces.
type StackMove struct {
	Category *knowledge.Category
	From     *knowledge.Candidate
	To       *Ranked
	Move     knowledge.Move
	// Forced says a need rules From out: its category excludes it (Excluded), or no
	// compatible stack holds today's parts together (Excluded nil).
	Forced   bool
	Excluded *Excluded
	// BundledBy is the part that brings To along (K3s brings containerd): the move costs
	// nothing of its own and has no steps of its own (Move.Effort 0, Move.Migration nil).
	BundledBy *knowledge.Candidate
}

// moveCosts is, for the answer current, today's part of each category and what a move from it
// to each candidate costs; nil for a green field (every method is then 0 or false).
type moveCosts struct {
	b       *knowledge.Base
	answers knowledge.Answers
	today   map[string]*knowledge.Candidate // by category id
	effort  map[*knowledge.Candidate]float64
}

func newMoveCosts(b *knowledge.Base, answers knowledge.Answers) *moveCosts {
	ids := answers[knowledge.QCurrent].List
	if len(ids) == 0 {
		return nil
	}
	m := &moveCosts{b: b, answers: answers, today: map[string]*knowledge.Candidate{}, effort: map[*knowledge.Candidate]float64{}}
	for _, id := range ids {
		if c := b.Candidate(id); c != nil {
			m.today[c.Category] = c
		}
	}
	for _, cat := range b.Categories {
		from := m.today[cat.ID]
		if from == nil {
			continue
		}
		for _, c := range cat.Candidates {
			m.effort[c] = b.Move(from, c, answers).Effort
		}
	}
	return m
}

// isCurrent tells today's part of its category.
func (m *moveCosts) isCurrent(c *knowledge.Candidate) bool {
	return m != nil && m.today[c.Category] == c
}

// of is what moving today's part of c's category to c costs (0: it is today's, or the
// category has no part today).
func (m *moveCosts) of(c *knowledge.Candidate) float64 {
	if m == nil {
		return 0
	}
	return m.effort[c]
}

// stackCost is what moving to st costs: each part's move weighted as the part counts, a part
// another part brings along (bundles) costing nothing of its own.
func (m *moveCosts) stackCost(st *Stack) float64 {
	if m == nil || st == nil {
		return 0
	}
	bundled := bundledIn(st.Effects)
	var sum, wsum float64
	for _, p := range st.Parts {
		w := p.Role.InStack()
		if !bundled[p.Candidate] {
			sum += float64(w * m.of(p.Candidate)) // no fused multiply-add (robust.go)
		}
		wsum += w
	}
	return sum / wsum
}

// bringsAlong tells a compatibility effect by which a part brings the other along: it bundles
// it (K3s's containerd) or requires it and installs it itself (Compat.Installs: OpenShift's
// nodes ship CRI-O). Moving to the other then costs nothing of its own. Requiring a part is
// not installing it: Quadlet needs Podman, and Docker → Podman is a move of its own.
func bringsAlong(e StackEffect) bool {
	return e.Fits && (e.Rule.Kind == knowledge.CompatBundles || e.Rule.Kind == knowledge.CompatRequires && e.Rule.Installs)
}

// bundledIn lists the candidates another part brings along (bringsAlong) among effects.
func bundledIn(effects []StackEffect) map[*knowledge.Candidate]bool {
	var out map[*knowledge.Candidate]bool
	for _, e := range effects {
		if bringsAlong(e) {
			if out == nil {
				out = map[*knowledge.Candidate]bool{}
			}
			out[e.Other] = true
		}
	}
	return out
}

// bundler is the part of st that brings c along (nil when none does).
func bundler(st *Stack, c *knowledge.Candidate) *knowledge.Candidate {
	for _, e := range st.Effects {
		if bringsAlong(e) && e.Other == c {
			return e.Candidate
		}
	}
	return nil
}

// todayStack works out the verdict on today's stack, and puts today's stack first when the
// search's best does not beat it once its moves are paid for.
func todayStack(sr *StackResult, cats []*CategoryResult, knobs *knowledge.StackKnobs) *StackVerdict {
	mc := sr.moves
	if mc == nil {
		return nil
	}
	v := &StackVerdict{answers: mc.answers}
	restricted := slices.Clone(cats)
	var forced []int // categories whose part today is excluded
	any := false
	for i, cr := range cats {
		today := mc.today[cr.Category.ID]
		if today == nil {
			continue
		}
		any = true
		at := slices.IndexFunc(cr.Ranking, func(r *Ranked) bool { return r.Candidate == today })
		if at < 0 {
			forced = append(forced, i)
			continue
		}
		only := *cr
		only.Ranking = []*Ranked{cr.Ranking[at]}
		restricted[i] = &only
	}
	if !any {
		return nil // today's parts are all in categories not ranked
	}
	var searched int
	if keep := searchStacks(restricted, sr.idx, sr.roles, mc, knobs.TopK, knobs.Beam, 1, &searched); len(keep) > 0 {
		v.Keep = keep[0]
	} else if keep := searchStacks(restricted, sr.idx, sr.roles, mc, math.MaxInt, knobs.Beam, 1, &searched); len(keep) > 0 {
		v.Keep = keep[0]
	}
	sr.Searched += searched
	if v.Keep == nil { // why today's parts cannot stay together
		var parts []*knowledge.Candidate
		for _, cr := range cats {
			if t := mc.today[cr.Category.ID]; t != nil && slices.ContainsFunc(cr.Ranking, func(r *Ranked) bool { return r.Candidate == t }) {
				parts = append(parts, t)
			}
		}
		for i, a := range parts {
			for _, c := range parts[i+1:] {
				_, out := sr.idx.pair(a, c, nil)
				v.Apart = append(v.Apart, out...)
			}
		}
	}
	// The beam may miss today's stack: it wins when nothing beats it net of the moves.
	if v.Keep != nil && len(forced) == 0 && v.Keep.Key() != sr.Best.Key() && v.Keep.Net() >= sr.Best.Net() {
		rest := []*Stack{sr.Best}
		for _, s := range sr.RunnersUp {
			if s.Key() != v.Keep.Key() {
				rest = append(rest, s)
			}
		}
		sr.Best, sr.RunnersUp = v.Keep, rest[:len(sr.RunnersUp)]
	}
	for i, cr := range cats {
		today := mc.today[cr.Category.ID]
		if today == nil {
			continue
		}
		part := sr.Best.Parts[i]
		if part.Candidate == today {
			v.Kept = append(v.Kept, today)
			continue
		}
		mv := StackMove{Category: cr.Category, From: today, To: part, Move: sr.moves.b.Move(today, part.Candidate, sr.moves.answers)}
		if by := bundler(sr.Best, part.Candidate); by != nil {
			mv.BundledBy = by
			mv.Move.Effort, mv.Move.Migration, mv.Move.IsFallback = 0, nil, false
		}
		if slices.Contains(forced, i) {
			mv.Forced = true
			mv.Excluded = excludedOf(cr, today)
		} else if v.Keep == nil {
			mv.Forced = true // no compatible stack holds today's parts together
		}
		v.Moves = append(v.Moves, mv)
	}
	v.Cost = sr.Best.Cost
	if v.Keep != nil {
		v.Gain = round1(sr.Best.Score - v.Keep.Score)
	}
	if k := mc.b.Scoring.Migration; k != nil && k.Close > 0 && v.Keep != nil {
		other := v.Keep // a switch: how far today's stack is behind
		if v.Keep.Key() == sr.Best.Key() && len(sr.RunnersUp) > 0 {
			other = sr.RunnersUp[0] // a keep: how far the best move is behind
		}
		if other != sr.Best && math.Abs(sr.Best.Net()-other.Net()) <= k.Close {
			v.Close = true
		}
	}
	switch {
	case len(v.Moves) == 0:
		v.Verdict = VerdictKeep
	case slices.ContainsFunc(v.Moves, func(m StackMove) bool { return m.Forced }):
		v.Verdict = VerdictMustSwitch
	default:
		v.Verdict = VerdictSwitch
	}
	return v
}

// excludedOf is the exclusion of c in cr (nil when cr does not exclude it).
func excludedOf(cr *CategoryResult, c *knowledge.Candidate) *Excluded {
	for _, ex := range cr.Excluded {
		if ex.Candidate == c {
			return ex
		}
	}
	return nil
}

// categoryVerdict is the verdict on today's part of cr's category on its own: must switch
// when the category excludes it; switch when the best move (the most score gained less its
// effort) gains more than it costs; keep otherwise. nil when no part of the category runs today.
func categoryVerdict(b *knowledge.Base, cr *CategoryResult, mc *moveCosts) *Verdict {
	if mc == nil {
		return nil
	}
	today := mc.today[cr.Category.ID]
	if today == nil {
		return nil
	}
	v := &Verdict{Today: today}
	for _, rk := range cr.Ranking {
		if rk.Candidate == today {
			v.Ranked = rk
		}
	}
	if v.Ranked == nil {
		v.Excluded = excludedOf(cr, today)
	}
	// The best target: the most score less the move's effort (the better rank on a tie).
	best, bestNet := (*Ranked)(nil), math.Inf(-1)
	for _, rk := range cr.Ranking {
		if rk.Candidate == today {
			continue
		}
		if n := rk.InStack() - mc.of(rk.Candidate); n > bestNet { // past the 100 cap, what it earned
			best, bestNet = rk, n
		}
	}
	// Keeping today's part may cost something too, under a need it meets only reconfigured.
	v.KeepMove = b.Move(today, today, mc.answers)
	switch {
	case v.Ranked == nil:
		v.Verdict, v.Target = VerdictMustSwitch, best
	case best != nil && bestNet > v.Ranked.InStack()-v.KeepMove.Effort:
		v.Verdict, v.Target = VerdictSwitch, best
	default:
		v.Verdict = VerdictKeep
		if v.Ranked.Rank > 1 {
			v.Target = cr.Ranking[0] // what it would gain, and what that costs
		}
	}
	if v.Verdict == VerdictSwitch && v.Target != cr.Ranking[0] && cr.Ranking[0] != v.Ranked {
		v.First = cr.Ranking[0]
		v.FirstNet = round1(v.First.InStack() - v.Ranked.InStack() - mc.of(v.First.Candidate) + v.KeepMove.Effort)
	}
	if v.Target != nil {
		v.Move = b.Move(today, v.Target.Candidate, mc.answers)
		if v.Ranked != nil {
			v.Gain = round1(v.Target.InStack() - v.Ranked.InStack())
			if k := b.Scoring.Migration; k != nil && k.Close > 0 && math.Abs(v.Gain-v.Margin()) <= k.Close {
				v.Close = true
			}
		}
	}
	return v
}

// stackCategoryVerdict is the verdict on today's part of a category the recommended stack
// holds: the stack's move decides, and ByStack says where it differs from the category's own.
func stackCategoryVerdict(b *knowledge.Base, cr *CategoryResult, sv *StackVerdict, alone *Verdict) *Verdict {
	if alone == nil || sv == nil {
		return alone
	}
	var mv *StackMove
	for i := range sv.Moves {
		if sv.Moves[i].Category == cr.Category {
			mv = &sv.Moves[i]
		}
	}
	if mv == nil { // the stack keeps it
		if alone.Verdict == VerdictKeep {
			return alone
		}
		v := *alone
		v.Verdict, v.ByStack = VerdictKeep, true
		return &v
	}
	v := *alone
	target := mv.To
	for _, rk := range cr.Ranking { // the target as this ranking scores it (in its role)
		if rk.Candidate == mv.To.Candidate {
			target = rk
		}
	}
	v.Target, v.Move, v.BundledBy = target, mv.Move, mv.BundledBy
	v.First, v.FirstNet = nil, 0
	if first := cr.Ranking[0]; v.Ranked != nil && first != target && first != v.Ranked && mv.BundledBy == nil {
		net := round1(first.InStack() - v.Ranked.InStack() - b.Move(v.Today, first.Candidate, sv.answers).Effort + v.KeepMove.Effort)
		if net < round1(target.InStack()-v.Ranked.InStack()-mv.Move.Effort+v.KeepMove.Effort) { // else the stack's swap line says why
			v.First, v.FirstNet = first, net
		}
	}
	v.Gain = 0
	if v.Ranked != nil {
		v.Gain = round1(target.InStack() - v.Ranked.InStack())
	}
	switch {
	case alone.Verdict == VerdictMustSwitch && alone.Excluded != nil && len(alone.Excluded.Rules) == 0 && !mv.Forced:
		// Out only beside a part the stack chose (Quadlet needs Podman): the move follows
		// that choice, no need of the answers forces it.
		v.Verdict, v.ByStack, v.Follows = VerdictSwitch, true, cr.GivenBy
		v.Excluded = nil
	case alone.Verdict == VerdictMustSwitch:
		v.Verdict = VerdictMustSwitch
	case mv.Forced:
		v.Verdict, v.ByStack = VerdictMustSwitch, true
	default:
		v.Verdict = VerdictSwitch
		v.ByStack = alone.Verdict != VerdictSwitch || alone.Target == nil || alone.Target.Candidate != target.Candidate
	}
	return &v
}

// VerdictIn is the verdict on today's part of cr's category on its own (nil when no part of it
// runs today): what `explain` shows beside a candidate.
func VerdictIn(b *knowledge.Base, cr *CategoryResult, answers knowledge.Answers) *Verdict {
	if cr == nil {
		return nil
	}
	return categoryVerdict(b, cr, newMoveCosts(b, answers))
}

// VerdictChange is how close a verdict is: the change of one criterion's weight (multiplied
// by Factor) after which the move to Target pays off where it did not, or stops paying.
type VerdictChange struct {
	Criterion *knowledge.Criterion
	Factor    float64
}

// verdictWhatIf finds, for a keep whose category's first is another part or a switch, the
// smallest change of one criterion's weight (within scoring.robustness.max_factor either way)
// after which the verdict turns: Target's score less today's crosses the move's effort. The
// crossing is exact (weights.go's crossing with the effort as a margin), rounded outward to the
// hundredth and checked by scoring the category again with that weight. nil when no criterion
// turns it within the bound, or for a must switch (no weight brings an excluded part back).
func verdictWhatIf(b *knowledge.Base, cr *CategoryResult, answers knowledge.Answers, v *Verdict) *VerdictChange {
	if v == nil || v.Ranked == nil || v.Target == nil || v.ByStack || v.BundledBy != nil || v.Follows != nil || b.Scoring.Robustness == nil {
		return nil
	}
	maxF := b.Scoring.Robustness.MaxFactor
	var best *VerdictChange
	for i, c := range cr.Category.Criteria {
		if v.Target.Breakdown[i].Weight == 0 {
			continue
		}
		f, ok := crossingAt(v.Target, v.Ranked, i, v.Margin())
		if !ok || f <= 0 || f == 1 || f > maxF || f < 1/maxF {
			continue
		}
		// Rounded outward (away from 1) to the hundredth, then checked.
		k := math.Ceil(f*gridSteps) / gridSteps
		if f < 1 {
			k = math.Floor(f*gridSteps) / gridSteps
		}
		if k <= 0 || !turns(b, cr, answers, v, i, k) {
			continue
		}
		if best == nil || distance(k) < distance(best.Factor) {
			best = &VerdictChange{Criterion: c, Factor: k}
		}
	}
	return best
}

// turns reports whether, with criterion i's weight multiplied by k, the move's gain crosses its
// effort the other way than it does now.
func turns(b *knowledge.Base, cr *CategoryResult, answers knowledge.Answers, v *Verdict, i int, k float64) bool {
	mul := make([]float64, len(cr.Category.Criteria))
	for j := range mul {
		mul[j] = 1
	}
	mul[i] = k
	alt := scoreWeighted(b, cr.Category, answers, "", mul, cr.Role)
	var t, today *Ranked
	for _, rk := range alt.Ranking {
		switch rk.Candidate {
		case v.Target.Candidate:
			t = rk
		case v.Today:
			today = rk
		}
	}
	if t == nil || today == nil {
		return false
	}
	pays := t.InStack()-today.InStack() > v.Margin()
	return pays != (v.Verdict == VerdictSwitch)
}

// Decision is the category's answer: with a part running today, what its verdict keeps or
// moves to (today's part, or the move's target); otherwise the first. nil when none is ranked.
// A category's decision record is about this.
func (cr *CategoryResult) Decision() *Ranked {
	if v := cr.Today; v != nil {
		switch {
		case v.Verdict == VerdictKeep && v.Ranked != nil:
			return v.Ranked
		case v.Verdict != VerdictKeep && v.Target != nil:
			return v.Target
		}
	}
	if len(cr.Ranking) > 0 {
		return cr.Ranking[0]
	}
	return nil
}
