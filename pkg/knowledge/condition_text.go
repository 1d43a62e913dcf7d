package knowledge

import (
	"slices"
	"strconv"
	"strings"
)

// How conditions read to a person, in English and Chinese. Every operator has its own phrase,
// so nothing of a condition is lost in the text: a list under has reads "all of", under has_any
// "any of"; lacks and has_none (aliases) read alike; any_of is a parenthesised alternative.
// TestConditionTextRoundTrip parses the text back into the terms it came from.

// phrase is how one operator reads: before and after the operand ("%k" is the key, "%v" the
// operand).
type phrase struct{ en, zh string }

var phrases = map[string]phrase{
	OpIs:      {"%k is %v", "%k 为 %v"},
	OpNot:     {"%k is not %v", "%k 不为 %v"},
	OpIn:      {"%k is one of %v", "%k 为 %v 之一"},
	OpNotIn:   {"%k is none of %v", "%k 不为 %v 中任何一个"},
	OpHas:     {"%k includes %v", "%k 含 %v"},
	opHasAll:  {"%k includes all of %v", "%k 同时含 %v"},
	OpHasAny:  {"%k includes any of %v", "%k 含 %v 中任一"},
	OpLacks:   {"%k includes none of %v", "%k 不含 %v 中任何一个"},
	opEmptyT:  {"%k is empty", "%k 为空"},
	opEmptyF:  {"%k is not empty", "%k 不为空"},
	OpGt:      {"%k is above %v", "%k 大于 %v"},
	OpGte:     {"%k is at least %v", "%k 不小于 %v"},
	OpLt:      {"%k is below %v", "%k 小于 %v"},
	OpLte:     {"%k is at most %v", "%k 不大于 %v"},
	opAlways:  {"always", "总是"},
	opAnswer:  {"the answer to %v", "「%v」的回答"},
	opListSep: {", ", "、"},
	opAnd:     {" and ", "，且 "},
	opOr:      {" or ", " 或 "},
	opGroup:   {"(%v)", "（%v）"},
}

// Pseudo-operators: the forms of has, empty and the joins that read differently.
const (
	opHasAll  = "has/all"
	opEmptyT  = "empty/true"
	opEmptyF  = "empty/false"
	opAlways  = "always"
	opAnswer  = "answer"
	opListSep = "list"
	opAnd     = "and"
	opOr      = "or"
	opGroup   = "group"
)

func (p phrase) in(lang string) string {
	if lang == "zh" {
		return p.zh
	}
	return p.en
}

// Text describes the condition in lang ("en" or "zh"): its terms joined by "and", an any_of
// as "(A or B)"; "always" for an empty condition. The condition must come from a loaded base.
func (c *Condition) Text(lang string) string {
	if c.IsEmpty() {
		return phrases[opAlways].in(lang)
	}
	var parts []string
	for _, t := range c.Terms {
		parts = append(parts, t.Text(lang))
	}
	if len(c.AnyOf) > 0 {
		var alts []string
		for _, sub := range c.AnyOf {
			alts = append(alts, sub.Text(lang))
		}
		group := strings.Join(alts, phrases[opOr].in(lang))
		if len(c.Terms) > 0 || len(alts) > 1 {
			group = strings.Replace(phrases[opGroup].in(lang), "%v", group, 1)
		}
		parts = append(parts, group)
	}
	return strings.Join(parts, phrases[opAnd].in(lang))
}

// Text describes one term in lang, e.g. "workloads includes any of ai-training, hpc".
func (t *Term) Text(lang string) string {
	op := t.op
	operand := t.operandText(lang)
	switch {
	case op == OpHasNone:
		op = OpLacks
	case op == OpHas && (t.Answer == "" && len(t.strs) > 1):
		op = opHasAll
	case op == OpEmpty && len(t.strs) == 1 && t.strs[0] == "true":
		op = opEmptyT
	case op == OpEmpty:
		op = opEmptyF
	}
	p, ok := phrases[op]
	if !ok { // not compiled: say what was written
		return t.Key + " " + t.Op + " " + operand
	}
	s := strings.Replace(p.in(lang), "%k", t.Key, 1)
	return strings.Replace(s, "%v", operand, 1)
}

func (t *Term) operandText(lang string) string {
	if t.Answer != "" {
		return strings.Replace(phrases[opAnswer].in(lang), "%v", t.Answer, 1)
	}
	return strings.Join(t.Values(), phrases[opListSep].in(lang))
}

// Operator is the term's operator once resolved: the shorthands' is, in, has and has_any
// spelled out ("" for a term that did not compile).
func (t *Term) Operator() string { return t.op }

// Values are the term's literal operands as written (numbers in their shortest form); none
// when the operand is an {answer: …}.
func (t *Term) Values() []string {
	if len(t.nums) > 0 {
		vals := make([]string, len(t.nums))
		for i, n := range t.nums {
			vals[i] = strconv.FormatFloat(n, 'g', -1, 64)
		}
		return vals
	}
	return slices.Clone(t.strs)
}
