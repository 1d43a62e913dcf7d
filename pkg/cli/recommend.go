package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// recommendOptions holds what the recommend command needs.
type recommendOptions struct {
	streams *Streams
	global  *globalOptions
	answers *answerFlags
	out     outputOptions
	whatIf  bool
	details bool
	detect  bool
	robust  *robustFlags
}

func newRecommendCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &recommendOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:               "recommend [flags]",
		Short:             i18n.T(g.ui, "help.recommend.short"),
		Long:              i18n.T(g.ui, "help.recommend.long"),
		Example:           i18n.T(g.ui, "help.recommend.example"),
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return opts.run(cmd)
		},
	}
	opts.answers = addAnswerFlags(cmd, g)
	addOutputFlags(cmd, g, &opts.out, report.Formats...)
	cmd.Flags().BoolVar(&opts.whatIf, "what-if", false, i18n.T(g.ui, "flag.what-if"))
	cmd.Flags().BoolVar(&opts.details, "details", false, i18n.T(g.ui, "flag.details"))
	cmd.Flags().BoolVar(&opts.detect, "detect", false, i18n.T(g.ui, "flag.detect"))
	opts.robust = addRobustFlags(cmd, g)
	return cmd
}

func (o *recommendOptions) run(cmd *cobra.Command) error {
	lang, err := o.global.resolveLang(o.streams)
	if err != nil {
		return err
	}
	if err := o.out.check(cmd); err != nil {
		return err
	}
	b, err := o.global.loadBase(o.streams)
	if err != nil {
		return err
	}
	o.answers.base = b
	given, err := o.answers.given(cmd)
	if err != nil {
		return err
	}
	var ro runOptions
	ro.whatIf, ro.details = o.whatIf, o.details
	if ro.robust, err = o.robust.options(cmd); err != nil {
		return err
	}
	if o.detect {
		ro.detected, ro.notes = applyDetected(b, given, probeRoot(o.streams, i18n.For(lang)))
	}
	return recommendAndWrite(cmd.Context(), o.streams, o.global, b, given, i18n.For(lang), &o.out, ro)
}

// runOptions are the extras of a recommendation run.
type runOptions struct {
	whatIf   bool
	details  bool // the table in full: every candidate's reasons, corrections and exclusions
	robust   engine.RobustOptions
	detected []report.Detected
	notes    []string
}

// recommendAndWrite scores the given answers, writes the report, and returns the exit error
// for categories left empty (the report is written all the same).
func recommendAndWrite(ctx context.Context, s *Streams, g *globalOptions, b *knowledge.Base, given knowledge.Answers, loc i18n.Localizer, out *outputOptions, ro runOptions) error {
	res, err := engine.Run(b, given)
	if err != nil {
		return usageErrorf("%w", err)
	}
	robustProgress(s, b, res, ro.robust, loc)
	// A panic in the stack's draws, which run beside the categories', is raised again here,
	// where the internal-error handler turns it into exit 70.
	if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: ro.robust, WhatIf: ro.whatIf, Given: given}); err != nil {
		return err
	}
	opts := report.Options{Lang: loc.Lang, ToolVersion: ToolVersion(), Given: given, Detected: ro.detected, Notes: ro.notes, Today: today()}
	rep := report.Build(b, res, opts)
	err = emit(ctx, s, g, out, rep, func(w io.Writer, width int) error {
		if out.format == "table" && !ro.details {
			_, err := io.WriteString(w, report.Summary(rep, width))
			return err
		}
		return report.Render(w, rep, out.format, width)
	})
	if err != nil {
		return err
	}
	if empty := res.Empty(); len(empty) > 0 {
		return &ExitError{Code: ExitNoCandidate, Err: i18n.Errorf("err.no-candidate-left", strings.Join(empty, ", "))}
	}
	return nil
}
