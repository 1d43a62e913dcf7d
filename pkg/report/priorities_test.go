package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// Every priority moves something in every category that names it, or the report says it does
// not apply there (issue 22): a walk over priorities × categories, on the default answers.
func TestEveryPriorityMovesOrSaysSo(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	scores := func(r *report.Report) map[string]float64 {
		m := map[string]float64{}
		for _, e := range r.Categories[0].Ranking {
			m[e.ID] = e.Score
		}
		return m
	}
	for _, cat := range b.Categories {
		base := embeddedReport(t, fmt.Sprintf("categories: [%s]\n", cat.ID), "en", false)
		for _, p := range b.Question(knowledge.QPriorities).ValueIDs() {
			r := embeddedReport(t, fmt.Sprintf("categories: [%s]\npriorities: [%s]\n", cat.ID, p), "en", false)
			c := r.Categories[0]
			notApplied := slices.Contains(c.PrioritiesNotApplied, p)
			switch {
			case cat.PriorityNamed(p) && notApplied:
				t.Errorf("%s names priority %s but the report says it does not apply", cat.ID, p)
			case cat.PriorityNamed(p):
				before, after := scores(base), scores(r)
				moved := false
				for id, s := range after {
					if before[id] != s {
						moved = true
					}
				}
				if !moved {
					t.Errorf("priority %s is named by %s but changes no score there, and the report does not say so", p, cat.ID)
				}
			case !notApplied:
				t.Errorf("priority %s changes nothing in %s, and the report does not say so", p, cat.ID)
			default:
				if text := report.Table(r, 200); !strings.Contains(text, "does not apply to "+c.Title.String()) {
					t.Errorf("%s, priority %s: the table does not say the priority does not apply", cat.ID, p)
				}
			}
		}
	}
}
