package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/record"
	"github.com/stackadvisor/stackadvisor/pkg/scenario"
	"github.com/stackadvisor/stackadvisor/rules"
)

func newRulesCmd(s *Streams, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: i18n.T(g.ui, "help.rules.short"),
		Args:  noArgs,
	}
	cmd.AddCommand(newRulesValidateCmd(s, g), newRulesTestCmd(s, g), newRulesExportCmd(s, g), newRulesChangelogCmd(s, g))
	return cmd
}

func newRulesExportCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &rulesExportOptions{streams: s, global: g}
	return &cobra.Command{
		Use:     "export DIR",
		Short:   i18n.T(g.ui, "help.rules.export.short"),
		Long:    i18n.T(g.ui, "help.rules.export.long"),
		Example: "  stackadvisor rules export ./base-rules\n  grep -n 'id: security' ./base-rules/sandbox.yaml",
		Args:    argsOf(1, 1, "err.what-directory", "err.hint-export"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
}

// rulesExportOptions holds the streams and flags of 'stackadvisor rules export'; run does its work.
type rulesExportOptions struct {
	streams *Streams
	global  *globalOptions
}

func (o *rulesExportOptions) run(cmd *cobra.Command, args []string) error {
	s, g := o.streams, o.global
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		return failuref("%w", err)
	}
	dir := args[0]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failureMsg("err.cannot-create", withPath(dir, err))
	}
	for _, f := range files {
		if err := writeFile(cmd.Context(), s, filepath.Join(dir, filepath.Base(f.Name)), f.Data); err != nil {
			return err
		}
	}
	lang, _ := g.resolveLang(s)
	fmt.Fprintln(s.Err, i18n.Tf(lang, "cli.exported", len(files), dir))
	return nil
}

// testRun is the document of `rules test -f json`.
type testRun struct {
	Passed    int          `json:"passed" yaml:"passed"`
	Failed    int          `json:"failed" yaml:"failed"`
	Scenarios []testResult `json:"scenarios" yaml:"scenarios"`
}

type testResult struct {
	File     string   `json:"file" yaml:"file"`
	Name     string   `json:"name" yaml:"name"`
	Passed   bool     `json:"passed" yaml:"passed"`
	Failures []string `json:"failures" yaml:"failures"`
}

func newRulesTestCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &rulesTestOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "test PATH...",
		Short: i18n.T(g.ui, "help.rules.test.short"),
		Long:  i18n.T(g.ui, "help.rules.test.long"),
		Example: `  stackadvisor rules test --rules ./org-rules ./org-rules/tests
  stackadvisor rules test --rules testdata/org-policy testdata/org-policy/tests -f json`,
		Args: argsOf(1, -1, "err.what-scenarios", "err.hint-scenarios"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// rulesTestOptions holds the streams and flags of 'stackadvisor rules test'; run does its work.
type rulesTestOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *rulesTestOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out := o.streams, o.global, o.out
	if err := out.check(cmd); err != nil {
		return err
	}
	lang, err := g.resolveLang(s)
	if err != nil {
		return err
	}
	var scenarios []*scenario.Scenario
	var bad []string
	for _, p := range args {
		files, err := readYAMLFiles(p, p, "", "scenarios", "scenario")
		if err != nil {
			return usageErrorf("%w", err)
		}
		for _, f := range files {
			sc, err := scenario.Parse(f.Name, f.Data)
			if err != nil {
				bad = append(bad, err.Error())
				continue
			}
			scenarios = append(scenarios, sc)
		}
	}
	if len(bad) > 0 {
		return fileErrorf("cannot read the scenarios:\n%s", strings.Join(bad, "\n"))
	}
	b, err := g.loadBase(s)
	if err != nil {
		return err
	}
	for _, sc := range scenarios { // answers that do not fit the questions: a broken file, not a failed test
		if _, err := sc.Given(b); err != nil {
			bad = append(bad, err.Error())
		}
	}
	if len(bad) > 0 {
		return fileErrorf("cannot read the scenarios:\n%s", strings.Join(bad, "\n"))
	}
	doc := testRun{Scenarios: []testResult{}}
	for _, sc := range scenarios {
		r := scenario.Run(b, sc)
		tr := testResult{File: sc.File, Name: sc.Name, Passed: r.Passed(), Failures: r.Failures}
		if tr.Failures == nil {
			tr.Failures = []string{}
		}
		if tr.Passed {
			doc.Passed++
		} else {
			doc.Failed++
		}
		doc.Scenarios = append(doc.Scenarios, tr)
	}
	if err := emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
		return writeTestRun(w, doc, i18n.For(lang))
	}); err != nil {
		return err
	}
	if doc.Failed > 0 {
		return &ExitError{Code: ExitFailure, Err: i18n.Errorf("err.scenarios-failed", doc.Failed, len(doc.Scenarios)), NoHint: true}
	}
	return nil
}

func writeTestRun(w io.Writer, doc testRun, loc i18n.Localizer) error {
	var sb strings.Builder
	for _, r := range doc.Scenarios {
		status := "PASS"
		if !r.Passed {
			status = "FAIL"
		}
		// A scenario's file name, name and what its failures quote are anyone's text: no
		// control character reaches the terminal (a carriage return could make FAIL read PASS).
		fmt.Fprintf(&sb, "%s  %s  %s\n", status, safefile.Printable(r.File), safefile.Printable(r.Name))
		for _, f := range r.Failures {
			lines := strings.Split(f, "\n")
			for i := range lines {
				lines[i] = safefile.Printable(lines[i])
			}
			fmt.Fprintf(&sb, "      %s\n", strings.Join(lines, "\n        "))
		}
	}
	key := "cli.test-summary"
	if len(doc.Scenarios) == 1 {
		key = "cli.test-summary-one"
	}
	sb.WriteString(loc.Tf(key, len(doc.Scenarios), doc.Passed, doc.Failed) + "\n")
	_, err := io.WriteString(w, sb.String())
	return err
}

// validation is the document of `rules validate -f json`.
type validation struct {
	Valid    bool           `json:"valid" yaml:"valid"`
	Files    []string       `json:"files" yaml:"files"`
	Problems []problemEntry `json:"problems" yaml:"problems"`
	// MoreProblems counts the problems past the first limits.Problems, which are not listed.
	MoreProblems int `json:"more_problems,omitempty" yaml:"more_problems,omitempty"`
	// Notes are remarks that do not make the files invalid (a text without Chinese).
	Notes     []problemEntry `json:"notes" yaml:"notes"`
	MoreNotes int            `json:"more_notes,omitempty" yaml:"more_notes,omitempty"`
}

type problemEntry struct {
	File    string `json:"file" yaml:"file"`
	Line    int    `json:"line" yaml:"line"`
	Col     int    `json:"col" yaml:"col"`
	Message string `json:"message" yaml:"message"`
}

func newRulesValidateCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &rulesValidateOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: i18n.T(g.ui, "help.rules.validate.short"),
		Long:  i18n.T(g.ui, "help.rules.validate.long"),
		Example: `  stackadvisor rules validate
  stackadvisor rules validate ./org-rules
  stackadvisor rules validate ./org-rules -f json --jq '.problems[].message'`,
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// rulesValidateOptions holds the streams and flags of 'stackadvisor rules validate'; run does its work.
type rulesValidateOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *rulesValidateOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out := o.streams, o.global, o.out
	if err := out.check(cmd); err != nil {
		return err
	}
	layers, err := g.ruleLayers(s, args...)
	if err != nil {
		return err
	}
	doc := validation{Problems: []problemEntry{}, Notes: []problemEntry{}}
	for _, l := range layers {
		for _, f := range l {
			doc.Files = append(doc.Files, f.Name)
		}
	}
	b, err := knowledge.LoadLayers(layers...)
	var probs knowledge.Problems
	if err != nil && !errors.As(err, &probs) {
		return failuref("%w", err)
	}
	for _, p := range probs {
		if p.More > 0 {
			doc.MoreProblems = p.More
			continue
		}
		doc.Problems = append(doc.Problems, problemEntry{File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Message: p.Msg})
	}
	var notes knowledge.Problems
	if b != nil {
		notes = append(notes, b.Notes...)
		notes = append(notes, staleFactNotes(b, today())...)
	}
	for _, p := range notes {
		if p.More > 0 {
			doc.MoreNotes = p.More
			continue
		}
		doc.Notes = append(doc.Notes, problemEntry{File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Message: p.Msg})
	}
	doc.Valid = len(probs) == 0
	if err := emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
		for _, p := range notes {
			if p.More > 0 {
				_, err := fmt.Fprintln(w, p.String())
				if err != nil {
					return err
				}
				continue
			}
			if _, err := fmt.Fprintf(w, "%s: note: %s\n", p.Pos, p.Msg); err != nil {
				return err
			}
		}
		if doc.Valid {
			lang, _ := g.resolveLang(s)
			// The organisation's files are what was asked about; the built-in ones come with them.
			msg := i18n.Tf(lang, "cli.validate-ok", len(doc.Files))
			if own := len(doc.Files) - len(layers[0]); len(layers) > 1 {
				key := "cli.validate-ok-overlay"
				if own == 1 {
					key = "cli.validate-ok-overlay-one"
				}
				msg = i18n.Tf(lang, key, own, len(layers[0]))
			}
			_, err := fmt.Fprintln(w, msg)
			return err
		}
		for _, p := range probs {
			if _, err := fmt.Fprintln(w, p.String()); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if !doc.Valid {
		if probs.Total() == 1 {
			return fileMsg("err.rule-files-problem")
		}
		return fileMsg("err.rule-files-problems", probs.Total())
	}
	return nil
}

// changelogDoc is the document of `rules changelog -f json`.
type changelogDoc struct {
	Version string         `json:"version" yaml:"version"`
	AsOf    string         `json:"as_of" yaml:"as_of"`
	Since   string         `json:"since,omitempty" yaml:"since,omitempty"`
	Entries []record.Entry `json:"entries" yaml:"entries"`
}

func newRulesChangelogCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &rulesChangelogOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "changelog",
		Short: i18n.T(g.ui, "help.rules.changelog.short"),
		Long:  i18n.T(g.ui, "help.rules.changelog.long"),
		Example: `  stackadvisor rules changelog
  stackadvisor rules changelog --since 2026.12.03
  stackadvisor rules changelog -f json --jq '.entries[] | select(.kind == "Figures corrected") | .text'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	cmd.Flags().StringVar(&opts.since, "since", "", i18n.T(g.ui, "flag.changelog-since"))
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// rulesChangelogOptions holds the streams and flags of 'stackadvisor rules changelog'; run does its work.
type rulesChangelogOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
	since   string
}

func (o *rulesChangelogOptions) run(cmd *cobra.Command, _ []string) error {
	s, g, out, since := o.streams, o.global, o.out, o.since
	if err := out.check(cmd); err != nil {
		return err
	}
	log, err := record.ParseChangelog(rules.Changelog)
	if err != nil {
		return failuref("the embedded changelog: %w", err)
	}
	b, err := knowledge.Embedded()
	if err != nil {
		return failuref("%w", err)
	}
	doc := changelogDoc{Version: b.Version, AsOf: b.AsOf, Since: since, Entries: log}
	if since != "" {
		known := false
		versions := []string{}
		for _, e := range log {
			if len(versions) == 0 || versions[len(versions)-1] != e.Version {
				versions = append(versions, e.Version)
			}
			known = known || e.Version == since
		}
		if !known {
			return usageMsg("err.since", since, strings.Join(versions, ", "))
		}
		doc.Entries = record.Between(log, since, b.Version)
	}
	if doc.Entries == nil {
		doc.Entries = []record.Entry{}
	}
	return emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
		if since == "" {
			_, err := io.WriteString(w, rules.Changelog)
			return err
		}
		lang, _ := g.resolveLang(s)
		if len(doc.Entries) == 0 {
			_, err := fmt.Fprintln(w, i18n.Tf(lang, "cli.changelog-none", since))
			return err
		}
		version, kind := "", ""
		for _, e := range doc.Entries {
			if e.Version != version {
				if version != "" {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "## %s\n", e.Version)
				version, kind = e.Version, ""
			}
			if e.Kind != kind {
				fmt.Fprintf(w, "\n### %s\n", e.Kind)
				kind = e.Kind
			}
			if _, err := fmt.Fprintf(w, "- %s\n", e.Text); err != nil {
				return err
			}
		}
		return nil
	})
}

// staleFactNotes notes the facts last checked more than a year before today: each fact of an
// overlay by name, the embedded base's in one line (a newer stackadvisor brings newer ones).
func staleFactNotes(b *knowledge.Base, today time.Time) knowledge.Problems {
	embedded := map[string]bool{}
	if files, err := knowledge.EmbeddedFiles(); err == nil {
		for _, f := range files {
			embedded[f.Name] = true
		}
	}
	var out knowledge.Problems
	var base []*knowledge.Fact
	for _, f := range b.StaleFacts(today) {
		if embedded[f.Pos.File] {
			base = append(base, f)
			continue
		}
		out = append(out, knowledge.Problem{Pos: f.Pos, Msg: fmt.Sprintf("fact %q was last checked on %s, over a year ago: check it against its source and update checked", f.ID, f.Checked)})
	}
	if len(base) > 0 {
		out = append(out, knowledge.Problem{Pos: base[0].Pos, Msg: fmt.Sprintf("%d facts of the embedded knowledge base were last checked over a year ago (the oldest, %q, on %s); a newer stackadvisor brings a newer base", len(base), base[0].ID, base[0].Checked)})
	}
	return out
}
