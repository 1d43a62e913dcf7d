package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// hostileValues are the numbers an overlay might try: zero both ways, the smallest and
// largest floats, YAML's NaN and infinities, negatives, values just past a bound, and a
// literal beyond float64.
var hostileValues = []string{"0", "-0", "5e-324", "1e-300", "0.0005", "1e308", "-1e308", ".nan", ".NaN", ".inf", "-.inf", "+.inf",
	"-1", "-1000", "1000", "1001", "1e15", "1e16", "0.5", "2", "10", "1e999"}

// hostileSlot is one place of an overlay a number can go: the file it lands in and the text
// with %s for the number.
type hostileSlot struct{ file, text string }

var scoringKeys = map[string]string{
	"priority_boost": "2.5", "max_rule_points": "20", "max_adjust": "30", "strength_threshold": "0.8", "neutral": "0.5",
	"trust.report-only": "0.8", "stack.top_k": "4", "stack.beam": "24", "stack.runners_up": "2",
	"robustness.weight_spread": "0.5", "robustness.value_spread.unverified": "0.4", "robustness.robust": "0.8",
	"robustness.contested": "0.5", "robustness.show": "3", "robustness.max_factor": "10", "robustness.samples": "20",
}

// scoringFile writes an overlay scoring block with the base's knobs and the given changes.
func scoringFile(set map[string]string) string {
	v := func(k string) string {
		if x, ok := set[k]; ok {
			return x
		}
		return scoringKeys[k]
	}
	return fmt.Sprintf(`scoring:
  priority_boost: %s
  max_rule_points: %s
  max_adjust: %s
  strength_threshold: %s
  trust: {spec: 1, measured: 1, third-party: 1, report-only: %s, unverified: 0.5}
  neutral: %s
  stack: {top_k: %s, beam: %s, runners_up: %s}
  robustness:
    samples: %s
    seed: 1
    weight_spread: %s
    value_spread: {spec: 0.05, measured: 0.1, third-party: 0.15, report-only: 0.3, unverified: %s, default: 0.3}
    robust: %s
    contested: %s
    show: %s
    max_factor: %s
`, v("priority_boost"), v("max_rule_points"), v("max_adjust"), v("strength_threshold"), v("trust.report-only"), v("neutral"),
		v("stack.top_k"), v("stack.beam"), v("stack.runners_up"), v("robustness.samples"), v("robustness.weight_spread"),
		v("robustness.value_spread.unverified"), v("robustness.robust"), v("robustness.contested"), v("robustness.show"), v("robustness.max_factor"))
}

var gpuSlots = []string{
	"criteria:\n  - {id: power, weight: %s}\n",
	"criteria:\n  - {id: performance, weight: %s}\n",
	"criteria:\n  - id: memory\n    reweight:\n      - {when: {environment: edge}, factor: %s, because: {en: x, zh: x}, source: \"https://x.example\"}\n",
	"rules:\n  - {id: acme.bonus, effect: adjust, points: %s, target: {ids: [nvidia-h100]}, because: {en: x, zh: x}, source: \"https://x.example\"}\n",
	"overrides:\n  - candidate: nvidia-h100\n    attributes:\n      tdp_w: {value: %s, source: \"https://x.example\", grade: spec}\n",
	"overrides:\n  - candidate: nvidia-a100\n    attributes:\n      price_cny: {value: %s, source: \"https://x.example\", grade: spec}\n",
	"overrides:\n  - candidate: nvidia-l4\n    attributes:\n      fp16_tflops: {value: %s, source: \"https://x.example\", grade: spec}\n",
	"overrides:\n  - candidate: nvidia-h200\n    attributes:\n      memory_gb: {value: %s, source: \"https://x.example\", grade: spec}\n",
	"overrides:\n  - candidate: nvidia-h100\n    attributes:\n      launched: {value: %s, source: \"https://x.example\", grade: spec}\n",
}

var otherSlots = []hostileSlot{
	{"org/sandbox.yaml", "category: sandbox\noverrides:\n  - candidate: gvisor\n    attributes:\n      startup_ms: {value: %s, source: \"https://x.example\", grade: spec}\n"},
	{"org/compat.yaml", "compatibility:\n  - {id: compat.acme, kind: works-with, candidate: kubernetes, with: [podman], points: %s, because: {en: x, zh: x}, source: \"https://x.example\"}\n"},
	{"org/engine.yaml", "category: engine\nattributes:\n  acme_score:\n    type: number\n    range: [%s, 1e15]\n    title: {en: x, zh: x}\n"},
}

// notFiniteText finds a number that is not finite in any format's output.
var notFiniteText = regexp.MustCompile(`(?i)\bNaN\b|[+-]?\bInf(inity)?\b|\.inf\b|\.nan\b`)

// TestHostileNumbersNeverReachAReport: random overlays setting random numeric fields to
// extreme values either fail validation, every problem with its file:line:col and at least
// one in the overlay, or load and give reports in every format with no NaN or infinity in
// them and no panic. Seeded: the same cases every run.
func TestHostileNumbersNeverReachAReport(t *testing.T) {
	base, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(21, 5))
	pick := func() string { return hostileValues[rng.IntN(len(hostileValues))] }
	keys := make([]string, 0, len(scoringKeys))
	for k := range scoringKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	cases := 80
	if testing.Short() {
		cases = 15
	}
	loaded := 0
	for i := range cases {
		files := map[string]string{}
		n := 1 + rng.IntN(3)
		set := map[string]string{}
		var gpu strings.Builder
		for range n {
			switch r := rng.IntN(3); r {
			case 0:
				set[keys[rng.IntN(len(keys))]] = pick()
			case 1:
				if gpu.Len() == 0 {
					gpu.WriteString("category: gpu\n")
				}
				slot := gpuSlots[rng.IntN(len(gpuSlots))]
				if strings.Contains(gpu.String(), strings.SplitN(slot, ":", 2)[0]+":") {
					continue // one section of each kind per file
				}
				fmt.Fprintf(&gpu, slot, pick())
			default:
				s := otherSlots[rng.IntN(len(otherSlots))]
				files[s.file] = fmt.Sprintf(s.text, pick())
			}
		}
		if len(set) > 0 {
			files["org/scoring.yaml"] = scoringFile(set)
		}
		if gpu.Len() > 0 {
			files["org/gpu.yaml"] = gpu.String()
		}
		var overlay []knowledge.File
		for _, name := range sortedNames(files) {
			overlay = append(overlay, knowledge.File{Name: name, Data: []byte(files[name])})
		}
		desc := fmt.Sprintf("case %d: %q", i, files)
		b, err := knowledge.LoadLayers(base, overlay)
		if err != nil {
			var probs knowledge.Problems
			if !errors.As(err, &probs) {
				t.Fatalf("%s: the error is not a list of problems: %v", desc, err)
			}
			inOverlay := false
			for _, p := range probs {
				if p.Pos.File == "" || p.Pos.Line < 1 || p.Pos.Col < 1 {
					t.Errorf("%s: a problem without its file:line:col: %v", desc, p)
				}
				inOverlay = inOverlay || strings.HasPrefix(p.Pos.File, "org/")
			}
			if !inOverlay {
				t.Errorf("%s: no problem names the overlay:\n%v", desc, err)
			}
			continue
		}
		loaded++
		checkReports(t, desc, b)
	}
	t.Logf("%d of %d overlays loaded; the rest were refused", loaded, cases)
	if loaded == 0 || loaded == cases {
		t.Errorf("%d of %d overlays loaded: the cases do not exercise both outcomes", loaded, cases)
	}
}

// checkReports recommends every category with priorities and an edge site (boosts and
// reweights apply), and renders every format.
func checkReports(t *testing.T, desc string, b *knowledge.Base) {
	t.Helper()
	given, err := b.ParseAnswers("answers.yaml", []byte("categories: [engine, orchestrator, sandbox, gpu]\npriorities: [performance, cost, security]\nenvironment: edge\n"))
	if err != nil {
		t.Fatalf("%s: %v", desc, err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatalf("%s: a valid overlay gives %v", desc, err)
	}
	if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: engine.RobustOptions{Samples: 20}}); err != nil {
		t.Fatalf("%s: a valid overlay gives %v", desc, err)
	}
	weights := engine.WeightWhatIf(b, res)
	if err := engine.CheckFinite(nil, weights); err != nil {
		t.Fatalf("%s: a valid overlay gives %v", desc, err)
	}
	for _, cr := range res.Categories {
		cr.WeightWhatIf = weights[cr.Category.ID]
	}
	r := report.Build(b, res, report.Options{Lang: "en", ToolVersion: "test"})
	for _, format := range []string{"table", "json", "yaml", "markdown", "html"} {
		var buf bytes.Buffer
		if err := report.Render(&buf, r, format, 100); err != nil {
			t.Errorf("%s: %s: %v", desc, format, err)
		}
		if m := notFiniteText.FindString(buf.String()); m != "" {
			t.Errorf("%s: %s shows %q", desc, format, m)
		}
	}
}

func sortedNames(m map[string]string) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
