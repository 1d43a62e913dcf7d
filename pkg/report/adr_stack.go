package report

import (
	"fmt"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// StackADR writes an architecture decision record (MADR 4) for the whole stack of a report
// with two or more categories: the answers, the compatibility rules that shaped it, the stacks
// considered, the chosen one with each part's reasons, and what it costs.
func StackADR(b *knowledge.Base, r *Report, o ADROptions) (string, error) {
	d := r.Stack
	if d == nil {
		return "", fmt.Errorf("the report ranks fewer than two categories, so it has no stack")
	}
	loc := i18n.For(r.Lang)
	var sb strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&sb, format, args...) }
	entry := func(catID, id string) *Entry {
		for i := range r.Categories {
			if r.Categories[i].ID != catID {
				continue
			}
			for j := range r.Categories[i].Ranking {
				if r.Categories[i].Ranking[j].ID == id {
					return &r.Categories[i].Ranking[j]
				}
			}
		}
		return nil
	}
	var titles []string
	for _, c := range r.Categories {
		titles = append(titles, c.Title.String())
	}
	scope := strings.Join(titles, loc.T("report.list-sep"))

	if d.Blocked != nil {
		adrHeader(p, loc.Tf("stack.adr-title-none", scope), o)
	} else {
		adrHeader(p, loc.Tf("stack.adr-title", stackLine(d.Parts)), o)
	}

	p("%s\n\n%s\n\n", sectionHeading(o, loc, "context"), loc.Tf("stack.adr-context-text", scope))
	for _, a := range r.Answers {
		q := b.Question(a.ID)
		if q == nil || !q.ShowWhen.Holds(answersOf(r)) || a.ID == knowledge.QCategories {
			continue
		}
		p("* %s %s\n", mdEscape(a.Question.String()), "**"+mdEscape(a.Text.String())+"**")
	}
	p("\n%s\n\n", sectionHeading(o, loc, "drivers"))
	prios := "—"
	if q := b.Question(knowledge.QPriorities); q != nil {
		for _, a := range r.Answers {
			if a.ID == knowledge.QPriorities {
				if labels := valueLabels(q, a.Value.List).In(loc.Lang); labels != "" {
					prios = labels
				}
			}
		}
	}
	p("* %s%s%s\n", loc.T("report.adr-priorities"), loc.Colon(), prios)
	p("* %s\n", loc.T("stack.adr-compatible"))
	for _, n := range d.Blocked {
		p("* %s%s%s (%s)\n", loc.T("report.adr-constraint"), loc.Colon(), mdEscape(n.Text.String()), mdSource(n.Source))
	}
	p("\n%s\n\n", sectionHeading(o, loc, "options"))
	if d.Blocked == nil {
		p("* %s — %s %.1f\n", mdEscape(stackLine(d.Parts)), loc.T("report.score"), d.Score)
		for _, ru := range d.RunnersUp {
			p("* %s — %s %.1f\n", mdEscape(stackLine(ru.Parts)), loc.T("report.score"), ru.Score)
		}
		for _, sw := range d.Swaps {
			p("* %s\n", mdEscape(sw.Text.String()))
			for _, n := range sw.Because {
				p("  * %s (%s)\n", mdEscape(n.Text.String()), mdSource(n.Source))
			}
		}
	}
	p("\n%s\n\n", sectionHeading(o, loc, "outcome"))
	var sources []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			sources = append(sources, s)
		}
	}
	if d.Blocked != nil {
		p("%s\n\n", loc.T("stack.none"))
		for _, n := range d.Blocked {
			add(n.Source)
		}
	} else {
		p("%s\n\n", loc.Tf("stack.adr-chosen", mdEscape(stackLine(d.Parts)), d.Score))
		for _, part := range d.Parts {
			p("* **%s**\n", mdEscape(partLine(loc, part)))
			if e := entry(part.Category, part.ID); e != nil {
				for _, reason := range e.Reasons[:min(3, len(e.Reasons))] {
					p("  * %s (%s)\n", mdEscape(reason.Text.String()), mdSource(reason.Source))
					add(reason.Source)
				}
			}
		}
		for _, n := range d.Fits {
			p("* %s (%s)\n", mdEscape(n.Text.String()), mdSource(n.Source))
			add(n.Source)
		}
		if cur := d.Current; cur != nil { // the starting point and the way there
			p("\n**%s%s** %s\n\n", loc.T("current.title"), loc.T("report.colon"), mdEscape(cur.Text.String()))
			for _, mv := range cur.Moves {
				for _, rs := range mv.Excluded {
					p("* %s (%s)\n", mdEscape(rs.Text.String()), mdSource(rs.Source))
					add(rs.Source)
				}
				if mv.BundledBy != "" {
					p("* %s\n\n", mdEscape(loc.Tf("current.bundled", mv.FromName.String(), mv.Migration.ToName.String(), mv.BundledByName.String())))
					continue
				}
				mdMigration(&sb, loc, mv.FromName, mv.Migration)
				for _, src := range mv.Migration.Sources {
					add(src)
				}
			}
		}
		p("\n%s\n\n", sectionHeading(o, loc, "consequences"))
		for _, n := range d.Fits {
			p("* %s %s\n", loc.T("report.adr-good"), mdEscape(lowerFirst(n.Text.String(), loc)))
		}
		for _, n := range d.Notes {
			p("* %s %s\n", loc.T("report.adr-bad"), mdEscape(lowerFirst(n.Text.String(), loc)))
			add(n.Source)
		}
		for _, part := range d.Parts {
			if e := entry(part.Category, part.ID); e != nil {
				for _, cv := range e.Caveats[:min(2, len(e.Caveats))] {
					p("* %s %s\n", loc.T("report.adr-bad"), mdEscape(lowerFirst(cv.Text.String(), loc)))
					add(cv.Source)
				}
			}
		}
		for _, sw := range d.Swaps {
			for _, n := range sw.Because {
				add(n.Source)
			}
		}
		robust := false
		if d.Robustness != nil {
			p("\n### %s\n\n", loc.T("robust.title"))
			robust = true
			p("* %s%s%s\n", loc.T("stack.title"), loc.Colon(), mdEscape(d.Robustness.Text.String()))
		}
		for _, c := range r.Categories {
			if c.Robustness == nil {
				continue
			}
			if !robust {
				p("\n### %s\n\n", loc.T("robust.title"))
				robust = true
			}
			p("* %s%s%s\n", mdEscape(c.Title.String()), loc.Colon(), mdEscape(c.Robustness.Text.String()))
		}
	}
	p("\n%s\n\n", sectionHeading(o, loc, "more"))
	p("%s\n\n```sh\n%s\n```\n\n", loc.T("report.adr-reproduce"), o.Command)
	p("* %s\n", loc.Tf("report.md-generated", r.Tool.Version, r.KnowledgeBase.Version, r.KnowledgeBase.AsOf, r.KnowledgeBase.Digest))
	if len(sources) > 0 {
		p("* %s\n", loc.T("report.c-sources"))
		for _, s := range sources {
			p("  * %s\n", mdSource(s))
		}
	}
	return oneBlankLine(sb.String()), nil
}
