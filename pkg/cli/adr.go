package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/outfile"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/record"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

var dateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`) })

func newADRCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &adrOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "adr CATEGORY|stack [answer flags]",
		Short: i18n.T(g.ui, "help.adr.short"),
		Long:  i18n.T(g.ui, "help.adr.long"),
		Example: `  stackadvisor adr sandbox --tenancy untrusted -o docs/adr/0001-sandbox.md
  stackadvisor adr stack --categories engine,orchestrator,sandbox --environment edge -o docs/adr/0002-stack.md
  stackadvisor adr gpu --domestic --priorities autonomy --lang zh --date 2026-11-24
  stackadvisor adr new sandbox docs/adr --tenancy untrusted    # numbered: docs/adr/0003-sandbox-kata.md
  stackadvisor adr check docs/adr                              # exit 1 if a decision would change today`,
		Args:              argsOf(1, 1, "err.what-category", "err.hint-adr"),
		ValidArgsFunction: categoryCompletion(s, g, true),
		RunE:              func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	opts.answers = addAnswerFlags(cmd, g)
	opts.robust = addRobustFlags(cmd, g)
	addOutputFlags(cmd, g, &opts.out, "markdown", "json")
	addRecordFlags(cmd, g, &opts.record)
	cmd.AddCommand(newADRNewCmd(s, g), newADRCheckCmd(s, g))
	return cmd
}

// adrOptions holds the streams and flags of 'stackadvisor adr CATEGORY'; run does its work.
type adrOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
	answers *answerFlags
	robust  *robustFlags
	record  recordFlags
}

func (o *adrOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out, answers, robust, rf := o.streams, o.global, o.out, o.answers, o.robust, o.record
	lang, b, err := browseSetup(cmd, s, g, &out)
	if err != nil {
		return err
	}
	d, err := makeADR(cmd, s, g, b, args[0], answers, robust, rf, i18n.For(lang))
	if err != nil {
		return err
	}
	if !toStdout(out.output) {
		dir := filepath.Dir(outfile.Target(out.output)) // through a symlink, its target's folder
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return failureMsg("err.cannot-create", withPath(dir, err))
		}
	}
	d.text = strings.ReplaceAll(d.text, report.NumberMark, "") // a record printed has no number yet
	doc := map[string]string{"category": args[0], "markdown": d.text}
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
		_, err := io.WriteString(w, d.text)
		return err
	})
}

// adrDoc is a rendered record: its Markdown and the picks that name its file.
type adrDoc struct {
	text  string
	picks []string
}

// makeADR renders the record of a category or of the stack, its memory block at the end.
func makeADR(cmd *cobra.Command, s *Streams, g *globalOptions, b *knowledge.Base, subject string, answers *answerFlags, robust *robustFlags, rf recordFlags, loc i18n.Localizer) (*adrDoc, error) {
	date := rf.date
	if rf.template != report.TemplateMADR && rf.template != report.TemplateNygard {
		return nil, usageMsg("err.template", rf.template)
	}
	stack := subject == record.SubjectStack
	var cat *knowledge.Category
	var err error
	if !stack {
		if cat, err = findCategory(b, subject); err != nil {
			return nil, err
		}
	}
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil || !dateRe().MatchString(date) {
			return nil, usageMsg("err.date", date)
		}
	}
	ropts, err := robust.options(cmd)
	if err != nil {
		return nil, err
	}
	answers.base = b
	given, err := answers.given(cmd)
	if err != nil {
		return nil, err
	}
	if !stack {
		if cmd.Flags().Changed(knowledge.QCategories) && !slices.Contains(given[knowledge.QCategories].List, cat.ID) {
			return nil, usageMsg("err.record-category", cat.ID)
		}
		given[knowledge.QCategories] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{cat.ID}}
	}
	res, err := engine.Run(b, given)
	if err != nil {
		return nil, usageErrorf("%w", err)
	}
	if stack && len(res.Categories) < 2 {
		return nil, usageMsg("err.stack-record")
	}
	if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: ropts, WhatIf: !stack, Given: given}); err != nil {
		return nil, err
	}
	opts := report.Options{Lang: loc.Lang, ToolVersion: ToolVersion()}
	rep := report.Build(b, res, opts)
	command := EquivalentCommand(b, given)
	if !stack && !strings.Contains(command, "--categories") {
		command += " --categories=" + cat.ID
	}
	overlays := g.rulesLayers(s)
	for _, p := range overlays {
		command += " --rules " + shellQuote(p)
	}
	var text string
	if stack {
		text, err = report.StackADR(b, rep, report.ADROptions{Command: command, Date: date, Template: rf.template})
	} else {
		text, err = report.ADR(b, rep, cat.ID, report.ADROptions{Command: command, Date: date, Template: rf.template})
	}
	if err != nil {
		return nil, failuref("%w", err)
	}
	answersJSON, err := json.Marshal(rep.Answers)
	if err != nil {
		return nil, failuref("%w", err)
	}
	rec, err := record.Build(b, res, subject, answersJSON, overlays, ToolVersion())
	if err != nil {
		return nil, usageErrorf("%w", err)
	}
	block, err := rec.Block()
	if err != nil {
		return nil, failuref("%w", err)
	}
	d := &adrDoc{text: strings.TrimRight(text, "\n") + "\n\n" + block}
	for _, p := range rec.Picks {
		d.picks = append(d.picks, p.ID)
	}
	return d, nil
}

// recordFlags are the flags of a record's layout: --date and --template.
type recordFlags struct {
	date     string
	template string
}

func addRecordFlags(cmd *cobra.Command, g *globalOptions, rf *recordFlags) {
	cmd.Flags().StringVar(&rf.date, "date", "", i18n.T(g.ui, "flag.date"))
	cmd.Flags().StringVar(&rf.template, "template", report.TemplateMADR, i18n.T(g.ui, "flag.template"))
	_ = cmd.RegisterFlagCompletionFunc("template", fixedCompletion(report.TemplateMADR, report.TemplateNygard))
}
