package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Roles are checked like every rule: each mistake is one problem naming it.
func TestRoleValidation(t *testing.T) {
	base, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	role := func(body string) string {
		return "category: sandbox\nroles:\n  - {" + body + ", title: {en: T, zh: T}, because: {en: B, zh: B}, source: \"https://example.org\"}\n"
	}
	for _, tc := range []struct{ name, yaml, want string }{
		{"ok", role("id: guest, under: [kubernetes], weights: {startup: 2}"), ""},
		{"alone is reserved", role("id: alone, under: [kubernetes]"), `role id "alone" must be`},
		{"unknown giver", role("id: guest, under: [kubernetez]"), `role "guest" is given by unknown candidate "kubernetez"`},
		{"own category", role("id: guest, under: [kata]"), `role "guest" is given by "kata" of its own category`},
		{"two categories", role("id: guest, under: [kubernetes, docker]"), `given by candidates of two categories (orchestrator and engine)`},
		{"unknown criterion", role("id: guest, under: [kubernetes], weights: {speed: 2}"), `role "guest" weighs unknown criterion "speed" of sandbox`},
		{"negative weight", role("id: guest, under: [kubernetes], weights: {startup: -1}"), `must be a number from 0 to 1000`},
		{"giver of two roles", role("id: guest, under: [kubernetes]") + "  - {id: host, under: [kubernetes], title: {en: T, zh: T}, because: {en: B, zh: B}, source: \"https://example.org\"}\n", `candidate "kubernetes" gives both role "guest" and role "host"`},
		{"rule names unknown role", "category: engine\nrules:\n  - {id: org.x, roles: [pilot], effect: caveat, target: {ids: [docker]}, because: {en: B, zh: B}, source: \"https://example.org\"}\n", `rule "org.x" names unknown role "pilot"; roles of engine: alone, node-runtime, host-engine`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := knowledge.LoadLayers(base, []knowledge.File{{Name: "org.yaml", Data: []byte(tc.yaml)}})
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("got %v, want a problem with %q", err, tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), "org.yaml:"):
				t.Fatalf("the problem does not point at the overlay: %v", err)
			}
		})
	}
}

// A role that gives every criterion a weight of 0 is refused.
func TestRoleNeedsACountingCriterion(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var weights []string
	for _, c := range b.Category("wasm-runtime").Criteria {
		weights = append(weights, c.ID+": 0")
	}
	base, _ := knowledge.EmbeddedFiles()
	src := "category: wasm-runtime\nroles:\n  - {id: guest, under: [kubernetes], weights: {" + strings.Join(weights, ", ") + "}, title: {en: T, zh: T}, because: {en: B, zh: B}, source: \"https://example.org\"}\n"
	_, err = knowledge.LoadLayers(base, []knowledge.File{{Name: "org.yaml", Data: []byte(src)}})
	if err == nil || !strings.Contains(err.Error(), `role "guest" gives every criterion of wasm-runtime a weight of 0`) {
		t.Fatalf("got %v", err)
	}
}

// A criterion's reweights are bounded in number, so no set of them that hold together can
// take its weight past a finite number (306 of ×10 on a weight of 1000 made it +Inf).
func TestReweightsPerCriterionBounded(t *testing.T) {
	base, _ := knowledge.EmbeddedFiles()
	overlay := func(n int) string {
		s := "category: wasm-runtime\ncriteria:\n  - id: maturity\n    weight: 1000\n    reweight:\n"
		for range n {
			s += "      - {when: {}, factor: 10, because: {en: x, zh: x}, source: \"https://example.org\"}\n"
		}
		return s
	}
	if _, err := knowledge.LoadLayers(base, []knowledge.File{{Name: "org.yaml", Data: []byte(overlay(limits.CriterionReweights))}}); err != nil {
		t.Fatalf("%d reweights refused: %v", limits.CriterionReweights, err)
	}
	_, err := knowledge.LoadLayers(base, []knowledge.File{{Name: "org.yaml", Data: []byte(overlay(306))}})
	if err == nil || !strings.Contains(err.Error(), "org.yaml:") || !strings.Contains(err.Error(), "more than the limit of 8 (limits.CriterionReweights)") {
		t.Fatalf("306 reweights: %v", err)
	}
}
