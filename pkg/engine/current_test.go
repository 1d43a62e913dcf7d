package engine_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// The verdicts follow from the scores and the moves' efforts, whatever the answers: keep when
// today's part is first or no target gains more than its move costs, switch to the target that
// gains the most net of its effort, must switch when the category excludes today's part; the
// weight what-if, when given, turns the verdict when the weight is changed by its factor.
func TestVerdictsFollowGainAndCost(t *testing.T) {
	b := embedded(t)
	rng := rand.New(rand.NewPCG(26, 12))
	seen := map[string]int{}
	turned := 0
	for i := 0; i < 300; i++ {
		a := randomAnswers(b, rng)
		a[knowledge.QCategories] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{b.Categories[rng.IntN(len(b.Categories))].ID}}
		cat := b.Category(a[knowledge.QCategories].List[0])
		a[knowledge.QCurrent] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{cat.Candidates[rng.IntN(len(cat.Candidates))].ID}}
		res, err := engine.Run(b, a)
		if err != nil {
			continue
		}
		if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: engine.RobustOptions{Samples: 20}}); err != nil {
			t.Fatal(err)
		}
		cr := res.Categories[0]
		v := cr.Today
		if v == nil {
			t.Fatalf("answers %v: no verdict on today's %s", a, a[knowledge.QCurrent].List[0])
		}
		seen[v.Verdict]++
		today := b.Candidate(a[knowledge.QCurrent].List[0])
		ranked := slices.IndexFunc(cr.Ranking, func(r *engine.Ranked) bool { return r.Candidate == today })
		switch v.Verdict {
		case engine.VerdictMustSwitch:
			if ranked >= 0 {
				t.Fatalf("answers %v: must switch from %s, which ranks %d", a, today.ID, ranked+1)
			}
		case engine.VerdictKeep, engine.VerdictSwitch:
			if ranked < 0 {
				t.Fatalf("answers %v: %s for %s, which is excluded", a, v.Verdict, today.ID)
			}
			// The best net gain over the others decides.
			best := 0.0
			for _, rk := range cr.Ranking {
				if rk.Candidate != today {
					best = max(best, rk.InStack()-cr.Ranking[ranked].InStack()-b.Move(today, rk.Candidate, res.Answers).Effort+b.Move(today, today, res.Answers).Effort)
				}
			}
			if (v.Verdict == engine.VerdictSwitch) != (best > 0) {
				t.Fatalf("answers %v: %s for %s, but the best net gain is %.2f", a, v.Verdict, today.ID, best)
			}
			if v.Verdict == engine.VerdictSwitch && v.Target.InStack()-v.Ranked.InStack()-v.Margin() < best-1e-9 {
				t.Fatalf("answers %v: switch to %s, not to the best net gain", a, v.Target.Candidate.ID)
			}
		}
		if w := v.WhatIf; w != nil {
			mul := make([]float64, len(cat.Criteria))
			for j := range mul {
				mul[j] = 1
			}
			mul[slices.Index(cat.Criteria, w.Criterion)] = w.Factor
			alt := engine.ScoreWeighted(b, cat, res.Answers, "", mul, cr.Role)
			var tgt, tod *engine.Ranked
			for _, rk := range alt.Ranking {
				switch rk.Candidate {
				case v.Target.Candidate:
					tgt = rk
				case today:
					tod = rk
				}
			}
			if tgt == nil || tod == nil || (tgt.InStack()-tod.InStack() > v.Margin()) == (v.Verdict == engine.VerdictSwitch) {
				t.Fatalf("answers %v: %s's weight ×%v does not turn %s (%s → %s)", a, w.Criterion.ID, w.Factor, v.Verdict, today.ID, v.Target.Candidate.ID)
			}
			turned++
		}
	}
	for _, verdict := range []string{engine.VerdictKeep, engine.VerdictSwitch, engine.VerdictMustSwitch} {
		if seen[verdict] < 10 {
			t.Errorf("only %d %s verdicts in 300 draws: %v", seen[verdict], verdict, seen)
		}
	}
	if turned < 20 {
		t.Errorf("only %d verdicts with a weight what-if", turned)
	}
}
