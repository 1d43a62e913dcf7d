package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/rules"
)

// Base is a loaded and validated knowledge base.
type Base struct {
	Version string
	// AsOf is the day the base's facts were last checked as a whole (YYYY-MM-DD): no base fact
	// is checked later. Reports show it, and say when it is over six months old.
	AsOf       string
	Digest     string // sha256 over every file, in load order
	Scoring    Scoring
	Topics     []*Topic
	Questions  []*Question
	Categories []*Category // in the order of the categories question's values
	Facts      map[string]*Fact
	// Compat lists the compatibility rules between candidates of different categories, in
	// file order (DESIGN.md §5, rules/README.md "Compatibility").
	Compat []*Compat
	// Migrations say what a move from one candidate to another costs, in file order, an
	// overlay's in place of the base's with its id (rules/migrations.yaml).
	Migrations []*Migration
	Files      []string
	// Notes are remarks on overlay files that are not problems, such as a text without its
	// Chinese (which then falls back to English); `rules validate` prints them.
	Notes Problems

	questions  map[string]*Question
	categories map[string]*Category
	candidates map[string]*Candidate
	// defaultAddOrder lists the questions with a default_add, each after the questions its
	// conditions depend on.
	defaultAddOrder []*Question
}

// Question returns the question with the given id, or nil.
func (b *Base) Question(id string) *Question { return b.questions[id] }

// Category returns the category with the given id, or nil.
func (b *Base) Category(id string) *Category { return b.categories[id] }

// Candidate returns the candidate with the given id (of any category), or nil.
func (b *Base) Candidate(id string) *Candidate { return b.candidates[id] }

// File is one rule file to load: its name (used in positions) and content.
type File struct {
	Name string
	Data []byte
}

// ReadFS reads every *.yaml file directly under dir of fsys, sorted by name; names are
// prefixed with prefix. Subfolders (and links to folders) are left out; a named pipe, device
// or socket among the files is an error naming it (never read), and a folder with more than
// limits.FolderFiles rule files is refused. The folder is listed in batches, so one with very
// many other entries costs bounded memory.
func ReadFS(fsys fs.FS, dir, prefix string) ([]File, error) {
	names, err := ruleFileNames(fsys, dir, prefix)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, n := range names {
		info, err := fs.Stat(fsys, path.Join(dir, n))
		if err == nil && info.IsDir() {
			continue // a link to a folder: a subfolder
		}
		data, err := readFileLimited(fsys, path.Join(dir, n), prefix+n)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: prefix + n, Data: data})
	}
	return files, nil
}

// ruleFileNames lists the rule files of dir, sorted, at most limits.FolderFiles of them.
func ruleFileNames(fsys fs.FS, dir, prefix string) ([]string, error) {
	f, err := fsys.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: dir, Err: errors.New("not a directory")}
	}
	folder := strings.TrimRight(prefix, `/\`)
	if folder == "" {
		folder = dir
	}
	return safefile.Names(rd, isRuleFile, folder, ".yaml rule files", limits.FolderFiles)
}

func isRuleFile(e fs.DirEntry) bool {
	return !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml"))
}

var (
	embeddedOnce sync.Once
	embeddedBase *Base
	embeddedErr  error
)

// precompiled, when set (by embedded_gen.go), returns the embedded base as Go data: already
// decoded and validated when it was generated (without its positions: precompiledPositions).
var precompiled func() *Base

// precompiledQuestionsDigest, when set (by embedded_gen.go), is the digest of the
// questions.yaml the precompiled base was made from.
var precompiledQuestionsDigest string

// questionsFile is the embedded file that holds the questions.
const questionsFile = "questions.yaml"

// EmbeddedQuestionsDigest is the sha256 of the embedded questions.yaml.
func EmbeddedQuestionsDigest() (string, error) {
	data, err := fs.ReadFile(rules.FS, questionsFile)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// EmbeddedQuestions returns the questions of the embedded base without checking the rest of
// it: the precompiled questions when they were made from this questions.yaml (a hash of one
// small file), else those of the whole base, loaded. Building the command line's flags needs
// only these, so --help and completion do not pay for the base.
//
// The questions can come from the generated base while a command later loads the base from
// the YAML (another rule file changed and the generated file was not regenerated): the
// question objects then differ, which is harmless because answers are matched by id and
// questions.yaml is the only file that defines questions (the loader refuses them elsewhere).
func EmbeddedQuestions() ([]*Question, error) {
	if precompiled != nil && precompiledQuestionsDigest != "" {
		if d, err := EmbeddedQuestionsDigest(); err == nil && d == precompiledQuestionsDigest {
			return precompiled().Questions, nil
		}
	}
	b, err := Embedded()
	if err != nil {
		return nil, err
	}
	return b.Questions, nil
}

// Embedded returns the knowledge base built into the binary, loaded once. The Go form of
// the base (embedded_gen.go) is used when it was generated from exactly these rule files;
// otherwise the files are decoded and validated.
func Embedded() (*Base, error) {
	embeddedOnce.Do(func() { embeddedBase, embeddedErr = embedded(precompiled, embeddedDigest) })
	return embeddedBase, embeddedErr
}

// embedded is the precompiled base when its digest is the files' digest (its positions are
// filled in by Positioned, when a command needs them), else the files decoded and validated.
func embedded(pre func() *Base, digest func() (string, error)) (*Base, error) {
	if pre != nil {
		if b := pre(); b != nil {
			if d, err := digest(); err == nil && d == b.Digest {
				return b, nil
			}
		}
	}
	files, err := EmbeddedFiles()
	if err != nil {
		return nil, err
	}
	return Load(files)
}

// embeddedDigest is the Digest LoadLayers computes for the embedded files, hashed as they are
// read, without holding them in memory.
func embeddedDigest() (string, error) {
	entries, err := fs.ReadDir(rules.FS, ".")
	if err != nil {
		return "", err
	}
	h := sha256.New()
	buf := make([]byte, 32<<10)
	for _, e := range entries {
		if !isRuleFile(e) {
			continue
		}
		f, err := rules.FS.Open(e.Name())
		if err != nil {
			return "", err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", "rules/"+e.Name(), info.Size())
		_, err = io.CopyBuffer(h, f, buf)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// EmbeddedFiles returns the rule files built into the binary.
func EmbeddedFiles() ([]File, error) { return ReadFS(rules.FS, ".", "rules/") }

// The patterns are compiled on first use: a process that uses the precompiled base never
// validates, and compiling them at start-up would cost every run.
var (
	idRe   = lazyRegexp(`^[a-z0-9]+(?:[-.][a-z0-9]+)*$`)
	attrRe = lazyRegexp(`^[a-z][a-z0-9_]*$`)
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

type decodedFile struct {
	f      *file
	probs  Problems
	notes  Problems
	ranges Problems // numbers out of range (see decoder.ranges)
}

// decodeFile parses one file and decodes it.
func decodeFile(f File, layer int) decodedFile {
	var out decodedFile
	root := parseYAML(f.Name, f.Data, &out.probs)
	if root == nil {
		return out
	}
	d := &decoder{file: f.Name, probs: &out.probs, overlay: layer > 0, notes: &out.notes, ranges: &out.ranges}
	out.f = &file{name: f.Name, node: root, layer: layer}
	d.decode(root, reflectValue(out.f))
	if len(out.probs) > 0 {
		out.f = nil // the load fails: the file's tree can go at once
		return out
	}
	// The node tree costs about 80 times the file's bytes; past decoding only its top-level
	// keys are needed (keyPos), and the few values kept raw hold their own subtrees.
	out.f.node = topKeys(root)
	return out
}

// topKeys is a copy of a mapping node with its keys and without its values.
func topKeys(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return &yaml.Node{Kind: n.Kind, Line: n.Line, Column: n.Column}
	}
	out := &yaml.Node{Kind: n.Kind, Line: n.Line, Column: n.Column, Content: make([]*yaml.Node, 0, len(n.Content))}
	empty := &yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		out.Content = append(out.Content, &yaml.Node{Kind: k.Kind, Value: k.Value, Line: k.Line, Column: k.Column}, empty)
	}
	return out
}

// decodeBudget is the most bytes of rule files parsed at once. A file's node tree costs
// about 80 times its size, so decoding every file of a large overlay set at once, one per
// core, would cost memory in proportion to the cores: a file of the largest size is decoded
// alone, while the embedded base's files (about half a MiB together) still decode on every
// core.
const decodeBudget = limits.FileBytes

// byteGate lets goroutines take and give back shares of a byte budget.
type byteGate struct {
	mu   sync.Mutex
	cond sync.Cond
	free int
}

func newByteGate(n int) *byteGate {
	g := &byteGate{free: n}
	g.cond.L = &g.mu
	return g
}

func (g *byteGate) acquire(n int) {
	g.mu.Lock()
	for g.free < n {
		g.cond.Wait()
	}
	g.free -= n
	g.mu.Unlock()
}

func (g *byteGate) release(n int) {
	g.mu.Lock()
	g.free += n
	g.mu.Unlock()
	g.cond.Broadcast()
}

// forEach calls fn for 0..n-1, on up to GOMAXPROCS goroutines.
func forEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Pointer[any] // a panic in a goroutine is raised again in the caller's
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, &r)
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(*p)
	}
}

// Load decodes and validates files into a knowledge base. On failure the error is Problems,
// each with its file:line:col.
func Load(files []File) (*Base, error) { return LoadLayers(files) }

// LoadLayers loads a base and overlays on top of it, in order (see rules/README.md,
// "Overlays"): the first layer is the base, each later one an organisation's rules.
func LoadLayers(layers ...[]File) (*Base, error) {
	var probs Problems
	h := sha256.New()
	var files []File
	var fileLayer []int
	for layer, fs := range layers {
		for _, f := range fs {
			files = append(files, f)
			fileLayer = append(fileLayer, layer)
			fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
			h.Write(f.Data)
		}
	}
	// Files are parsed and decoded independently, so on several cores at once; the results
	// are then taken in load order.
	results := make([]decodedFile, len(files))
	gate := newByteGate(decodeBudget)
	forEach(len(files), func(i int) {
		share := min(len(files[i].Data), decodeBudget)
		gate.acquire(share)
		defer gate.release(share)
		results[i] = decodeFile(files[i], fileLayer[i])
	})
	var decoded []*file
	var notes, ranges Problems
	for _, r := range results {
		probs.merge(r.probs)
		notes.merge(r.notes)
		ranges.merge(r.ranges)
		if r.f != nil {
			decoded = append(decoded, r.f)
		}
	}
	// A number out of range leaves its file fully decoded, so the references are checked as
	// well, and every problem is reported in one run.
	decodeFailed := len(probs) > 0
	probs.merge(ranges)
	if decodeFailed {
		// Checking references in half-decoded files would only add noise.
		return nil, probs.sorted()
	}
	b := &Base{
		Digest:     "sha256:" + hex.EncodeToString(h.Sum(nil)),
		Facts:      map[string]*Fact{},
		questions:  map[string]*Question{},
		categories: map[string]*Category{},
		candidates: map[string]*Candidate{},
	}
	for _, f := range files {
		b.Files = append(b.Files, f.Name)
	}
	v := &validator{b: b, probs: &probs}
	v.globals(decoded)
	v.questionsPass(decoded)
	for _, id := range sortedKeys(b.Facts) { // a fact's condition names questions, known only now
		v.condition(b.Facts[id].When)
	}
	v.categoriesPass(decoded)
	v.compatPass(decoded)
	v.migrationsPass(decoded)
	// Terms that did not compile are left out of the consistency checks, which then only
	// see fewer constraints: a contradiction they report is one whatever the other mistakes.
	v.consistencyPass()
	if len(probs) > 0 {
		return nil, probs.sorted()
	}
	if len(notes) > 0 {
		b.Notes = notes.sortedAs("notes")
	}
	return b, nil
}

type validator struct {
	b     *Base
	probs *Problems
	// layerOf is each file's layer (0: the base), known once the categories pass starts.
	layerOf map[string]int
	// ungraded holds the deciding values already reported without a grade.
	ungraded map[*AttrValue]bool
}

func (v *validator) add(pos Pos, format string, args ...any) {
	v.probs.addf(pos, format, args...)
}

func keyPos(f *file, key string) Pos {
	n := f.node
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return Pos{File: f.name, Line: n.Content[i].Line, Col: n.Content[i].Column}
			}
		}
	}
	return Pos{File: f.name, Line: 1, Col: 1}
}

func (v *validator) globals(files []*file) {
	var scoringFile, versionFile *file
	for _, f := range files {
		if f.AsOf != "" && f.layer > 0 {
			v.add(keyPos(f, "as_of"), "an overlay cannot set the knowledge base's as_of date")
		} else if f.AsOf != "" && f.Version == "" {
			v.add(keyPos(f, "as_of"), "as_of belongs beside the knowledge-base version")
		} else if f.AsOf != "" {
			if _, err := ParseDay(f.AsOf); err != nil {
				v.add(keyPos(f, "as_of"), "as_of %q is not a date; write it as YYYY-MM-DD", f.AsOf)
			}
			v.b.AsOf = f.AsOf
		} else if f.Version != "" && f.layer == 0 {
			v.add(keyPos(f, "version"), "the knowledge-base version needs an as_of date beside it (YYYY-MM-DD): the day its facts were last checked")
		}
		if f.Version != "" && f.layer > 0 {
			v.add(keyPos(f, "version"), "an overlay cannot set the knowledge-base version")
		} else if f.Version != "" {
			if versionFile != nil {
				v.add(keyPos(f, "version"), "the knowledge-base version is already set in %s", versionFile.name)
			} else {
				versionFile = f
				v.b.Version = f.Version
			}
		}
		if f.Scoring != nil && scoringFile != nil && scoringFile.layer == f.layer {
			v.add(f.Scoring.Pos, "scoring is already set in %s", scoringFile.name)
		} else if f.Scoring != nil && !numbersInRange(f.Scoring) {
			continue // reported where the number is; the base's knobs stay for the other checks
		} else if f.Scoring != nil { // an overlay may replace the base's scoring knobs
			scoringFile = f
			s := *f.Scoring // each knob's own range is declared with its field (ranges.go)
			if s.Trust == nil && f.layer > 0 {
				s.Trust, s.Neutral = v.b.Scoring.Trust, v.b.Scoring.Neutral // an overlay's knobs keep the base's trust
			}
			if s.Stack == nil && f.layer > 0 {
				s.Stack = v.b.Scoring.Stack // an overlay's knobs keep the base's stack bounds
			}
			if s.Stack == nil {
				v.add(s.Pos, "scoring needs stack: {top_k: …, beam: …, runners_up: …}, the bounds of the stack search")
			}
			if s.Robustness == nil && f.layer > 0 {
				s.Robustness = v.b.Scoring.Robustness // an overlay's knobs keep the base's sampling
			}
			v.robustKnobs(s.Pos, s.Robustness)
			if s.Migration == nil && f.layer > 0 {
				s.Migration = v.b.Scoring.Migration // an overlay's knobs keep the base's migration costs
			}
			if s.Migration == nil {
				v.add(s.Pos, "scoring needs migration: {default_effort: …, max_effort: …}, what a move costs")
			} else if s.Migration.DefaultEffort > s.Migration.MaxEffort {
				v.add(s.Migration.Pos, "migration's default_effort (%v) is above its max_effort (%v)", s.Migration.DefaultEffort, s.Migration.MaxEffort)
			}
			for _, g := range Grades {
				if _, ok := s.Trust[g]; !ok {
					v.add(s.Pos, "trust needs a factor from 0 to 1 for every grade (%s); %s is missing", strings.Join(Grades, ", "), g)
				}
			}
			for g := range s.Trust {
				if !slices.Contains(Grades, g) {
					v.add(s.Pos, "trust names unknown grade %q; grades: %s", g, strings.Join(Grades, ", "))
				}
			}
			v.b.Scoring = s
		}
		for _, fact := range f.Facts {
			v.fact(fact)
		}
	}
	if versionFile == nil {
		v.add(Pos{File: firstName(files), Line: 1, Col: 1}, "no file sets the knowledge-base version (version:)")
	}
	// The base's as_of is the day its facts were last checked as a whole: none is later.
	if _, err := ParseDay(v.b.AsOf); err == nil {
		for _, f := range files {
			for _, fact := range f.Facts {
				if f.layer == 0 && fact.Checked > v.b.AsOf {
					v.add(fact.Pos, "fact %q is checked on %s, after the knowledge base's as_of %s: move as_of forward", fact.ID, fact.Checked, v.b.AsOf)
				}
			}
		}
	}
	if scoringFile == nil {
		v.add(Pos{File: firstName(files), Line: 1, Col: 1}, "no file sets the scoring knobs (scoring:)")
	}
}

// robustKnobs checks the sampling of the robustness analysis.
func (v *validator) robustKnobs(at Pos, k *RobustKnobs) {
	if k == nil {
		v.add(at, "scoring needs robustness: {samples: …, weight_spread: …, value_spread: {…}, robust: …, contested: …, show: …}, the sampling of the robustness analysis")
		return
	}
	// Each knob's own range is declared with its field (ranges.go); what is left here relates
	// two knobs, or asks for a key of a mapping.
	if k.Contested > k.Robust {
		v.add(k.Pos, "robustness needs 0 < contested ≤ robust ≤ 1, found contested %v and robust %v", k.Contested, k.Robust)
	}
	keys := append(slices.Clone(Grades), SpreadDefault)
	for _, g := range keys {
		if _, ok := k.ValueSpread[g]; !ok {
			v.add(k.Pos, "robustness value_spread needs a spread from 0 to 1 for every grade and default (%s); %s is missing", strings.Join(keys, ", "), g)
		}
	}
	for g := range k.ValueSpread {
		if !slices.Contains(keys, g) {
			v.add(k.Pos, "robustness value_spread names unknown grade %q; allowed: %s", g, strings.Join(keys, ", "))
		}
	}
}

func firstName(files []*file) string {
	if len(files) == 0 {
		return "rules"
	}
	return files[0].name
}

var verdicts = []string{VerdictCorrect, VerdictPartly, VerdictDated, VerdictWrong, VerdictUnverified}

func (v *validator) fact(f *Fact) {
	if !idRe().MatchString(f.ID) {
		v.add(f.Pos, "fact id %q must be lower-case words joined by - or .", f.ID)
	}
	if prev, ok := v.b.Facts[f.ID]; ok {
		v.add(f.Pos, "duplicate fact id %q (first defined at %s)", f.ID, prev.Pos)
		return
	}
	if !slices.Contains(verdicts, f.Verdict) {
		v.add(f.Pos, "unknown verdict %q; allowed: %s", f.Verdict, strings.Join(verdicts, ", "))
	}
	if f.Checked != "" {
		if _, err := ParseDay(f.Checked); err != nil {
			v.add(f.Pos, "fact %q: checked %q is not a date; write it as YYYY-MM-DD", f.ID, f.Checked)
		}
	}
	v.source(f.Pos, f.Source)
	v.b.Facts[f.ID] = f
}

// source checks that a source names where a fact comes from: a web address, or a section of
// the report ("report: <section>").
func (v *validator) source(pos Pos, src string) {
	if src == "" {
		return // a missing source is reported as a missing required key
	}
	if strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://") {
		if len(strings.TrimSpace(strings.SplitN(src, "://", 2)[1])) > 0 && !strings.ContainsAny(src, " \t\n") {
			return
		}
	}
	if rest, ok := strings.CutPrefix(src, "report: "); ok && strings.TrimSpace(rest) != "" {
		return
	}
	v.add(pos, "source %q is neither a web address (https://…) nor a section of the report (\"report: <section>\")", src)
}

var questionTypes = []string{TypeOne, TypeMulti, TypeBool, TypeInt}

func (v *validator) questionsPass(files []*file) {
	var qFile *file
	for _, f := range files {
		if f.Questions == nil && f.Topics == nil {
			continue
		}
		if f.layer > 0 {
			v.add(keyPos(f, "questions"), "an overlay cannot define topics or questions: they are the flags of the command line")
			continue
		}
		if qFile != nil {
			v.add(keyPos(f, "questions"), "questions are already defined in %s; only one file may define them", qFile.name)
			continue
		}
		qFile = f
		topics := map[string]bool{}
		for _, t := range f.Topics {
			if topics[t.ID] {
				v.add(t.Pos, "duplicate topic id %q", t.ID)
			}
			topics[t.ID] = true
			v.b.Topics = append(v.b.Topics, t)
		}
		for _, q := range f.Questions {
			if !idRe().MatchString(q.ID) {
				v.add(q.Pos, "question id %q must be lower-case words joined by -", q.ID)
			}
			if _, dup := v.b.questions[q.ID]; dup {
				v.add(q.Pos, "duplicate question id %q", q.ID)
				continue
			}
			if !topics[q.Topic] {
				v.add(q.Pos, "question %q names unknown topic %q; topics: %s", q.ID, q.Topic, strings.Join(sortedKeys(topics), ", "))
			}
			v.b.questions[q.ID] = q
			v.b.Questions = append(v.b.Questions, q)
		}
	}
	if qFile == nil {
		v.add(Pos{File: firstName(files), Line: 1, Col: 1}, "no file defines the questions")
		return
	}
	for _, q := range v.b.Questions {
		if q.ValuesFrom != "" {
			v.valuesFrom(q, files)
		}
		v.question(q)
	}
	for _, t := range v.b.Topics {
		v.condition(t.ShowWhen)
	}
	if v.b.questions[QCategories] == nil || v.b.questions[QPriorities] == nil {
		v.add(keyPos(qFile, "questions"), "the questions must include categories and priorities")
	}
}

func (v *validator) question(q *Question) {
	if !slices.Contains(questionTypes, q.Type) {
		v.add(q.Pos, "question %q has unknown type %q; allowed: %s", q.ID, q.Type, strings.Join(questionTypes, ", "))
		return
	}
	hasValues := q.Type == TypeOne || q.Type == TypeMulti
	if hasValues && len(q.Values) < 2 && q.ValuesFrom == "" {
		v.add(q.Pos, "question %q (%s) needs at least two values", q.ID, q.Type)
	}
	if !hasValues && len(q.Values) > 0 {
		v.add(q.Values[0].Pos, "question %q is %s and cannot list values", q.ID, q.Type)
	}
	seen := map[string]bool{}
	for _, c := range q.Values {
		if !idRe().MatchString(c.ID) {
			v.add(c.Pos, "value %q must be lower-case words joined by -", c.ID)
		}
		if seen[c.ID] {
			v.add(c.Pos, "duplicate value %q", c.ID)
		}
		seen[c.ID] = true
	}
	for _, c := range q.Values { // a former id reads as one value only
		for _, a := range c.Aliases {
			if !idRe().MatchString(a) {
				v.add(c.Pos, "alias %q of value %q must be lower-case words joined by -", a, c.ID)
			}
			if seen[a] {
				v.add(c.Pos, "alias %q of value %q is already a value or an alias of %q", a, c.ID, q.ID)
			}
			seen[a] = true
		}
	}
	if q.Max != nil && q.Type != TypeMulti && q.Type != TypeInt {
		v.add(q.Pos, "max applies only to multi and int questions")
	}
	if q.Min != nil && q.Type != TypeInt && q.Type != TypeMulti {
		v.add(q.Pos, "min applies only to multi and int questions")
	}
	if q.Type == TypeMulti && q.Min != nil && (*q.Min < 0 || (q.Max != nil && *q.Min > *q.Max) || *q.Min > len(q.Values)) {
		v.add(q.Pos, "min of %q must be between 0 and its max", q.ID)
	}
	if q.Type == TypeMulti && q.Max != nil && (*q.Max < 1 || *q.Max > len(q.Values)) {
		v.add(q.Pos, "max of %q must be between 1 and %d", q.ID, len(q.Values))
	}
	if q.Type == TypeInt && q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		v.add(q.Pos, "min of %q is above its max", q.ID)
	}
	if q.Default.IsSet() {
		val, err := q.decodeRaw(q.Default.Node)
		if err != nil {
			v.add(Pos{File: q.Pos.File, Line: q.Default.Node.Line, Col: q.Default.Node.Column}, "default of %q: %v", q.ID, err)
		}
		q.DefaultValue = val
	}
	if len(q.DefaultAdd) > 0 && q.Type != TypeMulti {
		v.add(q.DefaultAdd[0].Pos, "default_add applies only to multi questions")
	}
	for _, da := range q.DefaultAdd {
		v.condition(&da.When)
		for _, a := range da.Add {
			if q.Choice(a) == nil {
				v.add(da.Pos, "default_add of %q adds %q, which is not one of its values (%s)", q.ID, a, strings.Join(q.ValueIDs(), ", "))
			}
		}
	}
	v.condition(q.ShowWhen)
}

// valuesFrom fills the values of a question whose values are the candidates' ids (current),
// from every layer's candidates, category by category in the categories question's order, each
// labelled with its name. The candidates are checked later, in the categories pass; a duplicate
// id is left out here.
func (v *validator) valuesFrom(q *Question, files []*file) {
	if q.ValuesFrom != "candidates" || q.Type != TypeMulti || len(q.Values) > 0 {
		v.add(q.Pos, "question %q: values_from: candidates applies to a multi question without values", q.ID)
		return
	}
	seen := map[string]bool{}
	var cats []string
	if cq := v.b.questions[QCategories]; cq != nil {
		cats = cq.ValueIDs()
	}
	order := func(f *file) int {
		if i := slices.Index(cats, f.Category); i >= 0 {
			return i
		}
		return len(cats)
	}
	sorted := slices.Clone(files)
	slices.SortStableFunc(sorted, func(a, b *file) int { return order(a) - order(b) })
	for _, f := range sorted {
		if f.Category == "" {
			continue
		}
		for _, c := range f.Candidates {
			if seen[c.ID] || c.ID == "" {
				continue
			}
			seen[c.ID] = true
			zh := c.NameZh
			if zh == "" {
				zh = c.Name
			}
			q.Values = append(q.Values, &Choice{Pos: c.Pos, ID: c.ID, Label: Text{Pos: c.Pos, En: c.Name, Zh: zh}})
		}
	}
}

// condition compiles every term against the questions.
func (v *validator) condition(c *Condition) {
	if c == nil {
		return
	}
	for _, t := range c.Terms {
		q := v.b.questions[t.Key]
		if q == nil {
			v.add(t.Pos, "unknown question %q; known questions: %s", t.Key, strings.Join(sortedKeys(v.b.questions), ", "))
			continue
		}
		if t.Answer != "" {
			v.add(t.Pos, "{answer: …} is for rule targets, not for conditions on answers")
			continue
		}
		var allowed []string
		if q.Type == TypeOne || q.Type == TypeMulti {
			allowed = q.ValueIDs()
		}
		compileTerm(v.probs, t, "question", q.Type, allowed, v.b.questions, func(s string) string {
			if c := q.Choice(s); c != nil {
				return c.ID
			}
			return s
		})
	}
	for _, sub := range c.AnyOf {
		if sub.IsEmpty() {
			v.add(sub.Pos, "an any_of entry needs at least one term")
		}
		v.condition(sub)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
