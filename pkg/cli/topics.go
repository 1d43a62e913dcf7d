package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Help topics that travel with the binary: what the report's terms mean, with the figures the
// embedded knowledge base uses (read when the topic is shown, so the text never disagrees
// with the rules).
var helpTopics = []string{"evidence", "robustness", "scores", "report", "limits"}

func newHelpTopics(g *globalOptions) []*cobra.Command {
	var out []*cobra.Command
	for _, name := range helpTopics {
		c := &cobra.Command{
			Use:   name,
			Short: i18n.T(g.ui, "help."+name+".short"),
			// Long is filled when the topic is shown: it needs the knowledge base.
			Long: i18n.T(g.ui, "help."+name+".short"),
		}
		c.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
			writeTopic(cmd.OutOrStdout(), g.ui, name)
		})
		out = append(out, c)
	}
	return out
}

// writeTopic prints one help topic in the given language.
func writeTopic(w io.Writer, lang, name string) {
	b, err := readEmbeddedBase()
	if err != nil {
		fmt.Fprintln(w, i18n.T(lang, "help."+name+".short"))
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
			rows = append(rows, fmt.Sprintf("  %-12s %-7s %s", g, num(t), i18n.T(lang, "help.evidence.grade."+g)))
		}
		text = i18n.Tf(lang, "help.evidence.long", strings.Join(rows, "\n"), num(sc.Neutral))
	case "robustness":
		k := sc.Robustness
		if k == nil {
			text = i18n.T(lang, "help.robustness.short")
			break
		}
		var spreads []string
		for _, g := range []string{knowledge.GradeSpec, knowledge.GradeMeasured, knowledge.GradeThirdParty, knowledge.GradeReportOnly, knowledge.GradeUnverified} {
			if s, ok := k.ValueSpread[g]; ok {
				spreads = append(spreads, g+" ±"+num(s))
			}
		}
		text = i18n.Tf(lang, "help.robustness.long", k.Samples, num(k.WeightSpread), strings.Join(spreads, ", "), pct(k.Robust), pct(k.Contested), k.Seed, num(k.MaxFactor))
	case "scores":
		st := sc.Stack
		topK, runners := 0, 0
		if st != nil {
			topK, runners = st.TopK, st.RunnersUp
		}
		text = i18n.Tf(lang, "help.scores.long", num(sc.PriorityBoost), num(sc.MaxRulePoints), num(sc.MaxAdjust), num(sc.StrengthThreshold), topK, runners)
	case "report":
		counts := map[string]int{}
		for _, f := range b.Facts {
			counts[f.Verdict]++
		}
		var parts []string
		for _, v := range []string{knowledge.VerdictWrong, knowledge.VerdictDated, knowledge.VerdictPartly, knowledge.VerdictUnverified, knowledge.VerdictCorrect} {
			if counts[v] > 0 {
				parts = append(parts, i18n.Tf(lang, "help.report.verdict."+v, counts[v]))
			}
		}
		text = i18n.Tf(lang, "help.report.long", len(b.Facts), strings.Join(parts, i18n.T(lang, "report.list-sep")), b.Version, b.AsOf)
	case "limits":
		text = i18n.Tf(lang, "help.limits.long", b.AsOf)
	}
	fmt.Fprintln(w, strings.TrimRight(text, "\n"))
}
