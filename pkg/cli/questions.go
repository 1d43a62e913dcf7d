package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// questionFlag is a flag generated from a question. It keeps the raw text and is checked
// after parsing, so every bad value gets the same clear message naming the allowed values.
type questionFlag struct {
	q   *knowledge.Question
	raw []string
}

func (f *questionFlag) String() string { return strings.Join(f.raw, ",") }

func (f *questionFlag) Set(s string) error {
	if f.q.Type == knowledge.TypeMulti {
		f.raw = append(f.raw, s)
	} else {
		f.raw = []string{s}
	}
	return nil
}

func (f *questionFlag) Type() string {
	switch f.q.Type {
	case knowledge.TypeMulti:
		return "list"
	case knowledge.TypeBool:
		return "bool"
	case knowledge.TypeInt:
		return "int"
	}
	return "string"
}

// value checks the raw text against the question.
func (f *questionFlag) value() (knowledge.Value, error) {
	q := f.q
	switch q.Type {
	case knowledge.TypeMulti:
		return q.ParseList(f.raw)
	case knowledge.TypeBool:
		switch strings.ToLower(f.raw[0]) {
		case "true", "yes", "1":
			return knowledge.Value{Type: knowledge.TypeBool, Bool: true}, nil
		case "false", "no", "0":
			return knowledge.Value{Type: knowledge.TypeBool, Bool: false}, nil
		}
		return knowledge.Value{}, fmt.Errorf("%q is not allowed; allowed values: true, false", f.raw[0])
	case knowledge.TypeInt:
		return q.ParseInt(f.raw[0])
	}
	return q.ParseOne(f.raw[0])
}

// answerFlags are the flags of every question plus --answers.
type answerFlags struct {
	global      *globalOptions // its project file's answers come first
	base        *knowledge.Base
	flags       []*questionFlag
	answersFile string
}

// addAnswerFlags registers one flag per question (generated from questions.yaml) and
// --answers, with completion of the allowed values. Only the questions are read here; the
// command loads the base when it runs (and sets af.base). When even the questions cannot be
// read, unknown flags are let through, so that the command reports the load error itself,
// as every command does, instead of an unknown --kvm.
func addAnswerFlags(cmd *cobra.Command, g *globalOptions) *answerFlags {
	af := &answerFlags{global: g}
	fs := cmd.Flags()
	lang := g.ui
	questions, err := g.embeddedQuestions()
	if err != nil {
		cmd.FParseErrWhitelist.UnknownFlags = true
	}
	for _, q := range questions {
		f := &questionFlag{q: q}
		af.flags = append(af.flags, f)
		fs.Var(f, q.ID, flagUsage(q, i18n.For(lang)))
		if q.Type == knowledge.TypeBool {
			fs.Lookup(q.ID).NoOptDefVal = "true"
		}
		if q.Type == knowledge.TypeMulti {
			_ = cmd.RegisterFlagCompletionFunc(q.ID, listCompletion(q.ValueIDs()))
		} else if ids := q.ValueIDs(); len(ids) > 0 {
			_ = cmd.RegisterFlagCompletionFunc(q.ID, fixedCompletion(ids...))
		} else if q.Type == knowledge.TypeBool {
			_ = cmd.RegisterFlagCompletionFunc(q.ID, fixedCompletion("true", "false"))
		} else {
			_ = cmd.RegisterFlagCompletionFunc(q.ID, cobra.NoFileCompletions)
		}
	}
	fs.StringVar(&af.answersFile, "answers", "", i18n.T(lang, "flag.answers"))
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return af
}

// flagUsage is the help line of a question's flag: its label, allowed values and default.
func flagUsage(q *knowledge.Question, loc i18n.Localizer) string {
	var b strings.Builder
	b.WriteString(q.Label.In(loc.Lang))
	switch q.Type {
	// A dash, not parentheses: labels have their own ("How many nodes? (small 2–10, …)").
	case knowledge.TypeOne:
		b.WriteString(loc.Tf("flag.q.one-of", strings.Join(q.ValueIDs(), "|")))
	case knowledge.TypeMulti:
		if q.ValuesFrom != "" { // the candidates: too many to list in a flag's line
			b.WriteString(loc.T("flag.q.candidate-ids"))
			break
		}
		b.WriteString(loc.Tf("flag.q.any-of", strings.Join(q.ValueIDs(), ",")))
		if q.Max != nil {
			b.WriteString(loc.Tf("flag.q.at-most", *q.Max))
		}
	}
	def := q.DefaultValue.String()
	switch {
	case len(q.DefaultAdd) > 0:
		b.WriteString(loc.Tf("flag.q.default-plus", def))
	case q.Type == knowledge.TypeMulti && def == "":
		b.WriteString(loc.T("flag.q.default-none"))
	case q.Type != knowledge.TypeBool:
		b.WriteString(loc.Tf("flag.q.default", def))
	}
	return b.String()
}

// given collects the answers: the answers file first, then the flags that were set.
func (af *answerFlags) given(cmd *cobra.Command) (knowledge.Answers, error) {
	answers := knowledge.Answers{}
	// The project file's answers, then the answers file's, then the flags: each wins over the
	// one before, question by question.
	if af.global != nil {
		c, err := af.global.project()
		if err != nil {
			return nil, err
		}
		projectAnswers, err := c.answersFor(af.base)
		if err != nil {
			return nil, err
		}
		for k, v := range projectAnswers {
			answers[k] = v
		}
	}
	if af.answersFile != "" {
		fileAnswers, err := readAnswersFile(af.base, af.answersFile, cmd.InOrStdin())
		if err != nil {
			return nil, err
		}
		for k, v := range fileAnswers {
			answers[k] = v
		}
	}
	for _, f := range af.flags {
		if !cmd.Flags().Changed(f.q.ID) {
			continue
		}
		if af.base != nil { // the loaded base's question: an overlay's candidates are values of current
			if q := af.base.Question(f.q.ID); q != nil {
				f.q = q
			}
		}
		v, err := f.value()
		if err != nil {
			return nil, usageErrorf("--%s: %w", f.q.ID, err)
		}
		answers[f.q.ID] = v
	}
	return answers, nil
}

// readUserFile reads a file named by the user or found in a folder (an answers file, a
// record): only a regular file (a named pipe, device or socket is a safefile.NotRegularError
// naming it, and is never read, so it cannot block), and no more than limit and one byte, so
// that the reader can tell a file over the limit and say so. A directory is an error, not an
// empty read.
func readUserFile(path string, limit int64) ([]byte, error) {
	return safefile.ReadFile(path, limit)
}

// isStdinName tells whether path names standard input.
func isStdinName(path string) bool {
	switch path {
	case "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0":
		return true
	}
	return false
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return i18n.Errorf("err.path", pe.Path, osReason(pe.Err))
	}
	return err
}

// withPath is err naming the file it is about once: a system error about a path as
// unwrapPathError says it, any other error after path.
func withPath(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return unwrapPathError(err)
	}
	return i18n.Errorf("err.path", path, err)
}

// osReason is why the system refused a file, in the interface's language for the common
// reasons (the system's own words otherwise).
func osReason(err error) error {
	for _, r := range osReasons {
		if errors.Is(err, r.err) {
			return &reasonError{key: r.key, err: err}
		}
	}
	return err
}

var osReasons = []struct {
	err error
	key string
}{
	{fs.ErrNotExist, "err.os-not-exist"},
	{fs.ErrPermission, "err.os-permission"},
	{syscall.EISDIR, "err.os-is-dir"},
	{syscall.ENOTDIR, "err.os-not-dir"},
}

// reasonError is a system error said in the catalog's words; it unwraps to the system's.
type reasonError struct {
	key string
	err error
}

func (r *reasonError) Error() string         { return r.In("en") }
func (r *reasonError) In(lang string) string { return i18n.T(lang, r.key) }
func (r *reasonError) Unwrap() error         { return r.err }

// listCompletion completes a comma-separated list: after "a,b," it offers "a,b,c" for every
// value c not chosen yet, without a trailing space so the list can go on.
func listCompletion(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		chosen := strings.Split(prefix, ",")
		var out []cobra.Completion
		for _, v := range values {
			if !slices.Contains(chosen, v) {
				out = append(out, prefix+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
}
