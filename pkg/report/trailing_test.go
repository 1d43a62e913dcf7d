package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// No output has trailing blanks, and Markdown no doubled blank lines: `git diff --check` and pre-commit's whitespace hook flag them
// in committed decision records and reports. The golden files are the outputs of every format.
func TestNoTrailingBlanksInOutputs(t *testing.T) {
	files, err := filepath.Glob("../../testdata/golden/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".md") && strings.Contains(string(data), "\n\n\n") {
			t.Errorf("%s has two blank lines in a row", filepath.Base(f))
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s:%d ends in a blank: %q", filepath.Base(f), i+1, line)
			}
			if strings.HasSuffix(f, ".md") && strings.HasPrefix(line, "#") && strings.ContainsAny(line[len(line)-1:], ":") || strings.HasPrefix(line, "#") && strings.HasSuffix(line, "：") {
				t.Errorf("%s:%d: a heading ends in a colon (markdownlint MD026): %q", filepath.Base(f), i+1, line)
			}
		}
	}
}

// The terminal views have no trailing blanks either, at any width and in either language, piped
// (no colours) or in a terminal (a style re-opened on a line the wrapping left empty once
// printed a line of spaces).
func TestNoTrailingBlanksInTerminalViews(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		r := embeddedReport(t, formatCases["stack-untrusted-gpu"], lang, true)
		for width := 40; width <= 140; width += 3 {
			for name, text := range map[string]string{"summary": report.Summary(r, width), "table": report.Table(r, width)} {
				for i, line := range strings.Split(ansi.Strip(text), "\n") {
					if strings.TrimRight(line, " \t") != line {
						t.Errorf("%s %s at %d columns, line %d ends in a blank: %q", lang, name, width, i+1, line)
					}
				}
			}
		}
	}
}
