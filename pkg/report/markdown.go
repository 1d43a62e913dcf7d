package report

import (
	"fmt"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// MarkdownEscape makes text safe inside a Markdown paragraph or table cell, keeping its
// `command` spans as code.
func MarkdownEscape(s string) string { return mdEscape(s) }

// mdEscape makes text safe inside a Markdown paragraph or table cell.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "\n", " ")
	// Texts mark commands as code (`ls /dev/kvm`): keep those spans as code, escaping only
	// what would end a table cell or the line.
	code := strings.NewReplacer("|", `\|`, "\n", " ")
	return withCodeSpans(s, r.Replace, func(c string) string { return "`" + code.Replace(c) + "`" })
}

// withCodeSpans renders a text whose `command` spans are code: plain renders the text
// between spans, code each span. A text with no span, or an unbalanced backtick, is all plain.
func withCodeSpans(s string, plain, code func(string) string) string {
	parts := strings.Split(s, "`")
	if len(parts) < 3 || len(parts)%2 == 0 {
		return plain(s)
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString(code(p))
		} else {
			b.WriteString(plain(p))
		}
	}
	return b.String()
}

// mdSource renders a source: a link when it is a URL, else plain text.
func mdSource(src string) string {
	if isURL(src) {
		return fmt.Sprintf("[%s](%s)", mdEscape(shortURL(src)), strings.ReplaceAll(src, ")", "%29"))
	}
	return mdEscape(src)
}

func isURL(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") }

// shortURL is a URL without its scheme, for link texts.
func shortURL(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	if len([]rune(s)) > 60 {
		s = string([]rune(s)[:57]) + "…"
	}
	return s
}

// Markdown renders the report as GitHub-flavoured Markdown: a table per category, the
// reasons, caveats and corrections of every ranked candidate with their sources as links,
// the excluded candidates, and the answers that would change the pick.
func Markdown(r *Report) string {
	loc := i18n.For(r.Lang)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n\n", heading(loc.T("report.md-title")))
	p("%s\n\n", loc.Tf("report.md-generated", r.Tool.Version, r.KnowledgeBase.Version, r.KnowledgeBase.AsOf, r.KnowledgeBase.Digest))
	p("## %s\n\n| %s | %s |\n| --- | --- |\n", loc.T("report.md-answers"), loc.T("report.md-question"), loc.T("report.md-answer"))
	for _, a := range r.Answers {
		p("| %s (`%s`) | %s |\n", mdEscape(a.Question.String()), a.ID, mdEscape(a.Text.String()))
	}
	if d := r.Stack; d != nil {
		p("\n## %s\n\n", loc.T("stack.title"))
		if d.Blocked != nil {
			p("%s\n\n", loc.T("stack.none"))
			for _, n := range d.Blocked {
				p("- ❌ %s (%s)%s\n", mdEscape(n.Text.String()), mdSource(n.Source), mdFile(n.File))
			}
		} else {
			p("**%s** — %.1f\n\n", mdEscape(stackLine(d.Parts)), d.Score)
			if d.Robustness != nil {
				p("**%s%s** %s\n\n", loc.T("robust.title"), loc.T("report.colon"), mdEscape(d.Robustness.Text.String()))
			}
			if cur := d.Current; cur != nil {
				p("**%s%s** %s\n\n", loc.T("current.title"), loc.T("report.colon"), mdEscape(cur.Text.String()))
				for _, n := range cur.Apart {
					p("- ❌ %s (%s)%s\n", mdEscape(n.Text.String()), mdSource(n.Source), mdFile(n.File))
				}
				if len(cur.Apart) > 0 {
					p("\n")
				}
				for _, mv := range cur.Moves {
					for _, r := range mv.Excluded {
						p("- ❌ %s (%s)%s\n", mdEscape(r.Text.String()), mdSource(r.Source), mdFile(r.File))
					}
					if mv.BundledBy != "" {
						p("- %s\n\n", mdEscape(loc.Tf("current.bundled", mv.FromName.String(), mv.Migration.ToName.String(), mv.BundledByName.String())))
						continue
					}
					mdMigration(&b, loc, mv.FromName, mv.Migration)
				}
			}
			for _, sp := range d.Parts {
				p("- %s\n", mdEscape(partLine(loc, sp)))
			}
			for _, n := range d.Fits {
				p("- ✅ %s (%s)%s\n", mdEscape(n.Text.String()), mdSource(n.Source), mdFile(n.File))
			}
			for _, n := range d.Notes {
				p("- ⚠️ %s (%s)%s\n", mdEscape(n.Text.String()), mdSource(n.Source), mdFile(n.File))
			}
			for _, s := range d.Swaps {
				p("- ↔ %s\n", mdEscape(s.Text.String()))
				for _, n := range s.Because {
					p("  - %s (%s)%s\n", mdEscape(n.Text.String()), mdSource(n.Source), mdFile(n.File))
				}
			}
			for _, ru := range d.RunnersUp {
				p("- %s\n", mdEscape(runnerUpLine(ru, loc)))
			}
			if len(d.WhatIf) > 0 {
				p("\n%s\n\n", loc.T("stack.whatif"))
				for _, w := range d.WhatIf {
					p("- `%s` %s\n", w.Flag, mdEscape(strings.TrimPrefix(whatIfLine(w, loc), w.Flag+" ")))
				}
			}
		}
	}
	for _, c := range r.Categories {
		p("\n## %s (`%s`)\n\n", mdEscape(c.Title.String()), c.ID)
		if cur := c.Current; cur != nil {
			p("**%s%s** %s\n\n", loc.T("current.title"), loc.T("report.colon"), mdEscape(cur.Text.String()))
			if (r.Stack == nil || r.Stack.Current == nil) && cur.Verdict != "keep" {
				mdMigration(&b, loc, cur.Name, cur.Migration)
			}
			if cur.Verdict == "keep" {
				mdMigration(&b, loc, cur.Name, cur.KeepPath)
			}
		}
		if len(c.Ranking) == 0 {
			p("%s\n\n", loc.T("report.none-left"))
		} else {
			p("| # | %s | %s |\n| ---: | --- | ---: |\n", loc.T("report.candidate"), loc.T("report.score"))
			for _, e := range c.Ranking {
				p("| %d | **%s** (`%s`) | %.1f |\n", e.Rank, mdEscape(e.Name.String()), e.ID, e.Score)
			}
			p("\n")
		}
		if note := c.RoleText.String(); note != "" {
			p("↳ %s\n\n", mdEscape(note))
		}
		if !c.NotAppliedText.IsZero() {
			p("· %s\n\n", mdEscape(c.NotAppliedText.String()))
		}
		for _, rw := range c.Reweighted {
			p("⚖ %s (%s)%s\n\n", mdEscape(rw.Text.String()), mdSource(rw.Source), mdFile(rw.File))
		}
		if c.Robustness != nil {
			p("**%s%s** %s\n\n", loc.T("robust.title"), loc.T("report.colon"), mdEscape(c.Robustness.Text.String()))
		}
		for _, e := range c.Ranking {
			p("### %d. %s\n\n%s\n\n", e.Rank, mdEscape(e.Name.String()), mdEscape(e.Summary.String()))
			for _, reason := range e.Reasons {
				p("- ✅ %s (%s)%s\n", mdEscape(reason.Text.String()), mdSource(reason.Source), mdFile(reason.File))
			}
			for _, cv := range e.Caveats {
				p("- ⚠️ %s", mdEscape(cv.Text.String()))
				if cv.Source != "" {
					p(" (%s)", mdSource(cv.Source))
				}
				p("%s\n", mdFile(cv.File))
			}
			if len(e.Evidence) > 0 {
				p("- ❔ %s\n", mdEscape(evidenceLine(e.Evidence, loc)))
			}
			mdCorrections(&b, loc, e.Corrections)
			p("\n")
		}
		if len(c.Sensitivity) > 0 {
			p("### %s\n\n", heading(loc.T("report.what-if")))
			for _, s := range c.Sensitivity {
				p("- `%s`%s → %s\n", s.Flag, mdEscape(s.Range.String()), mdEscape(s.TopName.String()))
			}
			p("\n")
		}
		if len(c.WeightWhatIf) > 0 {
			p("### %s\n\n", heading(loc.T("robust.weight-title")))
			for _, w := range c.WeightWhatIf {
				p("- %s\n", mdEscape(w.Text.String()))
			}
			p("\n")
		}
		if len(c.Excluded) > 0 {
			p("### %s\n\n", heading(loc.T("report.excluded")))
			for _, ex := range c.Excluded {
				for i, reason := range ex.Reasons {
					if i == 0 {
						p("- ❌ **%s** (`%s`): ", mdEscape(ex.Name.String()), ex.ID)
					} else {
						p("  - ")
					}
					p("%s (%s)%s\n", mdEscape(reason.Text.String()), mdSource(reason.Source), mdFile(reason.File))
				}
			}
			p("\n")
		}
	}
	for _, w := range r.Warnings {
		p("> **%s:** %s\n\n", loc.T("report.warning"), mdEscape(w.Text.String()))
	}
	return oneBlankLine(strings.TrimRight(b.String(), "\n") + "\n")
}

// oneBlankLine collapses runs of blank lines into one, as Markdown linters want.
// heading is a label as a Markdown heading: without the colon that ends it in the terminal
// view (markdownlint's MD026).
func heading(label string) string { return strings.TrimRight(label, ":：") }

func oneBlankLine(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

func mdFile(file string) string {
	if file == "" {
		return ""
	}
	return " `" + file + "`"
}

func mdCorrections(b *strings.Builder, loc i18n.Localizer, cs []Correction) {
	for _, c := range cs {
		label := loc.T("report.correction")
		if c.Verdict == "unverified" {
			label = loc.T("report.unverified")
		}
		fmt.Fprintf(b, "- ≠ **%s:** %s %s (%s)\n", label, mdEscape(loc.Tf("report.report-says", c.ReportSays)),
			mdEscape(loc.Tf("report.verified", c.Verified)), mdSource(c.Source))
	}
}

// mdMigration writes a move's steps, risk, tools and sources.
func mdMigration(b *strings.Builder, loc i18n.Localizer, from i18n.Text, m *Migration) {
	if m == nil || len(m.Steps) == 0 {
		return
	}
	fmt.Fprintf(b, "%s\n\n", mdEscape(stepsHeader(loc, from, m)))
	for i, st := range m.Steps {
		fmt.Fprintf(b, "%d. %s\n", i+1, mdEscape(st.String()))
	}
	b.WriteString("\n")
	if !m.Risk.IsZero() {
		fmt.Fprintf(b, "- ⚠️ %s\n", mdEscape(loc.Tf("current.risk", m.Risk.String())))
	}
	if len(m.Tools) > 0 {
		fmt.Fprintf(b, "- %s\n", mdEscape(loc.Tf("current.tools", loc.List(m.Tools))))
	}
	if len(m.Sources) > 0 {
		srcs := make([]string, len(m.Sources))
		for i, src := range m.Sources {
			srcs[i] = mdSource(src)
		}
		fmt.Fprintf(b, "- %s%s\n", loc.Tf("current.sources", strings.Join(srcs, ", ")), mdFile(m.File))
	}
	b.WriteString("\n")
}
