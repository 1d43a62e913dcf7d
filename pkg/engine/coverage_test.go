package engine_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// coverageRow is one statement of rules/COVERAGE.md.
type coverageRow struct {
	line      int
	id        string
	zh, en    string
	encodedBy []string
	scenarios []string
}

func readCoverage(t *testing.T) []coverageRow {
	t.Helper()
	data, err := os.ReadFile("../../rules/COVERAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	var rows []coverageRow
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| id ") || strings.HasPrefix(line, "| ---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 5 {
			t.Errorf("COVERAGE.md:%d: want 5 cells, found %d", i+1, len(cells))
			continue
		}
		rows = append(rows, coverageRow{
			line: i + 1, id: cells[0], zh: cells[1], en: cells[2],
			encodedBy: splitCell(cells[3]), scenarios: splitCell(cells[4]),
		})
	}
	return rows
}

func splitCell(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.Trim(strings.TrimSpace(p), "`"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TestCoverage checks rules/COVERAGE.md against the knowledge base and the scenarios: every
// statement is encoded by rules, attributes or facts that exist, and pinned by scenarios that
// exist and say they cover it.
func TestCoverage(t *testing.T) {
	b := embedded(t)
	rows := readCoverage(t)
	if len(rows) < 30 {
		t.Fatalf("only %d statements in COVERAGE.md", len(rows))
	}
	scenarios := loadScenarios(t)
	rules := map[string]bool{}
	for _, c := range b.Categories {
		for _, r := range c.Rules {
			rules[r.ID] = true
		}
	}
	compat := map[string]bool{}
	for _, c := range b.Compat {
		compat[c.ID] = true
	}
	seen := map[string]bool{}
	for _, row := range rows {
		where := "COVERAGE.md:" + strconv.Itoa(row.line) + ": " + row.id
		if seen[row.id] {
			t.Errorf("%s: duplicate statement id", where)
		}
		seen[row.id] = true
		if row.zh == "" || row.en == "" {
			t.Errorf("%s: statement needs zh and en", where)
		}
		if len(row.encodedBy) == 0 {
			t.Errorf("%s: encoded by nothing", where)
		}
		for _, e := range row.encodedBy {
			kind, ref, _ := strings.Cut(e, ":")
			switch kind {
			case "rule":
				if !rules[ref] {
					t.Errorf("%s: unknown rule %q", where, ref)
				}
			case "attr":
				catID, attr, _ := strings.Cut(ref, "/")
				if c := b.Category(catID); c == nil || c.Attribute(attr) == nil {
					t.Errorf("%s: unknown attribute %q", where, ref)
				}
			case "fact":
				if b.Facts[ref] == nil {
					t.Errorf("%s: unknown fact %q", where, ref)
				}
			case "compat":
				if !compat[ref] {
					t.Errorf("%s: unknown compatibility rule %q", where, ref)
				}
			case "role":
				catID, role, _ := strings.Cut(ref, "/")
				if c := b.Category(catID); c == nil || !slices.ContainsFunc(c.Roles, func(r *knowledge.Role) bool { return r.ID == role }) {
					t.Errorf("%s: unknown role %q", where, ref)
				}
			default:
				t.Errorf("%s: %q is not rule:, attr:, fact:, compat: or role:", where, e)
			}
		}
		if len(row.scenarios) == 0 {
			t.Errorf("%s: no scenario", where)
		}
		for _, name := range row.scenarios {
			s, ok := scenarios[name]
			if !ok {
				t.Errorf("%s: no scenario file %s", where, name)
				continue
			}
			if !slices.Contains(s.Covers, row.id) {
				t.Errorf("%s: scenario %s does not list it in covers", where, name)
			}
		}
	}
	for name, s := range scenarios {
		for _, id := range s.Covers {
			if !seen[id] {
				t.Errorf("scenario %s covers %q, which is not a statement of COVERAGE.md", name, id)
			}
		}
	}
}

// TestEveryRuleFiresInAScenario makes sure no rule of the embedded base is untested.
func TestEveryRuleFiresInAScenario(t *testing.T) {
	b := embedded(t)
	fired := map[string]bool{}
	for _, s := range loadScenarios(t) {
		for _, exp := range s.Expect {
			for _, r := range exp.Rules {
				fired[r] = true
			}
		}
	}
	for _, c := range b.Categories {
		for _, r := range c.Rules {
			if !fired[r.ID] {
				t.Errorf("rule %s (%s) is not expected to fire by any scenario", r.ID, r.Pos)
			}
		}
	}
}
