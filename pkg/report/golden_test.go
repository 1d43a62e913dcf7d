package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// TestGoldenJSON renders report v1 for hand-reviewed scenarios on the embedded knowledge base
// and compares it with testdata/golden. UPDATE_GOLDEN=1 rewrites the files; review the diff
// before committing it.
func TestGoldenJSON(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"sandbox-untrusted-no-kvm": "categories: [sandbox]\ntenancy: untrusted\nkvm: none\n",
		"gpu-domestic-autonomy":    "categories: [gpu]\ndomestic: true\npriorities: [autonomy]\n",
		"orchestrator-edge-small":  "categories: [orchestrator]\nenvironment: edge\nscale: small\nk8s-experience: none\n",
		"stack-edge-small":         "categories: [engine, orchestrator, sandbox]\nenvironment: edge\nscale: small\n",
		"stack-blocked":            "categories: [sandbox, gpu]\nworkloads: [ai-inference]\ntenancy: untrusted\nkvm: none\ndomestic: true\n",
	}
	for name, answers := range cases {
		t.Run(name, func(t *testing.T) {
			given, err := b.ParseAnswers(name, []byte(answers))
			if err != nil {
				t.Fatal(err)
			}
			res, err := engine.Run(b, given)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			// The robustness numbers come from the rules' seed and sample count: a change to either,
			// to the spreads or to the sampling code shows here.
			if err := engine.Analyse(b, res, engine.AnalyseOptions{}); err != nil {
				t.Fatal(err)
			}
			weights := engine.WeightWhatIf(b, res) // without the answer what-if, which has its own goldens
			for _, cr := range res.Categories {
				cr.WeightWhatIf = weights[cr.Category.ID]
			}
			r := report.Build(b, res, report.Options{Lang: "en", ToolVersion: "golden"})
			r.KnowledgeBase.Digest = "sha256:(digest)" // the digest changes with every rule edit
			if err := report.WriteJSON(&buf, r); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("../../testdata/golden", name+".json")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("report differs from %s; if the change is intended, run UPDATE_GOLDEN=1 go test ./pkg/report and review the diff", path)
			}
		})
	}
}
