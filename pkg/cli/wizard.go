package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
	"github.com/stackadvisor/stackadvisor/pkg/wizard"
)

type wizardOptions struct {
	streams     *Streams
	global      *globalOptions
	out         outputOptions
	answersFile string
	save        string
	accessible  bool
	whatIf      bool
	details     bool
	detect      bool
	robust      *robustFlags
	robustOpts  engine.RobustOptions
}

func newWizardCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &wizardOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "wizard [flags]",
		Short: i18n.T(g.ui, "help.wizard.short"),
		Long:  i18n.T(g.ui, "help.wizard.long"),
		Example: `  stackadvisor wizard
  stackadvisor wizard --lang zh
  stackadvisor wizard --answers answers.yaml --save answers.yaml -f json -o report.json
  printf '\n\n' | stackadvisor wizard --accessible`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.out.check(cmd); err != nil {
				return err
			}
			var err error
			if opts.robustOpts, err = opts.robust.options(cmd); err != nil {
				return err
			}
			return opts.run(cmd.Context())
		},
	}
	addOutputFlags(cmd, g, &opts.out, report.Formats...)
	f := cmd.Flags()
	f.StringVar(&opts.answersFile, "answers", "", i18n.T(g.ui, "flag.wizard.answers"))
	f.StringVar(&opts.save, "save", "", i18n.T(g.ui, "flag.save"))
	f.BoolVar(&opts.whatIf, "what-if", false, i18n.T(g.ui, "flag.what-if"))
	f.BoolVar(&opts.details, "details", false, i18n.T(g.ui, "flag.details"))
	f.BoolVar(&opts.detect, "detect", false, i18n.T(g.ui, "flag.wizard.detect"))
	f.BoolVar(&opts.accessible, "accessible", false, i18n.T(g.ui, "flag.accessible"))
	opts.robust = addRobustFlags(cmd, g)
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	_ = cmd.MarkFlagFilename("save", "yaml", "yml", "json")
	return cmd
}

// lineModeReason is the message key of why the full-screen form cannot be drawn on the
// terminal of standard error: TERM says it cannot move the cursor (dumb, or unset outside
// Windows, whose console needs no TERM), or the terminal's size cannot be read. "" when the
// form can be drawn.
func lineModeReason(s *Streams) string {
	switch t := s.Getenv("TERM"); {
	case t == "dumb":
		return "cli.term-dumb"
	case t == "" && runtime.GOOS != "windows":
		return "cli.term-unset"
	}
	if ok, w := s.terminal(s.Err); ok && w <= 0 {
		return "cli.term-no-size"
	}
	return ""
}

// isTerminal reports whether x, one of the streams, is a terminal.
func (s *Streams) isTerminal(x any) bool {
	ok, _ := s.terminal(x)
	return ok
}

func (o *wizardOptions) run(ctx context.Context) error {
	s := o.streams
	base, err := o.global.loadBase(s)
	if err != nil {
		return err
	}
	lang, err := o.global.resolveLang(s)
	if err != nil {
		return err
	}
	prefill := knowledge.Answers{}
	if o.answersFile != "" {
		if prefill, err = readAnswersFile(base, o.answersFile, nil); err != nil {
			return err
		}
	}
	accessible := o.accessible || s.Getenv("ACCESSIBLE") != ""
	if !accessible && !(s.isTerminal(s.In) && s.isTerminal(s.Err)) {
		which := "standard input"
		if s.isTerminal(s.In) {
			which = "standard error" // the form draws there, to keep standard output clean
		}
		return usageNoHintf("the wizard needs a terminal on standard input and standard error, and %s is not one; pass the answers as flags to 'stackadvisor recommend', or run 'stackadvisor wizard --accessible' to answer line by line.", which)
	}
	if !accessible {
		// A terminal the form cannot drive gets the tool's own line-by-line wizard, in the
		// chosen language, rather than the form library's English fallback.
		if why := lineModeReason(s); why != "" {
			accessible = true
			fmt.Fprintln(s.Err, i18n.Tf(lang, "cli.wizard-line-mode", i18n.T(lang, why)))
		}
	}
	// Where the answers and the report will go is checked before the questions are asked, so
	// no answers are lost to a mistyped directory at the end.
	if o.save == "-" || (o.save != "" && toStdout(o.save)) {
		return usageMsg("err.save-stdout", o.save)
	}
	if o.save != "" && o.out.output != "" && sameFile(o.save, o.out.output) {
		return usageMsg("err.save-same", o.save)
	}
	for _, path := range []string{o.out.output, o.save} {
		if path != "" {
			if err := checkWritable(path); err != nil {
				return failuref("%w", err)
			}
		}
	}
	var ro runOptions
	ro.whatIf, ro.robust, ro.details = o.whatIf, o.robustOpts, o.details
	if o.detect {
		ro.detected, ro.notes = applyDetected(base, prefill, probeRoot(s, i18n.For(lang)))
	}
	w, err := wizard.New(base, i18n.For(lang), prefill)
	if err != nil {
		return usageErrorf("%w", err)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	given, err := w.Run(ctx, wizard.Options{
		In: s.In, Out: s.Err, Accessible: accessible, Width: outputWidth(s, true),
		NoColor: o.global.noColor || s.Getenv("NO_COLOR") != "",
	})
	if errors.Is(err, wizard.ErrAborted) {
		return &ExitError{Code: ExitInterrupted, Err: i18n.Errorf("err.interrupted")}
	}
	if err != nil {
		return failuref("the wizard failed: %w", err)
	}
	if o.save != "" {
		if err := saveAnswers(ctx, s, base, given, o.save); err != nil {
			return err
		}
	}
	runErr := recommendAndWrite(ctx, s, o.global, base, given, i18n.For(lang), &o.out, ro)
	var ee *ExitError
	if runErr != nil && !(errors.As(runErr, &ee) && ee.Code == ExitNoCandidate) {
		return runErr
	}
	command := EquivalentCommand(base, given)
	for _, p := range o.global.rulesLayers(s) {
		command += " --rules " + shellQuote(p)
	}
	if o.global.lang != "" {
		command += " --lang " + o.global.lang
	}
	fmt.Fprintf(s.Err, "\n%s\n  %s\n", i18n.T(lang, "cli.equivalent"), command)
	return runErr
}

// readAnswersFile reads and checks an answers file; every problem is a usage error. Standard
// input named explicitly (/dev/stdin) is read from stdin when that is given (not in the
// wizard, which reads its answers there), with the same size limit as a file.
func readAnswersFile(b *knowledge.Base, path string, stdin io.Reader) (knowledge.Answers, error) {
	var data []byte
	var err error
	if stdin != nil && isStdinName(path) {
		data, err = safefile.ReadAll(stdin, 0, limits.FileBytes)
	} else {
		data, err = readUserFile(path, limits.FileBytes)
	}
	if err != nil {
		return nil, usageMsg("err.answers-unreadable", unwrapPathError(err))
	}
	answers, err := b.ParseAnswers(path, data)
	if err != nil {
		var probs knowledge.Problems
		if errors.As(err, &probs) && probs.Total() == 1 {
			return nil, fileMsg("err.bad-answers", err)
		}
		return nil, fileMsg("err.bad-answers-many", err)
	}
	return answers, nil
}

// saveAnswers writes the answers, in question order, as an answers file.
func saveAnswers(ctx context.Context, s *Streams, b *knowledge.Base, given knowledge.Answers, path string) error {
	var list report.AnswerList
	for _, q := range b.Questions {
		if v, ok := given[q.ID]; ok {
			list = append(list, report.Answer{ID: q.ID, Value: v})
		}
	}
	var buf bytes.Buffer
	// The format the file's name says: JSON for .json (which has no comments), YAML otherwise.
	if strings.EqualFold(filepath.Ext(path), ".json") {
		if err := report.WriteJSON(&buf, list); err != nil {
			return failuref("cannot encode the answers: %w", err)
		}
		return writeFile(ctx, s, path, buf.Bytes())
	}
	buf.WriteString("# stackadvisor answers: stackadvisor recommend --answers " + path + "\n")
	if err := report.WriteYAML(&buf, list); err != nil {
		return failuref("cannot encode the answers: %w", err)
	}
	return writeFile(ctx, s, path, buf.Bytes())
}

// EquivalentCommand is the shortest recommend command line that gives the same answers: it
// names only the answers that differ from what the defaults would give.
func EquivalentCommand(b *knowledge.Base, given knowledge.Answers) string {
	full, err := b.Resolve(given)
	if err != nil {
		return "stackadvisor recommend"
	}
	parts := []string{"stackadvisor", "recommend"}
	for _, q := range b.Questions {
		v, ok := given[q.ID]
		if !ok {
			continue
		}
		without := knowledge.Answers{}
		for id, x := range given {
			if id != q.ID {
				without[id] = x
			}
		}
		if d, err := b.Resolve(without); err == nil && d[q.ID].Equal(full[q.ID]) {
			continue
		}
		switch {
		case v.Type == knowledge.TypeBool && v.Bool:
			parts = append(parts, "--"+q.ID)
		case v.Type == knowledge.TypeMulti && len(v.List) == 0:
			parts = append(parts, "--"+q.ID+"=''")
		default:
			parts = append(parts, "--"+q.ID+"="+v.String())
		}
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes a word for a POSIX shell when it needs it.
func shellQuote(w string) string {
	if w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == ':' || r == '=' || r == ',' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
	}) < 0 {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
