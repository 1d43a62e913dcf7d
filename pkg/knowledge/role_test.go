package knowledge_test

import (
	"strings"
	"testing"

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
