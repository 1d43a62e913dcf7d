package report_test

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// Reflow joins a paragraph's lines and wraps them to the width, keeps list items and table
// rows indented with their continuations under their text, and joins Chinese lines without
// a space.
func TestReflow(t *testing.T) {
	text := "A paragraph written\nover three short\nlines.\n\n  1. An item whose text is long enough to wrap at forty columns.\n     Its continuation.\n  Robust     the pick comes first in at least 80 % of the draws\n\n中文段落的第一行\n和第二行。"
	got := report.Reflow(text, 40)
	lines := strings.Split(got, "\n")
	for _, l := range lines {
		if lipgloss.Width(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
	if lines[0] != "A paragraph written over three short" || lines[1] != "lines." {
		t.Errorf("paragraph: %q", lines[:2])
	}
	if !strings.Contains(got, "\n     ") || !strings.HasPrefix(lines[3], "  1. An item") {
		t.Errorf("an item's continuation is not under its text:\n%s", got)
	}
	if i := strings.Index(got, "  Robust     the pick"); i < 0 || !strings.HasPrefix(got[strings.Index(got[i:], "\n")+i+1:], strings.Repeat(" ", 13)+"first") {
		t.Errorf("a row's continuation is not under its last column:\n%s", got)
	}
	if !strings.Contains(got, "中文段落的第一行和第二行。") {
		t.Errorf("Chinese lines joined with a space:\n%s", got)
	}
}
