package cli_test

import (
	"strings"
	"testing"
)

// The example policy of testdata/org-policy (documented in rules/README.md) must keep working.
func TestExampleOrgPolicy(t *testing.T) {
	out, errOut, code := runCLI(t, "", "recommend", "--rules", "../../testdata/org-policy", "--categories", "engine,sandbox", "--tenancy", "multi-team", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		`"rule": "acme.no-docker"`,
		`"file": "../../testdata/org-policy/engine-policy.yaml"`,
		`"rank": 1,
          "id": "acme-sandbox"`,
		`"file": "../../testdata/org-policy/internal-runtime.yaml"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(out, `"id": "docker",
          "name": "Docker Engine",
          "score"`) {
		t.Errorf("docker is still ranked")
	}
}
