package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// miniWith is the mini base with its questions file edited: each pair of old, new strings is
// replaced once, and the test fails if old is not there.
func miniWith(t *testing.T, extra string, edits ...string) []knowledge.File {
	t.Helper()
	files := readDir(t, "testdata/rules/mini")
	for i := range files {
		if !strings.HasSuffix(files[i].Name, "questions.yaml") {
			continue
		}
		s := string(files[i].Data)
		for j := 0; j+1 < len(edits); j += 2 {
			if !strings.Contains(s, edits[j]) {
				t.Fatalf("questions.yaml has no %q", edits[j])
			}
			s = strings.Replace(s, edits[j], edits[j+1], 1)
		}
		files[i].Data = []byte(s)
	}
	if extra != "" {
		files = append(files, knowledge.File{Name: "extra.yaml", Data: []byte(extra)})
	}
	return files
}

func rule(when string) string {
	return `category: engine
rules:
  - id: engine.r
    when: ` + when + `
    effect: caveat
    target: {ids: [fast]}
    because: {en: R., zh: R。}
    source: "report: x"
`
}

func TestConditionsThatCanHoldAreAccepted(t *testing.T) {
	for _, when := range []string{
		`{kvm: none, any_of: [{kvm: available}, {budget: {gt: 3}}]}`,
		`{budget: {gt: 2.5}, any_of: [{budget: {lt: 3.5}}]}`, // 3
		`{budget: {gte: 0}, any_of: [{budget: {lte: 0}}]}`,   // 0, the minimum
		`{budget: {gt: 1000000}}`,                            // no max: any size
		`{budget: {gte: 3000000000}}`,                        // beyond int32: answers are Go ints
		`{priorities: {empty: true}}`,                        // min 0
		`{priorities: {has: speed}, any_of: [{priorities: {lacks: safety}}]}`,
		`{priorities: {has_none: [speed]}, any_of: [{priorities: {empty: false}}]}`, // safety
		`{workloads: {has: [web, ai]}}`,
		`{any_of: [{any_of: [{kvm: none}]}, {kvm: available}]}`,
	} {
		if _, err := knowledge.Load(miniWith(t, rule(when))); err != nil {
			t.Errorf("when %s: %v", when, err)
		}
	}
}

func TestContradictionsAreRejected(t *testing.T) {
	for _, when := range []string{
		`{budget: {gt: 3}, any_of: [{budget: {lt: 4}}]}`, // no whole number between
		`{budget: {lt: 0}}`,                    // below the minimum
		`{priorities: {has: [speed, safety]}}`, // max 1
		`{priorities: {has: speed}, any_of: [{priorities: {empty: true}}]}`,
		`{priorities: {has_none: [speed]}, any_of: [{priorities: {has_any: [speed]}}]}`,
		`{kvm: {in: [none]}, any_of: [{kvm: {not: none}}, {any_of: [{kvm: available}]}]}`,
	} {
		_, err := knowledge.Load(miniWith(t, rule(when)))
		if err == nil || !strings.Contains(err.Error(), `rule "engine.r" can never apply: its condition contradicts itself`) {
			t.Errorf("when %s: got %v", when, err)
		}
	}
	_, err := knowledge.Load(miniWith(t, "",
		"    label: {en: KVM, zh: KVM}", "    show_when: {kvm: none, any_of: [{kvm: available}]}\n    label: {en: KVM, zh: KVM}"))
	if err == nil || !strings.Contains(err.Error(), `the show_when of question "kvm" contradicts itself`) {
		t.Errorf("a show_when that cannot hold: got %v", err)
	}
	_, err = knowledge.Load(miniWith(t, "",
		"{when: {workloads: ai}, add: [gpu]}", "{when: {budget: {lt: 0}}, add: [gpu]}"))
	if err == nil || !strings.Contains(err.Error(), `a default_add of "categories" contradicts itself`) {
		t.Errorf("a default_add that cannot hold: got %v", err)
	}
}

// TestContradictionCheckIsBounded: a condition too large to check within the budget is taken
// as satisfiable, not checked at any cost. This one nests any_of 2 000 deep over a
// contradiction at the bottom: expanding it would copy millions of terms.
func TestContradictionCheckIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("{workloads: {has: [web]}")
	const depth = 2000
	for range depth {
		b.WriteString(", any_of: [{workloads: {has_any: [web, ai]}")
	}
	b.WriteString(", any_of: [{workloads: {lacks: [web]}}, {workloads: {lacks: [web]}}]")
	for range depth {
		b.WriteString("}]")
	}
	b.WriteString("}")
	if _, err := knowledge.Load(miniWith(t, rule(b.String()))); err != nil {
		t.Errorf("a condition beyond the budget: %v", err)
	}
	// A large question minimum is not mistaken for a contradiction either.
	_, err := knowledge.Load(miniWith(t, rule(`{budget: {gte: 3000000001}}`),
		"    min: 0\n    default: 0", "    min: 3000000000\n    default: 3000000000"))
	if err != nil {
		t.Errorf("a condition on a question with a large min: %v", err)
	}
}

func TestQuestionCyclesAreRejected(t *testing.T) {
	// categories' default depends on workloads; asking workloads only for some categories
	// closes the loop.
	_, err := knowledge.Load(miniWith(t, "",
		"    label: {en: Workloads, zh: 负载}", "    show_when: {categories: gpu}\n    label: {en: Workloads, zh: 负载}"))
	if err == nil || !strings.Contains(err.Error(), "questions depend on each other in a cycle: categories → workloads → categories") {
		t.Errorf("a two-question cycle: got %v", err)
	}
	// A question shown depending on its own answer.
	_, err = knowledge.Load(miniWith(t, "",
		"    label: {en: KVM, zh: KVM}", "    show_when: {kvm: none}\n    label: {en: KVM, zh: KVM}"))
	if err == nil || !strings.Contains(err.Error(), "cycle: kvm → kvm") {
		t.Errorf("a question depending on itself: got %v", err)
	}
	// Through a topic: the topic is shown depending on a question it holds.
	_, err = knowledge.Load(miniWith(t, "",
		"  - {id: main, title: {en: Main, zh: 主要}}", "  - {id: main, title: {en: Main, zh: 主要}}\n  - {id: more, title: {en: More, zh: 更多}, show_when: {budget: {gt: 0}}}",
		"    topic: main\n    type: int", "    topic: more\n    type: int"))
	if err == nil || !strings.Contains(err.Error(), "cycle: budget → budget") {
		t.Errorf("a topic depending on its own question: got %v", err)
	}
}

// TestDefaultsFollowDependencies: a default_add that depends on another question's default_add
// sees that question's resolved default, though it comes first in the file.
func TestDefaultsFollowDependencies(t *testing.T) {
	files := miniWith(t, "")
	for i := range files {
		if !strings.HasSuffix(files[i].Name, "questions.yaml") {
			continue
		}
		s := string(files[i].Data)
		start, end := strings.Index(s, "  - id: priorities\n"), strings.Index(s, "  - id: kvm\n")
		prio := s[start:end]
		prio = strings.Replace(prio, "    max: 1\n", "    max: 1\n    default_add:\n      - {when: {categories: gpu}, add: [safety]}\n", 1)
		s = s[:start] + s[end:]
		s = strings.Replace(s, "  - id: categories\n", prio+"  - id: categories\n", 1)
		files[i].Data = []byte(s)
	}
	b, err := knowledge.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if b.Questions[0].ID != "priorities" {
		t.Fatalf("priorities should come first, found %s", b.Questions[0].ID)
	}
	ai, err := b.Question("workloads").ParseList([]string{"ai"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.Resolve(knowledge.Answers{"workloads": ai})
	if err != nil {
		t.Fatal(err)
	}
	if s := got["categories"].String(); s != "engine,gpu" {
		t.Errorf("categories = %q, want engine,gpu", s)
	}
	if s := got["priorities"].String(); s != "safety" {
		t.Errorf("priorities = %q, want safety (its default_add depends on categories' default_add)", s)
	}
	web, _ := b.Question("workloads").ParseList([]string{"web"})
	got, _ = b.Resolve(knowledge.Answers{"workloads": web})
	if s := got["priorities"].String(); s != "" {
		t.Errorf("priorities = %q for web only, want none", s)
	}
}

// TestFactConditions: a fact's when is checked against the questions like a rule's, and the
// fact applies only to answers that meet it (every fact applies when there are no answers).
func TestFactConditions(t *testing.T) {
	fact := func(when string) string {
		return `category: engine
facts:
  - id: extra-fact
    verdict: dated
    checked: "2026-01-01"
    when: ` + when + `
    report_says: {en: A, zh: A}
    verified: {en: B, zh: B}
    source: "https://example.org/x"
`
	}
	_, err := knowledge.Load(miniWith(t, fact("{nosuch: x}")))
	if err == nil || !strings.Contains(err.Error(), `unknown question "nosuch"`) {
		t.Fatalf("a fact naming an unknown question loaded: %v", err)
	}
	b, err := knowledge.Load(miniWith(t, fact("{kvm: none}")))
	if err != nil {
		t.Fatal(err)
	}
	f := b.Facts["extra-fact"]
	for _, c := range []struct {
		a    knowledge.Answers
		want bool
	}{
		{nil, true},
		{knowledge.Answers{"kvm": {Type: knowledge.TypeOne, Str: "none"}}, true},
		{knowledge.Answers{"kvm": {Type: knowledge.TypeOne, Str: "available"}}, false},
	} {
		if got := f.AppliesTo(c.a); got != c.want {
			t.Errorf("AppliesTo(%v) = %v, want %v", c.a, got, c.want)
		}
	}
	if !b.Facts["safe-speed"].AppliesTo(knowledge.Answers{"kvm": {Type: knowledge.TypeOne, Str: "available"}}) {
		t.Error("a fact without when does not apply to every reader")
	}
}

// A value's former id (an alias) reads as the value in answers and conditions, and may not
// name another value or another value's alias.
func TestValueAliases(t *testing.T) {
	b, err := knowledge.Load(miniWith(t, "",
		"      - {id: none, label: {en: None, zh: 无}}", "      - {id: none, aliases: [absent, no-kvm], label: {en: None, zh: 无}}"))
	if err != nil {
		t.Fatal(err)
	}
	q := b.Question("kvm")
	if v, err := q.ParseOne("absent"); err != nil || v.Str != "none" {
		t.Errorf("kvm absent: %v %v, want none", v, err)
	}
	if got := q.ValueIDs(); strings.Join(got, ",") != "available,none" {
		t.Errorf("values %v: an alias is not offered", got)
	}
	for _, tc := range []struct{ alias, want string }{
		{"available", `alias "available" of value "none" is already a value or an alias of "kvm"`},
		{"Bad_Alias", `alias "Bad_Alias" of value "none" must be lower-case words joined by -`},
	} {
		_, err := knowledge.Load(miniWith(t, "",
			"      - {id: none, label: {en: None, zh: 无}}", "      - {id: none, aliases: ["+tc.alias+"], label: {en: None, zh: 无}}"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("alias %s: got %v, want %q", tc.alias, err, tc.want)
		}
	}
}
