package engine

import (
	"math"
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Sensitivity is a single-answer change that gives a category a different top pick.
type Sensitivity struct {
	Change
	Top *knowledge.Candidate
	// Through, for an int question, is the last answer of the run that starts at Value and
	// gives the same Top (every answer in between does: the rules only change at the
	// thresholds tried). nil: Value alone. math.MaxInt: Value and every answer above it.
	Through *int
}

// probe is one alternative tried: the top pick it gives, or nil when the pick stays.
type probe struct {
	ch  Change
	top *knowledge.Candidate
}

// WhatIf adds to each category of res every single-answer change (see Alternatives) after
// which the category's top pick differs, in question order. A change that leaves the category
// without candidates, or drops it, is not listed (explain shows exclusions). For a whole-number
// question, neighbouring answers with the same outcome are listed once, as a range. given are
// the answers as given: defaults that follow from other answers are resolved after each change.
func WhatIf(b *knowledge.Base, given knowledge.Answers, res *Result) map[string][]Sensitivity {
	tops := map[string]*knowledge.Candidate{}
	for _, cr := range res.Categories {
		if len(cr.Ranking) > 0 {
			tops[cr.Category.ID] = cr.Ranking[0].Candidate
		}
	}
	relevant := map[string]map[string]bool{}
	for _, cr := range res.Categories {
		relevant[cr.Category.ID] = cr.Category.Questions()
	}
	probes := map[string][]probe{}
	for _, ch := range Alternatives(b, res.Answers) {
		if ch.Question.ID == knowledge.QCategories {
			continue // adding or removing a category changes no category's pick
		}
		next, err := b.Resolve(With(given, ch))
		if err != nil {
			continue
		}
		for _, cr := range res.Categories {
			if !slices.Contains(next[knowledge.QCategories].List, cr.Category.ID) {
				continue
			}
			if !relevant[cr.Category.ID][ch.Question.ID] {
				continue // nothing in this category looks at the question
			}
			pr := probe{ch: ch}
			if alt := scoreWeighted(b, cr.Category, next, "", nil, cr.Role); len(alt.Ranking) > 0 && alt.Ranking[0].Candidate != tops[cr.Category.ID] {
				pr.top = alt.Ranking[0].Candidate
			}
			probes[cr.Category.ID] = append(probes[cr.Category.ID], pr)
		}
	}
	out := map[string][]Sensitivity{}
	for cat, list := range probes {
		if s := collapse(list, res.Answers); len(s) > 0 {
			out[cat] = s
		}
	}
	return out
}

// collapse turns the probes of one category into its list. A probe of a whole-number
// question opens a run that the next probes of the same question with the same top extend;
// a probe with another outcome, or the current answer, ends it just before itself. A run
// still open when the question's probes end goes on to the question's max (or without end).
func collapse(list []probe, current knowledge.Answers) []Sensitivity {
	var out []Sensitivity
	open := -1 // index into out of the open run
	endBefore := func(at int) {
		if open >= 0 && at-1 > out[open].Value.Int {
			last := at - 1
			out[open].Through = &last
		}
		open = -1
	}
	endOfQuestion := func() {
		if open < 0 {
			return
		}
		last := math.MaxInt
		if q := out[open].Question; q.Max != nil {
			last = *q.Max
		}
		if last > out[open].Value.Int {
			out[open].Through = &last
		}
		open = -1
	}
	for _, pr := range list {
		q := pr.ch.Question
		isInt := q.Type == knowledge.TypeInt
		if open >= 0 && out[open].Question != q {
			endOfQuestion()
		}
		if !isInt {
			if pr.top != nil {
				out = append(out, Sensitivity{Change: pr.ch, Top: pr.top})
			}
			continue
		}
		v := pr.ch.Value.Int
		if open >= 0 {
			if cur := current[q.ID].Int; cur > out[open].Value.Int && cur < v {
				endBefore(cur) // the current answer lies between: the run stops before it
			}
		}
		switch {
		case pr.top == nil:
			endBefore(v)
		case open >= 0 && out[open].Top == pr.top:
			// the same outcome: the run goes on
		default:
			endBefore(v)
			out = append(out, Sensitivity{Change: pr.ch, Top: pr.top})
			open = len(out) - 1
		}
	}
	endOfQuestion()
	return out
}

// StackChange is a single-answer change after which the recommended stack differs: Stack is
// the new best stack, or nil when no compatible stack is left.
type StackChange struct {
	Change
	Stack *Stack
}

// StackWhatIf lists, in question order, every single-answer change (see Alternatives; the
// categories question left out) after which the recommended stack of res differs. A run of
// whole-number answers with the same outcome is listed once, at its first answer.
func StackWhatIf(b *knowledge.Base, given knowledge.Answers, res *Result) []StackChange {
	if res.Stack == nil || res.Stack.Best == nil {
		return nil
	}
	current := res.Stack.Best.Key()
	var out []StackChange
	last := map[string]string{} // per int question, the outcome of its previous probe
	for _, ch := range Alternatives(b, res.Answers) {
		if ch.Question.ID == knowledge.QCategories {
			continue
		}
		next, err := b.Resolve(With(given, ch))
		if err != nil {
			continue
		}
		alt := Recommend(b, next)
		key, st := "", (*Stack)(nil)
		if alt.Stack != nil && alt.Stack.Best != nil {
			st, key = alt.Stack.Best, alt.Stack.Best.Key()
		}
		if alt.Stack == nil || key == current {
			last[ch.Question.ID] = current
			continue
		}
		if ch.Question.Type == knowledge.TypeInt {
			if prev, ok := last[ch.Question.ID]; ok && prev == key {
				continue
			}
			last[ch.Question.ID] = key
		}
		out = append(out, StackChange{Change: ch, Stack: st})
	}
	return out
}
