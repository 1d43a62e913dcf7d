package engine_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Whatever the answers, a stack's part is scored in the role another part gives it, and only
// then: its score is its score in that role's ranking (the role's weights and rules), its
// Alone score and rank those of the category on its own, and a part no other part gives a
// role is the category's own entry.
func TestStackPartsScoredInTheirRole(t *testing.T) {
	b := embedded(t)
	rng := rand.New(rand.NewPCG(7, 21))
	inRole := 0
	for range 300 {
		res, err := engine.Run(b, randomAnswers(b, rng))
		if err != nil || res.Stack == nil || res.Stack.Best == nil {
			continue
		}
		for _, s := range append([]*engine.Stack{res.Stack.Best}, res.Stack.RunnersUp...) {
			for _, p := range s.Parts {
				cat := b.Category(p.Candidate.Category)
				var role *knowledge.Role
				for _, q := range s.Parts {
					if r := cat.Role(q.Candidate.ID); r != nil {
						role = r
					}
				}
				if p.Role != role {
					t.Fatalf("%s in %s: role %v, want %v", p.Candidate.ID, s.Key(), p.Role, role)
				}
				var alone *engine.Ranked
				for _, cr := range res.Categories {
					if cr.Alone != nil { // ranked in the stack's role: its ranking alone is beside it
						cr = cr.Alone
					}
					for _, rk := range cr.Ranking {
						if rk.Candidate == p.Candidate {
							alone = rk
						}
					}
				}
				if role == nil {
					if p != alone {
						t.Fatalf("%s in %s has no role but is not its category's own entry", p.Candidate.ID, s.Key())
					}
					continue
				}
				inRole++
				if p.Alone != alone.Score || p.AloneRank != alone.Rank {
					t.Fatalf("%s as %s: alone %v #%d, want %v #%d", p.Candidate.ID, role.ID, p.Alone, p.AloneRank, alone.Score, alone.Rank)
				}
				got := engine.ScoreRole(b, cat, res.Answers, role)
				i := slices.IndexFunc(got.Ranking, func(r *engine.Ranked) bool { return r.Candidate == p.Candidate })
				if i < 0 || got.Ranking[i].Score != p.Score {
					t.Fatalf("%s as %s scores %v in the stack, not its score in the role", p.Candidate.ID, role.ID, p.Score)
				}
				for _, a := range got.Ranking[i].Adjustments {
					if !a.Rule.AppliesIn(role) {
						t.Fatalf("rule %s, which does not apply as %s, adjusts %s", a.Rule.ID, role.ID, p.Candidate.ID)
					}
				}
				for _, part := range got.Ranking[i].Breakdown {
					if w, ok := role.Weights[part.Criterion.ID]; ok && w == 0 && part.Points != 0 {
						t.Fatalf("criterion %s weighs 0 as %s but gives %s %v points", part.Criterion.ID, role.ID, p.Candidate.ID, part.Points)
					}
				}
			}
		}
	}
	if inRole < 30 {
		t.Fatalf("only %d parts in a role in 300 draws: the property is barely tried", inRole)
	}
}

// The engine under an orchestrator is the one that orchestrator drives: a node runtime under
// Kubernetes and K3s whatever its lead on its own, Docker or Podman under Swarm, Compose or
// Quadlet.
func TestEngineFollowsTheOrchestrator(t *testing.T) {
	b := embedded(t)
	for _, tc := range []struct {
		answers knowledge.Answers
		engine  []string
	}{
		{knowledge.Answers{}, []string{"containerd"}},
		{knowledge.Answers{"workloads": multi("legacy-apps"), "tenancy": one("multi-team")}, []string{"containerd", "cri-o"}},
		{knowledge.Answers{"workloads": multi("batch-ci"), "tenancy": one("untrusted")}, []string{"containerd", "cri-o"}},
	} {
		res, err := engine.Run(b, tc.answers)
		if err != nil {
			t.Fatal(err)
		}
		best := res.Stack.Best
		orch := best.Part("orchestrator").Candidate.ID
		e := best.Part("engine")
		if !slices.Contains([]string{"kubernetes", "k3s"}, orch) || !slices.Contains(tc.engine, e.Candidate.ID) || e.Role == nil || e.Role.ID != "node-runtime" {
			t.Errorf("%v: stack %s, want a Kubernetes with %v as its node runtime", tc.answers, best.Key(), tc.engine)
		}
	}
}

func multi(v ...string) knowledge.Value { return knowledge.Value{Type: knowledge.TypeMulti, List: v} }
func one(v string) knowledge.Value      { return knowledge.Value{Type: knowledge.TypeOne, Str: v} }
