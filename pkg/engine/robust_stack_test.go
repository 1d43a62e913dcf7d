package engine_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func stackRun(t *testing.T, answers knowledge.Answers) (*knowledge.Base, *engine.Result) {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, answers)
	if err != nil {
		t.Fatal(err)
	}
	return b, res
}

// The stack's robustness: its shares add up to the draws, the pick is the recommended stack,
// the label follows the thresholds, the same seed gives the same numbers and another seed
// other draws.
func TestRobustStackShares(t *testing.T) {
	for name, answers := range map[string]knowledge.Answers{
		"default":    {"categories": multi("engine", "orchestrator", "sandbox")},
		"edge":       {"categories": multi("engine", "orchestrator", "sandbox"), "environment": one("edge")},
		"gpu":        {"categories": multi("sandbox", "gpu"), "tenancy": one("untrusted"), "workloads": multi("ai-inference")},
		"five":       {"categories": multi("engine", "orchestrator", "sandbox", "gpu", "wasm-runtime")},
		"js-at-edge": {"categories": multi("sandbox", "wasm-runtime"), "workloads": multi("edge-functions"), "environment": one("edge"), "app-code": one("javascript")},
	} {
		t.Run(name, func(t *testing.T) {
			b, res := stackRun(t, answers)
			rb := engine.RobustStack(b, res, engine.RobustOptions{})
			if rb == nil || rb.Pick != res.Stack.Best {
				t.Fatalf("analysis %+v for best stack %v", rb, res.Stack.Best)
			}
			var sum, first float64
			for _, a := range rb.Shown {
				sum += a.First
				if a.Stack == rb.Pick {
					first = a.First
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("the shares add up to %v", sum)
			}
			switch {
			case first >= b.Scoring.Robustness.Robust && rb.Label != engine.LabelRobust,
				first < b.Scoring.Robustness.Robust && first >= b.Scoring.Robustness.Contested && rb.Label != engine.LabelContested,
				first < b.Scoring.Robustness.Contested && rb.Label != engine.LabelFragile:
				t.Errorf("first in %v of the draws but labelled %s", first, rb.Label)
			}
			if (first < 1) != (rb.Rival != nil) {
				t.Errorf("first in %v of the draws, rival %v", first, rb.Rival)
			}
			again := engine.RobustStack(b, res, engine.RobustOptions{})
			if !reflect.DeepEqual(shares(rb), shares(again)) {
				t.Errorf("two runs differ: %v and %v", shares(rb), shares(again))
			}
		})
	}
}

func shares(rb *engine.StackRobustness) map[string]float64 {
	m := map[string]float64{}
	for _, a := range rb.Shown {
		m[a.Stack.Key()] = a.First
	}
	return m
}

// A close race between two stacks is not called robust: the default answers' stack and its
// Docker + Swarm runner-up are a few points apart, and with other seeds the shares move but
// stay on both.
func TestRobustStackCloseRace(t *testing.T) {
	b, res := stackRun(t, knowledge.Answers{"categories": multi("engine", "orchestrator", "sandbox")})
	if len(res.Stack.RunnersUp) == 0 || res.Stack.Best.Score-res.Stack.RunnersUp[0].Score > 5 {
		t.Skipf("the default stack leads its runner-up by more than 5 points: %v", res.Stack.Best.Score)
	}
	for _, seed := range []int{1, 2, 3} {
		rb := engine.RobustStack(b, res, engine.RobustOptions{Seed: seed, SeedSet: true})
		s := shares(rb)
		if s[res.Stack.Best.Key()] >= 1 || s[res.Stack.Best.Key()] <= 0.5 || rb.Rival == nil {
			t.Errorf("seed %d: shares %v, rival %v", seed, s, rb.Rival)
		}
	}
	// Only one finalist (no runner-up, no swap) is always best.
	if rb := engine.RobustStack(b, &engine.Result{Stack: &engine.StackResult{Best: res.Stack.Best}}, engine.RobustOptions{Samples: 50}); rb.Label != engine.LabelRobust || rb.Rival != nil || len(rb.Shown) != 1 || rb.Shown[0].First != 1 {
		t.Errorf("a lone stack: %+v", rb)
	}
	if engine.RobustStack(b, &engine.Result{}, engine.RobustOptions{}) != nil {
		t.Error("an analysis without a stack")
	}
}
