package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// scenario is one file of testdata/scenarios: answers and what the ranking must show.
type scenario struct {
	Name    string                    `yaml:"name"`
	Covers  []string                  `yaml:"covers"`
	Answers yaml.Node                 `yaml:"answers"`
	Expect  map[string]categoryExpect `yaml:"expect"`
}

type categoryExpect struct {
	Top         string              `yaml:"top"`
	TopIn       []string            `yaml:"top_in"`
	Excluded    []string            `yaml:"excluded"`
	NotExcluded []string            `yaml:"not_excluded"`
	Order       []string            `yaml:"order"`
	Rules       []string            `yaml:"rules"`
	Corrections map[string][]string `yaml:"corrections"`
	Empty       bool                `yaml:"empty"`
}

func loadScenarios(t *testing.T) map[string]*scenario {
	t.Helper()
	files, err := filepath.Glob("../../testdata/scenarios/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*scenario{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		var s scenario
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = &s
	}
	return out
}

func embedded(t testing.TB) *knowledge.Base {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatalf("embedded knowledge base does not load:\n%v", err)
	}
	return b
}

// TestScenarios runs every scenario of testdata/scenarios against the embedded base.
func TestScenarios(t *testing.T) {
	b := embedded(t)
	scenarios := loadScenarios(t)
	if len(scenarios) == 0 {
		t.Fatal("no scenarios found in testdata/scenarios")
	}
	for name, s := range scenarios {
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			if s.Name == "" || len(s.Covers) == 0 || len(s.Expect) == 0 {
				t.Fatalf("a scenario needs name, covers and expect")
			}
			raw, err := yaml.Marshal(&s.Answers)
			if err != nil {
				t.Fatal(err)
			}
			given, err := b.ParseAnswers(name, raw)
			if err != nil {
				t.Fatalf("answers: %v", err)
			}
			res, err := engine.Run(b, given)
			if err != nil {
				t.Fatal(err)
			}
			for catID, exp := range s.Expect {
				cr := findCategory(res, catID)
				if cr == nil {
					t.Errorf("%s: category %q was not requested by the answers", s.Name, catID)
					continue
				}
				checkCategory(t, b, s.Name, cr, exp)
			}
		})
	}
}

func findCategory(res *engine.Result, id string) *engine.CategoryResult {
	for _, c := range res.Categories {
		if c.Category.ID == id {
			return c
		}
	}
	return nil
}

func checkCategory(t *testing.T, b *knowledge.Base, name string, cr *engine.CategoryResult, exp categoryExpect) {
	t.Helper()
	cat := cr.Category.ID
	ranked := make([]string, len(cr.Ranking))
	for i, r := range cr.Ranking {
		ranked[i] = r.Candidate.ID
	}
	excluded := make([]string, len(cr.Excluded))
	for i, e := range cr.Excluded {
		excluded[i] = e.Candidate.ID
	}
	known := func(id string) {
		if b.Candidate(id) == nil {
			t.Errorf("%s: %s: unknown candidate %q in the expectation", name, cat, id)
		}
	}
	top := ""
	if len(ranked) > 0 {
		top = ranked[0]
	}
	if exp.Top != "" {
		known(exp.Top)
		if top != exp.Top {
			t.Errorf("%s: %s: top is %q, want %q (ranking %v, excluded %v)", name, cat, top, exp.Top, ranked, excluded)
		}
	}
	if len(exp.TopIn) > 0 && !slices.Contains(exp.TopIn, top) {
		t.Errorf("%s: %s: top is %q, want one of %v (ranking %v)", name, cat, top, exp.TopIn, ranked)
	}
	for _, id := range exp.Excluded {
		known(id)
		if !slices.Contains(excluded, id) {
			t.Errorf("%s: %s: %q is not excluded (excluded: %v)", name, cat, id, excluded)
		}
	}
	for _, id := range exp.NotExcluded {
		known(id)
		if !slices.Contains(ranked, id) {
			t.Errorf("%s: %s: %q is not ranked (ranking %v, excluded %v)", name, cat, id, ranked, excluded)
		}
	}
	last := -1
	for _, id := range exp.Order {
		known(id)
		i := slices.Index(ranked, id)
		if i < 0 {
			t.Errorf("%s: %s: %q of the expected order is not ranked (ranking %v)", name, cat, id, ranked)
			continue
		}
		if i < last {
			t.Errorf("%s: %s: order %v not kept (ranking %v)", name, cat, exp.Order, ranked)
			break
		}
		last = i
	}
	fired := make([]string, len(cr.Fired))
	for i, r := range cr.Fired {
		fired[i] = r.ID
	}
	for _, id := range exp.Rules {
		if !slices.Contains(fired, id) {
			t.Errorf("%s: %s: rule %q did not fire (fired: %v)", name, cat, id, fired)
		}
	}
	for candID, facts := range exp.Corrections {
		c := b.Candidate(candID)
		if c == nil {
			t.Errorf("%s: unknown candidate %q in corrections", name, candID)
			continue
		}
		var got []string
		for _, f := range c.Corrections {
			got = append(got, f.ID)
		}
		for _, f := range facts {
			if !slices.Contains(got, f) {
				t.Errorf("%s: %s shows no correction %q (corrections: %v)", name, candID, f, got)
			}
		}
		if !slices.Contains(ranked, candID) && !slices.Contains(excluded, candID) {
			t.Errorf("%s: %s is not in category %s's result", name, candID, cat)
		}
	}
	if exp.Empty != (len(ranked) == 0) {
		t.Errorf("%s: %s: empty is %v, want %v (ranking %v)", name, cat, len(ranked) == 0, exp.Empty, ranked)
	}
}
