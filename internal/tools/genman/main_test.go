package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every page has EXIT STATUS and ENVIRONMENT before SEE ALSO, and with SOURCE_DATE_EPOCH two
// runs write the same bytes, dated that day.
func TestPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796601600") // 2026-12-07
	a, b := t.TempDir(), t.TempDir()
	if err := write(a); err != nil {
		t.Fatal(err)
	}
	if err := write(b); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(a, "*.1"))
	if len(pages) < 10 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, p := range pages {
		one, _ := os.ReadFile(p)
		two, err := os.ReadFile(filepath.Join(b, filepath.Base(p)))
		if err != nil || string(one) != string(two) {
			t.Errorf("%s differs between two runs", filepath.Base(p))
		}
		page := string(one)
		exit, env, see := strings.Index(page, ".SH EXIT STATUS"), strings.Index(page, ".SH ENVIRONMENT"), strings.Index(page, ".SH SEE ALSO")
		if exit < 0 || env < exit || (see >= 0 && see < env) {
			t.Errorf("%s: sections at %d, %d, %d", filepath.Base(p), exit, env, see)
		}
		if !strings.Contains(page, `"Dec 2026"`) || !strings.Contains(page, "STACKADVISOR_RULES") {
			t.Errorf("%s: no date from SOURCE_DATE_EPOCH or no environment:\n%.300s", filepath.Base(p), page)
		}
	}
}
