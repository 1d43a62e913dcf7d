package cli

import (
	"fmt"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// questionsMarkdown renders the questions as a Markdown table (for the README), generated
// from questions.yaml so the docs never drift from the flags.
func questionsMarkdown(b *knowledge.Base, loc i18n.Localizer) string {
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
			def += fmt.Sprintf("; + `%s` when %s", strings.Join(da.Add, ","), report.MarkdownEscape(da.When.Text(loc)))
		}
		fmt.Fprintf(&sb, "| `--%s` | %s | %s | %s | %s %s |\n", q.ID, typ, values, def,
			report.MarkdownEscape(q.Label.In(loc.Lang)), report.MarkdownEscape(q.Help.In(loc.Lang)))
	}
	return sb.String()
}
