package report

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Comparison is the document of `compare` and `show`: candidates of one category side by
// side, every value with its source and, where the report was wrong, its figure.
type Comparison struct {
	Category   string          `json:"category" yaml:"category"`
	Title      i18n.Text       `json:"title" yaml:"title"`
	Lang       string          `json:"lang" yaml:"lang"`
	Candidates []CandidateInfo `json:"candidates" yaml:"candidates"`
	Attributes []AttributeRow  `json:"attributes" yaml:"attributes"`
}

// CandidateInfo names a candidate.
type CandidateInfo struct {
	ID          string       `json:"id" yaml:"id"`
	Name        i18n.Text    `json:"name" yaml:"name"`
	Summary     i18n.Text    `json:"summary" yaml:"summary"`
	Corrections []Correction `json:"corrections,omitempty" yaml:"corrections,omitempty"`
	// Contexts are the settings in which the candidate is something else (Candidate.Contexts).
	Contexts []ContextInfo `json:"contexts,omitempty" yaml:"contexts,omitempty"`
}

// ContextInfo is a candidate's context: when it holds, what it means and the values it sets.
type ContextInfo struct {
	ID     string      `json:"id" yaml:"id"`
	When   i18n.Text   `json:"when" yaml:"when"`
	Note   i18n.Text   `json:"note" yaml:"note"`
	Values []i18n.Text `json:"values" yaml:"values"`
}

// AttributeRow is one attribute across the candidates.
type AttributeRow struct {
	Name   string      `json:"name" yaml:"name"`
	Title  i18n.Text   `json:"title" yaml:"title"`
	Values []CellValue `json:"values" yaml:"values"`
}

// CellValue is one candidate's value of an attribute.
type CellValue struct {
	Candidate  string    `json:"candidate" yaml:"candidate"`
	Value      i18n.Text `json:"value" yaml:"value"`
	Source     string    `json:"source,omitempty" yaml:"source,omitempty"`
	Note       i18n.Text `json:"note,omitzero" yaml:"note,omitempty"`
	Fact       string    `json:"fact,omitempty" yaml:"fact,omitempty"`
	ReportSays i18n.Text `json:"report_says,omitzero" yaml:"report_says,omitempty"`
	// Grade is the evidence behind the value (absent for values no criterion scores that
	// carry none).
	Grade string `json:"grade,omitempty" yaml:"grade,omitempty"`
}

// BuildComparison lays out candidates (all of cat) attribute by attribute, to be said in a
// language with Localize.
func BuildComparison(b *knowledge.Base, cat *knowledge.Category, cands []*knowledge.Candidate) *Comparison {
	d := &Comparison{Category: cat.ID, Title: i18n.Of(cat.Title)}
	for _, c := range cands {
		info := CandidateInfo{ID: c.ID, Name: c.Named(), Summary: i18n.Of(c.Summary), Corrections: corrections(c, nil)}
		for _, ctx := range c.Contexts {
			ci := ContextInfo{ID: ctx.ID, When: ctx.When.Said(), Note: i18n.Of(ctx.Note)}
			for _, av := range ctx.Attributes {
				ci.Values = append(ci.Values, i18n.Cat(i18n.Of(av.Attr.Title), i18n.M("report.label-colon"), AttrText(av)))
			}
			info.Contexts = append(info.Contexts, ci)
		}
		d.Candidates = append(d.Candidates, info)
	}
	for _, a := range cat.Attributes {
		row := AttributeRow{Name: a.Name, Title: i18n.Of(a.Title)}
		for _, c := range cands {
			cell := CellValue{Candidate: c.ID, Value: i18n.Lit("—")}
			if v := c.Attr(a.Name); v != nil {
				cell.Value, cell.Source, cell.Fact, cell.Grade = AttrText(v), v.Source, v.Fact, v.Grade
				if v.Note != nil {
					cell.Note = i18n.Of(*v.Note)
				}
				if f := b.Facts[v.Fact]; f != nil && f.IsCorrection() {
					cell.ReportSays = i18n.Of(f.ReportSays)
				}
			}
			row.Values = append(row.Values, cell)
		}
		d.Attributes = append(d.Attributes, row)
	}
	return d
}

// Localize says the comparison in lang ("en" or "zh").
func (d *Comparison) Localize(lang string) {
	d.Lang = lang
	i18n.SayAll(d, lang)
}

// ComparisonTable renders a comparison: one table, each value followed by the number of its
// source, the sources listed under it; ≠ marks values where the report said otherwise.
func ComparisonTable(d *Comparison, width int, withSummaries bool) string {
	loc := i18n.For(d.Lang)
	var sb strings.Builder
	line := func(indent, hang int, text string) { sb.WriteString(wrapIndent(text, width, indent, hang) + "\n") }
	line(0, 2, titleStyle.Render(d.Title.String())+dimStyle.Render(" ("+d.Category+")"))
	if withSummaries {
		for _, c := range d.Candidates {
			line(2, 4, lipgloss.NewStyle().Bold(true).Render(c.Name.String())+" "+dimStyle.Render("("+c.ID+") — "+c.Summary.String()))
			for _, ctx := range c.Contexts {
				line(4, 6, plusStyle.Render("◇")+" "+loc.Tf("report.c-context", ctx.When, ctx.Note, i18n.List(ctx.Values)))
			}
		}
	}
	var sources []string
	index := map[string]int{}
	ref := func(src string) string {
		if src == "" {
			return ""
		}
		if _, ok := index[src]; !ok {
			sources = append(sources, src)
			index[src] = len(sources)
		}
		return fmt.Sprintf("[%d]", index[src])
	}
	headers := []string{loc.T("report.c-attribute")}
	for _, c := range d.Candidates {
		headers = append(headers, c.Name.String())
	}
	grid := [][]string{headers}
	var notes []string
	for _, row := range d.Attributes {
		cells := []string{row.Title.String()}
		for _, v := range row.Values {
			cell := v.Value.String() + " " + dimStyle.Render(ref(v.Source))
			if v.Grade != "" {
				cell += " " + dimStyle.Render(v.Grade)
			}
			if !v.ReportSays.IsZero() {
				cell += " " + warnStyle.Render("≠")
				notes = append(notes, fmt.Sprintf("%s, %s%s%s", v.Candidate, row.Title, loc.Colon(), loc.Tf("report.report-says", v.ReportSays)))
			}
			cells = append(cells, cell)
		}
		grid = append(grid, cells)
	}
	FitCells(grid, width)
	t := table.New().Border(lipgloss.RoundedBorder()).BorderStyle(borderStyle).Headers(grid[0]...).
		StyleFunc(func(row, _ int) lipgloss.Style {
			if row == table.HeaderRow {
				return headerStyle
			}
			return cellStyle
		}).Rows(grid[1:]...)
	sb.WriteString(t.Render() + "\n")
	if len(notes) > 0 {
		line(0, 2, warnStyle.Render("≠ ")+loc.T("report.c-report-differs"))
		for _, n := range notes {
			line(2, 4, n)
		}
	}
	line(0, 2, loc.T("report.c-sources"))
	for i, src := range sources {
		line(2, -1, dimStyle.Render(fmt.Sprintf("[%d]", i+1))+" "+src)
	}
	return sb.String()
}

// Listing is the document of `list`.
type Listing struct {
	Lang       string         `json:"lang" yaml:"lang"`
	Categories []ListCategory `json:"categories" yaml:"categories"`
}

// ListCategory is one category of a listing.
type ListCategory struct {
	ID         string          `json:"id" yaml:"id"`
	Title      i18n.Text       `json:"title" yaml:"title"`
	Candidates []CandidateInfo `json:"candidates" yaml:"candidates"`
}

// BuildListing lists the candidates of the given categories.
func BuildListing(cats []*knowledge.Category) *Listing {
	d := &Listing{}
	for _, cat := range cats {
		lc := ListCategory{ID: cat.ID, Title: i18n.Of(cat.Title)}
		for _, c := range cat.Candidates {
			lc.Candidates = append(lc.Candidates, CandidateInfo{ID: c.ID, Name: c.Named(), Summary: i18n.Of(c.Summary)})
		}
		d.Categories = append(d.Categories, lc)
	}
	return d
}

// Localize says the listing in lang ("en" or "zh").
func (d *Listing) Localize(lang string) {
	d.Lang = lang
	i18n.SayAll(d, lang)
}

// ListingTable renders a listing.
func ListingTable(d *Listing, width int) string {
	var sb strings.Builder
	for i, c := range d.Categories {
		if i > 0 {
			sb.WriteString("\n")
		}
		sb.WriteString(titleStyle.Render(c.Title.String()) + dimStyle.Render(" ("+c.ID+")") + "\n")
		for _, cand := range c.Candidates {
			sb.WriteString(wrapIndent(lipgloss.NewStyle().Bold(true).Render(cand.ID)+"  "+cand.Name.String()+" "+dimStyle.Render("— "+cand.Summary.String()), width, 2, 6) + "\n")
		}
	}
	return sb.String()
}

// FitCells wraps the cells of a table drawn with borders and one space of padding on each
// side so that it is at most width columns wide. Columns narrower than a fair share of the
// room keep their width; the others share what is left, but no column gets narrower than its
// longest word (a flag or a value is never split; Chinese breaks between characters). When
// even that does not fit, the table is wider than width rather than unreadable. (lipgloss's own
// shrinking could leave rows wider than the table and cut off the right border.)
func FitCells(grid [][]string, width int) {
	if len(grid) == 0 || len(grid[0]) == 0 {
		return
	}
	n := len(grid[0])
	natural := make([]int, n)
	least := make([]int, n) // the longest word: the narrowest the column may be
	for _, row := range grid {
		for i, cell := range row {
			natural[i] = max(natural[i], lipgloss.Width(cell))
			for _, word := range strings.Fields(ansi.Strip(cell)) {
				w := ansi.StringWidth(word)
				if w != len(word) { // wide characters: breaks between them
					w = 2
				}
				least[i] = max(least[i], w)
			}
		}
	}
	room := max(width-(n+1)-2*n, 4*n) // borders and padding; never under 4 columns each
	if sum(natural) <= room {
		return
	}
	budget := shareRoom(natural, least, room)
	if sum(budget) > room {
		// The words alone do not fit: split them rather than draw a table wider than width.
		budget = shareRoom(natural, make([]int, n), room)
	}
	for _, row := range grid {
		for i, cell := range row {
			if lipgloss.Width(cell) > budget[i] {
				lines := hangPunctuation(strings.Split(wrapText(cell, budget[i]), "\n"))
				row[i] = strings.Join(lines, "\n")
			}
		}
	}
}

// shareRoom divides room between columns: those that fit in a fair share keep their natural
// width (and free the rest of their share for the others, so the fair share is worked out
// again), those that cannot shrink below their least get it, and the others share what is
// left equally, the remainder going to the first of them.
func shareRoom(natural, least []int, room int) []int {
	budget := make([]int, len(natural))
	open := make([]int, len(natural))
	for i := range open {
		open[i] = i
	}
	for len(open) > 0 {
		fair := max(room/len(open), 1)
		// Columns that fit their share first: what they leave raises the others' share.
		var rest []int
		for _, i := range open {
			if natural[i] <= fair {
				budget[i] = natural[i]
				room -= natural[i]
			} else {
				rest = append(rest, i)
			}
		}
		if len(rest) < len(open) {
			open = rest
			continue
		}
		// Then those that cannot shrink to their share: as narrow as their longest word.
		rest = rest[:0]
		for _, i := range open {
			if least[i] >= fair {
				budget[i] = least[i]
				room -= least[i]
			} else {
				rest = append(rest, i)
			}
		}
		if len(rest) < len(open) {
			open = slices.Clone(rest)
			continue
		}
		// Every open column wants more than its share and can shrink to it.
		extra := room - fair*len(open)
		for k, i := range open {
			budget[i] = fair
			if k == 0 && extra > 0 {
				budget[i] += extra
			}
		}
		break
	}
	return budget
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
