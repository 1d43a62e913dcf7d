package report_test

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// A long text column beside narrow number columns takes the room they leave: it was held to
// its longest word (13 columns) while 30 more were free, wrapping a criterion over 5 lines.
func TestFitCellsGivesFreedRoomToTheWideColumn(t *testing.T) {
	grid := func() [][]string {
		return [][]string{
			{"Criterion", "Value", "Weight", "×", "Normalised", "=", "Points"},
			{"Ecosystem and community maturity", "4/5", "0.300", "×", "0.750", "=", "22.50"},
			{"Minimum RAM of a control-plane node (0 = no control plane beyond the engine)", "4096 MB", "0.100", "×", "0.000", "=", "0.00"},
		}
	}
	for _, width := range []int{80, 100, 130} {
		g := grid()
		report.FitCells(g, width)
		room := width - 8 - 14 // borders and padding of seven columns
		total := 0
		for col := range g[0] {
			w := 0
			for _, row := range g {
				w = max(w, lipgloss.Width(row[col]))
			}
			total += w
		}
		if total > room {
			t.Errorf("width %d: the columns take %d, more than the %d there is", width, total, room)
		}
		if width >= 100 && strings.Contains(g[1][0], "\n") {
			t.Errorf("width %d: %q wraps though it fits in the room the numbers leave", width, g[1][0])
		}
		if width >= 130 && strings.Contains(g[2][0], "\n") {
			t.Errorf("width %d: %q wraps", width, g[2][0])
		}
		if lines := strings.Count(g[2][0], "\n") + 1; width >= 100 && lines > 2 || lines > 3 {
			t.Errorf("width %d: the long criterion takes %d lines", width, lines)
		}
	}
	// Too narrow for every word: the table still fits its width.
	g := grid()
	report.FitCells(g, 40)
	for _, row := range g {
		for col, cell := range row {
			for _, l := range strings.Split(cell, "\n") {
				if lipgloss.Width(l) > 40 {
					t.Errorf("column %d line %q is wider than the table", col, l)
				}
			}
		}
	}
}
