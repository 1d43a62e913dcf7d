package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"go.yaml.in/yaml/v3"
)

// Formats are the output formats of a report, in the order help text lists them.
var Formats = []string{"table", "json", "yaml"}

// Render writes the report in the given format. Styled output (table) is written as is: the
// caller wraps w in a color-profile writer that strips what the terminal cannot show.
func Render(w io.Writer, r *Report, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, r)
	case "yaml":
		return WriteYAML(w, r)
	case "table":
		_, err := io.WriteString(w, Table(r))
		return err
	}
	return fmt.Errorf("unknown format %q; allowed: %s", format, strings.Join(Formats, ", "))
}

// WriteJSON writes v as indented JSON without HTML escaping.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteYAML writes v as YAML.
func WriteYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

var (
	titleStyle   = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("12"))
	headerStyle  = lipgloss.NewStyle().Bold(true).Padding(0, 1)
	cellStyle    = lipgloss.NewStyle().Padding(0, 1)
	barStyle     = lipgloss.NewStyle().Foreground(lipgloss.Color("10"))
	barEmpty     = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	dimStyle     = lipgloss.NewStyle().Faint(true)
	plusStyle    = lipgloss.NewStyle().Foreground(lipgloss.Color("10"))
	warnStyle    = lipgloss.NewStyle().Foreground(lipgloss.Color("11"))
	excludeStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
	borderStyle  = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
)

// barWidth is the number of cells of a score bar (display only).
const barWidth = 10

func bar(score float64) string {
	full := int(score/100*barWidth + 0.5)
	if full > barWidth {
		full = barWidth
	}
	return barStyle.Render(strings.Repeat("█", full)) + barEmpty.Render(strings.Repeat("░", barWidth-full))
}

// detailRanks is how many of the top candidates get their reasons listed under the table.
const detailRanks = 3

// maxReasons is how many reasons are listed per candidate in the table view; explain shows all.
const maxReasons = 3

// Table renders the report for a terminal: per category a table of the ranking, the reasons,
// caveats and corrections of the top candidates, and the excluded candidates with why.
func Table(r *Report) string {
	lang := r.Lang
	var b strings.Builder
	for i, c := range r.Categories {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(titleStyle.Render(c.Title) + dimStyle.Render(" ("+c.ID+")") + "\n")
		if len(c.Ranking) == 0 {
			b.WriteString(excludeStyle.Render("  "+msg(lang, "none-left")) + "\n")
		} else {
			t := table.New().
				Border(lipgloss.RoundedBorder()).
				BorderStyle(borderStyle).
				Headers("#", msg(lang, "candidate"), msg(lang, "score"), "").
				StyleFunc(func(row, col int) lipgloss.Style {
					s := cellStyle
					if row == table.HeaderRow {
						s = headerStyle
					}
					if col == 0 || col == 2 {
						s = s.Align(lipgloss.Right)
					}
					return s
				})
			for _, e := range c.Ranking {
				t.Row(fmt.Sprint(e.Rank), e.Name+" "+dimStyle.Render("("+e.ID+")"), fmt.Sprintf("%.1f", e.Score), bar(e.Score))
			}
			b.WriteString(t.Render() + "\n")
		}
		for j, e := range c.Ranking {
			if j >= detailRanks {
				break
			}
			b.WriteString(fmt.Sprintf("  %s %s\n", lipgloss.NewStyle().Bold(true).Render(fmt.Sprintf("%d. %s", e.Rank, e.Name)), dimStyle.Render("— "+e.Summary)))
			for k, reason := range e.Reasons {
				if k >= maxReasons {
					b.WriteString(dimStyle.Render(fmt.Sprintf("     … %s", fmt.Sprintf(msg(lang, "more-reasons"), len(e.Reasons)-maxReasons))) + "\n")
					break
				}
				b.WriteString("     " + plusStyle.Render("+") + " " + reason.Text + "\n")
			}
			for _, cv := range e.Caveats {
				b.WriteString("     " + warnStyle.Render("!") + " " + cv.Text + "\n")
			}
			writeCorrections(&b, lang, e.Corrections)
		}
		if len(c.Ranking) > detailRanks {
			var rest []string
			for _, e := range c.Ranking[detailRanks:] {
				if len(e.Corrections) > 0 {
					rest = append(rest, e.Name)
				}
			}
			if len(rest) > 0 {
				b.WriteString(dimStyle.Render("  "+fmt.Sprintf(msg(lang, "corrections-also"), strings.Join(rest, ", "))) + "\n")
			}
		}
		if len(c.Excluded) > 0 {
			b.WriteString("  " + excludeStyle.Render(msg(lang, "excluded")) + "\n")
			for _, ex := range c.Excluded {
				b.WriteString(fmt.Sprintf("     %s %s: %s\n", excludeStyle.Render("✗"), ex.Name, ex.Reasons[0].Text))
				for _, more := range ex.Reasons[1:] {
					b.WriteString("       " + dimStyle.Render("· "+more.Text) + "\n")
				}
				writeCorrections(&b, lang, ex.Corrections)
			}
		}
	}
	for _, w := range r.Warnings {
		b.WriteString(warnStyle.Render(msg(lang, "warning")+": ") + w.Text + "\n")
	}
	return b.String()
}

// maxCorrections is how many corrections are listed per candidate in the table view.
const maxCorrections = 2

func writeCorrections(b *strings.Builder, lang string, cs []Correction) {
	for i, c := range cs {
		if i == maxCorrections {
			b.WriteString("     " + dimStyle.Render(fmt.Sprintf(msg(lang, "more-corrections"), len(cs)-maxCorrections)) + "\n")
			break
		}
		label := msg(lang, "correction")
		if c.Verdict == "unverified" {
			label = msg(lang, "unverified")
		}
		b.WriteString(fmt.Sprintf("     %s %s %s\n", warnStyle.Render("≠"), warnStyle.Render(label+":"), fmt.Sprintf(msg(lang, "report-says"), c.ReportSays)))
		b.WriteString(fmt.Sprintf("       %s\n", fmt.Sprintf(msg(lang, "verified"), c.Verified)))
		b.WriteString("       " + dimStyle.Render(msg(lang, "source")+": "+c.Source) + "\n")
	}
}

var messages = map[string][2]string{ // key -> {en, zh}
	"candidate":        {"Candidate", "候选"},
	"score":            {"Score", "得分"},
	"excluded":         {"Excluded", "已排除"},
	"none-left":        {"No candidate is left after the exclusions below.", "经过以下排除后，没有剩余的候选。"},
	"correction":       {"Correction", "更正"},
	"unverified":       {"Unverified", "未经证实"},
	"report-says":      {"the report says: %s", "报告称：%s"},
	"verified":         {"The sources say: %s", "经核实：%s"},
	"source":           {"source", "来源"},
	"more-reasons":     {"%d more (-f json lists them all)", "另有 %d 条（-f json 列出全部）"},
	"corrections-also": {"Corrections also apply to: %s (see -f json).", "以下候选也有更正：%s（见 -f json）。"},
	"more-corrections": {"… %d more corrections (-f json lists them all)", "… 另有 %d 条更正（-f json 列出全部）"},
	"warning":          {"Warning", "警告"},
	"yes":              {"yes", "是"},
	"no":               {"no", "否"},
}

func msg(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "zh" {
		return m[1]
	}
	return m[0]
}
