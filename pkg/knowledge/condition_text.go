package knowledge

import (
	"slices"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// How conditions read to a person, in English and Chinese. Every operator has its own phrase,
// so nothing of a condition is lost in the text: a list under has reads "all of", under has_any
// "any of"; lacks and has_none (aliases) read alike; any_of is a parenthesised alternative.
// TestConditionTextRoundTrip parses the text back into the terms it came from.

// phrases maps an operator (or one of the pseudo-operators below) to its catalog key; the
// texts are in pkg/i18n with every other word of the interface.
var phrases = map[string]string{
	OpIs:      "cond.is",
	OpNot:     "cond.not",
	OpIn:      "cond.in",
	OpNotIn:   "cond.not-in",
	OpHas:     "cond.has",
	opHasAll:  "cond.has-all",
	OpHasAny:  "cond.has-any",
	OpLacks:   "cond.lacks",
	opEmptyT:  "cond.empty-true",
	opEmptyF:  "cond.empty-false",
	OpGt:      "cond.gt",
	OpGte:     "cond.gte",
	OpLt:      "cond.lt",
	OpLte:     "cond.lte",
	opAlways:  "cond.always",
	opAnswer:  "cond.answer",
	opListSep: "cond.list-sep",
	opAnd:     "cond.and",
	opOr:      "cond.or",
	opGroup:   "cond.group",
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

// phrase is how an operator reads in loc's language: "%k" stands for the key, "%v" for the operand.
func phrase(op string, loc i18n.Localizer) string { return loc.T(phrases[op]) }

// Text describes the condition in loc's language: its terms joined by "and", an any_of
// as "(A or B)"; "always" for an empty condition. The condition must come from a loaded base.
func (c *Condition) Text(loc i18n.Localizer) string {
	if c.IsEmpty() {
		return phrase(opAlways, loc)
	}
	var parts []string
	for _, t := range c.Terms {
		parts = append(parts, t.Text(loc))
	}
	if len(c.AnyOf) > 0 {
		var alts []string
		for _, sub := range c.AnyOf {
			alt := sub.Text(loc)
			if len(sub.Terms) > 1 || (len(sub.Terms) == 1 && len(sub.AnyOf) > 0) {
				// "(a and b) or c": an alternative of several terms keeps them together
				alt = strings.Replace(phrase(opGroup, loc), "%v", alt, 1)
			}
			alts = append(alts, alt)
		}
		group := strings.Join(alts, phrase(opOr, loc))
		if len(c.Terms) > 0 || len(alts) > 1 {
			group = strings.Replace(phrase(opGroup, loc), "%v", group, 1)
		}
		parts = append(parts, group)
	}
	return strings.Join(parts, phrase(opAnd, loc))
}

// Said is the condition's Text as a text said later in the report's language.
func (c *Condition) Said() i18n.Text { return i18n.Of(conditionSayer{c}) }

type conditionSayer struct{ c *Condition }

func (s conditionSayer) In(lang string) string { return s.c.Text(i18n.For(lang)) }

// Text describes one term in loc's language, e.g. "workloads includes any of ai-training, hpc".
func (t *Term) Text(loc i18n.Localizer) string {
	op := t.op
	operand := t.operandText(loc)
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
	if _, ok := phrases[op]; !ok { // not compiled: say what was written
		return t.Key + " " + t.Op + " " + operand
	}
	s := strings.Replace(phrase(op, loc), "%k", t.Key, 1)
	return strings.Replace(s, "%v", operand, 1)
}

func (t *Term) operandText(loc i18n.Localizer) string {
	if t.Answer != "" {
		return strings.Replace(phrase(opAnswer, loc), "%v", t.Answer, 1)
	}
	return strings.Join(t.Values(), phrase(opListSep, loc))
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
