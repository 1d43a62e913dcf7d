package engine_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestScoresThatAreNotFiniteAreAnError: Run, Explain and ExplainStack return a
// *NotFiniteError naming the score rather than a result with NaN in it; CheckFinite does the
// same for robustness shares and weight what-if factors.
func TestScoresThatAreNotFiniteAreAnError(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.Load(files) // its own copy: the shared base is not touched
	if err != nil {
		t.Fatal(err)
	}
	b.Category("engine").Criteria[0].Weight = math.Inf(1)
	given := knowledge.Answers{knowledge.QCategories: {Type: knowledge.TypeMulti, List: []string{"engine", "orchestrator"}}}
	var nf *engine.NotFiniteError
	// (In the stack the engine is scored in its role too; whichever score comes first names it.)
	if _, err := engine.Run(b, given); !errors.As(err, &nf) || !(strings.HasPrefix(nf.What, "engine: ") || strings.Contains(nf.What, "stack")) {
		t.Errorf("Run: %v, want a NotFiniteError about engine or the stack", err)
	}
	if _, err := engine.Explain(b, given, "podman"); !errors.As(err, &nf) {
		t.Errorf("Explain: %v, want a NotFiniteError", err)
	}
	if _, err := engine.ExplainStack(b, given, []string{"podman"}); !errors.As(err, &nf) {
		t.Errorf("ExplainStack: %v, want a NotFiniteError", err)
	}

	good, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(good, given)
	if err != nil {
		t.Fatal(err)
	}
	rb := engine.RobustAll(good, res, engine.RobustOptions{Samples: 50})
	wi := engine.WeightWhatIf(good, res)
	if err := engine.CheckFinite(rb, wi); err != nil {
		t.Fatalf("the embedded base's analyses: %v", err)
	}
	rb[0].Shown[0].Ranks[0] = math.NaN()
	if err := engine.CheckFinite(rb, wi); !errors.As(err, &nf) || !strings.Contains(err.Error(), "share of rank 1") {
		t.Errorf("a NaN share: %v", err)
	}
	rb[0].Shown[0].Ranks[0] = 1
	wi["x"] = []engine.WeightChange{{Criterion: good.Category("engine").Criteria[0], Factor: math.Inf(1)}}
	if err := engine.CheckFinite(rb, wi); !errors.As(err, &nf) || !strings.Contains(err.Error(), "weight what-if") {
		t.Errorf("an infinite what-if factor: %v", err)
	}
}
