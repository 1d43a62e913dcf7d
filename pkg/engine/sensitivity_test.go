package engine_test

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func whatIf(t testing.TB, b *knowledge.Base, given knowledge.Answers) map[string][]string {
	t.Helper()
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for cat, list := range engine.WhatIf(b, given, res) {
		for _, s := range list {
			flag := s.Flag()
			switch {
			case s.Through != nil && *s.Through == math.MaxInt:
				flag += ".."
			case s.Through != nil:
				flag += fmt.Sprintf("..%d", *s.Through)
			}
			out[cat] = append(out[cat], flag+" -> "+s.Top.ID)
		}
	}
	return out
}

// On the mini base (worked out by hand): with defaults safe (66.7) beats fast (45.8). kvm=none
// excludes safe, so fast leads. The budget values tried are 1 (past the threshold 0) and the
// prices 100 and 300 (and one past each): 1 excludes both (not listed), 100 and 101 exclude
// only safe (price 300 > budget), 300 and 301 exclude nothing; so every budget from 100 to
// 299 makes fast the pick, listed once as a range. The speed priority only
// narrows the gap (55.6 vs 52.8); workloads change nothing.
func TestWhatIfMini(t *testing.T) {
	b := mini(t)
	got := whatIf(t, b, knowledge.Answers{})
	want := map[string][]string{"engine": {
		"--kvm=none -> fast",
		"--budget=100..299 -> fast",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("what-if:\n got %v\nwant %v", got, want)
	}
}

// With a budget of 150, fast already leads (safe's price 300 is over budget). No budget (0)
// readmits safe; 1 to 99 exclude both (not listed); every budget from 300 up readmits safe:
// one open-ended range, not one entry per threshold.
func TestWhatIfRanges(t *testing.T) {
	b := mini(t)
	budget, err := b.Question("budget").ParseInt("150")
	if err != nil {
		t.Fatal(err)
	}
	got := whatIf(t, b, knowledge.Answers{"budget": budget})
	want := map[string][]string{"engine": {"--budget=0 -> safe", "--budget=300.. -> safe"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("what-if:\n got %v\nwant %v", got, want)
	}
}

func TestWhatIfSandboxHingesOnKVM(t *testing.T) {
	b := embedded(t)
	given := knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"sandbox"}},
		"tenancy":    {Type: knowledge.TypeOne, Str: "untrusted"},
		"kvm":        {Type: knowledge.TypeOne, Str: "available"},
	}
	got := whatIf(t, b, given)["sandbox"]
	found := false
	for _, s := range got {
		if s == "--kvm=none -> gvisor" {
			found = true
		}
	}
	if !found {
		t.Errorf("setting kvm to none must change the sandbox pick to gvisor; got %v", got)
	}
	if again := whatIf(t, b, given)["sandbox"]; !reflect.DeepEqual(got, again) {
		t.Errorf("what-if is not deterministic:\n%v\n%v", got, again)
	}
}

// BenchmarkWhatIfAllCategories measures --what-if over every category on the embedded base.
func BenchmarkWhatIfAllCategories(b *testing.B) {
	base := embedded(b)
	given := knowledge.Answers{
		"categories": {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"}},
		"tenancy":    {Type: knowledge.TypeOne, Str: "untrusted"},
		"kvm":        {Type: knowledge.TypeOne, Str: "available"},
	}
	res, err := engine.Run(base, given)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		engine.WhatIf(base, given, res)
	}
}
