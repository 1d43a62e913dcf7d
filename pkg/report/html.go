package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// htmlPage is one self-contained page: inline CSS, no script, no external request; the only
// URLs are the sources' links. html/template escapes every text.
const htmlPage = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{t "report.md-title"}}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans SC", sans-serif; color: #1d2330; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d6dae3; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .2rem; }
.meta, .src, .id { color: #5b6477; font-size: .85rem; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid #d6dae3; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f2f4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .6rem; background: #3a9d5d; border-radius: 2px; }
ul { margin: .3rem 0 .6rem; padding-left: 1.3rem; }
li.reason::marker { content: "+ "; color: #3a9d5d; }
li.caveat::marker { content: "! "; color: #b7791f; }
li.evidence::marker { content: "? "; color: #718096; }
li.correction::marker { content: "≠ "; color: #b7791f; }
li.excluded::marker { content: "✗ "; color: #c53030; }
li.whatif::marker { content: "? "; color: #2b6cb0; }
.label { font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
p.robustness.is-robust .label { color: #276749; }
p.robustness.is-contested .label { color: #b7791f; }
p.robustness.is-fragile .label { color: #c53030; }
a { color: #2b6cb0; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; } h2 { break-after: avoid; } .entry { break-inside: avoid; } }
</style>
</head>
<body>
<h1>{{t "report.md-title"}}</h1>
<p class="meta">{{generated .}}</p>
<h2>{{t "report.md-answers"}}</h2>
<table>
<tr><th>{{t "report.md-question"}}</th><th>{{t "report.md-answer"}}</th></tr>
{{range .Answers}}<tr><td>{{.Question}} <code>{{.ID}}</code></td><td>{{.Text}}</td></tr>
{{end}}</table>
{{with .Stack}}<h2>{{t "stack.title"}}</h2>
{{if .Blocked}}<p>{{t "stack.none"}}</p>
<ul>
{{range .Blocked}}<li class="excluded">{{code .Text}} {{source .Source}}{{file .File}}</li>
{{end}}</ul>
{{else}}<p><strong>{{stackLine .Parts}}</strong> — {{printf "%.1f" .Score}}</p>
{{with .Robustness}}<p class="robustness is-{{.Label}}"><span class="label">{{t "robust.title"}}{{t "report.colon"}}</span> {{.Text}}</p>
{{end}}{{with .Current}}<p class="current is-{{.Verdict}}"><span class="label">{{t "current.title"}}{{t "report.colon"}}</span> {{.Text}}</p>
{{range .Apart}}<p class="excluded">{{code .Text}} {{source .Source}}{{file .File}}</p>
{{end}}{{range .Moves}}{{range .Excluded}}<p class="excluded">{{code .Text}} {{source .Source}}{{file .File}}</p>
{{end}}{{if .BundledBy}}<p>{{bundled .}}</p>
{{else}}{{steps .FromName .Migration}}{{end}}{{end}}{{end}}<ul>
{{range .Parts}}<li>{{stackPart .}}</li>
{{end}}{{range .Fits}}<li class="reason">{{code .Text}} {{source .Source}}{{file .File}}</li>
{{end}}{{range .Notes}}<li class="caveat">{{code .Text}} {{source .Source}}{{file .File}}</li>
{{end}}{{range .Swaps}}<li class="swap">{{.Text}}<ul>{{range .Because}}<li>{{code .Text}} {{source .Source}}{{file .File}}</li>{{end}}</ul></li>
{{end}}{{range .RunnersUp}}<li class="runner-up">{{runnerUp .}}</li>
{{end}}</ul>
{{if .WhatIf}}<p class="label">{{t "stack.whatif"}}</p>
<ul>
{{range .WhatIf}}<li class="whatif">{{stackWhatIf .}}</li>
{{end}}</ul>
{{end}}
{{end}}{{end}}{{range .Categories}}
<h2>{{.Title}} <span class="id">({{.ID}})</span></h2>
{{with .Current}}<p class="current is-{{.Verdict}}"><span class="label">{{t "current.title"}}{{t "report.colon"}}</span> {{.Text}}</p>
{{if and (ownSteps $) (ne .Verdict "keep")}}{{steps .Name .Migration}}{{end}}{{if eq .Verdict "keep"}}{{steps .Name .KeepPath}}{{end}}{{end}}{{if not .Ranking}}<p>{{t "report.none-left"}}</p>{{else}}
<table>
<tr><th>#</th><th>{{t "report.candidate"}}</th><th>{{t "report.score"}}</th><th><span class="sr">{{t "report.score-bar"}}</span></th></tr>
{{range .Ranking}}<tr><td class="num">{{.Rank}}</td><td><strong>{{.Name}}</strong> <span class="id">({{.ID}})</span></td><td class="num">{{printf "%.1f" .Score}}</td><td><span class="bar" style="width: {{barWidth .Score}}rem"></span></td></tr>
{{end}}</table>{{end}}
{{with .RoleText.String}}<p class="role">↳ {{.}}</p>
{{end}}{{with .NotAppliedText.String}}<p class="not-applied">{{.}}</p>
{{end}}{{range .Reweighted}}<p class="reweight">⚖ {{code .Text}} {{source .Source}}{{file .File}}</p>
{{end}}{{with .Robustness}}<p class="robustness is-{{.Label}}"><span class="label">{{t "robust.title"}}{{t "report.colon"}}</span> {{.Text}}</p>
{{end}}{{range .Ranking}}<div class="entry">
<h3>{{.Rank}}. {{.Name}}</h3>
<p>{{.Summary}}</p>
<ul>
{{range .Reasons}}<li class="reason">{{code .Text}} {{source .Source}}{{file .File}}</li>
{{end}}{{range .Caveats}}<li class="caveat">{{code .Text}} {{source .Source}}{{file .File}}</li>
{{end}}{{if .Evidence}}<li class="evidence">{{evidenceLine .Evidence}}</li>
{{end}}{{range .Corrections}}<li class="correction"><span class="label">{{correctionLabel .}}{{t "report.colon"}}</span> {{code (reportSays .)}} {{code (verified .)}} {{source .Source}}</li>
{{end}}</ul>
</div>
{{end}}{{if .Sensitivity}}<p class="label">{{t "report.what-if"}}</p>
<ul>
{{range .Sensitivity}}<li class="whatif"><code>{{.Flag}}</code>{{.Range}} → {{.TopName}}</li>
{{end}}</ul>
{{end}}{{if .WeightWhatIf}}<p class="label">{{t "robust.weight-title"}}</p>
<ul>
{{range .WeightWhatIf}}<li class="whatif">{{.Text}}</li>
{{end}}</ul>
{{end}}{{if .Excluded}}<p class="label">{{t "report.excluded"}}</p>
<ul>
{{range .Excluded}}<li class="excluded"><strong>{{.Name}}</strong> <span class="id">({{.ID}})</span>:{{range .Reasons}} {{code .Text}} {{source .Source}}{{file .File}}{{end}}</li>
{{end}}</ul>
{{end}}{{end}}{{range .Warnings}}<p><span class="label">{{t "report.warning"}}{{t "report.colon"}}</span> {{.Text}}</p>
{{end}}</body>
</html>
`

// HTML writes the report as one self-contained HTML page, readable on screen and printed.
func HTML(w io.Writer, r *Report) error {
	loc := i18n.For(r.Lang)
	funcs := template.FuncMap{
		"t":            func(key string) string { return loc.T(key) },
		"evidenceLine": func(evs []Evidence) string { return evidenceLine(evs, loc) },
		"stackLine":    stackLine,
		"stackWhatIf": func(w StackWhatIf) template.HTML {
			return template.HTML("<code>" + template.HTMLEscapeString(w.Flag) + "</code> " + template.HTMLEscapeString(strings.TrimPrefix(whatIfLine(w, loc), w.Flag+" ")))
		},
		"stackPart": func(sp StackPart) string {
			return partLine(loc, sp)
		},
		"runnerUp": func(ru RunnerUp) string {
			return runnerUpLine(ru, loc)
		},
		"generated": func(r *Report) string {
			return loc.Tf("report.md-generated-plain", r.Tool.Version, r.KnowledgeBase.Version, r.KnowledgeBase.AsOf, r.KnowledgeBase.Digest)
		},
		"barWidth": func(score float64) string { return fmt.Sprintf("%.1f", clamp100(score)/10) },
		// code escapes a text and shows its `command` spans as code, as Markdown does.
		"code": func(v any) template.HTML {
			text := fmt.Sprint(v) // a string or a said i18n.Text
			return template.HTML(withCodeSpans(text, template.HTMLEscapeString,
				func(c string) string { return "<code>" + template.HTMLEscapeString(c) + "</code>" }))
		},
		"source": func(src string) template.HTML {
			if src == "" {
				return ""
			}
			if isURL(src) {
				return template.HTML(fmt.Sprintf(`<span class="src">(<a href="%s">%s</a>)</span>`,
					template.HTMLEscapeString(src), template.HTMLEscapeString(shortURL(src))))
			}
			return template.HTML(`<span class="src">(` + template.HTMLEscapeString(src) + `)</span>`)
		},
		"file": func(file string) template.HTML {
			if file == "" {
				return ""
			}
			return template.HTML(` <code class="src">` + template.HTMLEscapeString(file) + `</code>`)
		},
		"correctionLabel": func(c Correction) string {
			if c.Verdict == "unverified" {
				return loc.T("report.unverified")
			}
			return loc.T("report.correction")
		},
		"bundled": func(mv Move) string {
			return loc.Tf("current.bundled", mv.FromName.String(), mv.Migration.ToName.String(), mv.BundledByName.String())
		},
		"ownSteps": func(r *Report) bool { return r.Stack == nil || r.Stack.Current == nil },
		"steps": func(from i18n.Text, m *Migration) template.HTML {
			if m == nil || len(m.Steps) == 0 {
				return ""
			}
			esc := template.HTMLEscapeString
			var b strings.Builder
			b.WriteString(`<p class="label">` + esc(stepsHeader(loc, from, m)) + "</p>\n<ol>\n")
			for _, st := range m.Steps {
				b.WriteString("<li>" + esc(st.String()) + "</li>\n")
			}
			b.WriteString("</ol>\n<ul>\n")
			if !m.Risk.IsZero() {
				b.WriteString(`<li class="caveat">` + esc(loc.Tf("current.risk", m.Risk.String())) + "</li>\n")
			}
			if len(m.Tools) > 0 {
				b.WriteString("<li>" + esc(loc.Tf("current.tools", loc.List(m.Tools))) + "</li>\n")
			}
			for _, src := range m.Sources {
				if isURL(src) {
					b.WriteString(`<li class="src"><a href="` + esc(src) + `">` + esc(shortURL(src)) + "</a></li>\n")
				}
			}
			b.WriteString("</ul>\n")
			return template.HTML(b.String())
		},
		"reportSays": func(c Correction) string { return loc.Tf("report.report-says", c.ReportSays) },
		"verified":   func(c Correction) string { return loc.Tf("report.verified", c.Verified) },
	}
	tpl, err := template.New("report").Funcs(funcs).Parse(htmlPage)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := tpl.Execute(&b, r); err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}
