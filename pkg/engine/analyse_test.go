package engine_test

import (
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Analyse attaches each analysis to what it is about, gives the numbers of the separate
// analyses, and runs the what-if only when asked.
func TestAnalyseAttaches(t *testing.T) {
	given := knowledge.Answers{"categories": multi("engine", "orchestrator", "sandbox"), "environment": one("edge")}
	b, res := stackRun(t, given)
	if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: engine.RobustOptions{Samples: 100}}); err != nil {
		t.Fatal(err)
	}
	want := engine.RobustAll(b, res, engine.RobustOptions{Samples: 100})
	if len(want) != len(res.Categories) {
		t.Fatalf("%d analyses for %d categories", len(want), len(res.Categories))
	}
	for i, cr := range res.Categories {
		if cr.Robustness == nil || cr.Robustness.Category != cr.Category {
			t.Fatalf("%s: robustness %+v", cr.Category.ID, cr.Robustness)
		}
		if !reflect.DeepEqual(cr.Robustness.Shown, want[i].Shown) {
			t.Errorf("%s: attached draws differ from RobustAll's", cr.Category.ID)
		}
		if cr.WhatIf != nil || cr.WeightWhatIf != nil {
			t.Errorf("%s: a what-if without WhatIf", cr.Category.ID)
		}
	}
	if res.Stack.Robustness == nil || res.Stack.Robustness.Pick != res.Stack.Best || res.Stack.WhatIf != nil {
		t.Fatalf("stack analyses %+v, what-if %v", res.Stack.Robustness, res.Stack.WhatIf)
	}

	b, res = stackRun(t, given)
	if err := engine.Analyse(b, res, engine.AnalyseOptions{WhatIf: true, Given: given}); err != nil {
		t.Fatal(err)
	}
	whatIf, weights := engine.WhatIf(b, given, res), engine.WeightWhatIf(b, res)
	some := 0
	for _, cr := range res.Categories {
		some += len(cr.WhatIf)
		if !reflect.DeepEqual(cr.WhatIf, whatIf[cr.Category.ID]) || !reflect.DeepEqual(cr.WeightWhatIf, weights[cr.Category.ID]) {
			t.Errorf("%s: what-if %d, weight what-if %d attached", cr.Category.ID, len(cr.WhatIf), len(cr.WeightWhatIf))
		}
	}
	if some == 0 || len(res.Stack.WhatIf) == 0 {
		t.Errorf("%d category what-ifs, %d stack what-ifs attached", some, len(res.Stack.WhatIf))
	}
}
