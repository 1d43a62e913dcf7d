package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// ConfigName is the project file: found in the working folder or a folder above it, up to the
// top of its git repository, like golangci-lint's.
const ConfigName = ".stackadvisor.yaml"

// projectConfig is a project file: the overlays every command loads, the answers every
// recommendation starts from, and the folder of the decision records. It arrives in pull
// requests like any file of the repository, so its paths must stay inside the repository.
type projectConfig struct {
	path string // as found or given
	dir  string // its folder: its paths are relative to it
	root string // the repository's top level (or dir): its paths must stay inside

	rules   []string // the overlays, as paths the process can open
	answers []byte   // the answers mapping, as YAML, for Base.ParseAnswers
	adr     string   // the folder of the decision records, as a path the process can open
}

// configFile is the project file's format (pkg/schema/config.schema.json).
type configFile struct {
	Rules   []string  `yaml:"rules"`
	Answers yaml.Node `yaml:"answers"`
	ADR     string    `yaml:"adr"`
}

// project is the project file that applies: --config's, else the one found from the working
// folder, else none (also with --no-config). Found and read once per run.
func (g *globalOptions) project() (*projectConfig, error) {
	if g.projectDone {
		return g.projectConf, g.projectErr
	}
	g.projectDone = true
	g.projectConf, g.projectErr = g.findProject()
	return g.projectConf, g.projectErr
}

func (g *globalOptions) findProject() (*projectConfig, error) {
	if g.noConfig {
		return nil, nil
	}
	if g.config != "" {
		return loadProject(g.config)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil
	}
	top := repositoryOfDir(wd)
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, ConfigName)
		if _, err := os.Lstat(p); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil {
				p = rel // named as the user sees it from here
			}
			return loadProject(p)
		}
		if d == top || filepath.Dir(d) == d || !within(top, d) {
			return nil, nil // never above the repository's top
		}
	}
}

// loadProject reads and checks a project file.
func loadProject(path string) (*projectConfig, error) {
	data, err := readUserFile(path, limits.FileBytes)
	if err != nil {
		return nil, fileMsg("err.config-unreadable", unwrapPathError(err))
	}
	var f configFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fileMsg("err.config-invalid", path, oneLineErr(err))
	}
	dir := filepath.Dir(path)
	c := &projectConfig{path: path, dir: dir, root: repositoryOfDir(dir)}
	for _, r := range f.Rules {
		p, err := c.inside(r, "rules")
		if err != nil {
			return nil, err
		}
		c.rules = append(c.rules, p)
	}
	if f.ADR != "" {
		p, err := c.inside(f.ADR, "adr")
		if err != nil {
			return nil, err
		}
		c.adr = p
	}
	if f.Answers.Kind != 0 {
		if f.Answers.Kind != yaml.MappingNode {
			return nil, fileMsg("err.config-invalid", path, "answers: a mapping of question ids to answers is allowed")
		}
		out, err := yaml.Marshal(&f.Answers)
		if err != nil {
			return nil, fileMsg("err.config-invalid", path, oneLineErr(err))
		}
		c.answers = out
	}
	return c, nil
}

// inside checks a path the project file names: relative to the file's folder, plain text,
// inside the repository once symbolic links are followed; it returns the path to open.
func (c *projectConfig) inside(p, key string) (string, error) {
	shown := safefile.Excerpt(p)
	bad := func(why string) error { return fileMsg("err.config-path", c.path, key, shown, i18n.Errorf(why)) }
	switch {
	case p == "" || strings.IndexFunc(p, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError }) >= 0 || !utf8.ValidString(p):
		return "", bad("err.config-path-plain")
	case filepath.IsAbs(p) || filepath.VolumeName(p) != "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`):
		return "", bad("err.config-path-relative")
	}
	joined := filepath.Join(c.dir, p)
	abs, err := filepath.Abs(joined)
	if err != nil {
		return "", bad("err.config-path-inside")
	}
	if !within(c.root, abs) {
		return "", bad("err.config-path-inside")
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil && !within(c.root, real) {
		return "", bad("err.config-path-inside")
	}
	return joined, nil
}

// answersFor are the project file's answers for the questions of b (nil when it gives none).
func (c *projectConfig) answersFor(b *knowledge.Base) (knowledge.Answers, error) {
	if c == nil || c.answers == nil {
		return nil, nil
	}
	a, err := b.ParseAnswers(c.path+" (answers)", c.answers)
	if err != nil {
		return nil, fileMsg("err.config-invalid", c.path, oneLineErr(err))
	}
	return a, nil
}

// oneLineErr is an error's text on one line.
func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
