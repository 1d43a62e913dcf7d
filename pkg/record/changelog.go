package record

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Entry is one change of the knowledge base, from rules/CHANGELOG.md.
type Entry struct {
	Version string `json:"version" yaml:"version"`
	Kind    string `json:"kind" yaml:"kind"` // the ### heading it stands under ("Figures corrected", …)
	Text    string `json:"text" yaml:"text"`
}

// ParseChangelog reads a changelog: "## VERSION" headings, newest first, "### Kind" headings
// under them, and "- " items (continued on indented lines). It checks that the versions are
// well formed and strictly descending.
func ParseChangelog(text string) ([]Entry, error) {
	var out []Entry
	version, kind, prev := "", "", ""
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			version, kind = strings.TrimSpace(strings.TrimPrefix(line, "## ")), ""
			if _, err := parseVersion(version); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			if prev != "" && CompareVersions(version, prev) >= 0 {
				return nil, fmt.Errorf("line %d: version %s does not come before %s (newest first)", n, version, prev)
			}
			prev = version
		case strings.HasPrefix(line, "### "):
			kind = strings.TrimSpace(strings.TrimPrefix(line, "### "))
		case strings.HasPrefix(line, "- ") && version != "":
			out = append(out, Entry{Version: version, Kind: kind, Text: strings.TrimPrefix(line, "- ")})
		case strings.HasPrefix(line, "  ") && strings.TrimSpace(line) != "" && len(out) > 0 && out[len(out)-1].Version == version:
			out[len(out)-1].Text += " " + strings.TrimSpace(line)
		}
	}
	return out, sc.Err()
}

// parseVersion reads a knowledge-base version: numbers joined by dots (2026.12.03, 2026.12.03.1).
func parseVersion(v string) ([]int, error) {
	parts := strings.Split(v, ".")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("version %q is not numbers joined by dots (like 2026.12.03)", v)
		}
		nums[i] = n
	}
	return nums, nil
}

// CompareVersions orders two versions: -1, 0 or +1; a version that does not parse sorts first.
func CompareVersions(a, b string) int {
	x, errA := parseVersion(a)
	y, errB := parseVersion(b)
	switch {
	case errA != nil && errB != nil:
		return strings.Compare(a, b)
	case errA != nil:
		return -1
	case errB != nil:
		return 1
	}
	for i := 0; i < max(len(x), len(y)); i++ {
		var p, q int
		if i < len(x) {
			p = x[i]
		}
		if i < len(y) {
			q = y[i]
		}
		if p != q {
			if p < q {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Between is the entries of versions after from, up to and including to, newest first.
func Between(log []Entry, from, to string) []Entry {
	var out []Entry
	for _, e := range log {
		if CompareVersions(e.Version, from) > 0 && CompareVersions(e.Version, to) <= 0 {
			out = append(out, e)
		}
	}
	return out
}
