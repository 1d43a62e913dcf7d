package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// rulesLayers lists the overlay paths: the project file's first, then STACKADVISOR_RULES (a
// path list), then each --rules in the order given; later layers win where an overlay may
// override. (A project file that cannot be read is the error of loadBase and ruleLayers.)
// A path given twice is loaded once: its rules would otherwise clash with themselves (and
// cobra's completion parses the flags twice, which repeats every --rules).
func (g *globalOptions) rulesLayers(s *Streams) []string {
	var paths []string
	seen := map[string]bool{}
	var fromConfig []string
	if c, err := g.project(); err == nil && c != nil {
		fromConfig = c.rules
	}
	for _, p := range append(append(fromConfig, filepath.SplitList(s.Getenv("STACKADVISOR_RULES"))...), g.rules...) {
		if p == "" || seen[filepath.Clean(p)] {
			continue
		}
		seen[filepath.Clean(p)] = true
		paths = append(paths, p)
	}
	return paths
}

// readYAMLFiles reads a YAML file, or the *.yaml files of a directory in name order (at most
// limits.FolderFiles), from path; name is the path the files are named by in errors and
// positions (path as given, or as a record wrote it). inside, when set, is the folder every
// file must resolve into, symbolic links followed (the repository of a record whose overlays
// are loaded). Only regular files are read, each with the limit limits.FileBytes. what names
// the files in errors ("rules", "scenarios"), kind one of them ("rule", "scenario").
func readYAMLFiles(path, name, inside, what, kind string) ([]knowledge.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, i18n.Errorf("err.cannot-read-the", i18n.Errorf(filesKey[what]), unwrapPathError(renamed(err, path, name)))
	}
	if !info.IsDir() {
		data, err := safefile.ReadFile(path, limits.FileBytes)
		if err != nil {
			return nil, readError(what, name, renamed(err, path, name))
		}
		return []knowledge.File{{Name: name, Data: data}}, nil
	}
	paths, err := safefile.List(path, isYAMLName, ".yaml "+kind+" files", limits.FolderFiles)
	if err != nil {
		return nil, readError(what, name, renamed(err, path, name))
	}
	prefix := strings.TrimSuffix(name, string(filepath.Separator)) + string(filepath.Separator)
	who := recordOverlayWord // a folder a record named
	if inside == "" {
		who = ""
		// The files of a folder may come from anyone who can change the folder: a symbolic
		// link among them is followed only inside the folder's repository.
		inside = repositoryOfDir(path)
	}
	var files []knowledge.File
	for _, p := range paths {
		fileName := prefix + filepath.Base(p)
		if inside != "" {
			if err := resolvesInside(p, inside, who+fileName); err != nil {
				return nil, err
			}
		}
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			continue // a link to a folder: a subfolder, left out
		}
		data, err := safefile.ReadFile(p, limits.FileBytes)
		if err != nil {
			return nil, readError(what, name, renamed(err, p, fileName))
		}
		files = append(files, knowledge.File{Name: fileName, Data: data})
	}
	if len(files) == 0 {
		return nil, i18n.Errorf(noFilesKey[kind], name)
	}
	return files, nil
}

func isYAMLName(n string) bool { return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") }

// readError is a file that could not be read: a file that is not regular, or a folder with too
// many files, is its own sentence; other errors say what could not be read.
func readError(what, name string, err error) error {
	var nr *safefile.NotRegularError
	var tm *safefile.TooManyError
	if errors.As(err, &nr) || errors.As(err, &tm) {
		return err
	}
	return i18n.Errorf("err.cannot-read-named", i18n.Errorf(filesKey[what]), name, unwrapPathError(err))
}

// The catalog keys of the files read, written out so that the catalog test sees each.
var (
	filesKey   = map[string]string{"rules": "err.files-rules", "scenarios": "err.files-scenarios"}
	noFilesKey = map[string]string{"rule": "err.no-rule-files", "scenario": "err.no-scenario-files"}
)

// renamed makes an error about the file read (path) name it as the user knows it (name).
func renamed(err error, path, name string) error {
	if path == name {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	var nr *safefile.NotRegularError
	if errors.As(err, &nr) {
		return &safefile.NotRegularError{Path: name, Mode: nr.Mode}
	}
	var tm *safefile.TooManyError
	if errors.As(err, &tm) {
		return &safefile.TooManyError{Dir: name, What: tm.What, Limit: tm.Limit}
	}
	return err
}

// The two ways the commands read the embedded base: its questions alone, to build the flags,
// and the whole base, when a command runs. Variables, so that a test can tell when each is read
// and what happens when one fails.
var (
	readEmbeddedQuestions = knowledge.EmbeddedQuestions
	readEmbeddedBase      = knowledge.Embedded
)

// embeddedQuestions are the questions of the embedded base, read once per command tree: all
// that building the flags needs.
func (g *globalOptions) embeddedQuestions() ([]*knowledge.Question, error) {
	if g.questions == nil && g.questionsErr == nil {
		g.questions, g.questionsErr = readEmbeddedQuestions()
	}
	return g.questions, g.questionsErr
}

// ruleLayers reads the layers of rule files in load order: the embedded files, then the
// overlays (STACKADVISOR_RULES, --rules), then extra paths (rules validate's arguments).
func (g *globalOptions) ruleLayers(s *Streams, extra ...string) ([][]knowledge.File, error) {
	if _, err := g.project(); err != nil {
		return nil, err
	}
	return layersFrom(sourcesOf(append(g.rulesLayers(s), extra...)))
}

// sourcesOf are overlay paths given by the operator, read as given.
func sourcesOf(paths []string) []overlaySource {
	srcs := make([]overlaySource, len(paths))
	for i, p := range paths {
		srcs[i] = overlaySource{name: p, path: p}
	}
	return srcs
}

// overlaySource is an overlay to read: from path, its files named after name (the path as
// given, or as a record wrote it); inside, when set, the folder all of it must resolve into.
type overlaySource struct {
	name, path, inside string
}

// layersFrom reads the embedded files and then each overlay, one layer per overlay. Together
// the overlays may hold at most limits.OverlayBytes of rule files.
func layersFrom(overlays []overlaySource) ([][]knowledge.File, error) {
	embedded, err := knowledge.EmbeddedFiles()
	if err != nil {
		return nil, failuref("%w", err)
	}
	layers := [][]knowledge.File{embedded}
	total := 0
	for _, o := range overlays {
		files, err := readYAMLFiles(o.path, o.name, o.inside, "rules", "rule")
		if err != nil {
			return nil, usageErrorf("%w", err)
		}
		for _, f := range files {
			total += len(f.Data)
		}
		if total > limits.OverlayBytes {
			return nil, usageErrorf("the overlays together hold more rule-file bytes than the limit of %s (passed at %s)", mib(limits.OverlayBytes), o.name)
		}
		layers = append(layers, files)
	}
	return layers, nil
}

// mib writes a byte count that is a whole number of MiB as "8 MiB".
func mib(n int) string { return fmt.Sprintf("%d MiB", n>>20) }

// loadBase is the embedded knowledge base with the organisation's overlays on top. Invalid
// overlays are usage errors that list every problem with its file:line:col.
func (g *globalOptions) loadBase(s *Streams) (*knowledge.Base, error) {
	if _, err := g.project(); err != nil {
		return nil, err
	}
	return g.loadBaseFrom(s, g.rulesLayers(s))
}

// loadBaseFrom is the embedded knowledge base with the given overlays on top.
func (g *globalOptions) loadBaseFrom(s *Streams, overlays []string) (*knowledge.Base, error) {
	return g.loadBaseSources(s, sourcesOf(overlays))
}

// loadBaseSources is the embedded knowledge base with the given overlays on top. A file that
// cannot be read is an ExitError of its own; problems in the rules are knowledge.Problems
// (wrapped), which tell their files' contents.
func (g *globalOptions) loadBaseSources(s *Streams, overlays []overlaySource) (*knowledge.Base, error) {
	base, err := readEmbeddedBase()
	if err != nil {
		return nil, failuref("the embedded knowledge base is invalid:\n%w", err)
	}
	if len(overlays) == 0 {
		return base, nil
	}
	layers, err := layersFrom(overlays)
	if err != nil {
		return nil, err
	}
	b, err := knowledge.LoadLayers(layers...)
	if err != nil {
		var probs knowledge.Problems
		if errors.As(err, &probs) {
			if probs.Total() == 1 {
				return nil, fileMsg("err.invalid-rules", err)
			}
			return nil, fileMsg("err.invalid-rules-many", probs.Total(), err)
		}
		return nil, fileMsg("err.invalid-rules", err)
	}
	return b, nil
}

// today is the day of the run, which a report compares with the knowledge base's as_of date.
// STACKADVISOR_TODAY (YYYY-MM-DD) sets it, to reproduce a report or test the staleness line;
// a value that is not a date is ignored.
func today() time.Time {
	if v := os.Getenv("STACKADVISOR_TODAY"); v != "" {
		if d, err := knowledge.ParseDay(v); err == nil {
			return d
		}
	}
	return time.Now().UTC()
}
