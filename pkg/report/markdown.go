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
	lang := r.Lang
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n\n", i18n.T(lang, "report.md-title"))
	p("%s\n\n", fmt.Sprintf(i18n.T(lang, "report.md-generated"), r.Tool.Version, r.KnowledgeBase.Version, r.KnowledgeBase.AsOf, r.KnowledgeBase.Digest))
	p("## %s\n\n| %s | %s |\n| --- | --- |\n", i18n.T(lang, "report.md-answers"), i18n.T(lang, "report.md-question"), i18n.T(lang, "report.md-answer"))
	for _, a := range r.Answers {
		p("| %s (`%s`) | %s |\n", mdEscape(a.Question), a.ID, mdEscape(a.Text))
	}
	if d := r.Stack; d != nil {
		p("\n## %s\n\n", i18n.T(lang, "stack.title"))
		if d.Blocked != nil {
			p("%s\n\n", i18n.T(lang, "stack.none"))
			for _, n := range d.Blocked {
				p("- ❌ %s (%s)%s\n", mdEscape(n.Text), mdSource(n.Source), mdFile(n.File))
			}
		} else {
			p("**%s** — %.1f\n\n", mdEscape(stackLine(d.Parts)), d.Score)
			if d.Robustness != nil {
				p("**%s%s** %s\n\n", i18n.T(lang, "robust.title"), i18n.T(lang, "report.colon"), mdEscape(d.Robustness.Text))
			}
			for _, sp := range d.Parts {
				p("- %s\n", mdEscape(partLine(lang, sp)))
			}
			for _, n := range d.Fits {
				p("- ✅ %s (%s)%s\n", mdEscape(n.Text), mdSource(n.Source), mdFile(n.File))
			}
			for _, n := range d.Notes {
				p("- ⚠️ %s (%s)%s\n", mdEscape(n.Text), mdSource(n.Source), mdFile(n.File))
			}
			for _, s := range d.Swaps {
				p("- ↔ %s\n", mdEscape(s.Text))
				for _, n := range s.Because {
					p("  - %s (%s)%s\n", mdEscape(n.Text), mdSource(n.Source), mdFile(n.File))
				}
			}
			for _, ru := range d.RunnersUp {
				p("- %s\n", mdEscape(i18n.Tf(lang, "stack.runner-up", stackLine(ru.Parts), fmt.Sprintf("%.1f", ru.Score))))
			}
			if len(d.WhatIf) > 0 {
				p("\n%s\n\n", i18n.T(lang, "stack.whatif"))
				for _, w := range d.WhatIf {
					p("- `%s` %s\n", w.Flag, mdEscape(strings.TrimPrefix(whatIfLine(w, lang), w.Flag+" ")))
				}
			}
		}
	}
	for _, c := range r.Categories {
		p("\n## %s (`%s`)\n\n", mdEscape(c.Title), c.ID)
		if len(c.Ranking) == 0 {
			p("%s\n\n", i18n.T(lang, "report.none-left"))
		} else {
			p("| # | %s | %s |\n| ---: | --- | ---: |\n", i18n.T(lang, "report.candidate"), i18n.T(lang, "report.score"))
			for _, e := range c.Ranking {
				p("| %d | **%s** (`%s`) | %.1f |\n", e.Rank, mdEscape(e.Name), e.ID, e.Score)
			}
			p("\n")
		}
		if note := c.RoleText; note != "" {
			p("↳ %s\n\n", mdEscape(note))
		}
		if c.NotAppliedText != "" {
			p("· %s\n\n", mdEscape(c.NotAppliedText))
		}
		for _, rw := range c.Reweighted {
			p("⚖ %s (%s)%s\n\n", mdEscape(rw.Text), mdSource(rw.Source), mdFile(rw.File))
		}
		if c.Robustness != nil {
			p("**%s%s** %s\n\n", i18n.T(lang, "robust.title"), i18n.T(lang, "report.colon"), mdEscape(c.Robustness.Text))
		}
		for _, e := range c.Ranking {
			p("### %d. %s\n\n%s\n\n", e.Rank, mdEscape(e.Name), mdEscape(e.Summary))
			for _, reason := range e.Reasons {
				p("- ✅ %s (%s)%s\n", mdEscape(reason.Text), mdSource(reason.Source), mdFile(reason.File))
			}
			for _, cv := range e.Caveats {
				p("- ⚠️ %s", mdEscape(cv.Text))
				if cv.Source != "" {
					p(" (%s)", mdSource(cv.Source))
				}
				p("%s\n", mdFile(cv.File))
			}
			if len(e.Evidence) > 0 {
				p("- ❔ %s\n", mdEscape(evidenceLine(e.Evidence, lang)))
			}
			mdCorrections(&b, lang, e.Corrections)
			p("\n")
		}
		if len(c.Sensitivity) > 0 {
			p("### %s\n\n", i18n.T(lang, "report.what-if"))
			for _, s := range c.Sensitivity {
				p("- `%s`%s → %s\n", s.Flag, mdEscape(s.Range), mdEscape(s.TopName))
			}
			p("\n")
		}
		if len(c.WeightWhatIf) > 0 {
			p("### %s\n\n", i18n.T(lang, "robust.weight-title"))
			for _, w := range c.WeightWhatIf {
				p("- %s\n", mdEscape(w.Text))
			}
			p("\n")
		}
		if len(c.Excluded) > 0 {
			p("### %s\n\n", i18n.T(lang, "report.excluded"))
			for _, ex := range c.Excluded {
				for i, reason := range ex.Reasons {
					if i == 0 {
						p("- ❌ **%s** (`%s`): ", mdEscape(ex.Name), ex.ID)
					} else {
						p("  - ")
					}
					p("%s (%s)%s\n", mdEscape(reason.Text), mdSource(reason.Source), mdFile(reason.File))
				}
			}
			p("\n")
		}
	}
	for _, w := range r.Warnings {
		p("> **%s:** %s\n\n", i18n.T(lang, "report.warning"), mdEscape(w.Text))
	}
	return oneBlankLine(strings.TrimRight(b.String(), "\n") + "\n")
}

// oneBlankLine collapses runs of blank lines into one, as Markdown linters want.
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

func mdCorrections(b *strings.Builder, lang string, cs []Correction) {
	for _, c := range cs {
		label := i18n.T(lang, "report.correction")
		if c.Verdict == "unverified" {
			label = i18n.T(lang, "report.unverified")
		}
		fmt.Fprintf(b, "- ≠ **%s:** %s %s (%s)\n", label, mdEscape(fmt.Sprintf(i18n.T(lang, "report.report-says"), c.ReportSays)),
			mdEscape(fmt.Sprintf(i18n.T(lang, "report.verified"), c.Verified)), mdSource(c.Source))
	}
}
