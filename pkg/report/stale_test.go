package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// A report says the base is old only when the run is more than six months after its as_of.
func TestStaleWarning(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	asOf, err := knowledge.ParseDay(b.AsOf)
	if err != nil {
		t.Fatalf("the embedded base's as_of %q: %v", b.AsOf, err)
	}
	for _, tc := range []struct {
		today time.Time
		want  string // "" for no warning
	}{
		{time.Time{}, ""},
		{asOf, ""},
		{asOf.AddDate(0, 6, 0), ""},
		{asOf.AddDate(0, 6, 1), "6 months ago"},
		{asOf.AddDate(1, 1, 0), "13 months ago"},
	} {
		got := report.Stale(b, tc.today).In("en")
		if (got == "") != (tc.want == "") || !strings.Contains(got, tc.want) {
			t.Errorf("on %s: %q, want one containing %q", tc.today.Format(knowledge.DayLayout), got, tc.want)
		}
		if tc.want != "" && !strings.Contains(report.Stale(b, tc.today).In("zh"), "个月") {
			t.Errorf("on %s: no Chinese warning", tc.today.Format(knowledge.DayLayout))
		}
	}
}
