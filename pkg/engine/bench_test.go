package engine_test

import (
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func benchRecommend(b *testing.B, given knowledge.Answers) {
	base := embedded(b)
	answers, err := base.Resolve(given)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		engine.Recommend(base, answers)
	}
}

// BenchmarkRecommendDefault scores the default answers on the embedded base.
func BenchmarkRecommendDefault(b *testing.B) { benchRecommend(b, knowledge.Answers{}) }

// BenchmarkRecommendAllCategories scores every category with answers that fire many rules.
func BenchmarkRecommendAllCategories(b *testing.B) {
	benchRecommend(b, knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}},
		"workloads":  {Type: knowledge.TypeMulti, List: []string{"web-services", "ai-inference", "edge-functions"}},
		"tenancy":    {Type: knowledge.TypeOne, Str: "untrusted"},
		"priorities": {Type: knowledge.TypeMulti, List: []string{"security", "cost"}},
		"rootless":   {Type: knowledge.TypeBool, Bool: true},
	})
}

// BenchmarkRecommendCurrent scores the default categories for a team on Docker Swarm: the
// verdicts on today's parts, the move costs in the stack search and today's stack beside it.
func BenchmarkRecommendCurrent(b *testing.B) {
	benchRecommend(b, knowledge.Answers{
		"current": {Type: knowledge.TypeMulti, List: []string{"docker", "docker-swarm", "runc"}},
		"scale":   {Type: knowledge.TypeOne, Str: "medium"},
		"tenancy": {Type: knowledge.TypeOne, Str: "multi-team"},
	})
}

// BenchmarkStackAllCategories combines all five categories into the recommended stack (the
// rankings computed once, outside the loop): the beam search over the top-k of each.
func BenchmarkStackAllCategories(b *testing.B) {
	base := embedded(b)
	answers, err := base.Resolve(knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}},
		"workloads":  {Type: knowledge.TypeMulti, List: []string{"web-services", "ai-inference", "edge-functions"}},
		"tenancy":    {Type: knowledge.TypeOne, Str: "untrusted"},
		"priorities": {Type: knowledge.TypeMulti, List: []string{"security", "cost"}},
		"rootless":   {Type: knowledge.TypeBool, Bool: true},
	})
	if err != nil {
		b.Fatal(err)
	}
	res := engine.Recommend(base, answers)
	if res.Stack == nil || res.Stack.Best == nil || len(res.Stack.Best.Parts) != 5 {
		b.Fatalf("no five-part stack: %+v", res.Stack)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(res.Stack.Searched), "stacks/op")
	for b.Loop() {
		engine.RecommendStack(base, res)
	}
}

// BenchmarkRobustAllCategories is the robustness analysis (SMAA) of all five categories at
// the rules' default sample count, the rankings computed once, outside the loop. Target:
// within 20 ms (BENCHMARKS.md).
func BenchmarkRobustAllCategories(b *testing.B) {
	base := embedded(b)
	res, err := engine.Run(base, knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}},
		"workloads":  {Type: knowledge.TypeMulti, List: []string{"web-services", "ai-inference", "edge-functions"}},
		"tenancy":    {Type: knowledge.TypeOne, Str: "untrusted"},
		"priorities": {Type: knowledge.TypeMulti, List: []string{"security", "cost"}},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(base.Scoring.Robustness.Samples), "samples/category")
	for b.Loop() {
		if len(engine.RobustAll(base, res, engine.RobustOptions{})) != 5 {
			b.Fatal("not five analyses")
		}
	}
}

// BenchmarkWeightWhatIf finds the smallest weight change per criterion of all five categories.
func BenchmarkWeightWhatIf(b *testing.B) {
	base := embedded(b)
	res, err := engine.Run(base, knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		engine.WeightWhatIf(base, res)
	}
}
