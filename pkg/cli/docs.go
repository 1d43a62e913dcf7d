package cli

import (
	"fmt"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// questionsMarkdown renders the questions as a Markdown table (for the README), generated
// from questions.yaml so the docs never drift from the flags.
func questionsMarkdown(b *knowledge.Base, lang string) string {
	var sb strings.Builder
	sb.WriteString("| flag / answers-file key | type | values | default | question |\n")
	sb.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, q := range b.Questions {
		typ := q.Type
		if q.Type == knowledge.TypeMulti && q.Max != nil {
			typ = fmt.Sprintf("multi (≤ %d)", *q.Max)
		}
		values := ""
		switch q.Type {
		case knowledge.TypeOne, knowledge.TypeMulti:
			ids := make([]string, len(q.Values))
			for i, v := range q.Values {
				ids[i] = "`" + v.ID + "`"
			}
			values = strings.Join(ids, ", ")
		case knowledge.TypeBool:
			values = "`true`, `false`"
		case knowledge.TypeInt:
			values = "whole number"
			if q.Min != nil {
				values += fmt.Sprintf(" ≥ %d", *q.Min)
			}
		}
		def := q.DefaultValue.String()
		if def == "" {
			def = "none"
		}
		def = "`" + def + "`"
		for _, da := range q.DefaultAdd {
			def += fmt.Sprintf("; + `%s` when %s", strings.Join(da.Add, ","), conditionText(b, &da.When))
		}
		fmt.Fprintf(&sb, "| `--%s` | %s | %s | %s | %s %s |\n", q.ID, typ, values, def,
			mdEscape(q.Label.In(lang)), mdEscape(q.Help.In(lang)))
	}
	return sb.String()
}

// conditionText describes a condition briefly, e.g. "workloads has ai-training or hpc".
// conditionTextZh is conditionText in Chinese, for the questions table under --lang zh.
func conditionTextZh(b *knowledge.Base, c *knowledge.Condition) string {
	ops := map[string]string{"is": "为", "not": "不为", "in": "为", "not in": "不为", "has": "含", "lacks": "不含",
		"has any": "含", "has none": "不含", "gt": "大于", "gte": "不小于", "lt": "小于", "lte": "不大于", "empty": "为空"}
	var parts []string
	for _, t := range c.Terms {
		vals := t.Operand.Strings()
		op := "为"
		if t.Op != "" {
			op = ops[strings.ReplaceAll(t.Op, "_", " ")]
		} else if q := b.Question(t.Key); q != nil && q.Type == knowledge.TypeMulti {
			op = "含"
		}
		list := strings.Join(vals, "、")
		if len(vals) > 1 {
			list = strings.Join(vals[:len(vals)-1], "、") + " 或 " + vals[len(vals)-1]
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", t.Key, op, list))
	}
	return strings.Join(parts, "，且 ")
}

func conditionText(b *knowledge.Base, c *knowledge.Condition) string {
	var parts []string
	for _, t := range c.Terms {
		vals := t.Operand.Strings()
		op := "is"
		if t.Op != "" {
			op = strings.ReplaceAll(t.Op, "_", " ")
		} else if q := b.Question(t.Key); q != nil && q.Type == knowledge.TypeMulti {
			op = "has"
		} else if len(vals) > 1 {
			op = "is"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", t.Key, op, strings.Join(vals, " or ")))
	}
	return strings.Join(parts, " and ")
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
