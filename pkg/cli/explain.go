package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

func newExplainCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &explainOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "explain ID|stack [ID...] [answer flags]",
		Short: i18n.T(g.ui, "help.explain.short"),
		Long:  i18n.T(g.ui, "help.explain.long"),
		Example: `  stackadvisor explain runc --tenancy untrusted
  stackadvisor explain gvisor --categories sandbox --kvm none -f json
  stackadvisor explain nvidia-h100 --domestic --jq '.readmit'
  stackadvisor explain stack --categories engine,orchestrator --environment edge
  stackadvisor explain stack docker k3s --environment edge    # why not Docker Engine with K3s?`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && args[0] == "stack" {
				return nil
			}
			return argsOf(1, 1, "err.what-candidate", "err.hint-list")(cmd, args)
		},
		ValidArgsFunction: explainCompletion(s, g),
		RunE:              func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	opts.answers = addAnswerFlags(cmd, g)
	opts.robust = addRobustFlags(cmd, g)
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// explainOptions holds the streams and flags of 'stackadvisor explain'; run does its work.
type explainOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
	answers *answerFlags
	robust  *robustFlags
}

func (o *explainOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out, answers, robust := o.streams, o.global, o.out, o.answers, o.robust
	lang, err := g.resolveLang(s)
	if err != nil {
		return err
	}
	if err := out.check(cmd); err != nil {
		return err
	}
	b, err := g.loadBase(s)
	if err != nil {
		return err
	}
	if args[0] == "stack" {
		return explainStack(cmd, s, g, &out, answers, b, args[1:], i18n.For(lang))
	}
	if _, err := findCandidate(b, args[0]); err != nil {
		return err
	}
	answers.base = b
	given, err := answers.given(cmd)
	if err != nil {
		return err
	}
	ex, err := engine.Explain(b, given, args[0])
	if err != nil {
		return usageErrorf("%w", err)
	}
	ropts, err := robust.options(cmd)
	if err != nil {
		return err
	}
	rb := engine.RobustCategory(b, ex.Ranking, ropts)
	if err := engine.CheckFinite([]*engine.Robustness{rb}, nil); err != nil {
		return err
	}
	doc := report.BuildExplanation(b, ex)
	doc.Robustness = report.BuildRobustness(rb)
	doc.Localize(lang)
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, width int) error {
		_, err := io.WriteString(w, report.ExplanationTable(doc, b, width))
		return err
	})
}

// explainStack runs `explain stack [ID...]`: the recommended stack, and the alternative the
// named candidates make.
func explainStack(cmd *cobra.Command, s *Streams, g *globalOptions, out *outputOptions, answers *answerFlags, b *knowledge.Base, ids []string, loc i18n.Localizer) error {
	for _, id := range ids {
		if _, err := findCandidate(b, id); err != nil {
			return err
		}
	}
	answers.base = b
	given, err := answers.given(cmd)
	if err != nil {
		return err
	}
	ex, err := engine.ExplainStack(b, given, ids)
	if err != nil {
		return usageErrorf("%w", err)
	}
	doc := report.BuildStackExplanation(b, ex)
	doc.Localize(loc.Lang)
	return emit(cmd.Context(), s, g, out, doc, func(w io.Writer, width int) error {
		_, err := io.WriteString(w, report.StackExplanationTable(doc, width))
		return err
	})
}

// explainCompletion completes explain's arguments: a candidate id or "stack" first; after
// "stack", candidates of categories not named yet.
func explainCompletion(s *Streams, g *globalOptions) cobra.CompletionFunc {
	cands := candidateCompletion(s, g, false)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		switch {
		case len(args) == 0:
			out, d := cands(cmd, args, toComplete)
			return append([]cobra.Completion{cobra.CompletionWithDesc("stack", i18n.T(g.completionLang(s), "stack.title"))}, out...), d
		case args[0] != "stack":
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		b, err := g.completionBase(s)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		named := map[string]bool{}
		for _, id := range args[1:] {
			if c := b.Candidate(id); c != nil {
				named[c.Category] = true
			}
		}
		var out []cobra.Completion
		for _, cat := range b.Categories {
			if named[cat.ID] {
				continue
			}
			for _, c := range cat.Candidates {
				out = append(out, cobra.CompletionWithDesc(c.ID, fmt.Sprintf("%s (%s)", c.Name, cat.ID)))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// findCandidate returns a candidate or a usage error that names the closest ids.
func findCandidate(b *knowledge.Base, id string) (*knowledge.Candidate, error) {
	if c := b.Candidate(id); c != nil {
		return c, nil
	}
	ids := allCandidateIDs(b)
	if near := knowledge.Closest(id, ids); near != "" {
		return nil, &ExitError{Code: ExitUsage, Err: i18n.Errorf("err.unknown-candidate-near", id, near), NoHint: true}
	}
	return nil, usageMsg("err.unknown-candidate", id, strings.Join(ids, ", "))
}

func allCandidateIDs(b *knowledge.Base) []string {
	var ids []string
	for _, c := range b.Categories {
		for _, cand := range c.Candidates {
			ids = append(ids, cand.ID)
		}
	}
	return ids
}

// candidateCompletion completes candidate ids, the organisation's (--rules,
// STACKADVISOR_RULES) included; with sameCategory, only ids of the first argument's category
// that are not given yet.
func candidateCompletion(s *Streams, g *globalOptions, sameCategory bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		b, err := g.completionBase(s)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []cobra.Completion
		for _, cat := range b.Categories {
			if sameCategory && len(args) > 0 {
				if first := b.Candidate(args[0]); first == nil || first.Category != cat.ID {
					continue
				}
			}
			for _, c := range cat.Candidates {
				if !slices.Contains(args, c.ID) {
					out = append(out, cobra.CompletionWithDesc(c.ID, fmt.Sprintf("%s (%s)", c.Name, cat.ID)))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
