package engine

import (
	"fmt"
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Change is one answer set to another value.
type Change struct {
	Question *knowledge.Question
	Value    knowledge.Value
}

// Flag is the change as a command-line flag.
func (c Change) Flag() string {
	if c.Value.Type == knowledge.TypeBool && c.Value.Bool {
		return "--" + c.Question.ID
	}
	return fmt.Sprintf("--%s=%s", c.Question.ID, c.Value.String())
}

// Alternatives lists, in question order, every answer that differs from the current one in a
// single step: another value of a one question, the other bool, one value added to or removed
// from a multi question (within its limits), and for int questions the values the rules
// compare against (their thresholds and the attributes compared with the answer) and 0.
func Alternatives(b *knowledge.Base, answers knowledge.Answers) []Change {
	var out []Change
	for _, q := range b.Questions {
		if q.ID == knowledge.QCurrent {
			continue // what runs today is a fact to start from, not a choice to try
		}
		cur := answers[q.ID]
		switch q.Type {
		case knowledge.TypeOne:
			for _, c := range q.Values {
				if c.ID != cur.Str {
					out = append(out, Change{q, knowledge.Value{Type: knowledge.TypeOne, Str: c.ID}})
				}
			}
		case knowledge.TypeBool:
			out = append(out, Change{q, knowledge.Value{Type: knowledge.TypeBool, Bool: !cur.Bool}})
		case knowledge.TypeMulti:
			for _, c := range q.Values {
				list := slices.Clone(cur.List)
				if i := slices.Index(list, c.ID); i >= 0 {
					list = slices.Delete(list, i, i+1)
				} else {
					list = append(list, c.ID)
				}
				if v, err := q.ParseList(list); err == nil {
					out = append(out, Change{q, v})
				}
			}
		case knowledge.TypeInt:
			for _, n := range intCandidates(b, q) {
				if n != cur.Int {
					if v, err := q.CheckInt(n); err == nil {
						out = append(out, Change{q, v})
					}
				}
			}
		}
	}
	return out
}

// intCandidates are the int values worth trying for a question: 0, the thresholds of the
// conditions on it (and one past them), and the attribute values rules compare it with.
func intCandidates(b *knowledge.Base, q *knowledge.Question) []int {
	set := map[int]bool{0: true}
	for _, cat := range b.Categories {
		for _, r := range cat.Rules {
			for _, n := range r.When.Thresholds(q.ID) {
				set[n], set[n+1] = true, true
			}
			for _, attr := range r.Target.AnswerAttributes(q.ID) {
				for _, c := range cat.Candidates {
					if v := c.Attr(attr); v != nil {
						set[int(v.Num)], set[int(v.Num)+1] = true, true
					}
				}
			}
		}
	}
	out := make([]int, 0, len(set))
	for n := range set {
		if n >= 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// With returns a copy of the answers with one change applied, re-resolved so dependent
// defaults follow (e.g. categories after workloads).
func With(given knowledge.Answers, c Change) knowledge.Answers {
	next := knowledge.Answers{}
	for k, v := range given {
		next[k] = v
	}
	next[c.Question.ID] = c.Value
	return next
}

// Explanation is one candidate under a set of answers.
type Explanation struct {
	Candidate *knowledge.Candidate
	Category  *knowledge.Category
	Answers   knowledge.Answers
	// Scored is the candidate's score and breakdown; for an excluded candidate it is what the
	// score would be without the exclusions (Rank is then 0).
	Scored     *Ranked
	ExcludedBy []*knowledge.Rule
	Of         int      // how many candidates the category ranks
	Readmit    []Change // single-answer changes after which no rule excludes it
	// Ranking is the category's ranking under the answers (the candidate in it unless
	// excluded), for the robustness of its pick.
	Ranking *CategoryResult
}

// Explain scores one candidate and, when it is excluded, finds the single-answer changes that
// readmit it. given are the answers as given (defaults are resolved here).
func Explain(b *knowledge.Base, given knowledge.Answers, id string) (*Explanation, error) {
	cand := b.Candidate(id)
	if cand == nil {
		return nil, fmt.Errorf("unknown candidate %q", id)
	}
	answers, err := b.Resolve(given)
	if err != nil {
		return nil, err
	}
	cat := b.Category(cand.Category)
	normal := scoreCategory(b, cat, answers, "")
	ex := &Explanation{Candidate: cand, Category: cat, Answers: answers, Of: len(normal.Ranking), Ranking: normal}
	for _, e := range normal.Excluded {
		if e.Candidate == cand {
			ex.ExcludedBy = e.Rules
		}
	}
	for _, r := range normal.Ranking {
		if r.Candidate == cand {
			ex.Scored = r
		}
	}
	if ex.Scored == nil {
		hyp := scoreCategory(b, cat, answers, id)
		for _, r := range hyp.Ranking {
			if r.Candidate == cand {
				ex.Scored = r
				r.Rank = 0
			}
		}
		for _, c := range Alternatives(b, answers) {
			next, err := b.Resolve(With(given, c))
			if err != nil {
				continue
			}
			if !excluded(b, cat, next, cand) {
				ex.Readmit = append(ex.Readmit, c)
			}
		}
	}
	if err := checkResult(&Result{Categories: []*CategoryResult{normal}}); err != nil {
		return nil, err
	}
	if ex.Scored != nil {
		var c finiteChecker
		c.ranked(cat.ID, ex.Scored)
		if err := c.result(); err != nil {
			return nil, err
		}
	}
	return ex, nil
}

func excluded(b *knowledge.Base, cat *knowledge.Category, answers knowledge.Answers, cand *knowledge.Candidate) bool {
	for _, r := range cat.Rules {
		if r.Effect == knowledge.EffectExclude && r.When.Holds(answers) && r.Target.Excludes(cand, answers) {
			return true
		}
	}
	return false
}
