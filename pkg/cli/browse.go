package cli

import (
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

func newCompareCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &compareOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "compare ID ID...",
		Short: i18n.T(g.ui, "help.compare.short"),
		Example: `  stackadvisor compare kata gvisor firecracker
  stackadvisor compare nvidia-h20 huawei-ascend --lang zh
  stackadvisor compare docker podman -f json`,
		Args:              argsOf(2, -1, "err.what-candidates", "err.hint-list"),
		ValidArgsFunction: candidateCompletion(s, g, true),
		RunE:              func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// compareOptions holds the streams and flags of 'stackadvisor compare'; run does its work.
type compareOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *compareOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out := o.streams, o.global, o.out
	lang, b, err := browseSetup(cmd, s, g, &out)
	if err != nil {
		return err
	}
	var cands []*knowledge.Candidate
	for _, id := range args {
		c, err := findCandidate(b, id)
		if err != nil {
			return err
		}
		if len(cands) > 0 && c.Category != cands[0].Category {
			return usageMsg("err.compare-categories", cands[0].ID, cands[0].Category, c.ID, c.Category)
		}
		for _, prev := range cands {
			if prev == c {
				return usageMsg("err.named-twice", c.ID)
			}
		}
		cands = append(cands, c)
	}
	doc := report.BuildComparison(b, b.Category(cands[0].Category), cands)
	doc.Localize(lang)
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, width int) error {
		_, err := io.WriteString(w, report.ComparisonTable(doc, width, false))
		return err
	})
}

func newShowCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &showOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:               "show ID",
		Short:             i18n.T(g.ui, "help.show.short"),
		Example:           "  stackadvisor show moore-threads-mtt\n  stackadvisor show podman-farm -f json",
		Args:              argsOf(1, 1, "err.what-candidate", "err.hint-list"),
		ValidArgsFunction: candidateCompletion(s, g, false),
		RunE:              func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// showOptions holds the streams and flags of 'stackadvisor show'; run does its work.
type showOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *showOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out := o.streams, o.global, o.out
	lang, b, err := browseSetup(cmd, s, g, &out)
	if err != nil {
		return err
	}
	c, err := findCandidate(b, args[0])
	if err != nil {
		return err
	}
	doc := report.BuildComparison(b, b.Category(c.Category), []*knowledge.Candidate{c})
	doc.Localize(lang)
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, width int) error {
		text := report.ComparisonTable(doc, width, true)
		if cs := doc.Candidates[0].Corrections; len(cs) > 0 {
			text += report.CorrectionsText(cs, i18n.For(lang), width)
		}
		_, err := io.WriteString(w, text)
		return err
	})
}

func newListCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &listOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:               "list [CATEGORY]",
		Short:             i18n.T(g.ui, "help.list.short"),
		Example:           "  stackadvisor list\n  stackadvisor list sandbox\n  stackadvisor list --jq '.categories[].candidates[].id'",
		Args:              argsOf(0, 1, "err.what-category", "err.hint-list-all"),
		ValidArgsFunction: categoryCompletion(s, g, false),
		RunE:              func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// listOptions holds the streams and flags of 'stackadvisor list'; run does its work.
type listOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *listOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out := o.streams, o.global, o.out
	lang, b, err := browseSetup(cmd, s, g, &out)
	if err != nil {
		return err
	}
	cats := b.Categories
	if len(args) == 1 {
		c, err := findCategory(b, args[0])
		if err != nil {
			return err
		}
		cats = []*knowledge.Category{c}
	}
	doc := report.BuildListing(cats)
	doc.Localize(lang)
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, width int) error {
		_, err := io.WriteString(w, report.ListingTable(doc, width))
		return err
	})
}

// questionDoc is one question as `stackadvisor questions -f json` prints it.
type questionDoc struct {
	ID       string      `json:"id" yaml:"id"`
	Flag     string      `json:"flag" yaml:"flag"`
	Type     string      `json:"type" yaml:"type"`
	Topic    string      `json:"topic" yaml:"topic"`
	Values   []choiceDoc `json:"values,omitempty" yaml:"values,omitempty"`
	Default  any         `json:"default" yaml:"default"`
	Min      *int        `json:"min,omitempty" yaml:"min,omitempty"`
	Max      *int        `json:"max,omitempty" yaml:"max,omitempty"`
	Label    string      `json:"label" yaml:"label"`
	Help     string      `json:"help" yaml:"help"`
	Defaults []string    `json:"default_note,omitempty" yaml:"default_note,omitempty"`
}

type choiceDoc struct {
	ID    string `json:"id" yaml:"id"`
	Label string `json:"label" yaml:"label"`
}

func newQuestionsCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &questionsOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:     "questions",
		Short:   i18n.T(g.ui, "help.questions.short"),
		Example: "  stackadvisor questions\n  stackadvisor questions -f json --jq '.[].flag'",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// questionsOptions holds the streams and flags of 'stackadvisor questions'; run does its work.
type questionsOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *questionsOptions) run(cmd *cobra.Command, _ []string) error {
	s, g, out := o.streams, o.global, o.out
	lang, b, err := browseSetup(cmd, s, g, &out)
	if err != nil {
		return err
	}
	var docs []questionDoc
	for _, q := range b.Questions {
		d := questionDoc{ID: q.ID, Flag: "--" + q.ID, Type: q.Type, Topic: q.Topic, Default: q.DefaultValue.Any(),
			Min: q.Min, Max: q.Max, Label: q.Label.In(lang), Help: q.Help.In(lang)}
		for _, c := range q.Values {
			d.Values = append(d.Values, choiceDoc{ID: c.ID, Label: c.Label.In(lang)})
		}
		for _, da := range q.DefaultAdd {
			d.Defaults = append(d.Defaults, i18n.Tf(lang, "cli.default-add", da.When.Text(i18n.For(lang)), strings.Join(da.Add, i18n.T(lang, "cli.values-sep"))))
		}
		docs = append(docs, d)
	}
	return emit(cmd.Context(), s, g, &out, docs, func(w io.Writer, width int) error {
		head := map[string][]string{
			"en": {"flag", "type", "values", "default", "question"},
			"zh": {"参数", "类型", "可选值", "默认值", "问题"},
		}
		grid := [][]string{head[lang]}
		for i, d := range docs {
			vals := make([]string, len(d.Values))
			for i, v := range d.Values {
				vals[i] = v.ID
			}
			// The default as a value: a list comma-separated, an empty one as "none".
			def := b.Questions[i].DefaultValue.String()
			if dv := b.Questions[i].DefaultValue; dv.Type == knowledge.TypeMulti {
				def = strings.Join(dv.List, ", ")
			}
			if def == "" {
				def = i18n.T(lang, "cli.none")
			}
			if dv := b.Questions[i].DefaultValue; dv.Type == knowledge.TypeBool && lang == "zh" { // English keeps true/false, as the flag takes it
				def = i18n.T(lang, map[bool]string{true: "report.yes", false: "report.no"}[dv.Bool])
			}
			if len(d.Defaults) > 0 {
				def += i18n.T(lang, "cli.defaults-lead") + strings.Join(d.Defaults, i18n.T(lang, "cli.defaults-sep"))
			}
			grid = append(grid, []string{d.Flag, d.Type, strings.Join(vals, ", "), def, d.Label})
		}
		report.FitCells(grid, width)
		t := table.New().Border(lipgloss.RoundedBorder()).Headers(grid[0]...).Rows(grid[1:]...).
			StyleFunc(func(row, _ int) lipgloss.Style {
				st := lipgloss.NewStyle().Padding(0, 1)
				if row == table.HeaderRow {
					st = st.Bold(true)
				}
				return st
			})
		_, err := io.WriteString(w, t.Render()+"\n")
		return err
	})
}

// browseSetup resolves the language, checks the output flags and loads the rules.
func browseSetup(cmd *cobra.Command, s *Streams, g *globalOptions, out *outputOptions) (string, *knowledge.Base, error) {
	lang, err := g.resolveLang(s)
	if err != nil {
		return "", nil, err
	}
	if err := out.check(cmd); err != nil {
		return "", nil, err
	}
	b, err := g.loadBase(s)
	return lang, b, err
}

// findCategory returns a category or a usage error that lists the categories.
func findCategory(b *knowledge.Base, id string) (*knowledge.Category, error) {
	if c := b.Category(id); c != nil {
		return c, nil
	}
	ids := make([]string, len(b.Categories))
	for i, c := range b.Categories {
		ids[i] = c.ID
	}
	return nil, usageMsg("err.unknown-category", id, strings.Join(ids, ", "))
}

// categoryCompletion completes the one category argument of list and adr (adr also takes
// "stack": withStack).
func categoryCompletion(s *Streams, g *globalOptions, withStack bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		b, err := g.completionBase(s)
		if err != nil || len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lang := g.completionLang(s)
		var ids []cobra.Completion
		for _, c := range b.Categories {
			ids = append(ids, cobra.CompletionWithDesc(c.ID, c.Title.In(lang)))
		}
		if withStack {
			ids = append(ids, cobra.CompletionWithDesc("stack", i18n.T(lang, "stack.title")))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}

// completionBase is the base a command would use, overlays included. Completion must not
// fail the shell over an overlay that does not load: the command itself reports that, so
// completion falls back to the embedded base.
func (g *globalOptions) completionBase(s *Streams) (*knowledge.Base, error) {
	if b, err := g.loadBase(s); err == nil {
		return b, nil
	}
	return readEmbeddedBase()
}

// completionLang is the language for completion descriptions; English when --lang is not one
// the tool knows.
func (g *globalOptions) completionLang(s *Streams) string {
	lang, err := g.resolveLang(s)
	if err != nil {
		return "en"
	}
	return lang
}
