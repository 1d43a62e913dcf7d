package cli

import (
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
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

var dateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`) })

func newADRCmd(s *Streams, g *globalOptions) *cobra.Command {
	var out outputOptions
	var answers *answerFlags
	var date string
	cmd := &cobra.Command{
		Use:   "adr CATEGORY|stack [answer flags]",
		Short: i18n.T(g.ui, "help.adr.short"),
		Long:  i18n.T(g.ui, "help.adr.long"),
		Example: `  stackadvisor adr sandbox --tenancy untrusted -o docs/adr/0001-sandbox.md
  stackadvisor adr stack --categories engine,orchestrator,sandbox --environment edge -o docs/adr/0002-stack.md
  stackadvisor adr gpu --domestic --priorities autonomy --lang zh --date 2026-11-24`,
		Args:              argsOf(1, 1, "category", "'stackadvisor list' shows the categories"),
		ValidArgsFunction: categoryCompletion(s, g, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, b, err := browseSetup(cmd, s, g, &out)
			if err != nil {
				return err
			}
			stack := args[0] == "stack"
			var cat *knowledge.Category
			if !stack {
				if cat, err = findCategory(b, args[0]); err != nil {
					return err
				}
			}
			if date != "" {
				if _, err := time.Parse("2006-01-02", date); err != nil || !dateRe().MatchString(date) {
					return usageErrorf("--date %q is not a date; use YYYY-MM-DD", date)
				}
			}
			answers.base = b
			given, err := answers.given(cmd)
			if err != nil {
				return err
			}
			if !stack {
				if cmd.Flags().Changed(knowledge.QCategories) && !slices.Contains(given[knowledge.QCategories].List, cat.ID) {
					return usageErrorf("--categories does not include %s, the category of the record", cat.ID)
				}
				given[knowledge.QCategories] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{cat.ID}}
			}
			res, err := engine.Run(b, given)
			if err != nil {
				return usageErrorf("%w", err)
			}
			if stack && len(res.Categories) < 2 {
				return usageErrorf("a stack record needs two or more categories; give them with --categories (e.g. --categories engine,orchestrator,sandbox)")
			}
			opts := report.Options{Lang: lang, ToolVersion: ToolVersion()}
			if !stack {
				opts.WhatIf = engine.WhatIf(b, given, res)
			}
			rep := report.Build(b, res, opts)
			command := EquivalentCommand(b, given)
			if !stack && !strings.Contains(command, "--categories") {
				command += " --categories=" + cat.ID
			}
			for _, p := range g.rulesLayers(s) {
				command += " --rules " + shellQuote(p)
			}
			var text string
			if stack {
				text, err = report.StackADR(b, rep, report.ADROptions{Command: command, Date: date})
			} else {
				text, err = report.ADR(b, rep, cat.ID, report.ADROptions{Command: command, Date: date})
			}
			if err != nil {
				return failuref("%w", err)
			}
			if !toStdout(out.output) {
				dir := filepath.Dir(outfile.Target(out.output)) // through a symlink, its target's folder
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return failuref("cannot create %s: %v", dir, unwrapPathError(err))
				}
			}
			doc := map[string]string{"category": args[0], "markdown": text}
			return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
				_, err := io.WriteString(w, text)
				return err
			})
		},
	}
	answers = addAnswerFlags(cmd, g)
	addOutputFlags(cmd, g, &out, "markdown", "json")
	cmd.Flags().StringVar(&date, "date", "", i18n.T(g.ui, "flag.date"))
	return cmd
}
