package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// Formats are the output formats of a report, in the order help text lists them.
var Formats = []string{"table", "json", "yaml", "markdown", "html"}

// DefaultWidth is the width the table view wraps to when the output is not a terminal.
const DefaultWidth = 80

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

// barCells is how many of the barWidth cells a score fills: 0 to barWidth whatever the score
// (a negative, huge or NaN score must not make strings.Repeat panic).
func barCells(score float64) int {
	f := math.Round(score / 100 * barWidth)
	if !(f > 0) { // also NaN
		return 0
	}
	return int(min(f, barWidth))
}

// clamp100 is a score within 0..100 for display, 0 for NaN.
func clamp100(score float64) float64 {
	if !(score > 0) {
		return 0
	}
	return min(score, 100)
}

func bar(score float64) string { return bars[barCells(score)] }

// bars are the score bars, one per number of full cells, styled once: styling them per row
// was a sixth of the terminal view's time.
var bars = func() [barWidth + 1]string {
	var out [barWidth + 1]string
	for full := range out {
		out[full] = barStyle.Render(strings.Repeat("█", full)) + barEmpty.Render(strings.Repeat("░", barWidth-full))
	}
	return out
}()

// Table renders the report for a terminal of the given width: per category a table of the
// ranking, the reasons, caveats and corrections of the top candidates, and the excluded
// candidates with why. A correction is shown once per category, where it first applies.
func Table(r *Report, width int) string {
	loc := i18n.For(r.Lang)
	return terminal(r, width, true, func(b *strings.Builder, line lineFunc, width int, c Category) {
		shown := map[string]bool{}
		if len(c.Ranking) == 0 {
			line(2, 2, excludeStyle.Render(loc.T("report.none-left")))
		} else {
			t := table.New().
				Border(lipgloss.RoundedBorder()).
				BorderStyle(borderStyle).
				Headers("#", loc.T("report.candidate"), loc.T("report.score"), "").
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
			rows := func(withID bool) [][]string {
				grid := [][]string{{"#", loc.T("report.candidate"), loc.T("report.score"), ""}}
				for _, e := range c.Ranking {
					name := e.Name.String()
					if withID {
						name += " " + dimStyle.Render("("+e.ID+")")
					}
					grid = append(grid, []string{fmt.Sprint(e.Rank), name, fmt.Sprintf("%.1f", e.Score), bar(e.Score)})
				}
				t.ClearRows()
				t.Rows(grid[1:]...)
				return grid
			}
			rows(true)
			if lipgloss.Width(t.Render()) > width {
				grid := rows(false) // narrow terminal: the ids are in -f json
				if lipgloss.Width(t.Render()) > width {
					// Wrap the cells ourselves: lipgloss's own shrinking cut off the right border.
					FitCells(grid, width)
					t.Headers(grid[0]...)
					t.ClearRows()
					t.Rows(grid[1:]...)
				}
			}
			b.WriteString(t.Render() + "\n")
		}
		if note := c.RoleText.String(); note != "" {
			line(2, 4, "↳ "+note)
		}
		if !c.NotAppliedText.IsZero() {
			line(2, 4, dimStyle.Render("· "+c.NotAppliedText.String()))
		}
		for _, rw := range c.Reweighted {
			line(2, 4, warnStyle.Render("⚖")+" "+rw.Text.String()+fileNote(rw.File))
		}
		if c.Robustness != nil {
			line(2, 4, robustStyleText(c.Robustness, loc))
		}
		for j, e := range c.Ranking {
			if j >= detailRanks {
				break
			}
			line(2, 5, lipgloss.NewStyle().Bold(true).Render(fmt.Sprintf("%d. %s", e.Rank, e.Name))+" "+dimStyle.Render("— "+e.Summary.String()))
			for k, reason := range e.Reasons {
				if k >= maxReasons {
					key := "report.more-reasons"
					if len(e.Reasons)-maxReasons == 1 {
						key = "report.more-reason"
					}
					line(5, 7, dimStyle.Render(loc.Tf(key, len(e.Reasons)-maxReasons)))
					break
				}
				line(5, 7, plusStyle.Render("+")+" "+reason.Text.String()+fileNote(reason.File))
			}
			for _, cv := range e.Caveats {
				line(5, 7, warnStyle.Render("!")+" "+cv.Text.String()+fileNote(cv.File))
			}
			if len(e.Evidence) > 0 {
				line(5, 7, warnStyle.Render("?")+" "+evidenceLine(e.Evidence, loc))
			}
			writeCorrections(line, loc, e.Corrections, shown, maxCorrections)
		}
		if len(c.Ranking) > detailRanks {
			var rest []string
			for _, e := range c.Ranking[detailRanks:] {
				for _, cr := range e.Corrections {
					if !shown[cr.Fact] {
						rest = append(rest, e.Name.String())
						break
					}
				}
			}
			if len(rest) > 0 {
				line(2, 4, dimStyle.Render(loc.Tf("report.corrections-also", loc.List(rest))))
			}
		}
		writeWhatIf(line, c, loc)
		if len(c.Excluded) > 0 {
			line(2, 2, excludeStyle.Render(loc.T("report.excluded")))
			for _, ex := range c.Excluded {
				// With its id, which 'explain' takes to say what would readmit it.
				line(5, 7, fmt.Sprintf("%s %s %s%s%s", excludeStyle.Render("✗"), ex.Name, dimStyle.Render("("+ex.ID+")"), loc.Colon(), ex.Reasons[0].Text)+fileNote(ex.Reasons[0].File))
				// An exclusion decides alone, so its source is shown with it.
				line(7, -1, dimStyle.Render(loc.T("report.source")+loc.Colon()+ex.Reasons[0].Source))
				for _, more := range ex.Reasons[1:] {
					line(7, 9, dimStyle.Render("· "+more.Text.String())+fileNote(more.File))
					line(9, -1, dimStyle.Render(loc.T("report.source")+loc.Colon()+more.Source))
				}
				// Under an excluded candidate only a correction the user has not seen yet and
				// that shows the report wrong: the candidate is out either way.
				var wrong []Correction
				for _, cr := range ex.Corrections {
					if cr.Verdict == "wrong" {
						wrong = append(wrong, cr)
					}
				}
				writeCorrections(line, loc, wrong, shown, 1)
			}
		}
	})
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
func writeCorrections(line func(indent, hang int, text string), loc i18n.Localizer, cs []Correction, shown map[string]bool, limit int) {
	var fresh []Correction
	for _, c := range cs {
		if !shown[c.Fact] {
			fresh = append(fresh, c)
		}
	}
	for i, c := range fresh {
		if i == limit {
			key := "report.more-corrections"
			if len(fresh)-limit == 1 {
				key = "report.more-correction"
			}
			line(5, 7, dimStyle.Render(loc.Tf(key, len(fresh)-limit)))
			break
		}
		shown[c.Fact] = true
		label := loc.T("report.correction")
		if c.Verdict == "unverified" {
			label = loc.T("report.unverified")
		}
		line(5, 7, warnStyle.Render("≠ "+label+strings.TrimSpace(loc.Colon()))+" "+loc.Tf("report.report-says", c.ReportSays))
		line(7, 7, loc.Tf("report.verified", c.Verified))
		// A source is a URL: never broken across lines.
		line(7, -1, dimStyle.Render(loc.T("report.source")+loc.Colon()+c.Source))
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
// Wrapping keeps a number with its unit ("15 %") and a hyphenated name or id ("CRI-O",
// "nvidia-h100") whole: they are protected with a no-break space and a no-break hyphen while the
// text is wrapped, then restored.
var (
	// a number and the unit after it: "93 %", "125 ms", "4.8 TB/s", "900 W", "110900 CNY"
	wrapProtect = strings.NewReplacer("-", "\u2011")
	wrapRestore = strings.NewReplacer("\u00a0", " ", "\u2011", "-")
)

// Units kept with the number before them: after a digit and a space, one of these as a whole
// word (a letter or digit after it would make it part of a longer word), or one of the
// Chinese measure words.
var (
	units   = []string{"%", "ms", "s", "KB", "MB", "GB", "TB", "MiB", "GiB", "KiB", "GB/s", "TB/s", "W", "kW", "TFLOPS", "PFLOPS", "TOPS", "CNY", "USD", "MHz", "GHz", "nm"}
	zhUnits = "分个次项组张台倍年月天"
)

// glueUnits joins each number to its unit with a no-break space ("93 %", "80 GB", "59.1 分").
// A scan rather than a regular expression: it ran on every line and was a third of the time
// the terminal view took.
func glueUnits(text string) string {
	if !strings.Contains(text, " ") {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 1; i < len(text)-1; i++ {
		if text[i] != ' ' || text[i-1] < '0' || text[i-1] > '9' {
			continue
		}
		rest := text[i+1:]
		glue := false
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(zhUnits, r) {
			glue = true
		} else {
			for _, u := range units {
				if strings.HasPrefix(rest, u) && (u == "%" || len(rest) == len(u) || !isWordByte(rest[len(u)])) {
					glue = true
					break
				}
			}
		}
		if glue {
			b.WriteString(text[last:i])
			b.WriteString("\u00a0")
			last = i + 1
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// wrapProse wraps a paragraph keeping numbers with their units and hyphenated names whole
// (table cells use wrapText, which may break them to fit a narrow column).
func wrapProse(text string, limit int) string {
	text = glueUnits(text)
	return wrapRestore.Replace(wrapText(wrapProtect.Replace(text), limit))
}

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

// wrapIndent wraps text to width: the first line indented by indent, the others by hang.
// A negative hang leaves the text unwrapped.
func wrapIndent(text string, width, indent, hang int) string {
	indent = max(indent, 0) // strings.Repeat panics on a negative count
	if hang < 0 {
		return strings.Repeat(" ", indent) + text
	}
	wrapped := wrapProse(text, max(width-hang, 20))
	var out []string
	for i, l := range hangPunctuation(strings.Split(wrapped, "\n")) {
		// A line broken just after a space keeps it: trailing blanks are noise in a terminal
		// and in files diffed by `git diff --check`. A line left empty by the wrapping (a text
		// that fills the width exactly, a break after its last wide character) is dropped.
		l = strings.TrimRight(l, " ")
		if i > 0 && strings.TrimSpace(ansi.Strip(l)) == "" { // styles are re-opened on each line
			continue
		}
		pad := hang
		if i == 0 {
			pad = indent
		}
		out = append(out, strings.Repeat(" ", pad)+l)
	}
	return strings.Join(out, "\n")
}

// Summary is the answer on one screen: the stack, then per category the first few candidates
// with their scores and robustness, the reasons and warnings that decide the first, and one line
// counting what the full table (Table, --details) adds.
func Summary(r *Report, width int) string {
	loc := i18n.For(r.Lang)
	return terminal(r, width, false, func(_ *strings.Builder, line lineFunc, _ int, c Category) {
		if len(c.Ranking) == 0 {
			line(2, 2, excludeStyle.Render(loc.T("report.none-left")))
		}
		for j, e := range c.Ranking {
			if j >= summaryRanks {
				line(2, 4, dimStyle.Render(loc.Tf("report.more-ranked", len(c.Ranking)-summaryRanks)))
				break
			}
			name := lipgloss.NewStyle().Bold(j == 0).Render(fmt.Sprintf("%d. %s", e.Rank, e.Name))
			line(2, 5, fmt.Sprintf("%s %s %s", bar(e.Score), fmt.Sprintf("%5.1f", e.Score), name)+" "+dimStyle.Render("("+e.ID+")"))
		}
		if note := c.RoleText.String(); note != "" {
			line(2, 4, "↳ "+note)
		}
		if !c.NotAppliedText.IsZero() {
			line(2, 4, dimStyle.Render("· "+c.NotAppliedText.String()))
		}
		if c.Robustness != nil {
			line(2, 4, robustStyleText(c.Robustness, loc))
		}
		more, weak, corrections := 0, 0, 0
		for j, e := range c.Ranking {
			corrections += len(e.Corrections)
			weak += len(e.Evidence)
			if j > 0 {
				continue
			}
			for k, reason := range e.Reasons {
				if k >= summaryReasons {
					more += len(e.Reasons) - summaryReasons
					break
				}
				line(5, 7, plusStyle.Render("+")+" "+reason.Text.String()+fileNote(reason.File))
			}
			for k, cv := range e.Caveats {
				if k >= summaryReasons {
					more += len(e.Caveats) - summaryReasons
					break
				}
				line(5, 7, warnStyle.Render("!")+" "+cv.Text.String()+fileNote(cv.File))
			}
		}
		writeWhatIf(line, c, loc)
		var parts []string
		if corrections == 1 {
			parts = append(parts, loc.T("report.also-correction"))
		} else if corrections > 1 {
			parts = append(parts, loc.Tf("report.also-corrections", corrections))
		}
		if weak == 1 {
			parts = append(parts, loc.T("report.also-weak-one"))
		} else if weak > 1 {
			parts = append(parts, loc.Tf("report.also-weak", weak))
		}
		if len(c.Excluded) > 0 {
			parts = append(parts, loc.Tf("report.also-excluded", len(c.Excluded)))
		}
		if more > 0 {
			parts = append(parts, loc.Tf("report.also-reasons", more))
		}
		if len(parts) > 0 {
			line(2, 4, dimStyle.Render(loc.Tf("report.also", loc.List(parts))))
		}
	})
}

// How much of a category the one-screen summary shows.
const (
	summaryRanks   = 3
	summaryReasons = 2
)

// lineFunc writes one paragraph wrapped to the terminal: the first line indented by indent, the
// rest by hang.
type lineFunc = func(indent, hang int, text string)

// terminal writes what the full table and the one-screen summary share: the stack, each
// category's title with body writing the rest of it, then the answers detected on this machine
// and the warnings.
func terminal(r *Report, width int, full bool, body func(b *strings.Builder, line lineFunc, width int, c Category)) string {
	if width <= 0 {
		width = DefaultWidth
	}
	width = max(width, 40)
	loc := i18n.For(r.Lang)
	var b strings.Builder
	line := func(indent, hang int, text string) {
		b.WriteString(wrapIndent(text, width, indent, hang) + "\n")
	}
	// What --detect assumed comes first: the answer below rests on it.
	if len(r.Detected) > 0 {
		line(0, 2, lipgloss.NewStyle().Bold(true).Render(loc.T("report.detected")+strings.TrimSpace(loc.Colon())))
		for _, d := range r.Detected {
			line(2, 4, fmt.Sprintf("--%s=%v %s", d.Question, flagValue(d.Value), dimStyle.Render("("+d.Evidence+")")))
		}
		b.WriteString("\n")
	}
	if r.Stack != nil {
		stackTable(line, r.Stack, loc, full)
		b.WriteString("\n")
	}
	for i, c := range r.Categories {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(titleStyle.Render(c.Title.String()) + dimStyle.Render(" ("+c.ID+")") + "\n")
		if c.Current != nil {
			line(2, 4, verdictMark(c.Current.Verdict)+" "+c.Current.Text.String())
			if (r.Stack == nil || r.Stack.Current == nil) && c.Current.Verdict != "keep" { // the stack's section shows its moves' steps; a keep has none to take
				writeMigration(line, loc, 4, c.Current.Name, c.Current.Migration, full)
			}
			if c.Current.Verdict == "keep" { // keeping it takes steps of its own under the answers
				writeMigration(line, loc, 4, c.Current.Name, c.Current.KeepPath, full)
			}
		}
		body(&b, line, width, c)
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\n")
	}
	for _, w := range r.Warnings {
		line(0, 2, warnStyle.Render(loc.T("report.warning")+": ")+w.Text.String())
	}
	return b.String()
}

// writeWhatIf writes a category's what-if lines: the answers that would change its first place,
// then the weights that would.
func writeWhatIf(line lineFunc, c Category, loc i18n.Localizer) {
	if len(c.Sensitivity) > 0 {
		line(2, 2, lipgloss.NewStyle().Bold(true).Render(loc.T("report.what-if")))
		for _, sv := range c.Sensitivity {
			line(5, 7, fmt.Sprintf("%s %s%s → %s", warnStyle.Render("?"), sv.Flag, sv.Range, sv.TopName))
		}
	}
	if len(c.WeightWhatIf) > 0 {
		line(2, 2, lipgloss.NewStyle().Bold(true).Render(loc.T("robust.weight-title")))
		for _, w := range c.WeightWhatIf {
			line(5, 7, warnStyle.Render("?")+" "+w.Text.String())
		}
	}
}

// Reflow fits help text to width: the lines of a paragraph (lines between blank lines that
// start at the margin) are joined, with a space between words and none between Chinese
// characters, and wrapped; an indented line (a list item, a table row) keeps its indent and
// wraps under its text, and a more indented line right after it continues it.
func Reflow(text string, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
	var out []string
	var para []string // the lines of the paragraph or item being gathered
	indent := 0       // the indent of the item being gathered
	flush := func() {
		if len(para) == 0 {
			return
		}
		joined := para[0]
		for _, l := range para[1:] {
			if endsWide(joined) && startsWide(l) {
				joined += l
			} else {
				joined += " " + l
			}
		}
		hang := indent
		if indent > 0 {
			hang = indent + itemHang(joined)
		}
		out = append(out, wrapIndent(joined, width, indent, hang))
		para = para[:0]
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		ind := len(line) - len(trimmed)
		switch {
		case trimmed == "":
			flush()
			out = append(out, "")
		case len(para) > 0 && ind == indent && indent == 0,
			len(para) > 0 && indent > 0 && ind > indent:
			para = append(para, trimmed) // the paragraph or item goes on
		default:
			flush()
			indent = ind
			para = append(para, trimmed)
		}
	}
	flush()
	return strings.Join(out, "\n")
}

// itemHang is how far an item's wrapped lines sit under its first: past a list marker ("- ",
// "1. ") or a table row's first column, so the text lines up.
func itemHang(item string) int {
	for _, marker := range []string{"- ", "· "} {
		if strings.HasPrefix(item, marker) {
			return len(marker)
		}
	}
	if i := strings.Index(item, ". "); i > 0 && i <= 3 && strings.Trim(item[:i], "0123456789") == "" {
		return i + 2
	}
	if i := strings.LastIndex(item, "  "); i > 0 { // a row: its last column ("Robust     the pick …")
		return ansi.StringWidth(item[:i+2])
	}
	return 0 // an indented paragraph: its lines line up
}

func endsWide(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isWide(r)
}

func startsWide(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWide(r)
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
