package report

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// ADROptions complete an Architecture Decision Record.
type ADROptions struct {
	Command string // the recommend command that reproduces the decision
	Date    string // optional date for the metadata under the title (YYYY-MM-DD)
	// Template is the layout: TemplateMADR (the default) or TemplateNygard, adr-tools' layout
	// ("# N. Title", "Date:", "## Status", "## Context", "## Decision", "## Consequences").
	Template string
}

// The layouts of a record.
const (
	TemplateMADR   = "madr"
	TemplateNygard = "nygard"
)

// NumberMark stands in a Nygard record's title for the record's number ("# NumberMark Title"):
// the writer replaces it with "7. " once it knows the number, or with nothing. No rule text
// can hold it (a control character).
const NumberMark = "\x00N\x00 "

// heading levels and texts per layout: the MADR sections, or Nygard's.
func sectionHeading(o ADROptions, loc i18n.Localizer, id string) string {
	nygard := o.Template == TemplateNygard
	switch id {
	case "context":
		if nygard {
			return "## " + heading(loc.T("report.adr-nygard-context"))
		}
		return "## " + heading(loc.T("report.adr-context"))
	case "drivers":
		if nygard {
			return "### " + heading(loc.T("report.adr-drivers"))
		}
		return "## " + heading(loc.T("report.adr-drivers"))
	case "options":
		if nygard {
			return "### " + heading(loc.T("report.adr-options"))
		}
		return "## " + heading(loc.T("report.adr-options"))
	case "outcome":
		if nygard {
			return "## " + heading(loc.T("report.adr-nygard-decision"))
		}
		return "## " + heading(loc.T("report.adr-outcome"))
	case "consequences":
		if nygard {
			return "## " + heading(loc.T("report.adr-consequences"))
		}
		return "### " + heading(loc.T("report.adr-consequences"))
	}
	return "## " + heading(loc.T("report.adr-more"))
}

// ADR renders the decision of one category of the report as an Architecture Decision Record
// in the MADR layout: context and problem, decision drivers, considered options, outcome,
// consequences and more information (sources, the command and the knowledge-base digest).
func ADR(b *knowledge.Base, r *Report, catID string, o ADROptions) (string, error) {
	var c *Category
	for i := range r.Categories {
		if r.Categories[i].ID == catID {
			c = &r.Categories[i]
		}
	}
	if c == nil {
		return "", fmt.Errorf("the report has no category %q", catID)
	}
	loc := i18n.For(r.Lang)
	var sb strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&sb, format, args...) }
	var top *Entry
	if len(c.Ranking) > 0 {
		top = &c.Ranking[0]
	}
	// With a part running today, the decision is what its verdict keeps or moves to.
	if cur := c.Current; cur != nil {
		want := cur.ID
		if cur.Verdict != "keep" && cur.Migration != nil {
			want = cur.Migration.To
		}
		for i := range c.Ranking {
			if c.Ranking[i].ID == want {
				top = &c.Ranking[i]
			}
		}
	}

	if top != nil {
		adrHeader(p, loc.Tf("report.adr-title", c.Title, top.Name), o)
	} else {
		adrHeader(p, loc.Tf("report.adr-title-none", c.Title), o)
	}

	p("%s\n\n%s\n\n", sectionHeading(o, loc, "context"), loc.Tf("report.adr-context-text", c.Title))
	for _, a := range r.Answers {
		q := b.Question(a.ID)
		if q == nil || !q.ShowWhen.Holds(answersOf(r)) || (a.ID == knowledge.QCategories) {
			continue
		}
		p("* %s %s\n", mdEscape(a.Question.String()), "**"+mdEscape(a.Text.String())+"**")
	}
	p("\n")

	p("%s\n\n", sectionHeading(o, loc, "drivers"))
	prios := "—"
	for _, a := range r.Answers {
		if a.ID == knowledge.QPriorities {
			if labels := valueLabels(b.Question(knowledge.QPriorities), a.Value.List).In(loc.Lang); labels != "" {
				prios = labels
			}
		}
	}
	p("* %s%s%s\n", loc.T("report.adr-priorities"), loc.Colon(), prios)
	seen := map[string]bool{}
	for _, ex := range c.Excluded {
		for _, reason := range ex.Reasons {
			if !seen[reason.Rule] {
				seen[reason.Rule] = true
				p("* %s%s%s (%s)\n", loc.T("report.adr-constraint"), loc.Colon(), mdEscape(reason.Text.String()), mdSource(reason.Source))
			}
		}
	}
	p("\n")

	p("%s\n\n", sectionHeading(o, loc, "options"))
	for _, e := range c.Ranking {
		p("* %s (`%s`) — %s %.1f\n", mdEscape(e.Name.String()), e.ID, loc.T("report.score"), e.Score)
	}
	for _, ex := range c.Excluded {
		p("* %s (`%s`) — %s%s%s\n", mdEscape(ex.Name.String()), ex.ID, loc.T("report.adr-excluded"), loc.Colon(), mdEscape(ex.Reasons[0].Text.String()))
	}
	p("\n")

	p("%s\n\n", sectionHeading(o, loc, "outcome"))
	if top == nil {
		p("%s\n\n", loc.T("report.none-left"))
	} else {
		p("%s\n\n", loc.Tf("report.adr-chosen", mdEscape(top.Name.String()), top.Score))
		for _, reason := range top.Reasons {
			p("* %s (%s)\n", mdEscape(reason.Text.String()), mdSource(reason.Source))
		}
		if cur := c.Current; cur != nil { // the starting point and the way there
			p("\n**%s%s** %s\n\n", loc.T("current.title"), loc.T("report.colon"), mdEscape(cur.Text.String()))
			for _, rs := range cur.Excluded {
				p("* %s (%s)\n", mdEscape(rs.Text.String()), mdSource(rs.Source))
			}
			if cur.Verdict != "keep" {
				mdMigration(&sb, loc, cur.Name, cur.Migration)
			}
		}
		p("\n%s\n\n", sectionHeading(o, loc, "consequences"))
		for _, reason := range top.Reasons {
			if reason.Points > 0 || strings.HasPrefix(reason.Rule, "criterion:") {
				p("* %s %s\n", loc.T("report.adr-good"), mdEscape(lowerFirst(reason.Text.String(), loc)))
			}
		}
		for _, cv := range top.Caveats {
			p("* %s %s\n", loc.T("report.adr-bad"), mdEscape(lowerFirst(cv.Text.String(), loc)))
		}
		for _, cr := range top.Corrections {
			p("* %s %s %s (%s)\n", loc.T("report.adr-neutral"), mdEscape(loc.Tf("report.report-says", cr.ReportSays)),
				mdEscape(loc.Tf("report.verified", cr.Verified)), mdSource(cr.Source))
		}
		p("\n")
	}
	if c.Robustness != nil {
		p("### %s\n\n%s\n\n", loc.T("robust.title"), mdEscape(c.Robustness.Text.String()))
	}
	if len(c.WeightWhatIf) > 0 {
		p("### %s\n\n", heading(loc.T("robust.weight-title")))
		for _, w := range c.WeightWhatIf {
			p("* %s\n", mdEscape(w.Text.String()))
		}
		p("\n")
	}
	if len(c.Sensitivity) > 0 {
		p("### %s\n\n", heading(loc.T("report.what-if")))
		for _, s := range c.Sensitivity {
			p("* `%s`%s → %s\n", s.Flag, mdEscape(s.Range.String()), mdEscape(s.TopName.String()))
		}
		p("\n")
	}

	p("%s\n\n", sectionHeading(o, loc, "more"))
	p("%s\n\n```sh\n%s\n```\n\n", loc.T("report.adr-reproduce"), o.Command)
	p("* %s\n", loc.Tf("report.md-generated", r.Tool.Version, r.KnowledgeBase.Version, r.KnowledgeBase.AsOf, r.KnowledgeBase.Digest))
	var sources []string
	add := func(s string) {
		if s != "" && !seen["src:"+s] {
			seen["src:"+s] = true
			sources = append(sources, s)
		}
	}
	if top != nil { // the sources of the decision: the chosen option and the constraints
		for _, x := range top.Reasons {
			add(x.Source)
		}
		for _, x := range top.Caveats {
			add(x.Source)
		}
		for _, x := range top.Corrections {
			add(x.Source)
		}
	}
	for _, e := range c.Excluded {
		for _, x := range e.Reasons {
			add(x.Source)
		}
	}
	if len(sources) > 0 {
		p("* %s\n", loc.T("report.c-sources"))
		for _, s := range sources {
			p("  * %s\n", mdSource(s))
		}
	}
	return oneBlankLine(sb.String()), nil
}

// adrHeader writes a record's title and its metadata as MADR 2's list under it ("* Status:
// proposed", "* Date: …"): the layout ADR tools read, log4brains among them, which takes the
// first list before the first second-level heading (YAML front matter, as MADR 3 writes it,
// reads to it as a rule and a heading, and every record showed as accepted).
func adrHeader(p func(string, ...any), title string, o ADROptions) {
	if o.Template == TemplateNygard {
		// adr-tools reads the title off the first line and finds the status under a heading
		// spelled "## Status" (its supersede and link commands edit that section).
		p("# %s%s\n\n", NumberMark, title)
		if o.Date != "" {
			p("Date: %s\n\n", o.Date)
		}
		p("## Status\n\nProposed\n\n")
		return
	}
	p("# %s\n\n* Status: proposed\n", title)
	if o.Date != "" {
		p("* Date: %s\n", o.Date)
	}
	p("\n")
}

func answersOf(r *Report) knowledge.Answers {
	a := knowledge.Answers{}
	for _, x := range r.Answers {
		a[x.ID] = x.Value
	}
	return a
}

func valueLabels(q *knowledge.Question, ids []string) i18n.Text {
	var out []i18n.Text
	for _, id := range ids {
		if c := q.Choice(id); c != nil {
			out = append(out, i18n.Of(c.Label))
		}
	}
	return i18n.List(out)
}

// answerText is an answer as a person reads it: the labels of values, yes/no, or the number.
func answerText(q *knowledge.Question, v knowledge.Value) i18n.Text {
	switch v.Type {
	case knowledge.TypeMulti:
		if len(v.List) == 0 {
			return i18n.Lit("—")
		}
		return valueLabels(q, v.List)
	case knowledge.TypeOne:
		return valueLabels(q, []string{v.Str})
	case knowledge.TypeBool:
		if v.Bool {
			return i18n.M("report.yes")
		}
		return i18n.M("report.no")
	}
	return i18n.Lit(v.String())
}

// lowerFirst lowers the first letter of an English sentence that follows "because" (not of
// a name or an acronym, whose second letter is upper case too).
func lowerFirst(s string, loc i18n.Localizer) string {
	r := []rune(s)
	if loc.Lang != "en" || len(r) < 2 || !unicode.IsUpper(r[0]) || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
