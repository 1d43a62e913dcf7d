package knowledge

import (
	"math"
	"slices"
	"strings"
)

// The consistency pass runs once every file is valid on its own. It finds what no single key
// shows: questions whose show_when or default_add depend on each other in a cycle, and
// conditions that contradict themselves, so the rule, the show_when or the default_add they
// guard could never apply (for example {kvm: none, any_of: [{kvm: full}]}, or a multi
// question asked to have three values when it allows two).

// satBudget bounds the work of checking one condition: the terms copied into its any_of
// branches and the terms evaluated against candidate answers. Beyond it the condition is
// taken as satisfiable rather than spending unbounded time and memory on a hostile file.
const satBudget = 1 << 20

func (v *validator) consistencyPass() {
	order := v.questionCycles()
	if order != nil {
		v.b.defaultAddOrder = order
	}
	for _, t := range v.b.Topics {
		if t.ShowWhen != nil && !v.b.satisfiable(t.ShowWhen) {
			v.add(t.ShowWhen.Pos, "the show_when of topic %q contradicts itself: no answers meet it, so its questions are never asked", t.ID)
		}
	}
	for _, q := range v.b.Questions {
		if q.ShowWhen != nil && !v.b.satisfiable(q.ShowWhen) {
			v.add(q.ShowWhen.Pos, "the show_when of question %q contradicts itself: no answers meet it, so the question is never asked", q.ID)
		}
		for _, da := range q.DefaultAdd {
			if !v.b.satisfiable(&da.When) {
				v.add(da.Pos, "a default_add of %q contradicts itself: no answers meet its condition, so it never adds %s", q.ID, strings.Join(da.Add, ", "))
			}
		}
	}
	for _, cat := range v.b.Categories {
		for _, r := range cat.Rules {
			if !v.b.satisfiable(&r.When) {
				v.add(r.When.Pos, "rule %q can never apply: its condition contradicts itself, no answers meet it", r.ID)
			}
		}
	}
}

// dependsOn lists the questions whose answers decide whether q is asked or what its default
// is: the terms of its show_when, of its topic's show_when and of its default_add conditions.
func (b *Base) dependsOn(q *Question) []string {
	var deps []string
	add := func(c *Condition) {
		for _, k := range c.keys(nil) {
			if !slices.Contains(deps, k) {
				deps = append(deps, k)
			}
		}
	}
	if q.ShowWhen != nil {
		add(q.ShowWhen)
	}
	for _, t := range b.Topics {
		if t.ID == q.Topic && t.ShowWhen != nil {
			add(t.ShowWhen)
		}
	}
	for _, da := range q.DefaultAdd {
		add(&da.When)
	}
	return deps
}

// keys appends the question ids a condition names, at any depth.
func (c *Condition) keys(out []string) []string {
	if c == nil {
		return out
	}
	for _, t := range c.Terms {
		out = append(out, t.Key)
	}
	for _, sub := range c.AnyOf {
		out = sub.keys(out)
	}
	return out
}

// questionCycles reports each cycle among the questions' dependencies once, and returns the
// questions with a default_add in an order where each comes after those it depends on (nil
// when there is a cycle).
func (v *validator) questionCycles() []*Question {
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var order []*Question
	var stack []string
	cyclic := false
	var visit func(q *Question)
	visit = func(q *Question) {
		state[q.ID] = active
		stack = append(stack, q.ID)
		for _, id := range v.b.dependsOn(q) {
			dep := v.b.questions[id]
			if dep == nil {
				continue
			}
			switch state[id] {
			case active:
				cyclic = true
				cycle := append(slices.Clone(stack[slices.Index(stack, id):]), id)
				v.add(dep.Pos, "questions depend on each other in a cycle: %s (through show_when, a topic's show_when or default_add); a question cannot depend on its own answer", strings.Join(cycle, " → "))
			case unseen:
				visit(dep)
			}
		}
		stack = stack[:len(stack)-1]
		state[q.ID] = done
		if len(q.DefaultAdd) > 0 {
			order = append(order, q)
		}
	}
	for _, q := range v.b.Questions {
		if state[q.ID] == unseen {
			visit(q)
		}
	}
	if cyclic {
		return nil
	}
	return order
}

// satisfiable reports whether some complete set of answers meets the condition. Terms on
// different questions are independent, so the condition is expanded into its any_of branches
// and each branch is checked question by question over that question's possible answers.
func (b *Base) satisfiable(c *Condition) bool {
	budget := satBudget
	branches, ok := c.branches(nil, &budget)
	if !ok {
		return true // too much to check; see satBudget
	}
	for _, terms := range branches {
		if b.branchSatisfiable(terms, &budget) {
			return true
		}
		if budget < 0 {
			return true
		}
	}
	return false
}

// branches expands the condition into a disjunction of conjunctions of terms, each prefixed by
// the terms of the enclosing conditions. Every term copied is taken from budget; ok is false
// once it is spent.
func (c *Condition) branches(prefix []*Term, budget *int) (out [][]*Term, ok bool) {
	*budget -= len(prefix) + len(c.Terms) + 1
	if *budget < 0 {
		return nil, false
	}
	terms := append(slices.Clone(prefix), c.Terms...)
	if len(c.AnyOf) == 0 {
		return [][]*Term{terms}, true
	}
	for _, sub := range c.AnyOf {
		more, ok := sub.branches(terms, budget)
		if !ok {
			return nil, false
		}
		out = append(out, more...)
	}
	return out, true
}

// branchSatisfiable reports whether one conjunction of terms can hold; when the budget runs
// out it answers true (not known to be contradictory).
func (b *Base) branchSatisfiable(terms []*Term, budget *int) bool {
	byKey := map[string][]*Term{}
	var keys []string
	for _, t := range terms {
		if t.op == "" {
			continue // not compiled: reported elsewhere
		}
		if _, ok := byKey[t.Key]; !ok {
			keys = append(keys, t.Key)
		}
		byKey[t.Key] = append(byKey[t.Key], t)
	}
	for _, k := range keys {
		q := b.questions[k]
		if q != nil && !q.satisfiable(byKey[k], budget) {
			return false
		}
	}
	return true
}

// satisfiable reports whether some allowed answer to q meets every term (true when the
// budget runs out).
func (q *Question) satisfiable(terms []*Term, budget *int) bool {
	all := func(v Value) bool {
		*budget -= len(terms)
		if *budget < 0 {
			return true
		}
		for _, t := range terms {
			if !t.matchAnswer(v) {
				return false
			}
		}
		return true
	}
	switch q.Type {
	case TypeBool:
		return all(Value{Type: TypeBool, Bool: true}) || all(Value{Type: TypeBool, Bool: false})
	case TypeOne:
		for _, c := range q.Values {
			if all(Value{Type: TypeOne, Str: c.ID}) {
				return true
			}
		}
		return false
	case TypeInt:
		for _, n := range q.intProbes(terms) {
			if all(Value{Type: TypeInt, Int: n}) {
				return true
			}
		}
		return false
	case TypeMulti:
		return q.multiSatisfiable(terms, all)
	}
	return true
}

// intProbes are the whole numbers where the terms can change truth value: each threshold, its
// neighbours and the question's bounds. Between two probes every term is constant, so if no
// probe meets the terms, no number does.
// Answers are Go ints (strconv.Atoi), so without a min or max they range over all of int.
func (q *Question) intProbes(terms []*Term) []int {
	lo, hi := math.MinInt, math.MaxInt
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	}
	probes := []int{lo, hi}
	add := func(p int, d int) { // p+d for d in -1..1, when it stays in [lo, hi] (so cannot overflow)
		if (d < 0 && p <= lo) || (d > 0 && p >= hi) {
			return
		}
		probes = append(probes, p+d)
	}
	for _, t := range terms {
		for _, f := range t.nums {
			// Thresholds beyond the range hold or fail alike for every answer: lo and hi
			// stand for them. (±2^63 is where a float64 stops converting to an int.)
			if math.IsNaN(f) || f < float64(lo) || f > float64(hi) || math.Abs(f) >= 1<<63 {
				continue
			}
			fl, ce := int(math.Floor(f)), int(math.Ceil(f))
			for _, p := range []int{fl, ce} {
				if p >= lo && p <= hi {
					add(p, -1)
					add(p, 0)
					add(p, 1)
				}
			}
		}
	}
	return probes
}

// multiSatisfiable tries every choice of the values the terms name, with and without some
// other value, within the question's min and max count.
func (q *Question) multiSatisfiable(terms []*Term, all func(Value) bool) bool {
	var named []string
	for _, t := range terms {
		for _, s := range t.strs {
			if q.Choice(s) != nil && !slices.Contains(named, s) {
				named = append(named, s)
			}
		}
	}
	if len(named) > 16 {
		return true // 2^16 subsets is the most we try
	}
	others := len(q.Values) - len(named)
	lo, hi := 0, len(q.Values)
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	}
	const other = "\x00other" // stands for any value the terms do not name
	for mask := 0; mask < 1<<len(named); mask++ {
		var list []string
		for i, s := range named {
			if mask&(1<<i) != 0 {
				list = append(list, s)
			}
		}
		for extra := 0; extra <= min(others, 1); extra++ {
			// With some other value chosen, the count can be anything from len+1 to len+others.
			least, most := len(list), len(list)
			if extra == 1 {
				least, most = len(list)+1, len(list)+others
			}
			if most < lo || least > hi {
				continue
			}
			v := Value{Type: TypeMulti, List: list}
			if extra == 1 {
				v.List = append(slices.Clone(list), other)
			}
			if all(v) {
				return true
			}
		}
	}
	return false
}
