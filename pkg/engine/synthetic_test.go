package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/testbase"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// syntheticBase is the mini base's questions with a category of n candidates and m rules,
// generated in memory, to check that loading and scoring grow linearly.
func syntheticBase(tb testing.TB, n, m int) ([]knowledge.File, knowledge.Answers) {
	tb.Helper()
	files := testbase.MiniFiles(tb)
	// Candidates in files of 1 000 each: one file may not exceed knowledge.MaxFileSize.
	for start := 0; start < n; start += 1000 {
		var cb strings.Builder
		cb.WriteString("category: gpu\ncandidates:\n")
		for i := start; i < min(n, start+1000); i++ {
			fmt.Fprintf(&cb, "  - {id: syn-%d, name: Syn %d, summary: {en: s, zh: s}, attributes: {tflops: {value: %d, source: \"report: synthetic\", grade: spec}}}\n", i, i, 1+i%997)
		}
		files = append(files, knowledge.File{Name: fmt.Sprintf("synthetic-%05d.yaml", start), Data: []byte(cb.String())})
	}
	var sb strings.Builder
	sb.WriteString("category: gpu\nrules:\n")
	for i := 0; i < m; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&sb, "  - {id: syn.r%d, when: {budget: {gt: %d}}, effect: exclude, target: {where: {tflops: {lt: {answer: budget}}}}, because: {en: b, zh: b}, source: \"report: synthetic\"}\n", i, i)
		case 1:
			fmt.Fprintf(&sb, "  - {id: syn.r%d, when: {kvm: none}, effect: adjust, points: 5, target: {ids: [syn-%d]}, because: {en: b, zh: b}, source: \"report: synthetic\"}\n", i, i%n)
		default:
			fmt.Fprintf(&sb, "  - {id: syn.r%d, when: {workloads: [ai, web]}, effect: caveat, target: {where: {tflops: {gte: %d}}}, because: {en: b, zh: b}, source: \"report: synthetic\"}\n", i, i%997)
		}
	}
	files = append(files, knowledge.File{Name: "synthetic.yaml", Data: []byte(sb.String())})
	answers := knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"gpu"}},
		"kvm":        {Type: knowledge.TypeOne, Str: "none"},
		"budget":     {Type: knowledge.TypeInt, Int: 500},
	}
	return files, answers
}

func benchSynthetic(b *testing.B, n, m int) {
	files, given := syntheticBase(b, n, m)
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := knowledge.Load(files); err != nil {
				b.Fatal(err)
			}
		}
	})
	base, err := knowledge.Load(files)
	if err != nil {
		b.Fatal(err)
	}
	answers, err := base.Resolve(given)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("recommend", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			engine.Recommend(base, answers)
		}
	})
}

// BenchmarkSyntheticMax is the largest base the limits allow: a category of
// limits.CategoryCandidates candidates (the mini base's own and the rest generated) and
// limits.CategoryRules rules. Issue 8's synthetic base had 10 000 candidates; since issue 21 a
// category holds at most 2 000, because memory grew faster than the candidates (20 000 took
// 1.4 GB to recommend).
func BenchmarkSyntheticMax(b *testing.B) {
	benchSynthetic(b, limits.CategoryCandidates-1, limits.CategoryRules)
}

// BenchmarkSynthetic1k100 is half of it with a tenth of the rules, to see how cost grows.
func BenchmarkSynthetic1k100(b *testing.B) { benchSynthetic(b, 1000, 100) }

func TestSyntheticBaseLoads(t *testing.T) {
	files, given := syntheticBase(t, 50, 12)
	b, err := knowledge.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Categories[0].Ranking)+len(res.Categories[0].Excluded) != 51 {
		t.Errorf("ranking %d + excluded %d", len(res.Categories[0].Ranking), len(res.Categories[0].Excluded))
	}
}
