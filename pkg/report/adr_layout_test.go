package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The records' layout is the one ADR tools read. log4brains (checked with @log4brains/core
// 1.1.0's searchAdrs: title, status "proposed" and the date read from these records, where
// records with YAML front matter showed as accepted and undated) takes the first H1 as the
// title and the first list before the first H2 as the metadata, "Status: …" and "Date: …"
// among its items. Every golden record is laid out so.
func TestADRLayoutForTools(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/golden/adr-*.md")
	if len(files) == 0 {
		t.Fatal("no golden records")
	}
	item := regexp.MustCompile(`^[*-] +([A-Za-z]+): *(.*)$`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if !strings.HasPrefix(lines[0], "# ") {
			t.Errorf("%s: the first line is not the title: %q", filepath.Base(f), lines[0])
			continue
		}
		meta := map[string]string{}
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "## ") {
				break
			}
			if l == "---" {
				t.Errorf("%s: a rule before the first section ends the metadata for log4brains", filepath.Base(f))
			}
			if m := item.FindStringSubmatch(l); m != nil {
				meta[strings.ToLower(m[1])] = m[2]
			}
		}
		if meta["status"] != "proposed" || meta["date"] == "" {
			t.Errorf("%s: metadata %v; want status proposed and a date", filepath.Base(f), meta)
		}
	}
}
