package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/scenario"
)

// loadScenarios reads testdata/scenarios, keyed by file name.
func loadScenarios(t *testing.T) map[string]*scenario.Scenario {
	t.Helper()
	files, err := filepath.Glob("../../testdata/scenarios/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*scenario.Scenario{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := scenario.Parse(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = s
	}
	return out
}

func embedded(t testing.TB) *knowledge.Base {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatalf("embedded knowledge base does not load:\n%v", err)
	}
	return b.Positioned()
}

// TestScenarios runs every scenario of testdata/scenarios against the embedded base. The base's
// own scenarios must say which statements of rules/COVERAGE.md they cover.
func TestScenarios(t *testing.T) {
	b := embedded(t)
	scenarios := loadScenarios(t)
	if len(scenarios) == 0 {
		t.Fatal("no scenarios found in testdata/scenarios")
	}
	for name, s := range scenarios {
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			if len(s.Covers) == 0 {
				t.Errorf("a scenario of the embedded base needs covers")
			}
			for _, f := range scenario.Run(b, s).Failures {
				t.Errorf("%s: %s", s.Name, f)
			}
		})
	}
}
