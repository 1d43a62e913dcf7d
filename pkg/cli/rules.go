package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func newRulesCmd(s *Streams, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Work with rule files",
		Args:  noArgs,
	}
	cmd.AddCommand(newRulesValidateCmd(s, g))
	return cmd
}

// validation is the document of `rules validate -f json`.
type validation struct {
	Valid    bool           `json:"valid" yaml:"valid"`
	Files    []string       `json:"files" yaml:"files"`
	Problems []problemEntry `json:"problems" yaml:"problems"`
	// Notes are remarks that do not make the files invalid (a text without Chinese).
	Notes []problemEntry `json:"notes" yaml:"notes"`
}

type problemEntry struct {
	File    string `json:"file" yaml:"file"`
	Line    int    `json:"line" yaml:"line"`
	Col     int    `json:"col" yaml:"col"`
	Message string `json:"message" yaml:"message"`
}

func newRulesValidateCmd(s *Streams, g *globalOptions) *cobra.Command {
	var out outputOptions
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check rule files: one file:line:col: message per problem",
		Long: `Check rule files as stackadvisor loads them: each PATH (a directory of *.yaml files or a
file) is an overlay on the embedded base, in the order given, like --rules. Without PATH the
embedded base is checked. Every problem is printed as file:line:col: message; the exit code is
2 when there is any. Notes (an overlay's text without Chinese, which falls back to English)
are printed as file:line:col: note: message and do not fail the check. -f json gives
{"valid", "files", "problems": [{file, line, col, message}], "notes": [...]} for editors and CI.`,
		Example: `  stackadvisor rules validate
  stackadvisor rules validate ./org-rules
  stackadvisor rules validate ./org-rules -f json --jq '.problems[].message'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.check(cmd); err != nil {
				return err
			}
			embedded, err := knowledge.EmbeddedFiles()
			if err != nil {
				return failuref("%v", err)
			}
			layers := [][]knowledge.File{embedded}
			doc := validation{Problems: []problemEntry{}, Notes: []problemEntry{}}
			for _, p := range append(g.rulesLayers(s), args...) {
				files, err := readRules(p)
				if err != nil {
					return usageErrorf("%v", err)
				}
				layers = append(layers, files)
			}
			for _, l := range layers {
				for _, f := range l {
					doc.Files = append(doc.Files, f.Name)
				}
			}
			b, err := knowledge.LoadLayers(layers...)
			var probs knowledge.Problems
			if err != nil && !errors.As(err, &probs) {
				return failuref("%v", err)
			}
			for _, p := range probs {
				doc.Problems = append(doc.Problems, problemEntry{File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Message: p.Msg})
			}
			var notes knowledge.Problems
			if b != nil {
				notes = b.Notes
			}
			for _, p := range notes {
				doc.Notes = append(doc.Notes, problemEntry{File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Message: p.Msg})
			}
			doc.Valid = len(probs) == 0
			if err := emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
				for _, p := range notes {
					if _, err := fmt.Fprintf(w, "%s: note: %s\n", p.Pos, p.Msg); err != nil {
						return err
					}
				}
				if doc.Valid {
					format := "%d rule files, no problems.\n"
					if lang, err := g.resolveLang(s); err == nil && lang == "zh" {
						format = "%d 个规则文件，没有问题。\n"
					}
					_, err := fmt.Fprintf(w, format, len(doc.Files))
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
				noun := "problems"
				if len(probs) == 1 {
					noun = "problem"
				}
				return fileErrorf("the rule files have %d %s", len(probs), noun)
			}
			return nil
		},
	}
	addOutputFlags(cmd, &out, "table", "json", "yaml")
	return cmd
}
