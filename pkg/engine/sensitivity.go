package engine

import (
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Sensitivity is a single-answer change that gives a category a different top pick.
type Sensitivity struct {
	Change
	Top *knowledge.Candidate
}

// WhatIf adds to each category of res every single-answer change (see Alternatives) after
// which the category's top pick differs, in question order. A change that leaves the category
// without candidates, or drops it, is not listed (explain shows exclusions). given are the
// answers as given: defaults that follow from other answers are resolved after each change.
func WhatIf(b *knowledge.Base, given knowledge.Answers, res *Result) map[string][]Sensitivity {
	out := map[string][]Sensitivity{}
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
	for _, ch := range Alternatives(b, res.Answers) {
		if ch.Question.ID == "categories" {
			continue // adding or removing a category changes no category's pick
		}
		next, err := b.Resolve(With(given, ch))
		if err != nil {
			continue
		}
		for _, cr := range res.Categories {
			if !slices.Contains(next["categories"].List, cr.Category.ID) {
				continue
			}
			if !relevant[cr.Category.ID][ch.Question.ID] {
				continue // nothing in this category looks at the question
			}
			alt := scoreCategory(b, cr.Category, next, "")
			if len(alt.Ranking) == 0 {
				continue
			}
			if top := alt.Ranking[0].Candidate; top != tops[cr.Category.ID] {
				out[cr.Category.ID] = append(out[cr.Category.ID], Sensitivity{Change: ch, Top: top})
			}
		}
	}
	return out
}
