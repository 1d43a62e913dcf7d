package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// Help topics that travel with the binary: what the report's terms mean, with the figures the
// embedded knowledge base uses (read when the topic is shown, so the text never disagrees
// with the rules).
// Each topic's catalog keys are written out, so the catalog test sees them.
var helpTopics = []struct{ name, short, long string }{
	{"evidence", "help.evidence.short", "help.evidence.long"},
	{"robustness", "help.robustness.short", "help.robustness.long"},
	{"scores", "help.scores.short", "help.scores.long"},
	{"report", "help.report.short", "help.report.long"},
	{"limits", "help.limits.short", "help.limits.long"},
	{"environment", "help.environment.short", "help.environment.long"},
	{"formatting", "help.formatting.short", "help.formatting.long"},
}

var (
	gradeHelpKey = map[string]string{
		knowledge.GradeSpec: "help.evidence.grade.spec", knowledge.GradeMeasured: "help.evidence.grade.measured",
		knowledge.GradeThirdParty: "help.evidence.grade.third-party", knowledge.GradeReportOnly: "help.evidence.grade.report-only",
		knowledge.GradeUnverified: "help.evidence.grade.unverified",
	}
	verdictKey = map[string]string{
		knowledge.VerdictWrong: "help.report.verdict.wrong", knowledge.VerdictDated: "help.report.verdict.dated",
		knowledge.VerdictPartly: "help.report.verdict.partly", knowledge.VerdictUnverified: "help.report.verdict.unverified",
		knowledge.VerdictCorrect: "help.report.verdict.correct",
	}
)

func newHelpTopics(s *Streams, g *globalOptions) []*cobra.Command {
	var out []*cobra.Command
	for _, tp := range helpTopics {
		c := &cobra.Command{
			Use:   tp.name,
			Short: i18n.T(g.ui, tp.short),
			// Long is filled when the topic is shown: it needs the knowledge base.
			Long: i18n.T(g.ui, tp.short),
		}
		c.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
			writeTopic(cmd.OutOrStdout(), g.ui, tp.name, tp.short, tp.long, outputWidth(s, true))
		})
		out = append(out, c)
	}
	return out
}

// writeTopic prints one help topic in the given language.
func writeTopic(w io.Writer, lang, name, shortKey, longKey string, width int) {
	b, err := readEmbeddedBase()
	if err != nil {
		fmt.Fprintln(w, i18n.T(lang, shortKey))
		return
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	pct := func(f float64) string { return strconv.FormatFloat(f*100, 'f', -1, 64) + " %" }
	sc := b.Scoring
	var text string
	switch name {
	case "evidence":
		var rows []string
		for _, g := range []string{knowledge.GradeSpec, knowledge.GradeMeasured, knowledge.GradeThirdParty, knowledge.GradeReportOnly, knowledge.GradeUnverified} {
			t, ok := sc.Trust[g]
			if !ok {
				t = 1
			}
			rows = append(rows, fmt.Sprintf("  %-12s %-7s %s", g, num(t), i18n.T(lang, gradeHelpKey[g])))
		}
		text = i18n.Tf(lang, longKey, strings.Join(rows, "\n"), num(sc.Neutral))
	case "robustness":
		k := sc.Robustness
		if k == nil {
			text = i18n.T(lang, shortKey)
			break
		}
		var spreads []string
		for _, g := range []string{knowledge.GradeSpec, knowledge.GradeMeasured, knowledge.GradeThirdParty, knowledge.GradeReportOnly, knowledge.GradeUnverified} {
			if s, ok := k.ValueSpread[g]; ok {
				spreads = append(spreads, g+" ±"+num(s))
			}
		}
		draws := i18n.Tf(lang, "help.robustness.draws", k.Samples)
		if k.Precision > 0 {
			draws = i18n.Tf(lang, "help.robustness.draws-adaptive", k.Samples, max(1, k.MinSamples), pct(k.Precision))
		}
		text = i18n.Tf(lang, longKey, draws, num(k.WeightSpread), strings.Join(spreads, ", "), pct(k.Robust), pct(k.Contested), k.Seed, num(k.MaxFactor))
	case "scores":
		st := sc.Stack
		topK, runners := 0, 0
		if st != nil {
			topK, runners = st.TopK, st.RunnersUp
		}
		text = i18n.Tf(lang, longKey, num(sc.PriorityBoost), num(sc.MaxRulePoints), num(sc.MaxAdjust), num(sc.StrengthThreshold), topK, runners)
	case "report":
		counts := map[string]int{}
		for _, f := range b.Facts {
			counts[f.Verdict]++
		}
		var parts []string
		for _, v := range []string{knowledge.VerdictWrong, knowledge.VerdictDated, knowledge.VerdictPartly, knowledge.VerdictUnverified, knowledge.VerdictCorrect} {
			if counts[v] > 0 {
				parts = append(parts, i18n.Tf(lang, verdictKey[v], counts[v]))
			}
		}
		text = i18n.Tf(lang, longKey, len(b.Facts), strings.Join(parts, i18n.T(lang, "report.list-sep")), b.Version, b.AsOf)
	case "limits":
		text = i18n.Tf(lang, longKey, b.AsOf)
	default: // a topic that needs no figure from the base
		text = i18n.T(lang, longKey)
	}
	fmt.Fprintln(w, report.Reflow(strings.TrimRight(text, "\n"), width))
}
