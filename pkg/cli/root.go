// Package cli holds the commands of stackadvisor: flags, files and the terminal live here;
// the engine and the knowledge base stay pure.
package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/charmbracelet/x/term"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/outfile"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Exit codes (docs/DESIGN.md §8).
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitNoCandidate = 3
	ExitInternal    = 70  // an unexpected panic or a computed score that is not finite (sysexits' EX_SOFTWARE)
	ExitInterrupted = 130 // SIGINT (Ctrl-C): 128 + 2
	ExitTerminated  = 143 // SIGTERM: 128 + 15
)

// Streams are the program's input, outputs and environment; tests use buffers.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	Env []string
	// Term, when set, answers for the operating system whether one of the streams (In, Out or
	// Err) is a terminal and how many columns wide (0 when unknown): tests fake a terminal
	// with it. Nil asks the system about streams that are files.
	Term func(stream any) (ok bool, width int)
}

// terminal reports whether x (one of the streams) is a terminal, and its width when known.
func (s *Streams) terminal(x any) (bool, int) {
	if s.Term != nil {
		return s.Term(x)
	}
	f, ok := x.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false, 0
	}
	if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
		return true, w
	}
	return true, 0
}

// Getenv looks a variable up in the streams' environment.
func (s *Streams) Getenv(key string) string {
	prefix := key + "="
	for i := len(s.Env) - 1; i >= 0; i-- {
		if strings.HasPrefix(s.Env[i], prefix) {
			return s.Env[i][len(prefix):]
		}
	}
	return ""
}

// ExitError carries an exit code with the one sentence to print on stderr.
type ExitError struct {
	Code int
	Err  error
	// NoHint leaves out the pointer to --help (for problems in files, which name their place).
	NoHint bool
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// usageMsg is a usage error from the catalog, said in the interface's language.
func usageMsg(key string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: i18n.Errorf(key, args...)}
}

// usageNoHintf is a usage error whose message already says what to do (or spans lines), so
// the pointer to --help is left out.
func usageNoHintf(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...), NoHint: true}
}

// fileErrorf is a usage error about the content of a file the user gave.
func fileErrorf(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...), NoHint: true}
}

// fileMsg is fileErrorf from the catalog, said in the interface's language.
func fileMsg(key string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: i18n.Errorf(key, args...), NoHint: true}
}

// failureMsg is a failure (exit 1) from the catalog, said in the interface's language.
func failureMsg(key string, args ...any) error {
	return &ExitError{Code: ExitFailure, Err: i18n.Errorf(key, args...)}
}

func failuref(format string, args ...any) error {
	return &ExitError{Code: ExitFailure, Err: fmt.Errorf(format, args...)}
}

// Main runs the command line and returns the exit code.
func Main(args []string, s *Streams) int { return MainContext(context.Background(), args, s) }

// MainContext runs the command line until it ends or ctx is cancelled, and returns the exit
// code. It is the one place where errors become exit codes and messages.
func MainContext(ctx context.Context, args []string, s *Streams) (code int) {
	// A panic is a bug: one line instead of a stack trace, no temporary file left behind, and
	// the exit code that says so (sysexits' EX_SOFTWARE).
	defer func() {
		if r := recover(); r != nil {
			outfile.CleanupAll()
			fmt.Fprintf(s.Err, "stackadvisor: internal error (%s); please report it with the command that caused it at %s\n", panicText(r), issuesURL)
			code = ExitInternal
		}
	}()
	root := newRoot(s, uiLang(args, s))
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errBrokenPipe) {
		return ExitOK
	}
	if ie, ok := asInterrupt(ctx, err); ok {
		err = ie
	}
	// A score that is not finite is a bug, whatever the command wrapped it as: no report is
	// written, and the exit code says so.
	var nf *engine.NotFiniteError
	if errors.As(err, &nf) {
		outfile.CleanupAll()
		fmt.Fprintf(s.Err, "stackadvisor: internal error: %s; please report it with the command that caused it at %s\n", nf.Error(), issuesURL)
		return ExitInternal
	}
	var ee *ExitError
	code = ExitUsage // errors cobra raises itself (unknown command, bad flag) are usage errors
	if errors.As(err, &ee) {
		code = ee.Code
	}
	ui := uiLang(args, s)
	err, suggested := unknownCommand(err, root)
	msg := strings.TrimSpace(i18n.Localize(err, ui))
	if code == ExitUsage && (ee == nil || !ee.NoHint) && !suggested {
		msg += i18n.Tf(ui, "err.see-help", cmd.CommandPath())
	}
	fmt.Fprintln(s.Err, "stackadvisor: "+msg)
	return code
}

// issuesURL is where bugs are reported.
const issuesURL = "https://github.com/stackadvisor/stackadvisor/issues"

// panicText is a panic's value as one short line: its first line, control characters
// dropped, at most 200 characters (a panic's text may quote input).
func panicText(r any) string {
	msg := fmt.Sprint(r)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.Map(func(c rune) rune {
		if c < ' ' || c == 0x7f {
			return -1
		}
		return c
	}, msg)
	if rs := []rune(msg); len(rs) > 200 {
		msg = string(rs[:200]) + "…"
	}
	return msg
}

// globalOptions are the flags every command takes.
type globalOptions struct {
	lang    string
	noColor bool
	rules   []string
	// ui is the language of help texts, chosen before the flags are parsed (uiLang).
	ui string
	// questions (or the error reading them) build the question flags; see embeddedQuestions.
	questions    []*knowledge.Question
	questionsErr error
	// config (--config) names the project file; noConfig (--no-config) ignores any. The
	// project file that applies is found once (project).
	config      string
	noConfig    bool
	projectDone bool
	projectConf *projectConfig
	projectErr  error
}

// NewRoot builds the command tree, its help in the language of the environment.
func NewRoot(s *Streams) *cobra.Command { return newRoot(s, langFromEnv(s)) }

// uiLang is the language of the help texts: the last --lang of the command line, as the flag
// parser keeps it, when it is a valid one (help is built before the flags are parsed), else
// the environment's.
func uiLang(args []string, s *Streams) string {
	lang := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			lang = v
		}
	}
	if lang == "en" || lang == "zh" {
		return lang
	}
	return langFromEnv(s)
}

func newRoot(s *Streams, ui string) *cobra.Command {
	g := &globalOptions{ui: ui}
	root := &cobra.Command{
		Use:   "stackadvisor",
		Short: i18n.T(g.ui, "help.root.short"),
		Long:  i18n.T(g.ui, "help.root.long"),
		Example: `  stackadvisor recommend
  stackadvisor recommend --categories sandbox --tenancy untrusted --kvm none
  stackadvisor recommend --categories gpu --domestic --priorities autonomy -f json`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		Version:           ToolVersion(), // the knowledge base's part is added when --version prints
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate(`stackadvisor {{.Version}}{{knowledgeBaseVersion "` + ui + `"}}` + "\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		// pflag's own words for a flag nobody defined, said in the interface's language.
		if name, ok := strings.CutPrefix(err.Error(), "unknown flag: "); ok {
			return &ExitError{Code: ExitUsage, Err: i18n.Errorf("err.unknown-flag", name)}
		}
		if name, ok := strings.CutPrefix(err.Error(), "unknown shorthand flag: "); ok {
			return &ExitError{Code: ExitUsage, Err: i18n.Errorf("err.unknown-flag", name)}
		}
		return &ExitError{Code: ExitUsage, Err: err}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&g.lang, "lang", "", i18n.T(ui, "flag.lang"))
	pf.BoolVar(&g.noColor, "no-color", false, i18n.T(ui, "flag.no-color"))
	pf.StringArrayVar(&g.rules, "rules", nil, i18n.T(ui, "flag.rules"))
	pf.StringVar(&g.config, "config", "", i18n.T(ui, "flag.config"))
	pf.BoolVar(&g.noConfig, "no-config", false, i18n.T(ui, "flag.no-config"))
	root.MarkFlagsMutuallyExclusive("config", "no-config")
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion("en", "zh"))
	_ = root.MarkPersistentFlagDirname("rules")

	root.AddCommand(newRecommendCmd(s, g), newWizardCmd(s, g), newExplainCmd(s, g), newADRCmd(s, g),
		newCompareCmd(s, g), newShowCmd(s, g), newListCmd(s, g), newQuestionsCmd(s, g), newRulesCmd(s, g), newSchemaCmd(s, g), newVersionCmd(s, g), newExitCodesTopic(g))
	root.AddCommand(newHelpTopics(s, g)...)
	// cobra's completion command prints its help and exits 0 for a shell it does not know;
	// make that the usage error it is.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				return usageMsg("err.shell", args[0])
			}
		}
	}
	localize(root, ui)
	return root
}

var (
	templateFuncsOnce sync.Once
	flagDefaultRe     = regexp.MustCompile(`(?m) \(default (.*)\)$`)
)

// flagDefaults rewrites pflag's English "(default x)" at the end of flag lines in lang.
func flagDefaults(lang, usages string) string {
	return flagDefaultRe.ReplaceAllStringFunc(usages, func(m string) string {
		return " " + i18n.Tf(lang, "help.flag-default", flagDefaultRe.FindStringSubmatch(m)[1])
	})
}

// localize gives cobra's own parts — the usage template's headings, the help and version
// flags, the help and completion commands — the help's language.
func localize(root *cobra.Command, ui string) {
	templateFuncsOnce.Do(func() {
		cobra.AddTemplateFunc("flagDefaults", flagDefaults)
		// The template names the language as a string.
		cobra.AddTemplateFunc("knowledgeBaseVersion", func(lang string) string { return knowledgeBaseVersion(i18n.For(lang)) })
	})
	tpl := root.UsageTemplate()
	for _, h := range []struct{ en, key string }{
		{"Usage:", "help.usage"}, {"Aliases:", "help.aliases"}, {"Examples:", "help.examples"},
		{"Available Commands:", "help.commands"}, {"Global Flags:", "help.global-flags"},
		{"Flags:", "help.flags"}, {"Additional help topics:", "help.topics"},
	} {
		tpl = strings.Replace(tpl, "\n"+h.en, "\n"+i18n.T(ui, h.key), 1)
		if strings.HasPrefix(tpl, h.en) {
			tpl = i18n.T(ui, h.key) + tpl[len(h.en):]
		}
	}
	// pflag writes each flag's default as ' (default "x")' in English.
	tpl = strings.ReplaceAll(tpl, ".FlagUsages | trimTrailingWhitespaces", ".FlagUsages | trimTrailingWhitespaces | flagDefaults \""+ui+"\"")
	tpl = strings.Replace(tpl, `Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		strings.Replace(i18n.T(ui, "help.more"), "%s", "{{.CommandPath}}", 1), 1)
	// Help topics are listed by their full path ("stackadvisor exit-codes"), which is longer
	// than cobra pads for, leaving one space before the description; list them like commands,
	// with the command that shows them.
	tpl = strings.Replace(tpl, "{{rpad .CommandPath .CommandPathPadding}} {{.Short}}",
		"{{rpad .Name .NamePadding}} {{.Short}} ("+fmt.Sprintf(i18n.T(ui, "help.see-topic"), "{{.Root.Name}}", "{{.Name}}")+")", 1)
	root.SetUsageTemplate(tpl)
	root.Flags().BoolP("version", "v", false, i18n.Tf(ui, "flag.version", root.Name()))
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, i18n.Tf(ui, "flag.help", c.Name()))
		}
		switch {
		case c.Name() == "help" && c.Parent() == root:
			c.Short = i18n.T(ui, "help.help.short")
			c.Long = ""
			// An unknown topic is a usage error in the interface's language (cobra's own
			// prints an English line, the whole usage, and exits 0).
			c.RunE = func(c *cobra.Command, args []string) error {
				target, _, err := c.Root().Find(args)
				if target == nil || err != nil || (len(args) > 0 && target == c.Root()) {
					var names []string
					for _, sub := range c.Root().Commands() {
						if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
							names = append(names, sub.Name())
						}
					}
					return &ExitError{Code: ExitUsage, Err: i18n.Errorf("err.help-topic", strings.Join(args, " "), strings.Join(names, ", ")), NoHint: true}
				}
				target.InitDefaultHelpFlag()
				target.InitDefaultVersionFlag()
				return target.Help()
			}
		case c.Name() == "completion" && c.Parent() == root:
			c.Short, c.Long = i18n.T(ui, "help.completion.short"), i18n.T(ui, "help.completion.long")
		case c.Parent() != nil && c.Parent().Name() == "completion" && c.Parent().Parent() == root:
			c.Short = i18n.Tf(ui, "help.completion.shell.short", c.Name())
			c.Long = i18n.Tf(ui, "help.completion.shell.long", c.Name())
			if f := c.Flags().Lookup("no-descriptions"); f != nil {
				f.Usage = i18n.T(ui, "flag.no-descriptions")
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// resolveLang picks the output language: the flag, else the locale environment.
func (g *globalOptions) resolveLang(s *Streams) (string, error) {
	if g.lang != "" {
		if g.lang != "en" && g.lang != "zh" {
			return "", usageMsg("err.lang", g.lang)
		}
		return g.lang, nil
	}
	return langFromEnv(s), nil
}

func langFromEnv(s *Streams) string {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := s.Getenv(key); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// knowledgeBaseVersion is what --version prints after the tool's version: the embedded
// knowledge base's version and digest, loaded only when --version is given.
func knowledgeBaseVersion(loc i18n.Localizer) string {
	b, err := readEmbeddedBase()
	if err != nil {
		return ""
	}
	return loc.Tf("cli.version-kb", loc.T("cli.knowledge-base"), b.Version, b.AsOf, b.Digest)
}

// version is the release's version, set when a release is built (-ldflags -X, .goreleaser.yaml);
// otherwise the build information gives it.
var version string

// ToolVersion is the module version from the build information ("devel" for a local build).
func ToolVersion() string {
	if version != "" {
		return strings.TrimPrefix(version, "v")
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "devel"
}

func newExitCodesTopic(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: i18n.T(g.ui, "help.exit-codes.short"),
		Long:  i18n.T(g.ui, "help.exit-codes.long"),
	}
}

// stdStreams are the process's real streams.
func stdStreams() *Streams {
	return &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Env: os.Environ()}
}

// Run is main's entry point: the real streams, and SIGINT and SIGTERM handled.
func Run() int {
	return runWithSignals(os.Stderr, func(ctx context.Context) int {
		return MainContext(ctx, os.Args[1:], stdStreams())
	})
}

// subcommand is the command's path without the tool's name, which every error already starts
// with ("stackadvisor: rules validate takes …").
func subcommand(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// argsOf checks the number of positional arguments (at least lo, at most hi; hi < 0: no
// limit) and names what they are, instead of cobra's "accepts 1 arg(s), received 0".
// argsOf checks the number of positional arguments; what and hint are catalog keys (what
// they are, and where to find them), so the error comes in the interface's language.
func argsOf(lo, hi int, what, hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		n := len(args)
		if n >= lo && (hi < 0 || n <= hi) {
			return nil
		}
		noun := &i18n.Msg{Key: what}
		var want *i18n.Msg
		switch {
		case lo == hi:
			want = &i18n.Msg{Key: "err.args-exactly", Args: []any{lo, noun}}
		case n < lo:
			want = &i18n.Msg{Key: "err.args-at-least", Args: []any{lo, noun}}
		default:
			want = &i18n.Msg{Key: "err.args-at-most", Args: []any{hi, noun}}
		}
		return usageMsg("err.args", subcommand(cmd), want, n, &i18n.Msg{Key: hint})
	}
}

// noArgs rejects positional arguments; a stray word is most often the value of a boolean
// flag written with a space (--rootless yes).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageMsg("err.no-args", subcommand(cmd), args[0])
	}
	return nil
}

// unknownCommandRe matches cobra's error for a command it does not know.
var unknownCommandRe = regexp.MustCompile(`^unknown command "([^"]*)" for "[^"]*"`)

// unknownCommand turns cobra's multi-line "unknown command … Did you mean this?" into one
// catalog sentence with the nearest command, so it reads as every other error does.
// suggested says the sentence already names what to type instead.
func unknownCommand(err error, root *cobra.Command) (out error, suggested bool) {
	m := unknownCommandRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err, false
	}
	if near := root.SuggestionsFor(m[1]); len(near) > 0 {
		return i18n.Errorf("err.unknown-command-near", m[1], near[0]), true
	}
	return i18n.Errorf("err.unknown-command", m[1]), false
}
