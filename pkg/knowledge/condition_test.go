package knowledge_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// The truth table of the condition language: every operator, the scalar and list shorthands,
// any_of and {answer: …} operands, on every question type (conditions: Holds) and every
// attribute type (targets: Matcher), each case true once and false once. The base is
// testdata/rules/ops: questions q-one (x|y|z), q-multi, q-bool, q-int; candidate c1 with
// l=3 (level), n=2.5 (number), b=true, e=y (enum), li=[x y] (list); c2 with only l=1, li=[].

// whenCase is a condition and whether it holds for the answers.
type whenCase struct {
	when    string // the YAML of a when
	answers string // flow YAML of the answers (on top of the defaults q-one y, q-multi [x y], q-bool true, q-int 5)
	want    bool
}

var whenCases = []whenCase{
	// one
	{"{q-one: y}", "", true}, {"{q-one: x}", "", false},
	{"{q-one: [x, y]}", "", true}, {"{q-one: [x, z]}", "", false},
	{"{q-one: {is: y}}", "", true}, {"{q-one: {is: z}}", "", false},
	{"{q-one: {not: x}}", "", true}, {"{q-one: {not: y}}", "", false},
	{"{q-one: {in: [y, z]}}", "", true}, {"{q-one: {in: [x]}}", "", false},
	{"{q-one: {not_in: [x, z]}}", "", true}, {"{q-one: {not_in: [y]}}", "", false},
	// multi (answer [x y])
	{"{q-multi: x}", "", true}, {"{q-multi: z}", "", false},
	{"{q-multi: [z, y]}", "", true}, {"{q-multi: [z]}", "", false},
	{"{q-multi: {has: [x, y]}}", "", true}, {"{q-multi: {has: [x, z]}}", "", false},
	{"{q-multi: {has: y}}", "", true},
	{"{q-multi: {has_any: [z, x]}}", "", true}, {"{q-multi: {has_any: [z]}}", "", false},
	{"{q-multi: {lacks: z}}", "", true}, {"{q-multi: {lacks: [x, z]}}", "", false},
	{"{q-multi: {has_none: [z]}}", "", true}, {"{q-multi: {has_none: [z, y]}}", "", false},
	{"{q-multi: {empty: false}}", "", true}, {"{q-multi: {empty: true}}", "", false},
	{"{q-multi: {empty: true}}", "{q-multi: []}", true}, {"{q-multi: {empty: false}}", "{q-multi: []}", false},
	// bool
	{"{q-bool: true}", "", true}, {"{q-bool: false}", "", false},
	{"{q-bool: {is: false}}", "{q-bool: false}", true}, {"{q-bool: {not: true}}", "", false},
	// int (answer 5)
	{"{q-int: 5}", "", true}, {"{q-int: 4}", "", false},
	{"{q-int: [4, 5]}", "", true}, {"{q-int: [1, 2]}", "", false},
	{"{q-int: {is: 5}}", "", true}, {"{q-int: {not: 5}}", "", false},
	{"{q-int: {in: [5, 6]}}", "", true}, {"{q-int: {not_in: [5]}}", "", false},
	{"{q-int: {not_in: [1]}}", "", true}, {"{q-int: {in: [1]}}", "", false},
	{"{q-int: {gt: 4}}", "", true}, {"{q-int: {gt: 5}}", "", false},
	{"{q-int: {gte: 5}}", "", true}, {"{q-int: {gte: 6}}", "", false},
	{"{q-int: {lt: 6}}", "", true}, {"{q-int: {lt: 5}}", "", false},
	{"{q-int: {lte: 5}}", "", true}, {"{q-int: {lte: 4}}", "", false},
	// conjunction, any_of, the empty condition
	{"{q-one: y, q-int: 5}", "", true}, {"{q-one: y, q-int: 4}", "", false},
	{"{any_of: [{q-one: x}, {q-int: 5}]}", "", true}, {"{any_of: [{q-one: x}, {q-int: 4}]}", "", false},
	{"{q-bool: true, any_of: [{q-one: x}, {q-multi: z}]}", "", false},
	{"{q-bool: true, any_of: [{q-one: x}, {q-multi: x, q-int: {gt: 1}}]}", "", true},
	{"{}", "", true},
}

// targetCase is a target's where (on c1 unless ids say otherwise) and whether c1 matches.
type targetCase struct {
	target  string
	answers string
	want    bool
}

var targetCases = []targetCase{
	// level (3)
	{"{where: {l: 3}}", "", true}, {"{where: {l: 2}}", "", false},
	{"{where: {l: [1, 3]}}", "", true}, {"{where: {l: [1, 2]}}", "", false},
	{"{where: {l: {not: 2}}}", "", true}, {"{where: {l: {not: 3}}}", "", false},
	{"{where: {l: {not_in: [1, 2]}}}", "", true}, {"{where: {l: {not_in: [3]}}}", "", false},
	{"{where: {l: {gt: 2}}}", "", true}, {"{where: {l: {gt: 3}}}", "", false},
	{"{where: {l: {gte: 3}}}", "", true}, {"{where: {l: {lt: 3}}}", "", false},
	{"{where: {l: {lte: 3}}}", "", true}, {"{where: {l: {lte: 2}}}", "", false},
	// number (2.5)
	{"{where: {n: {gt: 2}}}", "", true}, {"{where: {n: {lt: 2.5}}}", "", false},
	{"{where: {n: {is: 2.5}}}", "", true}, {"{where: {n: {in: [1, 2]}}}", "", false},
	// bool (true)
	{"{where: {b: true}}", "", true}, {"{where: {b: false}}", "", false},
	{"{where: {b: {not: false}}}", "", true}, {"{where: {b: {is: false}}}", "", false},
	// enum (y)
	{"{where: {e: y}}", "", true}, {"{where: {e: [x, z]}}", "", false},
	{"{where: {e: {not: x}}}", "", true}, {"{where: {e: {in: [x]}}}", "", false},
	{"{where: {e: {not_in: [x, z]}}}", "", true}, {"{where: {e: {not_in: [y]}}}", "", false},
	// list ([x y])
	{"{where: {li: x}}", "", true}, {"{where: {li: z}}", "", false},
	{"{where: {li: [z, y]}}", "", true}, {"{where: {li: [z]}}", "", false},
	{"{where: {li: {has: [x, y]}}}", "", true}, {"{where: {li: {has: [x, z]}}}", "", false},
	{"{where: {li: {has_any: [z, x]}}}", "", true}, {"{where: {li: {has_any: [z]}}}", "", false},
	{"{where: {li: {lacks: z}}}", "", true}, {"{where: {li: {lacks: x}}}", "", false},
	{"{where: {li: {has_none: [z]}}}", "", true}, {"{where: {li: {has_none: [y, z]}}}", "", false},
	{"{where: {li: {empty: false}}}", "", true}, {"{where: {li: {empty: true}}}", "", false},
	// {answer: …} operands
	{"{where: {l: {gt: {answer: q-int}}}}", "{q-int: 2}", true}, {"{where: {l: {gt: {answer: q-int}}}}", "", false},
	{"{where: {n: {lt: {answer: q-int}}}}", "", true}, {"{where: {n: {lt: {answer: q-int}}}}", "{q-int: 1}", false},
	{"{where: {li: {has: {answer: q-one}}}}", "", true}, {"{where: {li: {lacks: {answer: q-one}}}}", "", false},
	{"{where: {e: {is: {answer: q-one}}}}", "", true}, {"{where: {e: {not: {answer: q-one}}}}", "", false},
	{"{where: {li: {has_any: {answer: q-multi}}}}", "{q-multi: [z, y]}", true}, {"{where: {li: {has_none: {answer: q-multi}}}}", "", false},
	{"{where: {b: {is: {answer: q-bool}}}}", "", true}, {"{where: {b: {is: {answer: q-bool}}}}", "{q-bool: false}", false},
	// ids, several terms
	{"{ids: [c1], where: {b: true}}", "", true}, {"{ids: [c2], where: {b: true}}", "", false},
	{"{ids: [c1, c2]}", "", true}, {"{where: {l: 3, b: false}}", "", false},
}

// opsBase loads testdata/rules/ops with an overlay of one rule per case: rule i of the
// conditions has when i, rule i of the targets target i.
func opsBase(t *testing.T) *knowledge.Base {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("category: things\nrules:\n")
	for i, c := range whenCases {
		fmt.Fprintf(&sb, "  - {id: w.%d, when: %s, effect: caveat, target: {ids: [c1]}, because: {en: x, zh: x}, source: \"report: t\"}\n", i, c.when)
	}
	for i, c := range targetCases {
		fmt.Fprintf(&sb, "  - {id: t.%d, effect: caveat, target: %s, because: {en: x, zh: x}, source: \"report: t\"}\n", i, c.target)
	}
	b, err := knowledge.LoadLayers(readDir(t, "testdata/rules/ops"), []knowledge.File{{Name: "cases.yaml", Data: []byte(sb.String())}})
	if err != nil {
		t.Fatalf("the cases do not load:\n%v", err)
	}
	return b
}

func answersFor(t *testing.T, b *knowledge.Base, flow string) knowledge.Answers {
	t.Helper()
	given := knowledge.Answers{}
	if flow != "" {
		var err error
		if given, err = b.ParseAnswers("answers", []byte(flow)); err != nil {
			t.Fatalf("answers %s: %v", flow, err)
		}
	}
	full, err := b.Resolve(given)
	if err != nil {
		t.Fatal(err)
	}
	return full
}

func opsRule(b *knowledge.Base, id string) *knowledge.Rule {
	for _, r := range b.Category("things").Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func TestConditionTruthTable(t *testing.T) {
	b := opsBase(t)
	for i, c := range whenCases {
		got := opsRule(b, fmt.Sprintf("w.%d", i)).When.Holds(answersFor(t, b, c.answers))
		if got != c.want {
			t.Errorf("when %s with answers %q: holds = %v, want %v", c.when, c.answers, got, c.want)
		}
	}
	// A term on a question without an answer never holds; neither does its negation.
	for _, id := range []string{"w.0", "w.6"} {
		if opsRule(b, id).When.Holds(knowledge.Answers{}) {
			t.Errorf("%s holds without answers", id)
		}
	}
	var nilCond *knowledge.Condition
	if !nilCond.Holds(nil) || !nilCond.IsEmpty() {
		t.Error("a missing condition must hold and be empty")
	}
}

func TestTargetTruthTable(t *testing.T) {
	b := opsBase(t)
	c1, c2 := b.Candidate("c1"), b.Candidate("c2")
	for i, c := range targetCases {
		r := opsRule(b, fmt.Sprintf("t.%d", i))
		a := answersFor(t, b, c.answers)
		if got := r.Target.Matches(c1, a); got != c.want {
			t.Errorf("target %s with answers %q: c1 matches = %v, want %v", c.target, c.answers, got, c.want)
		}
		m := r.Target.Bind(a) // bound once, matched many times, as the engine does
		if got := m.Matches(c1); got != c.want {
			t.Errorf("target %s: the bound matcher says %v, want %v", c.target, got, c.want)
		}
	}
	// A candidate without the attribute never matches a where on it, whatever the operator.
	for i, c := range targetCases {
		if strings.Contains(c.target, "{n:") || strings.Contains(c.target, "{b:") || strings.Contains(c.target, "{e:") {
			if opsRule(b, fmt.Sprintf("t.%d", i)).Target.Matches(c2, answersFor(t, b, c.answers)) {
				t.Errorf("target %s matches c2, which lacks the attribute", c.target)
			}
		}
	}
	// An {answer: …} operand on an unanswered question matches nothing.
	for i, c := range targetCases {
		if strings.Contains(c.target, "answer:") && opsRule(b, fmt.Sprintf("t.%d", i)).Target.Matches(c1, knowledge.Answers{}) {
			t.Errorf("target %s matches without the answer it names", c.target)
		}
	}
}

// TestEveryOperatorIsCovered fails when an operator is added without truth-table cases.
func TestEveryOperatorIsCovered(t *testing.T) {
	var all strings.Builder
	for _, c := range whenCases {
		all.WriteString(c.when)
	}
	for _, c := range targetCases {
		all.WriteString(c.target)
	}
	for _, op := range knowledge.Operators() {
		if !strings.Contains(all.String(), "{"+op+":") {
			t.Errorf("operator %q has no truth-table case", op)
		}
	}
}

// TestTermMistakes: every way to get a term wrong is one problem at the term, in words that
// say what is allowed.
func TestTermMistakes(t *testing.T) {
	for _, c := range []struct{ when, want string }{
		{"{q-one: {has: x}}", `operator "has" does not apply to question "q-one" of type one; allowed: is, not, in, not_in`},
		{"{q-multi: {gt: 1}}", `operator "gt" does not apply to question "q-multi" of type multi`},
		{"{q-one: {is: [x, y]}}", `operator "is" takes one value, not a list`},
		{"{q-one: w}", `"w" is not a value of question "q-one"; allowed: x, y, z`},
		{"{q-int: {gt: many}}", `question "q-int" is numeric; "many" is not a number`},
		{"{q-bool: maybe}", `question "q-bool" is true or false; "maybe" is neither`},
		{"{q-bool: [true, false]}", `question "q-bool" is bool: give one value, not a list`},
		{"{q-multi: {empty: maybe}}", "empty takes true or false"},
		{"{q-multi: {has_al: [x]}}", `unknown operator "has_al"; allowed: is, not, in, not_in, has, lacks, has_any, has_none, empty, gt, gte, lt, lte; did you mean "has_any"?`},
		{"{q-one: {is: x, not: y}}", "a matcher has exactly one operator"},
		{"{q-one: {is: {value: x}}}", "an operand is a value, a list of values or {answer: <question id>}"},
		{"{q-one: {is: {answer: q-one}}}", "{answer: …} is for rule targets, not for conditions on answers"},
		{"{q-one: {is: {x: 1}}}", "an operand is a value"},
		{"{q-one: ~}", `the operand of "q-one" must be a value or a list of values`},
		{"{nosuch: x}", `unknown question "nosuch"`},
		{"{any_of: []}", "any_of needs at least one condition"},
	} {
		src := "category: things\nrules:\n  - {id: bad, when: " + c.when + ", effect: caveat, target: {ids: [c1]}, because: {en: x, zh: x}, source: \"report: t\"}\n"
		_, err := knowledge.LoadLayers(readDir(t, "testdata/rules/ops"), []knowledge.File{{Name: "bad.yaml", Data: []byte(src)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("when %s: error %v, want %q", c.when, err, c.want)
		}
	}
	for _, c := range []struct{ target, want string }{
		{"{where: {li: {gt: 1}}}", `operator "gt" does not apply to attribute "li" of type list`},
		{"{where: {n: {has: 1}}}", `operator "has" does not apply to attribute "n" of type number`},
		{"{where: {e: w}}", `"w" is not a value of attribute "e"`},
		{"{where: {l: {gt: {answer: nosuch}}}}", `unknown question "nosuch" in {answer: …}`},
		{"{where: {l: {gt: {answer: q-one}}}}", `cannot compare attribute "l" (level) with the answer to "q-one" (one)`},
		{"{where: {li: {empty: {answer: q-multi}}}}", "empty takes true or false, not an answer"},
	} {
		src := "category: things\nrules:\n  - {id: bad, effect: caveat, target: " + c.target + ", because: {en: x, zh: x}, source: \"report: t\"}\n"
		_, err := knowledge.LoadLayers(readDir(t, "testdata/rules/ops"), []knowledge.File{{Name: "bad.yaml", Data: []byte(src)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("target %s: error %v, want %q", c.target, err, c.want)
		}
	}
}

// caseRule finds the rule of the truth table made from a when (prefix "w.") or a target ("t.").
func caseRule(t *testing.T, b *knowledge.Base, src string) *knowledge.Rule {
	for i, c := range whenCases {
		if c.when == src {
			return opsRule(b, fmt.Sprintf("w.%d", i))
		}
	}
	for i, c := range targetCases {
		if c.target == src {
			return opsRule(b, fmt.Sprintf("t.%d", i))
		}
	}
	t.Fatalf("no case %s", src)
	return nil
}

func TestConditionQueries(t *testing.T) {
	b := opsBase(t)
	when := caseRule(t, b, "{q-bool: true, any_of: [{q-one: x}, {q-multi: x, q-int: {gt: 1}}]}").When
	set := map[string]bool{}
	when.Questions(set)
	if len(set) != 4 || !set["q-bool"] || !set["q-int"] {
		t.Errorf("Questions = %v", set)
	}
	if th := when.Thresholds("q-int"); len(th) != 1 || th[0] != 1 {
		t.Errorf("Thresholds = %v, want [1]", th)
	}
	var nilCond *knowledge.Condition
	if nilCond.Thresholds("q-int") != nil {
		t.Error("a missing condition has thresholds")
	}
	nilCond.Questions(set)
	tg := caseRule(t, b, "{where: {l: {gt: {answer: q-int}}}}").Target
	if got := tg.AnswerAttributes("q-int"); len(got) != 1 || got[0] != "l" {
		t.Errorf("AnswerAttributes = %v", got)
	}
	qs := b.Category("things").Questions()
	for _, id := range []string{"q-one", "q-multi", "q-bool", "q-int"} {
		if !qs[id] {
			t.Errorf("the category's questions lack %s: %v", id, qs)
		}
	}
}

func TestValues(t *testing.T) {
	for _, c := range []struct {
		v    knowledge.Value
		str  string
		anyv string
	}{
		{knowledge.Value{Type: knowledge.TypeMulti, List: []string{"a", "b"}}, "a,b", "[a b]"},
		{knowledge.Value{Type: knowledge.TypeMulti}, "", "[]"},
		{knowledge.Value{Type: knowledge.TypeBool, Bool: true}, "true", "true"},
		{knowledge.Value{Type: knowledge.TypeInt, Int: 7}, "7", "7"},
		{knowledge.Value{Type: knowledge.TypeOne, Str: "x"}, "x", "x"},
	} {
		if c.v.String() != c.str || fmt.Sprint(c.v.Any()) != c.anyv {
			t.Errorf("%+v: String %q, Any %v", c.v, c.v.String(), c.v.Any())
		}
		if !c.v.Equal(c.v) {
			t.Errorf("%+v is not equal to itself", c.v)
		}
	}
	a := knowledge.Value{Type: knowledge.TypeMulti, List: []string{"a"}}
	if a.Equal(knowledge.Value{Type: knowledge.TypeMulti, List: []string{"b"}}) || a.Equal(knowledge.Value{Type: knowledge.TypeOne, Str: "a"}) {
		t.Error("different values are equal")
	}
}
