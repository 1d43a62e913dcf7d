package knowledge_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// The phrases of the condition text, as the round-trip parser reads them back: the operator,
// the template, in each language. Kept apart from the printer's table on purpose: a change to
// one that the other does not follow fails the test.
var readBack = []struct{ op, en, zh string }{
	{"is", "%k is %v", "%k 为 %v"},
	{"not", "%k is not %v", "%k 不为 %v"},
	{"in", "%k is one of %v", "%k 为 %v 之一"},
	{"not_in", "%k is none of %v", "%k 不为 %v 中任何一个"},
	{"has", "%k includes %v", "%k 含 %v"},
	{"has", "%k includes all of %v", "%k 同时含 %v"},
	{"has_any", "%k includes any of %v", "%k 含 %v 中任一"},
	{"lacks", "%k includes none of %v", "%k 不含 %v 中任何一个"},
	{"empty=true", "%k is empty", "%k 为空"},
	{"empty=false", "%k is not empty", "%k 不为空"},
	{"gt", "%k is above %v", "%k 大于 %v"},
	{"gte", "%k is at least %v", "%k 不小于 %v"},
	{"lt", "%k is below %v", "%k 小于 %v"},
	{"lte", "%k is at most %v", "%k 不大于 %v"},
}

var seps = map[string]struct{ and, or, list, open, close, answerRe, always string }{
	"en": {" and ", " or ", ", ", "(", ")", `^the answer to (\S+)$`, "always"},
	"zh": {"，且 ", " 或 ", "、", "（", "）", `^「(\S+)」的回答$`, "总是"},
}

// splitTop splits s at sep where no bracket is open.
func splitTop(s, sep, open, close string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], open):
			depth++
			i += len(open)
		case strings.HasPrefix(s[i:], close):
			depth--
			i += len(close)
		case depth == 0 && strings.HasPrefix(s[i:], sep):
			parts = append(parts, s[start:i])
			i += len(sep)
			start = i
		default:
			i++
		}
	}
	return append(parts, s[start:])
}

// readTerms parses a condition's text back into its terms, flattened with their any_of
// alternatives marked: "key op values" per term, the alternatives of a group as "(a | b)".
func readTerms(t *testing.T, text, lang string) []string {
	t.Helper()
	sp := seps[lang]
	if text == sp.always {
		return nil
	}
	var out []string
	for _, part := range splitTop(text, sp.and, sp.open, sp.close) {
		if strings.HasPrefix(part, sp.open) && strings.HasSuffix(part, sp.close) {
			inner := strings.TrimSuffix(strings.TrimPrefix(part, sp.open), sp.close)
			var alts []string
			for _, alt := range splitTop(inner, sp.or, sp.open, sp.close) {
				if strings.HasPrefix(alt, sp.open) && strings.HasSuffix(alt, sp.close) {
					alt = strings.TrimSuffix(strings.TrimPrefix(alt, sp.open), sp.close)
				}
				alts = append(alts, strings.Join(readTerms(t, alt, lang), " & "))
			}
			out = append(out, "("+strings.Join(alts, " | ")+")")
			continue
		}
		if alts := splitTop(part, sp.or, sp.open, sp.close); len(alts) > 1 { // an any_of alone
			var rs []string
			for _, alt := range alts {
				rs = append(rs, strings.Join(readTerms(t, alt, lang), " & "))
			}
			out = append(out, "("+strings.Join(rs, " | ")+")")
			continue
		}
		out = append(out, readTerm(t, part, lang))
	}
	sort.Strings(out)
	return out
}

func readTerm(t *testing.T, s, lang string) string {
	t.Helper()
	forms := slices.Clone(readBack)
	sort.SliceStable(forms, func(i, j int) bool { return len(template(forms[i], lang)) > len(template(forms[j], lang)) })
	for _, f := range forms {
		re := "^" + strings.NewReplacer(`%k`, `(\S+)`, `%v`, `(.+)`).Replace(regexp.QuoteMeta(template(f, lang))) + "$"
		m := regexp.MustCompile(re).FindStringSubmatch(s)
		if m == nil {
			continue
		}
		op, vals := f.op, ""
		if len(m) > 2 {
			vals = m[2]
			if a := regexp.MustCompile(seps[lang].answerRe).FindStringSubmatch(vals); a != nil {
				vals = "answer:" + a[1]
			} else {
				vals = strings.Join(strings.Split(vals, seps[lang].list), ",")
			}
		}
		return m[1] + " " + op + " " + vals
	}
	t.Fatalf("cannot read %q back (%s)", s, lang)
	return ""
}

func template(f struct{ op, en, zh string }, lang string) string {
	if lang == "zh" {
		return f.zh
	}
	return f.en
}

// termsOf lists a condition's terms as readTerms gives them.
func termsOf(c *knowledge.Condition) []string {
	var out []string
	for _, t := range c.Terms {
		op := t.Operator()
		vals := strings.Join(t.Values(), ",")
		switch {
		case op == "has_none":
			op = "lacks"
		case op == "empty":
			op, vals = "empty="+vals, ""
		}
		if t.Answer != "" {
			vals = "answer:" + t.Answer
		}
		out = append(out, t.Key+" "+op+" "+vals)
	}
	if len(c.AnyOf) > 0 {
		var alts []string
		for _, sub := range c.AnyOf {
			alts = append(alts, strings.Join(termsOf(sub), " & "))
		}
		if len(alts) == 1 && len(c.Terms) == 0 {
			out = append(out, strings.Split(alts[0], " & ")...)
		} else {
			out = append(out, "("+strings.Join(alts, " | ")+")")
		}
	}
	sort.Strings(out)
	return out
}

// TestConditionTextRoundTrip: the text of every condition of the embedded base and of the
// truth table, in both languages, reads back into the same terms: no operator, operand or
// any_of is lost or misnamed.
func TestConditionTextRoundTrip(t *testing.T) {
	var conds []*knowledge.Condition
	emb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []*knowledge.Base{emb, opsBase(t)} {
		for _, c := range b.Categories {
			for _, r := range c.Rules {
				conds = append(conds, &r.When)
			}
		}
		for _, q := range b.Questions {
			for _, da := range q.DefaultAdd {
				conds = append(conds, &da.When)
			}
			if q.ShowWhen != nil {
				conds = append(conds, q.ShowWhen)
			}
		}
		for _, tp := range b.Topics {
			if tp.ShowWhen != nil {
				conds = append(conds, tp.ShowWhen)
			}
		}
	}
	if len(conds) < 150 {
		t.Fatalf("only %d conditions", len(conds))
	}
	ops := map[string]bool{}
	for _, c := range conds {
		want := termsOf(c)
		for _, tm := range c.Terms {
			ops[tm.Operator()] = true
		}
		for _, lang := range []string{"en", "zh"} {
			text := c.Text(i18n.For(lang))
			if got := readTerms(t, text, lang); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s text %q reads back as %v, want %v", lang, text, got, want)
			}
		}
	}
	for _, op := range knowledge.Operators() {
		if !ops[op] {
			t.Errorf("no condition uses %q: the round trip does not cover it", op)
		}
	}
}

func TestConditionTextExamples(t *testing.T) {
	b := opsBase(t)
	for _, c := range []struct{ when, en, zh string }{
		{"{q-multi: {has: [x, y]}}", "q-multi includes all of x, y", "q-multi 同时含 x、y"},
		{"{q-multi: [z, y]}", "q-multi includes any of z, y", "q-multi 含 z、y 中任一"},
		{"{q-bool: true, any_of: [{q-one: x}, {q-multi: z}]}", "q-bool is true and (q-one is x or q-multi includes z)", "q-bool 为 true，且 （q-one 为 x 或 q-multi 含 z）"},
		{"{q-bool: true, any_of: [{q-one: x}, {q-multi: x, q-int: {gt: 1}}]}", "q-bool is true and (q-one is x or (q-multi includes x and q-int is above 1))", "q-bool 为 true，且 （q-one 为 x 或 （q-multi 含 x，且 q-int 大于 1））"},
		{"{any_of: [{q-one: x}, {q-int: 5}]}", "(q-one is x or q-int is 5)", "（q-one 为 x 或 q-int 为 5）"},
		{"{q-int: {gte: 5}}", "q-int is at least 5", "q-int 不小于 5"},
		{"{}", "always", "总是"},
	} {
		cond := caseRule(t, b, c.when).When
		if got := cond.Text(i18n.For("en")); got != c.en {
			t.Errorf("%s: en %q, want %q", c.when, got, c.en)
		}
		if got := cond.Text(i18n.For("zh")); got != c.zh {
			t.Errorf("%s: zh %q, want %q", c.when, got, c.zh)
		}
	}
}
