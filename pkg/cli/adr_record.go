package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/record"
	"github.com/stackadvisor/stackadvisor/rules"
)

// numberedRe matches a numbered record's file name, as adr-tools and log4brains write them.
var numberedRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})-.*\.md$`) })

func newADRNewCmd(s *Streams, g *globalOptions) *cobra.Command {
	var answers *answerFlags
	var robust *robustFlags
	var date string
	cmd := &cobra.Command{
		Use:   "new CATEGORY|stack DIR [answer flags]",
		Short: i18n.T(g.ui, "help.adr-new.short"),
		Long:  i18n.T(g.ui, "help.adr-new.long"),
		Example: `  stackadvisor adr new sandbox docs/adr --tenancy untrusted
  stackadvisor adr new stack docs/adr --categories engine,orchestrator,sandbox --environment edge`,
		Args: argsOf(2, 2, "category and folder", "e.g. 'stackadvisor adr new sandbox docs/adr'"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return categoryCompletion(s, g, true)(cmd, args, toComplete)
			}
			if len(args) == 1 {
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.resolveLang(s)
			if err != nil {
				return err
			}
			b, err := g.loadBase(s)
			if err != nil {
				return err
			}
			dir := args[1]
			if info, err := os.Stat(dir); err == nil && !info.IsDir() {
				return usageErrorf("%s is a file; adr new takes the folder of the records", dir)
			}
			d, err := makeADR(cmd, s, g, b, args[0], answers, robust, date, lang)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return failuref("cannot create %v", unwrapPathError(err))
			}
			path, err := writeNumbered(dir, slug(append([]string{args[0]}, d.picks...)), d.text)
			if err != nil {
				return failuref("%v", err)
			}
			fmt.Fprintln(s.Out, path)
			return nil
		},
	}
	answers = addAnswerFlags(cmd, g)
	robust = addRobustFlags(cmd, g)
	cmd.Flags().StringVar(&date, "date", "", i18n.T(g.ui, "flag.date"))
	return cmd
}

// slug joins words into a file-name part: lower case, runs of anything but letters and digits
// turned into one "-".
func slug(words []string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.Join(words, "-")) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return sb.String()
}

// writeNumbered writes text to dir/NNNN-name.md, NNNN one more than the highest number in
// dir. The file is created exclusively: a record is never overwritten, and when another
// process takes the number first the next one is tried.
func writeNumbered(dir, name, text string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("cannot read %v", unwrapPathError(err))
	}
	next := 1
	for _, e := range entries {
		if m := numberedRe().FindStringSubmatch(e.Name()); m != nil {
			n, _ := strconv.Atoi(m[1])
			next = max(next, n+1)
		}
	}
	for tries := 0; tries < 100; tries++ {
		if next > 9999 {
			return "", fmt.Errorf("%s already holds record 9999", dir)
		}
		path := filepath.Join(dir, fmt.Sprintf("%04d-%s.md", next, name))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			next++
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot create %v", unwrapPathError(err))
		}
		_, werr := io.WriteString(f, text)
		cerr := f.Close()
		if werr != nil || cerr != nil {
			os.Remove(path) // no half-written record
			return "", fmt.Errorf("cannot write %s: %v", path, errors.Join(werr, cerr))
		}
		return path, nil
	}
	return "", fmt.Errorf("could not find a free record number in %s", dir)
}

// checked is one record's outcome, with its file.
type checked struct {
	Path           string `json:"path" yaml:"path"`
	record.Outcome `yaml:",inline"`
}

// checkDoc is adr check's document.
type checkDoc struct {
	Records   []checked `json:"records" yaml:"records"`
	Unchanged int       `json:"unchanged" yaml:"unchanged"`
	Changed   int       `json:"changed" yaml:"changed"`
	Invalid   int       `json:"invalid" yaml:"invalid"`
	// Skipped are Markdown files in the folders given that hold no record block.
	Skipped []string `json:"skipped,omitempty" yaml:"skipped,omitempty"`
}

func newADRCheckCmd(s *Streams, g *globalOptions) *cobra.Command {
	var out outputOptions
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: i18n.T(g.ui, "help.adr-check.short"),
		Long:  i18n.T(g.ui, "help.adr-check.long"),
		Example: `  stackadvisor adr check docs/adr
  stackadvisor adr check docs/adr/0003-sandbox-kata.md --rules policy/ -f json`,
		Args: argsOf(1, -1, "record file or folder", "e.g. 'stackadvisor adr check docs/adr'"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"md"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.resolveLang(s)
			if err != nil {
				return err
			}
			if err := out.check(cmd); err != nil {
				return err
			}
			log, err := record.ParseChangelog(rules.Changelog)
			if err != nil {
				return failuref("the embedded changelog is invalid: %v", err)
			}
			files, skipped, err := recordFiles(args)
			if err != nil {
				return err
			}
			doc := checkDoc{Records: []checked{}}
			bases := map[string]*knowledge.Base{}
			given := g.rulesLayers(s)
			for _, f := range files {
				oc := checkFile(s, g, f.path, f.named, given, bases, log, lang)
				if oc == nil {
					skipped = append(skipped, f.path)
					continue
				}
				doc.Records = append(doc.Records, checked{Path: f.path, Outcome: *oc})
				switch oc.Status {
				case record.Unchanged:
					doc.Unchanged++
				case record.Changed:
					doc.Changed++
				default:
					doc.Invalid++
				}
			}
			doc.Skipped = skipped
			if len(doc.Records) == 0 {
				return usageErrorf("no decision records found in %s; records written by 'stackadvisor adr' end with a stackadvisor:record block", strings.Join(args, ", "))
			}
			err = emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
				for _, r := range doc.Records {
					if _, err := fmt.Fprintln(w, checkLine(r, lang)); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if n := doc.Changed + doc.Invalid; n > 0 {
				return &ExitError{Code: ExitFailure, Err: fmt.Errorf("%d of %d decisions would not stand today (%d changed, %d invalid); -f json says why, with sources and the knowledge-base changes since", n, len(doc.Records), doc.Changed, doc.Invalid)}
			}
			return nil
		},
	}
	addOutputFlags(cmd, g, &out, "table", "json", "yaml")
	return cmd
}

type recordFile struct {
	path  string
	named bool // given by name (not found in a folder)
}

// recordFiles expands the paths: a folder gives its *.md files in name order.
func recordFiles(paths []string) ([]recordFile, []string, error) {
	var out []recordFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, usageErrorf("cannot read %v", unwrapPathError(err))
		}
		if !info.IsDir() {
			out = append(out, recordFile{path: p, named: true})
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, usageErrorf("cannot read %v", unwrapPathError(err))
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
				out = append(out, recordFile{path: filepath.Join(p, e.Name())})
			}
		}
	}
	return out, nil, nil
}

// checkFile checks one file: nil when a file found in a folder holds no record.
func checkFile(s *Streams, g *globalOptions, path string, named bool, given []string, bases map[string]*knowledge.Base, log []record.Entry, lang string) *record.Outcome {
	bad := func(format string, args ...any) *record.Outcome {
		return &record.Outcome{Status: record.Invalid, Error: fmt.Sprintf(format, args...), Before: []record.Pick{}, After: []record.Pick{}}
	}
	data, err := readUserFile(path)
	if err != nil {
		return bad("cannot read %v", unwrapPathError(err))
	}
	rec, err := record.Parse(data)
	if errors.Is(err, record.ErrNoRecord) && !named {
		return nil
	}
	if err != nil {
		return bad("%v", err)
	}
	// The overlays given to adr check, or else those the record was made with.
	overlays := given
	if len(overlays) == 0 {
		overlays = rec.Overlays
	}
	key := strings.Join(overlays, "\x00")
	b, ok := bases[key]
	if !ok {
		if b, err = g.loadBaseFrom(s, overlays); err != nil {
			msg := strings.Join(strings.Fields(err.Error()), " ")
			if len(given) == 0 {
				return bad("the record was made with --rules %s, which does not load here (%s); run adr check where the record was made, or give the overlays with --rules", strings.Join(overlays, " --rules "), msg)
			}
			return bad("%s", msg)
		}
		bases[key] = b
	}
	oc := record.Check(b, rec, log, lang)
	oc.Subject = rec.Subject
	return oc
}

// checkLine is a record's one line in the table: its file, status and what changed.
func checkLine(r checked, lang string) string {
	picks := func(ps []record.Pick) string {
		if len(ps) == 0 {
			return "—"
		}
		ids := make([]string, len(ps))
		for i, p := range ps {
			ids[i] = p.ID
		}
		return strings.Join(ids, " + ")
	}
	switch r.Status {
	case record.Unchanged:
		line := i18n.Tf(lang, "cli.adr-check-unchanged", r.Path, r.Subject, picks(r.Before))
		// What moved without changing the pick: the scores, the knowledge base's version.
		var moved []string
		for i, p := range r.Before {
			if i < len(r.After) && r.After[i].Score != p.Score {
				moved = append(moved, i18n.Tf(lang, "cli.adr-check-score", p.ID, p.Score, r.After[i].Score))
			}
		}
		if r.KBBefore.Version != r.KBAfter.Version {
			moved = append(moved, i18n.Tf(lang, "cli.adr-check-kb", r.KBBefore.Version, r.KBAfter.Version))
		}
		if len(moved) > 0 {
			line += i18n.T(lang, "report.label-colon") + strings.Join(moved, i18n.T(lang, "report.list-sep"))
		}
		return line
	case record.Changed:
		line := i18n.Tf(lang, "cli.adr-check-changed", r.Path, r.Subject, picks(r.Before), picks(r.After))
		if len(r.Reasons) > 0 {
			why := r.Reasons[0].Text
			if r.Reasons[0].File != "" {
				why += " (" + r.Reasons[0].File + ")"
			}
			line += i18n.T(lang, "report.label-colon") + why
			if more := len(r.Reasons) - 1; more > 0 {
				line += i18n.Tf(lang, "cli.adr-check-more", more)
			}
		}
		if len(r.Changelog) > 0 {
			line += i18n.Tf(lang, "cli.adr-check-log", len(r.Changelog))
		}
		return line
	}
	return i18n.Tf(lang, "cli.adr-check-invalid", r.Path, r.Error)
}
