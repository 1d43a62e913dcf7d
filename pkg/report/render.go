package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
	"go.yaml.in/yaml/v3"
)

// Formats are the output formats of a report, in the order help text lists them.
var Formats = []string{"table", "json", "yaml", "markdown", "html"}

// DefaultWidth is the width the table view wraps to when the output is not a terminal.
const DefaultWidth = 100

// Render writes the report in the given format. Styled output (table) is written as is: the
// caller wraps w in a color-profile writer that strips what the terminal cannot show. width is
// the number of columns the table view may use (0: DefaultWidth).
func Render(w io.Writer, r *Report, format string, width int) error {
	switch format {
	case "json":
		return WriteJSON(w, r)
	case "yaml":
		return WriteYAML(w, r)
	case "table":
		_, err := io.WriteString(w, Table(r, width))
		return err
	case "markdown":
		_, err := io.WriteString(w, Markdown(r))
		return err
	case "html":
		return HTML(w, r)
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

// Table renders the report for a terminal of the given width: per category a table of the
// ranking, the reasons, caveats and corrections of the top candidates, and the excluded
// candidates with why. A correction is shown once per category, where it first applies.
func Table(r *Report, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
	width = max(width, 40)
	lang := r.Lang
	var b strings.Builder
	line := func(indent, hang int, text string) {
		b.WriteString(wrapIndent(text, width, indent, hang) + "\n")
	}
	for i, c := range r.Categories {
		if i > 0 {
			b.WriteString("\n")
		}
		shown := map[string]bool{}
		b.WriteString(titleStyle.Render(c.Title) + dimStyle.Render(" ("+c.ID+")") + "\n")
		if len(c.Ranking) == 0 {
			line(2, 2, excludeStyle.Render(msg(lang, "none-left")))
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
			rows := func(withID bool) {
				t.ClearRows()
				for _, e := range c.Ranking {
					name := e.Name
					if withID {
						name += " " + dimStyle.Render("("+e.ID+")")
					}
					t.Row(fmt.Sprint(e.Rank), name, fmt.Sprintf("%.1f", e.Score), bar(e.Score))
				}
			}
			rows(true)
			if lipgloss.Width(t.Render()) > width {
				rows(false) // narrow terminal: the ids are in -f json
				if lipgloss.Width(t.Render()) > width {
					t.Width(width)
				}
			}
			b.WriteString(t.Render() + "\n")
		}
		for j, e := range c.Ranking {
			if j >= detailRanks {
				break
			}
			line(2, 5, lipgloss.NewStyle().Bold(true).Render(fmt.Sprintf("%d. %s", e.Rank, e.Name))+" "+dimStyle.Render("— "+e.Summary))
			for k, reason := range e.Reasons {
				if k >= maxReasons {
					key := "more-reasons"
					if len(e.Reasons)-maxReasons == 1 {
						key = "more-reason"
					}
					line(5, 7, dimStyle.Render(fmt.Sprintf(msg(lang, key), len(e.Reasons)-maxReasons)))
					break
				}
				line(5, 7, plusStyle.Render("+")+" "+reason.Text+fileNote(reason.File))
			}
			for _, cv := range e.Caveats {
				line(5, 7, warnStyle.Render("!")+" "+cv.Text+fileNote(cv.File))
			}
			writeCorrections(line, lang, e.Corrections, shown, maxCorrections)
		}
		if len(c.Ranking) > detailRanks {
			var rest []string
			for _, e := range c.Ranking[detailRanks:] {
				for _, cr := range e.Corrections {
					if !shown[cr.Fact] {
						rest = append(rest, e.Name)
						break
					}
				}
			}
			if len(rest) > 0 {
				line(2, 4, dimStyle.Render(fmt.Sprintf(msg(lang, "corrections-also"), strings.Join(rest, ", "))))
			}
		}
		if len(c.Sensitivity) > 0 {
			line(2, 2, lipgloss.NewStyle().Bold(true).Render(msg(lang, "what-if")))
			for _, sv := range c.Sensitivity {
				line(5, 7, fmt.Sprintf("%s %s%s → %s", warnStyle.Render("?"), sv.Flag, sv.Range, sv.TopName))
			}
		}
		if len(c.Excluded) > 0 {
			line(2, 2, excludeStyle.Render(msg(lang, "excluded")))
			for _, ex := range c.Excluded {
				// With its id, which 'explain' takes to say what would readmit it.
				line(5, 7, fmt.Sprintf("%s %s %s%s%s", excludeStyle.Render("✗"), ex.Name, dimStyle.Render("("+ex.ID+")"), colon(lang), ex.Reasons[0].Text)+fileNote(ex.Reasons[0].File))
				// An exclusion decides alone, so its source is shown with it.
				line(7, -1, dimStyle.Render(msg(lang, "source")+colon(lang)+ex.Reasons[0].Source))
				for _, more := range ex.Reasons[1:] {
					line(7, 9, dimStyle.Render("· "+more.Text)+fileNote(more.File))
					line(9, -1, dimStyle.Render(msg(lang, "source")+colon(lang)+more.Source))
				}
				// Under an excluded candidate only a correction the user has not seen yet and
				// that shows the report wrong: the candidate is out either way.
				var wrong []Correction
				for _, cr := range ex.Corrections {
					if cr.Verdict == "wrong" {
						wrong = append(wrong, cr)
					}
				}
				writeCorrections(line, lang, wrong, shown, 1)
			}
		}
	}
	if len(r.Detected) > 0 {
		b.WriteString("\n")
		line(0, 2, lipgloss.NewStyle().Bold(true).Render(msg(lang, "detected")+strings.TrimSpace(colon(lang))))
		for _, d := range r.Detected {
			line(2, 4, fmt.Sprintf("--%s=%v %s", d.Question, flagValue(d.Value), dimStyle.Render("("+d.Evidence+")")))
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\n")
	}
	for _, w := range r.Warnings {
		line(0, 2, warnStyle.Render(msg(lang, "warning")+": ")+w.Text)
	}
	return b.String()
}

func flagValue(v any) string {
	if list, ok := v.([]string); ok {
		return strings.Join(list, ",")
	}
	return fmt.Sprint(v)
}

// detailRanks is how many of the top candidates get their reasons listed under the table.
const detailRanks = 3

// maxReasons is how many reasons are listed per candidate in the table view.
const maxReasons = 3

// maxCorrections is how many corrections are listed per candidate in the table view.
const maxCorrections = 2

// writeCorrections lists up to limit corrections not yet shown in the category.
func writeCorrections(line func(indent, hang int, text string), lang string, cs []Correction, shown map[string]bool, limit int) {
	var fresh []Correction
	for _, c := range cs {
		if !shown[c.Fact] {
			fresh = append(fresh, c)
		}
	}
	for i, c := range fresh {
		if i == limit {
			key := "more-corrections"
			if len(fresh)-limit == 1 {
				key = "more-correction"
			}
			line(5, 7, dimStyle.Render(fmt.Sprintf(msg(lang, key), len(fresh)-limit)))
			break
		}
		shown[c.Fact] = true
		label := msg(lang, "correction")
		if c.Verdict == "unverified" {
			label = msg(lang, "unverified")
		}
		line(5, 7, warnStyle.Render("≠ "+label+strings.TrimSpace(colon(lang)))+" "+fmt.Sprintf(msg(lang, "report-says"), c.ReportSays))
		line(7, 7, fmt.Sprintf(msg(lang, "verified"), c.Verified))
		// A source is a URL: never broken across lines.
		line(7, -1, dimStyle.Render(msg(lang, "source")+colon(lang)+c.Source))
	}
}

// fileNote names the organisation's rule file a reason comes from.
func fileNote(file string) string {
	if file == "" {
		return ""
	}
	return " " + dimStyle.Render("["+file+"]")
}

// wrapText wraps at spaces and, in Chinese and Japanese text, between any two characters,
// as those languages break lines: a zero-width space after each wide character marks the
// places, and is removed again.
func wrapText(text string, limit int) string {
	const zwsp = "\u200b"
	var b strings.Builder
	wide := false
	for _, r := range text {
		b.WriteRune(r)
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) {
			b.WriteString(zwsp)
			wide = true
		}
	}
	if !wide {
		return ansi.Wrap(text, limit, " ")
	}
	// Two columns kept free for a full-width mark that hangPunctuation may pull up.
	return strings.ReplaceAll(ansi.Wrap(b.String(), max(limit-2, 2), " "+zwsp), zwsp, "")
}

// closing is punctuation that may not start a line (Chinese 避头: it hangs on the line before).
const closing = "。，、；：！？）」』】》"

// hangPunctuation moves closing punctuation that a wrap put at the start of a line to the
// end of the line before, where it belongs; a line left empty goes.
func hangPunctuation(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if len(out) > 0 {
			rest := strings.TrimLeft(l, closing)
			if moved := l[:len(l)-len(rest)]; moved != "" {
				out[len(out)-1] += moved
				l = rest
				if strings.TrimSpace(l) == "" {
					continue
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// colon ends a label: ": " in English, the full-width "：" in Chinese.
func colon(lang string) string {
	if lang == "zh" {
		return "："
	}
	return ": "
}

// wrapIndent wraps text to width: the first line indented by indent, the others by hang.
// A negative hang leaves the text unwrapped.
func wrapIndent(text string, width, indent, hang int) string {
	if hang < 0 {
		return strings.Repeat(" ", indent) + text
	}
	wrapped := wrapText(text, max(width-hang, 20))
	lines := hangPunctuation(strings.Split(wrapped, "\n"))
	for i := range lines {
		pad := hang
		if i == 0 {
			pad = indent
		}
		lines[i] = strings.Repeat(" ", pad) + lines[i]
	}
	return strings.Join(lines, "\n")
}

var messages = map[string][2]string{ // key -> {en, zh}
	"candidate":           {"Candidate", "候选"},
	"score":               {"Score", "得分"},
	"excluded":            {"Excluded", "已排除"},
	"none-left":           {"No candidate is left after the exclusions below.", "经过以下排除后，没有剩余的候选。"},
	"correction":          {"Correction", "更正"},
	"unverified":          {"Unverified", "未经证实"},
	"report-says":         {"the report says: %s", "报告称：%s"},
	"through":             {" (up to %d)", "（至 %d）"},
	"or-more":             {" (or more)", "（或更多）"},
	"colon":               {":", "："},
	"verified":            {"The sources say: %s", "经核实：%s"},
	"source":              {"source", "来源"},
	"more-reasons":        {"… %d more reasons (-f json lists them all)", "… 另有 %d 条理由（-f json 列出全部）"},
	"corrections-also":    {"Corrections also apply to: %s (see -f json).", "以下候选也有更正：%s（见 -f json）。"},
	"more-reason":         {"… %d more reason (-f json lists it)", "… 另有 %d 条理由（-f json 列出）"},
	"more-corrections":    {"… %d more corrections (-f json lists them all)", "… 另有 %d 条更正（-f json 列出全部）"},
	"more-correction":     {"… %d more correction (-f json lists it)", "… 另有 %d 条更正（-f json 列出）"},
	"x-excluded":          {"Excluded for these answers by:", "在这些回答下被以下规则排除："},
	"x-readmit":           {"Changing one answer readmits it:", "改变以下任一回答即可重新纳入："},
	"x-no-readmit":        {"No single answer change readmits it.", "改变任何单个回答都无法重新纳入。"},
	"x-would-score":       {"Without the exclusion it would score %.1f:", "若不排除，其得分为 %.1f："},
	"x-ranked":            {"Ranked %d of %d with a score of %.1f:", "在 %[2]d 个候选中排名第 %[1]d，得分 %.1[3]f："},
	"x-criterion":         {"Criterion", "评分标准"},
	"x-value":             {"Value", "取值"},
	"x-weight":            {"Weight", "权重"},
	"x-normalised":        {"Normalised", "归一化"},
	"x-points":            {"Points", "分数"},
	"x-criteria-sum":      {"Criteria", "标准合计"},
	"x-adjustments":       {"Rule adjustments", "规则调整"},
	"x-rules":             {"Rules that touched it:", "影响它的规则："},
	"c-attribute":         {"Attribute", "属性"},
	"c-report-differs":    {"Where the report differs or gives no figure:", "报告数据不同或未给出之处："},
	"c-sources":           {"Sources:", "来源："},
	"what-if":             {"Would change the pick:", "以下改动会改变首选："},
	"md-title":            {"Container stack recommendation", "容器技术栈选型建议"},
	"md-generated":        {"stackadvisor %s · knowledge base %s (`%s`)", "stackadvisor %s · 知识库 %s（`%s`）"},
	"md-generated-plain":  {"stackadvisor %s · knowledge base %s (%s)", "stackadvisor %s · 知识库 %s（%s）"},
	"md-answers":          {"Answers", "回答"},
	"md-question":         {"Question", "问题"},
	"md-answer":           {"Answer", "回答"},
	"adr-title":           {"%s: choose %s", "%s选型：%s"},
	"adr-title-none":      {"%s: no candidate meets the constraints", "%s选型：没有满足约束的候选"},
	"adr-context":         {"Context and Problem Statement", "背景与问题"},
	"adr-context-text":    {"Which %s should the platform use? The requirements, as answered:", "平台应选用哪种%s？需求如下："},
	"adr-drivers":         {"Decision Drivers", "决策因素"},
	"adr-priorities":      {"Priorities", "优先考虑"},
	"adr-constraint":      {"Constraint", "约束"},
	"adr-options":         {"Considered Options", "备选方案"},
	"adr-excluded":        {"excluded", "已排除"},
	"adr-outcome":         {"Decision Outcome", "决策结果"},
	"adr-chosen":          {"Chosen option: \"%s\" (score %.1f), because:", "选定方案：“%s”（得分 %.1f），理由："},
	"adr-consequences":    {"Consequences", "影响"},
	"adr-good":            {"Good, because", "好处："},
	"adr-bad":             {"Bad, because", "代价："},
	"adr-neutral":         {"Neutral: the report was corrected here:", "说明：此处对报告做了更正："},
	"adr-more":            {"More Information", "更多信息"},
	"adr-reproduce":       {"Reproduce the recommendation:", "复现此建议："},
	"warn-not-applicable": {"--%s=%s does not apply to these answers (its category or topic was not chosen) and was ignored.", "--%s=%s 不适用于当前回答（未选择相应类别或主题），已忽略。"},
	"warn-too-strict":     {"--%s=%s alone excludes every candidate of %s: no candidate can meet it.", "仅 --%s=%s 一项就排除了%s的全部候选：没有候选能满足。"},
	"detected":            {"Detected on this machine", "在本机检测到"},
	"warning":             {"Warning", "警告"},
	"yes":                 {"yes", "是"},
	"no":                  {"no", "否"},
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
