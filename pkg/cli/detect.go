package cli

import (
	"os"
	"slices"

	"github.com/stackadvisor/stackadvisor/pkg/detect"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// applyDetected fills the answers the user did not give with what the machine shows (flags and
// the answers file win), and returns what was used and the probe's warnings.
func applyDetected(b *knowledge.Base, given knowledge.Answers, probe *detect.Result) ([]report.Detected, []string) {
	var used []report.Detected
	for _, f := range probe.Findings {
		if _, ok := given[f.Question]; ok || b.Question(f.Question) == nil {
			continue
		}
		given[f.Question] = f.Value
		used = append(used, report.Detected{Question: f.Question, Value: f.Value.Any(), Evidence: f.Evidence})
	}
	if _, ok := given[knowledge.QCategories]; !ok && len(probe.GPUs) > 0 {
		if full, err := b.Resolve(given); err == nil && !slices.Contains(full[knowledge.QCategories].List, knowledge.CategoryGPU) {
			q := b.Question(knowledge.QCategories)
			if v, err := q.ParseList(append(slices.Clone(full[knowledge.QCategories].List), knowledge.CategoryGPU)); err == nil {
				given[knowledge.QCategories] = v
				used = append(used, report.Detected{Question: knowledge.QCategories, Value: v.Any(), Evidence: gpusPresent(probe)})
			}
		}
	}
	return used, probe.Warnings
}

func gpusPresent(probe *detect.Result) string {
	loc := i18n.For(probe.Lang())
	return loc.Tf("detect.gpus-present", loc.List(probe.GPUs))
}

// probeRoot is the file system --detect reads (the whole machine; tests point
// STACKADVISOR_DETECT_ROOT at a fake tree), probed with evidence in lang.
func probeRoot(s *Streams, loc i18n.Localizer) *detect.Result {
	root := "/"
	if r := s.Getenv("STACKADVISOR_DETECT_ROOT"); r != "" {
		root = r
	}
	return detect.Probe(os.DirFS(root), loc)
}
