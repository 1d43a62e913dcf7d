package engine

import (
	"fmt"
	"math"
)

// NotFiniteError says that a score the engine computed is NaN or infinite. Validated rule
// files cannot cause one (every number has a bounded range, see rules/README.md "Number
// ranges"), so it is a bug: the command line reports it as an internal error rather than
// print a report with NaN in it.
type NotFiniteError struct {
	// What names the number: "gpu: nvidia-h100's score", "the best stack's score", …
	What  string
	Value float64
}

func (e *NotFiniteError) Error() string {
	return fmt.Sprintf("a computed score is not finite (%s is %v)", e.What, e.Value)
}

// finiteChecker records the first number that is not finite.
type finiteChecker struct{ err *NotFiniteError }

func (c *finiteChecker) check(v float64, what func() string) {
	if c.err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		c.err = &NotFiniteError{What: what(), Value: v}
	}
}

func (c *finiteChecker) result() error {
	if c.err == nil {
		return nil
	}
	return c.err
}

// checkResult checks every score of a recommendation: each ranked candidate's score, its
// criteria's weights, values and points, its adjustments, and the stacks' scores.
func checkResult(res *Result) error {
	var c finiteChecker
	for _, cr := range res.Categories {
		for _, rk := range cr.Ranking {
			c.ranked(cr.Category.ID, rk)
		}
	}
	if res.Stack != nil {
		for i, s := range append([]*Stack{res.Stack.Best}, res.Stack.RunnersUp...) {
			c.stack(s, i)
		}
		for _, sw := range res.Stack.Swaps {
			c.check(sw.Score, func() string { return "the score of the stack with " + sw.Winner.Candidate.ID })
		}
	}
	return c.result()
}

func (c *finiteChecker) ranked(cat string, rk *Ranked) {
	id := cat + ": " + rk.Candidate.ID
	c.check(rk.Score, func() string { return id + "'s score" })
	c.check(rk.Base, func() string { return id + "'s criteria points" })
	c.check(rk.Adjust, func() string { return id + "'s adjustments" })
	for _, p := range rk.Breakdown {
		what := func() string { return id + "'s " + p.Criterion.ID + " criterion" }
		c.check(p.Weight, what)
		c.check(p.Norm, what)
		c.check(p.Plain, what)
		c.check(p.Points, what)
	}
	for _, e := range rk.Adjustments {
		c.check(e.Points, func() string { return id + "'s rule " + e.Rule.ID })
	}
}

func (c *finiteChecker) stack(s *Stack, i int) {
	if s == nil {
		return
	}
	what := func() string { return fmt.Sprintf("the score of stack %d (%s)", i+1, s.Key()) }
	c.check(s.Score, what)
	c.check(s.Mean, what)
	c.check(s.Points, what)
	for _, e := range s.Effects {
		c.check(e.Points, func() string { return "the points of compatibility rule " + e.Rule.ID })
	}
}

// CheckFinite checks the numbers of the analyses that come after a recommendation: each
// robustness share and each weight what-if factor and weight. (Run, Explain and ExplainStack
// check their own results.) The error is a *NotFiniteError.
func CheckFinite(robust []*Robustness, weights map[string][]WeightChange) error {
	var c finiteChecker
	for _, rb := range robust {
		if rb == nil {
			continue
		}
		for _, a := range rb.Shown {
			for r, share := range a.Ranks {
				c.check(share, func() string {
					return fmt.Sprintf("%s: %s's share of rank %d in the robustness draws", rb.Category.ID, a.Candidate.ID, r+1)
				})
			}
		}
	}
	for cat, list := range weights {
		for _, w := range list {
			what := func() string { return cat + ": the weight what-if of " + w.Criterion.ID }
			c.check(w.Factor, what)
			c.check(w.From, what)
			c.check(w.To, what)
		}
	}
	return c.result()
}
