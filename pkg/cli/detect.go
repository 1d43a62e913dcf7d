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
		if f.Question == detect.QuestionCurrent {
			if d, ok := applyCurrent(b, given, probe, f); ok {
				used = append(used, d)
			}
			continue
		}
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

// applyCurrent adds today's detected parts to the current answer, per category: a category
// the user's own list already covers keeps the user's part (flags win per category), and an id
// the base does not know is dropped. It reports the parts it added, with their evidence only.
// A base without the question leaves the finding unused.
func applyCurrent(b *knowledge.Base, given knowledge.Answers, probe *detect.Result, f detect.Finding) (report.Detected, bool) {
	q := b.Question(f.Question)
	if q == nil {
		return report.Detected{}, false
	}
	mine := given[f.Question].List
	covered := map[string]bool{}
	for _, id := range mine {
		if c := b.Candidate(id); c != nil {
			covered[c.Category] = true
		}
	}
	var add []string
	for _, id := range f.Value.List {
		c := b.Candidate(id)
		if c == nil || covered[c.Category] || q.Choice(id) == nil {
			continue
		}
		covered[c.Category] = true
		add = append(add, id)
	}
	if len(add) == 0 {
		return report.Detected{}, false
	}
	v, err := q.ParseList(append(slices.Clone(mine), add...))
	if err != nil {
		return report.Detected{}, false
	}
	given[f.Question] = v
	var added []string // in the question's order, as the answer lists them
	for _, id := range v.List {
		if slices.Contains(add, id) {
			added = append(added, id)
		}
	}
	return report.Detected{Question: f.Question, Value: added, Evidence: probe.CurrentEvidence(added)}, true
}

func gpusPresent(probe *detect.Result) string {
	loc := i18n.For(probe.Lang())
	return loc.Tf("detect.gpus-present", loc.List(probe.GPUs))
}

// probeRoot is the file system --detect reads (the whole machine; tests point
// STACKADVISOR_DETECT_ROOT at a fake tree), probed with evidence in lang. Today's stack is read
// off docker, kubectl and the GPU tools too, unless STACKADVISOR_DETECT_COMMANDS is 0; with a
// fake tree they stay off unless it is 1, so that tests never run the machine's own kubectl.
func probeRoot(s *Streams, loc i18n.Localizer) *detect.Result {
	root := "/"
	if r := s.Getenv("STACKADVISOR_DETECT_ROOT"); r != "" {
		root = r
	}
	var opts []detect.Option
	if commandProbes(s) {
		opts = append(opts, detect.WithCommands(detect.Commands{}))
	}
	return detect.Probe(os.DirFS(root), loc, opts...)
}

// commandProbes reports whether --detect runs the command probes: STACKADVISOR_DETECT_COMMANDS
// 0 turns them off and 1 on; otherwise they run unless STACKADVISOR_DETECT_ROOT is set.
func commandProbes(s *Streams) bool {
	switch s.Getenv("STACKADVISOR_DETECT_COMMANDS") {
	case "0":
		return false
	case "1":
		return true
	}
	return s.Getenv("STACKADVISOR_DETECT_ROOT") == ""
}
