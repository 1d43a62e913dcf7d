package engine

import (
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Warning kinds.
const (
	// WarnNotApplicable: an answer was given to a question that does not apply (its
	// show_when does not hold), so no rule looks at it in this run.
	WarnNotApplicable = "not-applicable"
	// WarnTooStrict: an int answer excluded every candidate of a category on its own.
	WarnTooStrict = "too-strict"
	// WarnCurrentNotRanked: a part that runs today (current) is of a category not ranked, so it
	// gets no verdict.
	WarnCurrentNotRanked = "current-not-ranked"
)

// Warning is an answer that was ignored or that conflicts with what the candidates can do.
type Warning struct {
	Kind     string
	Question *knowledge.Question
	Value    knowledge.Value
	Category *knowledge.Category // for WarnTooStrict and WarnCurrentNotRanked
	// Candidate is today's part (WarnCurrentNotRanked).
	Candidate *knowledge.Candidate
}

// Warnings checks the given answers against the result: answers to questions that do not
// apply, and int limits that leave a category empty by themselves.
func Warnings(b *knowledge.Base, given knowledge.Answers, res *Result) []Warning {
	var out []Warning
	for _, q := range b.Questions {
		v, ok := given[q.ID]
		if !ok || q.ShowWhen.Holds(res.Answers) {
			continue
		}
		if !v.Equal(q.DefaultValue) {
			out = append(out, Warning{Kind: WarnNotApplicable, Question: q, Value: v})
		}
	}
	ranked := map[string]bool{}
	for _, cr := range res.Categories {
		ranked[cr.Category.ID] = true
	}
	for _, id := range res.Answers[knowledge.QCurrent].List {
		if c := b.Candidate(id); c != nil && !ranked[c.Category] {
			out = append(out, Warning{Kind: WarnCurrentNotRanked, Question: b.Question(knowledge.QCurrent), Candidate: c, Category: b.Category(c.Category)})
		}
	}
	for _, cr := range res.Categories {
		if len(cr.Ranking) > 0 || len(cr.Excluded) == 0 {
			continue
		}
		for _, q := range b.Questions {
			v, ok := given[q.ID]
			if !ok || q.Type != knowledge.TypeInt || v.Int == 0 {
				continue
			}
			all := true
			for _, ex := range cr.Excluded {
				if !excludedBecauseOf(ex, q.ID) {
					all = false
					break
				}
			}
			if all {
				out = append(out, Warning{Kind: WarnTooStrict, Question: q, Value: v, Category: cr.Category})
			}
		}
	}
	return out
}

func excludedBecauseOf(ex *Excluded, question string) bool {
	for _, r := range ex.Rules {
		set := map[string]bool{}
		r.When.Questions(set)
		if set[question] || len(r.Target.AnswerAttributes(question)) > 0 {
			return true
		}
	}
	return false
}
