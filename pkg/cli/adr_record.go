package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/outfile"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/record"
	"github.com/stackadvisor/stackadvisor/pkg/report"
	"github.com/stackadvisor/stackadvisor/rules"
)

// numberedRe matches the leading number of a record's file name, any number of digits, as
// adr-tools reads them (0003-x.md, 00077-x.md, 12345-x.md).
var numberedRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)`) })

func newADRNewCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &adrNewOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "new CATEGORY|stack [DIR] [answer flags]",
		Short: i18n.T(g.ui, "help.adr-new.short"),
		Long:  i18n.T(g.ui, "help.adr-new.long"),
		Example: `  stackadvisor adr new sandbox docs/adr --tenancy untrusted
  stackadvisor adr new stack docs/adr --categories engine,orchestrator,sandbox --environment edge`,
		Args: argsOf(1, 2, "err.what-category-folder", "err.hint-adr-new"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return categoryCompletion(s, g, true)(cmd, args, toComplete)
			}
			if len(args) == 1 {
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	opts.answers = addAnswerFlags(cmd, g)
	opts.robust = addRobustFlags(cmd, g)
	addRecordFlags(cmd, g, &opts.record)
	return cmd
}

// adrNewOptions holds the streams and flags of 'stackadvisor adr new'; run does its work.
type adrNewOptions struct {
	streams *Streams
	global  *globalOptions
	answers *answerFlags
	robust  *robustFlags
	record  recordFlags
}

func (o *adrNewOptions) run(cmd *cobra.Command, args []string) error {
	s, g, answers, robust, rf := o.streams, o.global, o.answers, o.robust, o.record
	lang, err := g.resolveLang(s)
	if err != nil {
		return err
	}
	b, err := g.loadBase(s)
	if err != nil {
		return err
	}
	dir, err := recordsFolder(g, args[1:])
	if err != nil {
		return err
	}
	if err := checkRecordFolder(dir); err != nil {
		return err
	}
	d, err := makeADR(cmd, s, g, b, args[0], answers, robust, rf, i18n.For(lang))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		if isLoop(err) {
			return usageMsg("err.adr-dir-loop", dir)
		}
		return &ExitError{Code: ExitFailure, Err: i18n.Errorf("err.cannot-create", unwrapPathError(err))}
	}
	path, err := writeNumbered(dir, slug(append([]string{args[0]}, d.picks...)), d.text)
	if err != nil {
		return failuref("%v", err)
	}
	fmt.Fprintln(s.Out, path)
	return nil
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

// recordsFolder is the folder of the decision records: the one given, else the project
// file's adr folder.
func recordsFolder(g *globalOptions, given []string) (string, error) {
	if len(given) > 0 {
		return given[0], nil
	}
	c, err := g.project()
	if err != nil {
		return "", err
	}
	if c == nil || c.adr == "" {
		return "", usageMsg("err.no-records-folder", ConfigName)
	}
	return c.adr, nil
}

// checkRecordFolder refuses a folder for adr new that is a file, a symbolic link loop or a
// link to nothing (which would otherwise fail late, as "file exists"). A folder that does not
// exist yet is fine: adr new makes it.
func checkRecordFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return usageMsg("err.adr-dir-kind", dir, safefile.Kind(info.Mode()))
	case isLoop(err):
		return usageMsg("err.adr-dir-loop", dir)
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(dir); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return usageMsg("err.adr-dir-dangling", dir)
		}
	}
	return nil
}

// isLoop tells an error of too many symbolic links (ELOOP).
func isLoop(err error) bool { return err != nil && errors.Is(err, syscall.ELOOP) }

// nextNumber is one more than the highest leading number of the *.md files of names, as a
// decimal string without leading zeros ("1" when there is none). Numbers are compared as
// digit strings, so any length counts and none overflows.
func nextNumber(names []string) string {
	high := "0"
	for _, n := range names {
		if !strings.HasSuffix(n, ".md") {
			continue
		}
		m := numberedRe().FindString(n)
		if m == "" {
			continue
		}
		m = strings.TrimLeft(m, "0")
		if m == "" {
			m = "0"
		}
		if len(m) > len(high) || (len(m) == len(high) && m > high) {
			high = m
		}
	}
	return increment(high)
}

// increment adds one to a decimal string.
func increment(n string) string {
	b := []byte(n)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// padNumber zero-pads a record number to at least 4 digits.
func padNumber(n string) string {
	if len(n) < 4 {
		return strings.Repeat("0", 4-len(n)) + n
	}
	return n
}

// writeNumbered writes text to dir/NNNN-name.md, NNNN one more than the highest leading number
// of the *.md files in dir (as adr-tools numbers: any number of digits, zero-padded to at
// least 4; after 9999 comes 10000). The file is created exclusively: a record is never
// overwritten, and when another process takes the number first the next one is tried.
func writeNumbered(dir, name, text string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", i18n.Errorf("err.cannot-read", unwrapPathError(err))
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	next := nextNumber(names)
	for tries := 0; tries < 100; tries++ {
		path := filepath.Join(dir, padNumber(next)+"-"+name+".md")
		// A Nygard title carries the record's number, as adr-tools writes it ("# 7. …").
		number := strings.TrimLeft(padNumber(next), "0")
		if number == "" {
			number = "0"
		}
		err := outfile.CreateNew(path, []byte(strings.ReplaceAll(text, report.NumberMark, number+". ")))
		if errors.Is(err, os.ErrExist) {
			next = increment(next)
			continue
		}
		if err != nil {
			return "", err
		}
		return path, nil
	}
	return "", i18n.Errorf("err.no-free-number", dir)
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
	opts := &adrCheckOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: i18n.T(g.ui, "help.adr-check.short"),
		Long:  i18n.T(g.ui, "help.adr-check.long"),
		Example: `  stackadvisor adr check docs/adr
  stackadvisor adr check docs/adr/0003-sandbox-kata.md --rules policy/ -f json
  stackadvisor adr check docs/adr --record-rules`,
		Args: argsOf(0, -1, "err.what-records", "err.hint-adr-check"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"md"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	cmd.Flags().BoolVar(&opts.recordRules, "record-rules", false, i18n.T(g.ui, "flag.record-rules"))
	return cmd
}

// adrCheckOptions holds the streams and flags of 'stackadvisor adr check'; run does its work.
type adrCheckOptions struct {
	streams     *Streams
	global      *globalOptions
	out         outputOptions
	recordRules bool
}

func (o *adrCheckOptions) run(cmd *cobra.Command, args []string) error {
	s, g, out, recordRules := o.streams, o.global, o.out, o.recordRules
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
	if len(args) == 0 {
		dir, err := recordsFolder(g, nil)
		if err != nil {
			return err
		}
		args = []string{dir}
	}
	files, skipped, err := recordFiles(args)
	if err != nil {
		return err
	}
	doc := checkDoc{Records: []checked{}}
	bases := map[string]*knowledge.Base{}
	given := g.rulesLayers(s)
	if len(given) > 0 {
		// The operator's overlays are loaded once, before any record: when they are
		// broken that is the operator's usage error (exit 2), not every record's.
		srcs := sourcesOf(given)
		b, err := g.loadBaseSources(s, srcs)
		if err != nil {
			return err
		}
		bases[baseKey(srcs)] = b
	}
	for _, f := range files {
		oc := checkFile(s, g, f.path, f.named, given, recordRules, bases, log, i18n.For(lang))
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
		return usageMsg("err.no-records", strings.Join(args, ", "))
	}
	err = emit(cmd.Context(), s, g, &out, doc, func(w io.Writer, _ int) error {
		for _, r := range doc.Records {
			if _, err := fmt.Fprintln(w, checkLine(r, i18n.For(lang))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n := doc.Changed + doc.Invalid; n > 0 {
		return &ExitError{Code: ExitFailure, Err: i18n.Errorf("err.decisions-stale", n, len(doc.Records), doc.Changed, doc.Invalid)}
	}
	return nil
}

type recordFile struct {
	path  string
	named bool // given by name (not found in a folder)
}

// recordFiles expands the paths: a folder gives its *.md files in name order (at most
// limits.FolderFiles; subfolders left out).
func recordFiles(paths []string) ([]recordFile, []string, error) {
	var out []recordFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, usageMsg("err.cannot-read", unwrapPathError(err))
		}
		if !info.IsDir() {
			out = append(out, recordFile{path: p, named: true})
			continue
		}
		files, err := safefile.List(p, func(n string) bool { return strings.HasSuffix(n, ".md") }, ".md files", limits.FolderFiles)
		if err != nil {
			var tm *safefile.TooManyError
			if errors.As(err, &tm) {
				return nil, nil, usageErrorf("%v", err)
			}
			return nil, nil, usageMsg("err.cannot-read", unwrapPathError(err))
		}
		for _, f := range files {
			out = append(out, recordFile{path: f})
		}
	}
	return out, nil, nil
}

// checkFile checks one file: nil when a file found in a folder holds no record.
//
// The overlays it is checked with are the operator's (given: --rules, STACKADVISOR_RULES)
// when there are any; the record's own only with --record-rules (recordRules), and then
// only paths that stay inside the record's repository (recordOverlay). A record is untrusted
// input: what it names is never read otherwise, and no error quotes an overlay it names.
func checkFile(s *Streams, g *globalOptions, path string, named bool, given []string, recordRules bool, bases map[string]*knowledge.Base, log []record.Entry, loc i18n.Localizer) *record.Outcome {
	bad := func(format string, args ...any) *record.Outcome {
		return &record.Outcome{Status: record.Invalid, Error: fmt.Sprintf(format, args...), Before: []record.Pick{}, After: []record.Pick{}}
	}
	badMsg := func(key string, args ...any) *record.Outcome { return bad("%s", loc.Tf(key, args...)) }
	if !named {
		// A file found in a folder may be a symbolic link someone added: followed only
		// inside the folder's repository.
		if err := resolvesInside(path, repositoryOf(path), safefile.Printable(path)); err != nil {
			return bad("%v", err)
		}
	}
	data, err := readUserFile(path, limits.RecordBytes)
	if err != nil {
		var nr *safefile.NotRegularError
		if errors.As(err, &nr) {
			return bad("%v", err)
		}
		return badMsg("err.cannot-read", unwrapPathError(err))
	}
	rec, err := record.Parse(data)
	if errors.Is(err, record.ErrNoRecord) && !named {
		return nil
	}
	if err != nil {
		return bad("%v", err)
	}
	var overlays []overlaySource
	fromRecord := false
	switch {
	case len(given) > 0:
		overlays = sourcesOf(given)
	case len(rec.Overlays) == 0:
	case !recordRules:
		return badMsg("err.record-overlays", shownPaths(rec.Overlays))
	default:
		fromRecord = true
		root := repositoryOf(path)
		for _, p := range rec.Overlays {
			src, err := recordOverlay(root, p)
			if err != nil {
				return bad("%v", err)
			}
			overlays = append(overlays, src)
		}
	}
	key := baseKey(overlays)
	b, ok := bases[key]
	if !ok {
		if b, err = g.loadBaseSources(s, overlays); err != nil {
			if fromRecord {
				return bad("%s", recordLoadError(overlays, err))
			}
			return bad("%s", strings.Join(strings.Fields(err.Error()), " "))
		}
		bases[key] = b
	}
	oc := record.Check(b, rec, log)
	oc.Localize(loc.Lang)
	oc.Subject = limits.Excerpt(rec.Subject) // a category id or "stack" when valid; the record is untrusted
	return oc
}

// baseKey names a set of overlays in adr check's cache of loaded bases.
func baseKey(overlays []overlaySource) string {
	var key strings.Builder
	for _, o := range overlays {
		key.WriteString(o.name + "\x00" + o.path + "\x00" + o.inside + "\x00")
	}
	return key.String()
}

// shownPaths is a record's overlay paths fit for an error: each cut to a short excerpt with
// control characters removed (a record is untrusted).
func shownPaths(paths []string) string {
	shown := make([]string, len(paths))
	for i, p := range paths {
		shown[i] = safefile.Excerpt(p)
	}
	return strings.Join(shown, ", ")
}

// recordLoadError says that a record's overlays do not load, without what the problems say:
// they may quote the files, and the record chose the files. The command it suggests names each
// overlay by the path it was read from (symbolic links resolved, relative to the current
// folder): the record's own spelling ("link/../x.yaml") could lead the shell elsewhere.
func recordLoadError(overlays []overlaySource, err error) string {
	cwd, _ := os.Getwd()
	paths := make([]string, len(overlays))
	for i, o := range overlays {
		paths[i] = o.path
		if rel, err := filepath.Rel(cwd, o.path); err == nil && cwd != "" {
			paths[i] = rel
		}
	}
	var probs knowledge.Problems
	if !errors.As(err, &probs) {
		var ee *ExitError
		if errors.As(err, &ee) && ee.Code == ExitUsage {
			// A file that cannot be read: our own sentence, naming no content.
			return safefile.Printable(strings.Join(strings.Fields(ee.Err.Error()), " "))
		}
	}
	shown := make([]string, len(paths))
	for i, p := range paths {
		shown[i] = shellQuote(safefile.Excerpt(p))
	}
	verb, count := "does", ""
	if len(paths) > 1 {
		verb = "do"
	}
	if probs.Total() == 1 {
		count = " (1 problem)"
	} else if probs.Total() > 1 {
		count = fmt.Sprintf(" (%d problems)", probs.Total())
	}
	return fmt.Sprintf("%s %s not load%s; run 'stackadvisor rules validate %s' to see them", strings.Join(shown, " "), verb, count, strings.Join(shown, " "))
}

// repositoryOf is the folder a record's overlays must stay in: the top level of the git
// repository that holds the record (the nearest folder up from the record's own with a .git
// entry, found without running git), else the record's own folder; symbolic links resolved.
func repositoryOf(recordPath string) string { return repositoryOfDir(filepath.Dir(recordPath)) }

// repositoryOfDir is the top level of the git repository that holds dir (the nearest folder
// up from it with a .git entry), else dir itself; symbolic links resolved.
func repositoryOfDir(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// recordOverlay checks an overlay path written in a record and says where to read it: a path
// relative to the repository's top level (root), free of control characters, that resolves
// (symbolic links followed) inside root, to a regular file or a folder (whose files are
// checked the same way when read). Anything else is an error naming the path and the rule.
func recordOverlay(root, p string) (overlaySource, error) {
	shown := safefile.Excerpt(p)
	if p == "" {
		return overlaySource{}, errors.New("the record names an empty overlay path")
	}
	if strings.IndexFunc(p, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError }) >= 0 || !utf8.ValidString(p) {
		return overlaySource{}, fmt.Errorf("the record's overlay %q has control characters; --record-rules loads only plain relative paths", shown)
	}
	if filepath.IsAbs(p) || filepath.VolumeName(p) != "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return overlaySource{}, fmt.Errorf("the record's overlay %s is an absolute path; --record-rules loads only paths relative to the repository", shown)
	}
	joined := filepath.Join(root, p)
	if !within(root, joined) {
		return overlaySource{}, fmt.Errorf("the record's overlay %s leaves the repository; --record-rules loads only paths inside it", shown)
	}
	if err := resolvesInside(joined, root, recordOverlayWord+shown); err != nil {
		return overlaySource{}, err
	}
	real, _ := filepath.EvalSymlinks(joined)
	info, err := os.Stat(real)
	if err != nil {
		return overlaySource{}, fmt.Errorf("the record's overlay %s cannot be read: %v", shown, errors.Unwrap(err))
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		return overlaySource{}, fmt.Errorf("the record's overlay %s is %s, not a regular file or a folder of them", shown, safefile.Kind(info.Mode()))
	}
	return overlaySource{name: p, path: real, inside: root}, nil
}

// resolvesInside checks that path, symbolic links followed, is inside root (a resolved path);
// name is how errors call it: "the record's overlay x" for a path a record names (the
// message then says what --record-rules loads), a file's name for a file found in a folder.
func resolvesInside(path, root, name string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil && !isLoop(err) {
		if _, serr := os.Stat(path); isLoop(serr) {
			err = serr // EvalSymlinks says "too many links" in its own words
		}
	}
	switch {
	case isLoop(err):
		return fmt.Errorf("%s is a symbolic link loop", name)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s does not exist in the repository", name)
	case err != nil:
		return fmt.Errorf("%s cannot be resolved inside the repository", name)
	}
	if !within(root, real) {
		if strings.HasPrefix(name, recordOverlayWord) {
			return fmt.Errorf("%s leaves the repository through a symbolic link; --record-rules loads only paths inside it", name)
		}
		return fmt.Errorf("%s is a symbolic link that leaves the repository; a file found in a folder is read only inside the folder's repository (name a file outside it directly)", name)
	}
	return nil
}

// recordOverlayWord starts the name of a path a record names, in errors.
const recordOverlayWord = "the record's overlay "

// within tells whether path is root or inside it (both clean and absolute).
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// checkLine is a record's one line in the table: its file, status and what changed. The
// file's name and what the record says are untrusted: control characters (a terminal's
// escape sequences, line breaks that would forge another record's line) are removed.
func checkLine(r checked, loc i18n.Localizer) string {
	return safefile.Printable(checkText(r, loc))
}

func checkText(r checked, loc i18n.Localizer) string {
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
		line := loc.Tf("cli.adr-check-unchanged", r.Path, r.Subject, picks(r.Before))
		// What moved without changing the pick: the scores, the knowledge base's version.
		var moved []string
		for i, p := range r.Before {
			if i < len(r.After) && r.After[i].Score != p.Score {
				moved = append(moved, loc.Tf("cli.adr-check-score", p.ID, p.Score, r.After[i].Score))
			}
		}
		if r.KBBefore.Version != r.KBAfter.Version {
			moved = append(moved, loc.Tf("cli.adr-check-kb", r.KBBefore.Version, r.KBAfter.Version))
		}
		if len(moved) > 0 {
			line += loc.T("report.label-colon") + strings.Join(moved, loc.T("report.list-sep"))
		}
		return line
	case record.Changed:
		line := loc.Tf("cli.adr-check-changed", r.Path, r.Subject, picks(r.Before), picks(r.After))
		if len(r.Reasons) > 0 {
			why := r.Reasons[0].Text.String()
			if r.Reasons[0].File != "" {
				why += " (" + r.Reasons[0].File + ")"
			}
			line += loc.T("report.label-colon") + why
			if more := len(r.Reasons) - 1; more > 0 {
				line += loc.Tf("cli.adr-check-more", more)
			}
		}
		if len(r.Changelog) > 0 {
			line += loc.Tf("cli.adr-check-log", len(r.Changelog))
		}
		return line
	}
	return loc.Tf("cli.adr-check-invalid", r.Path, r.Error)
}
