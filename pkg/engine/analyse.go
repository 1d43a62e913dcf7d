package engine

import "github.com/stackadvisor/stackadvisor/pkg/knowledge"

// AnalyseOptions choose the analyses that follow a recommendation.
type AnalyseOptions struct {
	// Robust tunes the robustness draws, which always run (a category's and the stack's).
	Robust RobustOptions
	// WhatIf adds the answer changes that change a category's pick or the stack, and the
	// weight changes that change a pick; Given are the answers as given, which they start from.
	WhatIf bool
	Given  knowledge.Answers
}

// Analyse runs the analyses of res and attaches each to what it is about: a category's
// robustness, what-if and weight what-if to its CategoryResult, the stack's to res.Stack. The
// stack's draws run beside the categories' (each draws from its own generator, so the numbers
// are those of a run one after another). The error is a *NotFiniteError when a number of the
// analyses is not finite.
func Analyse(b *knowledge.Base, res *Result, o AnalyseOptions) error {
	type stackDone struct {
		rb  *StackRobustness
		err any
	}
	done := make(chan stackDone, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- stackDone{err: r}
			}
		}()
		done <- stackDone{rb: RobustStack(b, res, o.Robust)}
	}()
	robust := RobustAll(b, res, o.Robust)
	var whatIf map[string][]Sensitivity
	var weights map[string][]WeightChange
	var stackWhatIf []StackChange
	if o.WhatIf {
		whatIf = WhatIf(b, o.Given, res)
		weights = WeightWhatIf(b, res)
		stackWhatIf = StackWhatIf(b, o.Given, res)
	}
	sd := <-done // res is only read until here
	if sd.err != nil {
		panic(sd.err) // raised again in the caller's goroutine
	}
	for _, cr := range res.Categories {
		if cr.Today != nil {
			cr.Today.WhatIf = verdictWhatIf(b, cr, res.Answers, cr.Today)
		}
		for _, rb := range robust {
			if rb.Category == cr.Category {
				cr.Robustness = rb
			}
		}
		cr.WhatIf = whatIf[cr.Category.ID]
		cr.WeightWhatIf = weights[cr.Category.ID]
	}
	if res.Stack != nil {
		res.Stack.Robustness = sd.rb
		res.Stack.WhatIf = stackWhatIf
	}
	return CheckFinite(robust, weights)
}
