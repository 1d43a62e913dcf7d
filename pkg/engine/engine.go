// Package engine scores the candidates of each requested category for a set of answers. It
// is pure: answers and a knowledge base in, a result out; no I/O and no terminal. Every
// number it uses comes from the knowledge base (weights, boosts, limits, rule points).
package engine

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Result is the outcome of one recommendation.
type Result struct {
	Answers    knowledge.Answers
	Categories []*CategoryResult
	// Stack is the answer across categories when two or more are ranked (nil otherwise).
	Stack *StackResult
}

// Empty lists the requested categories with no candidate left after exclusions.
func (r *Result) Empty() []string {
	var ids []string
	for _, c := range r.Categories {
		if len(c.Ranking) == 0 {
			ids = append(ids, c.Category.ID)
		}
	}
	return ids
}

// CategoryResult ranks one category.
type CategoryResult struct {
	Category *knowledge.Category
	Ranking  []*Ranked   // best first
	Excluded []*Excluded // in the category's candidate order
	// Fired lists, in rule order, every rule whose condition held and that touched a candidate.
	Fired []*knowledge.Rule
	// Reweighted lists, in criterion order, the reweights whose condition held.
	Reweighted []Reweighted
	// Role is the role the category was scored in (a stack's part), nil on its own.
	Role *knowledge.Role
	// NotApplied lists the chosen priorities the category gives no say (no criterion raises
	// them, no rule names them): they change nothing here.
	NotApplied []string
	// Alone is the category ranked on its own, when this result ranks it in the role the
	// recommended stack gives it (Role, given by GivenBy); nil otherwise.
	Alone   *CategoryResult
	GivenBy *knowledge.Candidate

	// Today is the verdict on today's part of the category (the answer current; nil when
	// none runs today).
	Today *Verdict

	// The analyses Analyse attaches (nil until it runs): how often the pick stays first as
	// weights and values vary, and (with its WhatIf) the answer and weight changes that change
	// the pick.
	Robustness   *Robustness
	WhatIf       []Sensitivity
	WeightWhatIf []WeightChange
}

// Reweighted is a criterion whose weight an answer changed, and the reweight that did.
type Reweighted struct {
	Criterion *knowledge.Criterion
	*knowledge.Reweight
}

// Part is one criterion's share of a score.
type Part struct {
	Criterion *knowledge.Criterion
	Value     *knowledge.AttrValue
	Weight    float64 // normalised: the weights of a category add up to 1
	Norm      float64 // the attribute normalised to 0..1, after the trust of its grade
	Points    float64 // 100 × Weight × Norm
	Boosted   bool    // a chosen priority raised this criterion's weight
	// Paid: the candidate runs today and the criterion measures what it has already paid for
	// (Criterion.Paid): it counts at its best (Plain and Norm 1).
	Paid bool
	// Trust is the factor of the value's evidence grade (scoring.trust): above neutral, Norm is
	// neutral + Trust × (Plain − neutral), Plain being the value normalised as it is; at or
	// below neutral Norm is Plain.
	Trust float64
	Plain float64
}

// Weak tells a part whose value rests on evidence below third-party (report-only,
// unverified): it counts less, and the report says so beside the candidate.
func (p Part) Weak() bool { return p.Value != nil && knowledge.Weak(p.Value.Grade) }

// Effect is an adjust rule applied to a candidate.
type Effect struct {
	Rule   *knowledge.Rule
	Points float64 // the rule's points, a bonus times its Trust
	// Trust is how much of a bonus resting on weak evidence counts (Rule.Grade); 1 otherwise.
	Trust float64
}

// Weak tells a bonus that rests on evidence below third-party and counts only part way.
func (e Effect) Weak() bool { return e.Trust < 1 }

// Ranked is a candidate that survived the exclusions, with its score and why.
type Ranked struct {
	Candidate *knowledge.Candidate
	Rank      int
	Score     float64 // 0..100, one decimal
	// Raw is Base + Adjust before the score is clamped to 0..100: it orders candidates the
	// clamp would tie (two at 100 are not equal just because neither shows more).
	Raw         float64
	Base        float64 // sum of the criteria points
	Adjust      float64 // sum of the adjustments, clamped to ±max_adjust
	Breakdown   []Part
	Adjustments []Effect             // in rule order
	Caveats     []*knowledge.Rule    // caveat rules, in rule order
	Contexts    []*knowledge.Context // the candidate's contexts the answers put it in (AttrIn)
	// Owned are the buying rules (Rule.Buying) that would exclude the candidate, which runs
	// today and is owned already: it stays, and the report says to buy no more.
	Owned     []*knowledge.Rule
	Strengths []Part // criteria at or above the strength threshold, most points first
	// Role is the role a stack gives the candidate, when it was scored in it (nil: on its
	// own); Alone and AloneRank are then its score and rank on its own.
	Role      *knowledge.Role
	Alone     float64
	AloneRank int
}

// Excluded is a candidate removed by one or more rules.
type Excluded struct {
	Candidate *knowledge.Candidate
	Rules     []*knowledge.Rule
	// Compat lists, for a category ranked in the role a stack's part gives it, the
	// compatibility rules that rule the candidate out beside that part (Podman as the host
	// engine of Docker Swarm).
	Compat []*knowledge.Compat
}

// Run resolves the given answers (filling defaults) and recommends. A score that is not
// finite is a *NotFiniteError (see CheckFinite).
func Run(b *knowledge.Base, given knowledge.Answers) (*Result, error) {
	answers, err := b.Resolve(given)
	if err != nil {
		return nil, err
	}
	res := Recommend(b, answers)
	if err := checkResult(res); err != nil {
		return nil, err
	}
	return res, nil
}

// Recommend scores every requested category. answers must be resolved (see Base.Resolve).
func Recommend(b *knowledge.Base, answers knowledge.Answers) *Result {
	res := &Result{Answers: answers}
	requested := answers[knowledge.QCategories].List
	for _, cat := range b.Categories {
		if slices.Contains(requested, cat.ID) {
			res.Categories = append(res.Categories, scoreCategory(b, cat, answers, ""))
		}
	}
	res.Stack = RecommendStack(b, res)
	// A category whose part the recommended stack gives a role is ranked in that role (the
	// engine as K3s's node runtime); its ranking on its own stays beside it (Alone). Asked
	// alone, a category is ranked on its own.
	if res.Stack != nil && res.Stack.Best != nil {
		for i, cr := range res.Categories {
			if in := res.Stack.inRole(res.Stack.Best, cr.Category.ID); in != nil {
				in.Alone = cr
				res.Categories[i] = in
			}
		}
	}
	// Today's parts: each category's verdict, the stack's move deciding where it holds one.
	mc := newMoveCosts(b, answers)
	for i, cr := range res.Categories {
		v := categoryVerdict(b, cr, mc)
		if v == nil {
			continue
		}
		if res.Stack != nil && res.Stack.Best != nil && res.Stack.Best.Part(cr.Category.ID) != nil {
			v = stackCategoryVerdict(b, cr, res.Stack.Today, v)
		}
		if cr.Today == nil && cr == res.Categories[i] {
			c := *cr // a role's ranking is shared: the verdict goes on this category's copy
			c.Today = v
			res.Categories[i] = &c
		}
	}
	return res
}

// scoreCategory ranks a category. A candidate named by unexcluded is scored even when rules
// exclude it (the rules are still listed), so its score can be explained.
func scoreCategory(b *knowledge.Base, cat *knowledge.Category, answers knowledge.Answers, unexcluded string) *CategoryResult {
	return scoreWeighted(b, cat, answers, unexcluded, nil, nil)
}

// scoreRole ranks a category in a role a stack gives it: the role's weights, and the rules
// that apply in it (knowledge.Role).
func scoreRole(b *knowledge.Base, cat *knowledge.Category, answers knowledge.Answers, role *knowledge.Role) *CategoryResult {
	return scoreWeighted(b, cat, answers, "", nil, role)
}

// scoreWeighted is scoreCategory with each criterion's weight multiplied by mul (nil: by 1)
// before the weights are normalised: the weight what-if tries such changes.
func scoreWeighted(b *knowledge.Base, cat *knowledge.Category, answers knowledge.Answers, unexcluded string, mul []float64, role *knowledge.Role) *CategoryResult {
	cr := &CategoryResult{Category: cat, Role: role}
	priorities := answers[knowledge.QPriorities].List
	for _, p := range priorities {
		if !cat.PriorityNamed(p) {
			cr.NotApplied = append(cr.NotApplied, p)
		}
	}
	sc := b.Scoring

	// Effective weights: boosted by chosen priorities, then normalised.
	weights := make([]float64, len(cat.Criteria))
	boosted := make([]bool, len(cat.Criteria))
	var total float64
	for i, c := range cat.Criteria {
		weights[i] = c.Weight
		if w, ok := role.Weight(c.ID); ok {
			weights[i] = w
		}
		for _, p := range c.Priorities {
			if slices.Contains(priorities, p) {
				weights[i] *= sc.PriorityBoost
				boosted[i] = true
				break
			}
		}
		for _, rw := range c.Reweight {
			if rw.When.Holds(answers) {
				weights[i] *= rw.Factor
				cr.Reweighted = append(cr.Reweighted, Reweighted{Criterion: c, Reweight: rw})
			}
		}
		if mul != nil {
			weights[i] *= mul[i]
		}
		total += weights[i]
	}
	for i := range weights {
		weights[i] /= total
	}

	active := make([]*knowledge.Rule, 0, len(cat.Rules))
	for _, r := range cat.Rules {
		if r.AppliesIn(role) && r.When.Holds(answers) {
			active = append(active, r)
		}
	}
	fired := make([]bool, len(active)) // by index into active
	// Each target's {answer: …} operands, resolved once rather than per candidate.
	matchers := make([]knowledge.Matcher, len(active))
	for i, r := range active {
		matchers[i] = r.Target.Bind(answers)
	}
	// The numeric range of each criterion, computed once: per candidate it would make scoring
	// quadratic in the number of candidates.
	ranges := make([][2]float64, len(cat.Criteria))
	for i, c := range cat.Criteria {
		ranges[i][0], ranges[i][1] = numericRange(cat, c.Attr)
	}

	var hits []int // indexes into active of the rules matching one candidate; reused
	// The candidates' results and their breakdowns come from one allocation each per category
	// rather than one per candidate (the capacities are fixed: no append moves them).
	nCand, nCrit := len(cat.Candidates), len(cat.Criteria)
	rankedBuf := make([]Ranked, 0, nCand)
	partBuf := make([]Part, nCand*nCrit)
	cr.Ranking = make([]*Ranked, 0, nCand)
	today := answers[knowledge.QCurrent].List
	for ci, cand := range cat.Candidates {
		isToday := len(today) > 0 && slices.Contains(today, cand.ID)
		var excludedBy, owned []*knowledge.Rule
		for ri, r := range active {
			if r.Effect == knowledge.EffectExclude && matchers[ri].Excludes(cand) {
				fired[ri] = true
				if r.Buying && isToday {
					owned = append(owned, r) // owned already: buy no more
					continue
				}
				excludedBy = append(excludedBy, r)
			}
		}
		if len(excludedBy) > 0 && cand.ID != unexcluded {
			cr.Excluded = append(cr.Excluded, &Excluded{Candidate: cand, Rules: excludedBy})
			continue
		}
		rankedBuf = append(rankedBuf, Ranked{Candidate: cand, Breakdown: partBuf[ci*nCrit : ci*nCrit : (ci+1)*nCrit], Role: role, Contexts: cand.ContextsIn(answers)})
		rk := &rankedBuf[len(rankedBuf)-1]
		rk.Owned = owned
		for i, c := range cat.Criteria {
			av := cand.AttrIn(c.Attribute, answers) // in the setting the answers name (contexts)
			plain := normalise(c.Attr, av, ranges[i])
			if av != nil && av.Unknown {
				plain = sc.Neutral // no source gives it: neither for nor against
			}
			trust := 1.0 // a value without a grade is one no criterion scores
			if av != nil {
				if t, ok := sc.Trust[av.Grade]; ok {
					trust = t
				}
			}
			// A weak figure may not help a candidate more than its trust allows; one that counts
			// against it stays as it is (shrinking it would reward the lack of evidence).
			norm := plain
			if plain > sc.Neutral {
				norm = sc.Neutral + float64(trust*(plain-sc.Neutral)) // rounded before the add: no fused multiply-add (robust.go)
			}
			paid := isToday && c.Paid != nil
			if paid { // what today's part took is behind it: it counts at its best
				plain, norm = 1, 1
			}
			p := Part{Criterion: c, Value: av, Weight: weights[i], Norm: norm, Points: 100 * weights[i] * norm, Boosted: boosted[i], Trust: trust, Plain: plain, Paid: paid}
			rk.Breakdown = append(rk.Breakdown, p)
			rk.Base += p.Points
		}
		// Matching rules are gathered first so each list is allocated once, at its size: with
		// many rules, growing them append by append was a large share of the time.
		hits = hits[:0]
		nCaveats := 0
		for ri, r := range active {
			if r.Effect == knowledge.EffectExclude || !matchers[ri].Matches(cand) {
				continue
			}
			fired[ri] = true
			hits = append(hits, ri)
			if r.Effect == knowledge.EffectCaveat {
				nCaveats++
			}
		}
		if nCaveats > 0 {
			rk.Caveats = make([]*knowledge.Rule, 0, nCaveats)
		}
		if len(hits) > nCaveats {
			rk.Adjustments = make([]Effect, 0, len(hits)-nCaveats)
		}
		var adj float64
		for _, ri := range hits {
			r := active[ri]
			if r.Effect == knowledge.EffectCaveat {
				rk.Caveats = append(rk.Caveats, r)
				continue
			}
			// Like a weak figure, a bonus resting on weak evidence counts only its trust; a
			// penalty counts in full.
			pts, trust := r.Points, 1.0
			if t, ok := sc.Trust[r.Grade]; ok && pts > 0 && t < 1 {
				pts, trust = r.Points*t, t
			}
			rk.Adjustments = append(rk.Adjustments, Effect{Rule: r, Points: pts, Trust: trust})
			adj += pts
		}
		rk.Adjust = math.Max(-sc.MaxAdjust, math.Min(sc.MaxAdjust, adj))
		rk.Raw = rk.Base + rk.Adjust
		rk.Score = round1(math.Max(0, math.Min(100, rk.Raw)))
		// A criterion that does not count here (a need nobody asked for) is no strength.
		strong := func(p Part) bool { return p.Weight > 0 && p.Norm >= sc.StrengthThreshold }
		nStrong := 0
		for _, p := range rk.Breakdown {
			if strong(p) {
				nStrong++
			}
		}
		if nStrong > 0 {
			rk.Strengths = make([]Part, 0, nStrong)
			for _, p := range rk.Breakdown {
				if strong(p) {
					rk.Strengths = append(rk.Strengths, p)
				}
			}
			slices.SortStableFunc(rk.Strengths, func(a, b Part) int { return cmp.Compare(b.Points, a.Points) })
		}
		cr.Ranking = append(cr.Ranking, rk)
	}
	slices.SortStableFunc(cr.Ranking, func(a, b *Ranked) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		if a.Score == 100 && a.Raw != b.Raw { // the clamp tied them; what is over 100 still counts
			return cmp.Compare(b.Raw, a.Raw)
		}
		return strings.Compare(a.Candidate.ID, b.Candidate.ID)
	})
	for i, rk := range cr.Ranking {
		rk.Rank = i + 1
	}
	nFired := 0
	for _, f := range fired {
		if f {
			nFired++
		}
	}
	cr.Fired = make([]*knowledge.Rule, 0, nFired)
	for ri, r := range active { // active keeps the rules' order
		if fired[ri] {
			cr.Fired = append(cr.Fired, r)
		}
	}
	return cr
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// normalise maps an attribute value to 0..1, 1 being best.
func normalise(a *knowledge.Attribute, v *knowledge.AttrValue, rng [2]float64) float64 {
	if v == nil {
		return 0
	}
	var n float64
	switch a.Type {
	case knowledge.AttrBool:
		if (v.Bool && a.Better == "true") || (!v.Bool && a.Better == "false") {
			return 1
		}
		return 0
	case knowledge.AttrEnum:
		return a.Scores[v.Str]
	case knowledge.AttrLevel, knowledge.AttrNumber:
		lo, hi := rng[0], rng[1]
		x := math.Max(lo, math.Min(hi, v.Num))
		switch {
		case hi == lo:
			n = 1
		case a.Scale == "log":
			lo = math.Max(lo, math.SmallestNonzeroFloat64)
			x = math.Max(x, lo)
			n = (math.Log(x) - math.Log(lo)) / (math.Log(hi) - math.Log(lo))
		default:
			n = (x - lo) / (hi - lo)
		}
		if a.Better == "lower" {
			n = 1 - n
		}
		return n
	}
	return 0
}

// numericRange is the declared range, or the smallest and largest value among the category's
// candidates.
func numericRange(cat *knowledge.Category, a *knowledge.Attribute) (float64, float64) {
	if a == nil || (a.Type != knowledge.AttrLevel && a.Type != knowledge.AttrNumber) {
		return 0, 0
	}
	if len(a.Range) == 2 {
		return a.Range[0], a.Range[1]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range cat.Candidates {
		if v := c.Attr(a.Name); v != nil && !v.Unknown {
			lo, hi = math.Min(lo, v.Num), math.Max(hi, v.Num)
		}
	}
	if math.IsInf(lo, 0) {
		return 0, 0
	}
	return lo, hi
}

// InStack is what the candidate brings to a stack's score: its score, or, at the 100 cap,
// what it earned past it (Raw). Two parts at 100 are not equal in a stack any more than in
// their category: an orchestrator that earns 112 at a regulated site is not tied with one
// that earns 101 just because both show 100.
func (r *Ranked) InStack() float64 {
	if r.Score >= 100 && r.Raw > r.Score {
		return r.Raw
	}
	return r.Score
}
