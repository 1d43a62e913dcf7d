package scenario_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/testbase"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/scenario"
)

func mini(t *testing.T) *knowledge.Base {
	t.Helper()
	return testbase.Mini(t)
}

func TestParseErrors(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"unknown key":     {"name: x\nexpect: {engine: {top: fast}}\nexpectt: {}\n", `t.yaml:3: unknown key "expectt"`},
		"unknown expect":  {"name: x\nexpect: {engine: {topp: fast}}\n", `t.yaml:2: unknown key "topp"`},
		"no name":         {"expect: {engine: {top: fast}}\n", "t.yaml:1: a scenario needs a name"},
		"empty list":      {"name: x\nexpect: {engine: {top_in: []}}\n", "expect.engine.top_in is an empty list"},
		"no expect":       {"name: x\n", "needs expect"},
		"empty file":      {"", "t.yaml: empty scenario file"},
		"two documents":   {"name: x\nexpect: {engine: {top: fast}}\n---\nname: y\n", "one scenario per file"},
		"answers a list":  {"name: x\nanswers: [a]\nexpect: {engine: {top: fast}}\n", "t.yaml:2:10: answers must be a mapping"},
		"not yaml at all": {"name: [x\n", "t.yaml:1: "},
	} {
		_, err := scenario.Parse("t.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", name, err, c.want)
		}
	}
}

// TestRunChecksEveryExpectation: each kind of expectation passes when it holds and fails, with
// a sentence naming the category and what was seen, when it does not.
func TestRunChecksEveryExpectation(t *testing.T) {
	b := mini(t)
	cases := []struct {
		name, expect string
		answers      string
		fail         string // "" when the scenario passes
	}{
		{"top holds", "{top: safe}", "{categories: [engine]}", ""},
		{"top fails", "{top: fast}", "{categories: [engine]}", `engine: top is "safe", want "fast"`},
		{"top_in", "{top_in: [safe, fast]}", "{categories: [engine]}", ""},
		{"top_in fails", "{top_in: [fast]}", "{categories: [engine]}", `want one of [fast]`},
		{"excluded", "{excluded: [safe]}", "{categories: [engine], kvm: none}", ""},
		{"excluded fails", "{excluded: [safe]}", "{categories: [engine]}", `"safe" is not excluded`},
		{"not_excluded fails", "{not_excluded: [safe]}", "{categories: [engine], kvm: none}", `"safe" is not ranked`},
		{"order", "{order: [safe, fast]}", "{categories: [engine]}", ""},
		{"order fails", "{order: [fast, safe]}", "{categories: [engine]}", "order [fast safe] not kept"},
		{"rules", "{rules: [engine.ai]}", "{categories: [engine], workloads: [ai]}", ""},
		{"rules fail", "{rules: [engine.ai]}", "{categories: [engine]}", `rule "engine.ai" did not fire`},
		{"unknown rule", "{rules: [engine.nosuch]}", "{categories: [engine]}", `unknown rule "engine.nosuch" in the expectation`},
		{"not_rules", "{not_rules: [engine.ai]}", "{categories: [engine]}", ""},
		{"not_rules fail", "{not_rules: [engine.ai]}", "{categories: [engine], workloads: [ai]}", `rule "engine.ai" fired, and should not have`},
		{"unknown fact", "{corrections: {safe: [no-such-fact]}}", "{categories: [engine]}", `unknown fact "no-such-fact"`},
		{"corrections", "{corrections: {safe: [safe-speed]}}", "{categories: [engine]}", ""},
		{"corrections fail", "{corrections: {fast: [safe-speed]}}", "{categories: [engine]}", `fast shows no correction "safe-speed"`},
		{"conditional correction shown", "{corrections: {fast: [fast-no-kvm]}}", "{categories: [engine], kvm: none}", ""},
		{"conditional correction hidden", "{corrections: {fast: [fast-no-kvm]}}", "{categories: [engine]}", `fast shows no correction "fast-no-kvm"`},
		{"not_corrections", "{not_corrections: {fast: [fast-no-kvm]}}", "{categories: [engine]}", ""},
		{"not_corrections fail", "{not_corrections: {fast: [fast-no-kvm]}}", "{categories: [engine], kvm: none}", `fast shows correction "fast-no-kvm", and should not`},
		{"empty", "{empty: true}", "{categories: [engine], budget: 1}", ""},
		{"not empty by default", "{top_in: [fast, safe]}", "{categories: [engine], budget: 1}", "empty is true, want false"},
		{"unknown candidate", "{top: nosuch}", "{categories: [engine]}", `unknown candidate "nosuch"`},
		{"category not asked", "{top: safe}", "{categories: [gpu]}", "engine: not a category the answers ask for (categories: gpu)"},
		{"bad answers", "{top: fast}", "{categories: [engine], kvm: maybe}", "the answers are not valid"},
	}
	for _, c := range cases {
		src := "name: " + c.name + "\nanswers: " + c.answers + "\nexpect:\n  engine: " + c.expect + "\n"
		s, err := scenario.Parse("t.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r := scenario.Run(b, s)
		got := strings.Join(r.Failures, "\n")
		switch {
		case c.fail == "" && !r.Passed():
			t.Errorf("%s: failed: %s", c.name, got)
		case c.fail != "" && !strings.Contains(got, c.fail):
			t.Errorf("%s: failures %q, want one containing %q", c.name, got, c.fail)
		}
	}
}

func TestUnknownCategory(t *testing.T) {
	s, err := scenario.Parse("t.yaml", []byte("name: x\nanswers: {categories: [engine]}\nexpect: {engin: {top: safe}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(scenario.Run(mini(t), s).Failures, "\n"); got != "engin: unknown category; categories: engine, gpu" {
		t.Errorf("failures %q", got)
	}
}
