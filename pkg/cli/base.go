package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// rulesLayers lists the overlay paths: STACKADVISOR_RULES (a path list) first, then each
// --rules in the order given; later layers win where an overlay may override.
// A path given twice is loaded once: its rules would otherwise clash with themselves (and
// cobra's completion parses the flags twice, which repeats every --rules).
func (g *globalOptions) rulesLayers(s *Streams) []string {
	var paths []string
	seen := map[string]bool{}
	for _, p := range append(filepath.SplitList(s.Getenv("STACKADVISOR_RULES")), g.rules...) {
		if p == "" || seen[filepath.Clean(p)] {
			continue
		}
		seen[filepath.Clean(p)] = true
		paths = append(paths, p)
	}
	return paths
}

// readRules reads the rule files of a path: a directory (its *.yaml files, in name order) or
// one file. Names keep the path as given, so problems point at the user's files.
func readRules(path string) ([]knowledge.File, error) { return readYAMLFiles(path, "rules", "rule") }

// readYAMLFiles reads a YAML file, or the *.yaml files of a directory in name order; what names
// the files in errors ("rules", "scenarios"), kind one of them ("rule", "scenario").
func readYAMLFiles(path, what, kind string) ([]knowledge.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the %s: %v", what, unwrapPathError(err))
	}
	if !info.IsDir() {
		data, err := readUserFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s %s: %v", what, path, unwrapPathError(err))
		}
		return []knowledge.File{{Name: path, Data: data}}, nil
	}
	prefix := strings.TrimSuffix(path, string(filepath.Separator)) + string(filepath.Separator)
	files, err := knowledge.ReadFS(os.DirFS(path), ".", prefix)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s %s: %w", what, path, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .yaml %s files in %s", kind, path)
	}
	return files, nil
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
	return layersOf(append(g.rulesLayers(s), extra...))
}

// layersOf reads the embedded files and then each overlay path, one layer per path.
func layersOf(overlays []string) ([][]knowledge.File, error) {
	embedded, err := knowledge.EmbeddedFiles()
	if err != nil {
		return nil, failuref("%w", err)
	}
	layers := [][]knowledge.File{embedded}
	for _, p := range overlays {
		files, err := readRules(p)
		if err != nil {
			return nil, usageErrorf("%w", err)
		}
		layers = append(layers, files)
	}
	return layers, nil
}

// loadBase is the embedded knowledge base with the organisation's overlays on top. Invalid
// overlays are usage errors that list every problem with its file:line:col.
func (g *globalOptions) loadBase(s *Streams) (*knowledge.Base, error) {
	return g.loadBaseFrom(s, g.rulesLayers(s))
}

// loadBaseFrom is the embedded knowledge base with the given overlays on top.
func (g *globalOptions) loadBaseFrom(s *Streams, overlays []string) (*knowledge.Base, error) {
	base, err := readEmbeddedBase()
	if err != nil {
		return nil, failuref("the embedded knowledge base is invalid:\n%w", err)
	}
	if len(overlays) == 0 {
		return base, nil
	}
	layers, err := layersOf(overlays)
	if err != nil {
		return nil, err
	}
	b, err := knowledge.LoadLayers(layers...)
	if err != nil {
		var probs knowledge.Problems
		if errors.As(err, &probs) {
			if len(probs) == 1 {
				return nil, fileErrorf("invalid rules: %w", err)
			}
			return nil, fileErrorf("invalid rules (%d problems):\n%v", len(probs), err)
		}
		return nil, fileErrorf("invalid rules: %w", err)
	}
	return b, nil
}
