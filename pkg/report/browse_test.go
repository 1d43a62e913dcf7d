package report_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// TestComparisonTableFitsWidth renders every category's comparison, in both languages and
// at several widths, and checks that each table line fits and keeps its right border (wide
// Chinese characters count two columns).
func TestComparisonTableFitsWidth(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range b.Categories {
		for _, lang := range []string{"en", "zh"} {
			for _, width := range []int{60, 100, 140} {
				doc := report.BuildComparison(b, cat, cat.Candidates[:min(3, len(cat.Candidates))])
				doc.Localize(lang)
				out := report.ComparisonTable(doc, width, true)
				tableLines := 0
				for _, line := range strings.Split(ansi.Strip(out), "\n") {
					if !strings.HasPrefix(line, "│") && !strings.HasPrefix(line, "├") && !strings.HasPrefix(line, "╭") && !strings.HasPrefix(line, "╰") {
						continue // titles, notes and source URLs are not the table
					}
					tableLines++
					if w := ansi.StringWidth(line); w > width {
						t.Errorf("%s %s width %d: a line of %d columns: %q", cat.ID, lang, width, w, line)
					}
					trimmed := strings.TrimRight(line, " ")
					if !strings.HasSuffix(trimmed, "│") && !strings.HasSuffix(trimmed, "┤") && !strings.HasSuffix(trimmed, "╮") && !strings.HasSuffix(trimmed, "╯") {
						t.Errorf("%s %s width %d: a line lost its right border: %q", cat.ID, lang, width, line)
					}
				}
				if tableLines < 3 {
					t.Fatalf("%s %s width %d: found %d table lines in:\n%s", cat.ID, lang, width, tableLines, out)
				}
			}
		}
	}
}

// TestNoLoneFullStop: wrapping Chinese text never starts a line with closing punctuation.
func TestNoLoneFullStop(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range b.Categories {
		doc := report.BuildComparison(b, cat, cat.Candidates)
		doc.Localize("zh")
		for width := 40; width <= 120; width += 7 {
			for _, line := range strings.Split(ansi.Strip(report.ComparisonTable(doc, width, true)), "\n") {
				if s := strings.TrimSpace(line); s != "" && strings.ContainsRune("。，、；：！？）」』】》", []rune(s)[0]) {
					t.Fatalf("%s at width %d: a line starts with closing punctuation: %q", cat.ID, width, s)
				}
			}
		}
	}
}
