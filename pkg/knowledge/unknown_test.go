package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// A value no source gives is written `value: unknown`, graded unverified: it loads, a ratio
// derived from it is unknown too, it meets no term of a rule's where except a bound in an
// exclusion (a budget cannot be shown to be met), and any other grade is refused.
func TestUnknownValues(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	card := func(priceGrade string) []knowledge.File {
		return []knowledge.File{{Name: "org/card.yaml", Data: []byte(`category: gpu
candidates:
  - id: mystery-card
    name: Mystery Card
    summary: {en: A card with no published price., zh: 没有公开价格的卡。}
    attributes:
      fp16_tflops: {value: 300, source: "https://example.org/spec", grade: spec}
      memory_gb: {value: 64, source: "https://example.org/spec", grade: spec}
      tdp_w: {value: 300, source: "https://example.org/spec", grade: spec}
      price_cny: {value: unknown, source: "https://example.org/no-price", grade: ` + priceGrade + `, note: {en: No price found., zh: 未找到价格。}}
      cuda: {value: none, source: "https://example.org/spec", grade: spec}
      domestic: {value: full, source: "https://example.org/spec", grade: spec}
      ecosystem: {value: 2, source: "https://example.org/spec", grade: spec}
      container_support: {value: 3, source: "https://example.org/spec", grade: spec}
      sharing: {value: none, source: "https://example.org/spec", grade: spec}
      china_export: {value: free, source: "https://example.org/spec", grade: spec}
      form_factor: {value: pcie, source: "https://example.org/spec", grade: spec}
`)}}
	}
	if _, err := knowledge.LoadLayers(files, card("spec")); err == nil || !strings.Contains(err.Error(), `attribute "price_cny" is unknown, so grade it unverified`) {
		t.Fatalf("an unknown value graded spec: %v", err)
	}
	b, err := knowledge.LoadLayers(files, card("unverified"))
	if err != nil {
		t.Fatal(err)
	}
	c := b.Category("gpu").Candidate("mystery-card")
	if av := c.Attr("price_cny"); av == nil || !av.Unknown || av.Display() != "unknown" {
		t.Fatalf("price_cny: %+v", av)
	}
	if av := c.Attr("cny_per_tflop"); av == nil || !av.Unknown || av.Grade != knowledge.GradeUnverified {
		t.Errorf("a ratio of an unknown value: %+v", av)
	}
	if av := c.Attr("cny_per_gb"); av == nil || !av.Unknown {
		t.Errorf("a ratio of an unknown value: %+v", av)
	}
	budget := knowledge.Answers{"gpu-budget-cny": {Type: knowledge.TypeInt, Int: 1000}}
	for _, r := range b.Category("gpu").Rules {
		if r.ID != "gpu.budget" {
			continue
		}
		if m := r.Target.Bind(budget); m.Matches(c) {
			t.Errorf("an unknown price matched %s", r.ID)
		}
		if m := r.Target.Bind(budget); !m.Excludes(c) {
			t.Errorf("a budget does not exclude a card of unknown price (%s): it cannot be shown to fit", r.ID)
		}
		if m := r.Target.Bind(budget); !m.Matches(b.Category("gpu").Candidate("nvidia-h100")) {
			t.Errorf("%s does not match a known price above the budget: the test cannot tell", r.ID)
		}
	}
}
