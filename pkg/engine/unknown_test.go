package engine_test

import (
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// An unknown value counts neutral (neither for nor against), and so do the ratios derived
// from it; a known value next to it counts as it is.
func TestUnknownValueScoresNeutral(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.Load(files) // its own copy: the shared base is not touched
	if err != nil {
		t.Fatal(err)
	}
	h100 := b.Category("gpu").Candidate("nvidia-h100")
	for _, name := range []string{"price_cny", "cny_per_tflop", "cny_per_gb"} {
		av := h100.Attr(name)
		av.Unknown, av.Grade = true, knowledge.GradeUnverified
	}
	given := knowledge.Answers{knowledge.QCategories: {Type: knowledge.TypeMulti, List: []string{"gpu"}},
		"priorities": {Type: knowledge.TypeMulti, List: []string{"cost"}}}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	for _, rk := range res.Categories[0].Ranking {
		if rk.Candidate.ID != "nvidia-h100" {
			continue
		}
		for _, p := range rk.Breakdown {
			unknown := p.Value != nil && p.Value.Unknown
			switch {
			case unknown && p.Plain != b.Scoring.Neutral:
				t.Errorf("%s: unknown value counts %v, want neutral %v", p.Criterion.ID, p.Plain, b.Scoring.Neutral)
			case p.Criterion.ID == "performance" && (unknown || p.Plain <= b.Scoring.Neutral):
				t.Errorf("performance (989 TFLOPS, known) counts %v", p.Plain)
			}
		}
		return
	}
	t.Fatal("the H100 is not ranked")
}
