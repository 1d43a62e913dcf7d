package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		}
	}
}
