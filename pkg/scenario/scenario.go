// Package scenario reads scenario files — answers and what the ranking must show — and checks
// them against a knowledge base. The embedded base's own tests (testdata/scenarios) and an
// organisation's tests of its overlay (`stackadvisor rules test`) use the same format:
//
//	name: Docker is excluded by our policy
//	covers: [engine-docker-ci]          # optional: statements of rules/COVERAGE.md
//	answers: {categories: [engine], workloads: [batch-ci]}
//	expect:
//	  engine:
//	    top: podman                      # the first of the ranking
//	    top_in: [podman, containerd]     # the first is one of these
//	    excluded: [docker]               # excluded by a rule
//	    not_excluded: [containerd]       # ranked, not excluded
//	    order: [podman, containerd]      # ranked in this order (others may sit between)
//	    rules: [org.no-docker]           # rules that fired
//	    not_rules: [engine.ci-pipelines] # rules that did not fire
//	    corrections: {docker: [fact-id]} # corrections shown beside a candidate
//	    not_corrections: {docker: [id]}  # corrections these answers do not show
//	    empty: true                      # no candidate left (by default: some are)
//	stack:                               # the recommended stack (two or more categories)
//	  parts: [containerd, k3s, runc]     # exactly these, one per ranked category
//	  includes: [k3s]                    # these are in it
//	  not_includes: [docker]             # these are not
//	  rules: [compat.k3s-bundles-containerd]  # compatibility rules that touch it or say why not
//	  swaps: [engine]                    # categories whose first is not in it
//	  blocked: true                      # no compatible stack (by default: there is one)
//
// Like the engine, the package is pure: bytes and a base in, results out.
package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Scenario is one scenario file.
type Scenario struct {
	File    string                 `yaml:"-"`
	Name    string                 `yaml:"name"`
	Covers  []string               `yaml:"covers"`
	Answers yaml.Node              `yaml:"answers"`
	Expect  map[string]Expectation `yaml:"expect"`
	Stack   *StackExpectation      `yaml:"stack"`
}

// StackExpectation is what the recommended stack must show; fields left out are not checked,
// but for Blocked.
type StackExpectation struct {
	Parts       []string `yaml:"parts"`
	Includes    []string `yaml:"includes"`
	NotIncludes []string `yaml:"not_includes"`
	Rules       []string `yaml:"rules"`
	Swaps       []string `yaml:"swaps"`
	// Blocked is whether no compatible stack exists; checked always (false by default).
	Blocked bool `yaml:"blocked"`
}

// Expectation is what one category's result must show; fields left out are not checked, but
// for Empty, which says whether any candidate is left.
type Expectation struct {
	Top         string              `yaml:"top"`
	TopIn       []string            `yaml:"top_in"`
	Excluded    []string            `yaml:"excluded"`
	NotExcluded []string            `yaml:"not_excluded"`
	Order       []string            `yaml:"order"`
	Rules       []string            `yaml:"rules"`
	NotRules    []string            `yaml:"not_rules"`
	Corrections map[string][]string `yaml:"corrections"`
	// NotCorrections are corrections a candidate has that these answers must not show.
	NotCorrections map[string][]string `yaml:"not_corrections"`
	// Empty is whether no candidate is left; checked always (false by default).
	Empty bool `yaml:"empty"`
}

// Parse reads a scenario file strictly: an unknown key, a missing name or expect, or a second
// document is an error that names the file (and the line, where YAML gives one).
func Parse(file string, data []byte) (*Scenario, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty scenario file", file)
		}
		return nil, decodeError(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: one scenario per file (a second document follows)", file)
	}
	s.File = file
	switch {
	case strings.TrimSpace(s.Name) == "":
		return nil, fmt.Errorf("%s:1: a scenario needs a name (name: what it shows, and why)", file)
	case len(s.Expect) == 0 && s.Stack == nil:
		return nil, fmt.Errorf("%s: a scenario needs expect: at least one category and what its result must show (or stack: what the recommended stack must show)", file)
	case s.Answers.Kind != 0 && s.Answers.Kind != yaml.MappingNode:
		return nil, fmt.Errorf("%s:%d:%d: answers must be a mapping of question ids to answers", file, s.Answers.Line, s.Answers.Column)
	}
	for cat, e := range s.Expect {
		for key, list := range map[string][]string{"top_in": e.TopIn, "excluded": e.Excluded, "not_excluded": e.NotExcluded, "order": e.Order, "rules": e.Rules, "not_rules": e.NotRules} {
			if list != nil && len(list) == 0 {
				return nil, fmt.Errorf("%s: expect.%s.%s is an empty list, which checks nothing; leave it out or name what it expects", file, cat, key)
			}
		}
	}
	return &s, nil
}

var (
	unknownFieldRe = regexp.MustCompile(`^line (\d+): field (\S+) not found in type \S+$`)
	lineRe         = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
)

// decodeError rewrites the YAML decoder's errors as file:line: sentences, one per line.
func decodeError(file string, err error) error {
	var te *yaml.TypeError
	msgs := []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for i, m := range msgs {
		if g := unknownFieldRe.FindStringSubmatch(m); g != nil {
			msgs[i] = limits.Sprintf("%s:%s: unknown key %q", file, g[1], g[2])
		} else if g := lineRe.FindStringSubmatch(m); g != nil {
			msgs[i] = fmt.Sprintf("%s:%s: %s", file, g[1], g[2])
		} else {
			msgs[i] = file + ": " + m
		}
	}
	return errors.New(strings.Join(msgs, "\n"))
}

// Result is the outcome of one scenario: no failures means it passed.
type Result struct {
	Scenario *Scenario
	Failures []string
}

// Passed tells whether every expectation held.
func (r *Result) Passed() bool { return len(r.Failures) == 0 }

// Given parses the scenario's answers against b's questions.
func (s *Scenario) Given(b *knowledge.Base) (knowledge.Answers, error) {
	if s.Answers.Kind == 0 {
		return knowledge.Answers{}, nil
	}
	return b.ParseAnswersNode(s.File, &s.Answers)
}

// Run answers the scenario's questions on b and checks every expectation.
func Run(b *knowledge.Base, s *Scenario) *Result {
	r := &Result{Scenario: s}
	given, err := s.Given(b)
	if err != nil {
		r.Failures = append(r.Failures, fmt.Sprintf("the answers are not valid: %v", err))
		return r
	}
	res, err := engine.Run(b, given)
	if err != nil {
		r.Failures = append(r.Failures, fmt.Sprintf("the answers are not valid: %v", err))
		return r
	}
	cats := make([]string, 0, len(s.Expect))
	for id := range s.Expect {
		cats = append(cats, id)
	}
	slices.Sort(cats)
	for _, id := range cats {
		if b.Category(id) == nil {
			var all []string
			for _, c := range b.Categories {
				all = append(all, c.ID)
			}
			r.Failures = append(r.Failures, fmt.Sprintf("%s: unknown category; categories: %s", id, strings.Join(all, ", ")))
			continue
		}
		var cr *engine.CategoryResult
		for _, c := range res.Categories {
			if c.Category.ID == id {
				cr = c
			}
		}
		if cr == nil {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: not a category the answers ask for (categories: %s)", id, strings.Join(requested(res), ", ")))
			continue
		}
		r.Failures = append(r.Failures, check(b, cr, res.Answers, s.Expect[id])...)
	}
	if s.Stack != nil {
		r.Failures = append(r.Failures, checkStack(b, res, s.Stack)...)
	}
	// A scenario is a file anyone may write: its failures are bounded like a load's problems.
	if n := len(r.Failures) - limits.Problems; n > 0 {
		r.Failures = append(r.Failures[:limits.Problems:limits.Problems], fmt.Sprintf("and %d more failures", n))
	}
	return r
}

// TouchedCompat lists the compatibility rules a stack answer shows: those that touch the best
// stack, those that say why a category's first is not in it, and those that block every stack.
func TouchedCompat(sr *engine.StackResult) []string {
	var ids []string
	add := func(effects []engine.StackEffect) {
		for _, e := range effects {
			if !slices.Contains(ids, e.Rule.ID) {
				ids = append(ids, e.Rule.ID)
			}
		}
	}
	if sr.Best != nil {
		add(sr.Best.Effects)
	}
	for _, sw := range sr.Swaps {
		add(sw.RuledOut)
		add(sw.Effects)
	}
	add(sr.Blocked)
	return ids
}

func checkStack(b *knowledge.Base, res *engine.Result, exp *StackExpectation) []string {
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, "stack: "+limits.Sprintf(format, args...)) }
	sr := res.Stack
	if sr == nil {
		return []string{"stack: no stack: the answers rank fewer than two categories (categories: " + strings.Join(requested(res), ", ") + ")"}
	}
	for _, id := range slices.Concat(exp.Parts, exp.Includes, exp.NotIncludes) {
		if b.Candidate(id) == nil {
			failf("unknown candidate %q", id)
		}
	}
	known := map[string]bool{}
	for _, c := range b.Compat {
		known[c.ID] = true
	}
	for _, id := range exp.Rules {
		if !known[id] {
			failf("unknown compatibility rule %q", id)
		}
	}
	if len(fails) > 0 {
		return fails
	}
	touched := TouchedCompat(sr)
	for _, id := range exp.Rules {
		if !slices.Contains(touched, id) {
			failf("rule %s neither touches the stack nor explains it (rules: %v)", id, touched)
		}
	}
	if sr.Best == nil {
		if !exp.Blocked {
			failf("no compatible stack, want one (ruled out by %s)", strings.Join(touched, ", "))
		}
		return fails
	}
	if exp.Blocked {
		failf("want no compatible stack, got %s", sr.Best.Key())
		return fails
	}
	var parts []string
	for _, p := range sr.Best.Parts {
		parts = append(parts, p.Candidate.ID)
	}
	if exp.Parts != nil && !slices.Equal(parts, exp.Parts) {
		failf("parts are %v, want %v", parts, exp.Parts)
	}
	for _, id := range exp.Includes {
		if !slices.Contains(parts, id) {
			failf("%s is not in the stack %v", id, parts)
		}
	}
	for _, id := range exp.NotIncludes {
		if slices.Contains(parts, id) {
			failf("%s is in the stack %v, want it left out", id, parts)
		}
	}
	var swaps []string
	for _, sw := range sr.Swaps {
		swaps = append(swaps, sw.Category.ID)
	}
	for _, id := range exp.Swaps {
		if !slices.Contains(swaps, id) {
			failf("the stack holds %s's first candidate; want another (swaps: %v)", id, swaps)
		}
	}
	return fails
}

func requested(res *engine.Result) []string {
	var ids []string
	for _, c := range res.Categories {
		ids = append(ids, c.Category.ID)
	}
	return ids
}

func check(b *knowledge.Base, cr *engine.CategoryResult, answers knowledge.Answers, exp Expectation) []string {
	var fails []string
	failf := func(format string, args ...any) {
		fails = append(fails, cr.Category.ID+": "+limits.Sprintf(format, args...))
	}
	ranked := make([]string, len(cr.Ranking))
	for i, r := range cr.Ranking {
		ranked[i] = r.Candidate.ID
	}
	excluded := make([]string, len(cr.Excluded))
	for i, e := range cr.Excluded {
		excluded[i] = e.Candidate.ID
	}
	known := func(id string) bool {
		if b.Candidate(id) == nil {
			failf("unknown candidate %q in the expectation", id)
			return false
		}
		return true
	}
	top := ""
	if len(ranked) > 0 {
		top = ranked[0]
	}
	if exp.Top != "" && known(exp.Top) && top != exp.Top {
		failf("top is %q, want %q (ranking %v, excluded %v)", top, exp.Top, ranked, excluded)
	}
	if len(exp.TopIn) > 0 && !slices.Contains(exp.TopIn, top) {
		failf("top is %q, want one of %v (ranking %v)", top, exp.TopIn, ranked)
	}
	for _, id := range exp.Excluded {
		if known(id) && !slices.Contains(excluded, id) {
			failf("%q is not excluded (excluded: %v)", id, excluded)
		}
	}
	for _, id := range exp.NotExcluded {
		if known(id) && !slices.Contains(ranked, id) {
			failf("%q is not ranked (ranking %v, excluded %v)", id, ranked, excluded)
		}
	}
	last := -1
	for _, id := range exp.Order {
		if !known(id) {
			continue
		}
		i := slices.Index(ranked, id)
		if i < 0 {
			failf("%q of the expected order is not ranked (ranking %v)", id, ranked)
			continue
		}
		if i < last {
			failf("order %v not kept (ranking %v)", exp.Order, ranked)
			break
		}
		last = i
	}
	fired := make([]string, len(cr.Fired))
	for i, r := range cr.Fired {
		fired[i] = r.ID
	}
	knownRule := func(id string) bool {
		if !slices.ContainsFunc(cr.Category.Rules, func(r *knowledge.Rule) bool { return r.ID == id }) {
			failf("unknown rule %q in the expectation (not a rule of %s)", id, cr.Category.ID)
			return false
		}
		return true
	}
	for _, id := range exp.Rules {
		if knownRule(id) && !slices.Contains(fired, id) {
			failf("rule %q did not fire (fired: %v)", id, fired)
		}
	}
	for _, id := range exp.NotRules {
		if knownRule(id) && slices.Contains(fired, id) {
			failf("rule %q fired, and should not have", id)
		}
	}
	cands := make([]string, 0, len(exp.Corrections)+len(exp.NotCorrections))
	for id := range exp.Corrections {
		cands = append(cands, id)
	}
	for id := range exp.NotCorrections {
		if _, both := exp.Corrections[id]; !both {
			cands = append(cands, id)
		}
	}
	slices.Sort(cands)
	for _, candID := range cands {
		c := b.Candidate(candID)
		if c == nil {
			failf("unknown candidate %q in corrections", candID)
			continue
		}
		var got []string
		for _, f := range c.Corrections {
			if f.AppliesTo(answers) {
				got = append(got, f.ID)
			}
		}
		for _, f := range exp.Corrections[candID] {
			if b.Facts[f] == nil {
				failf("unknown fact %q in corrections", f)
				continue
			}
			if !slices.Contains(got, f) {
				failf("%s shows no correction %q (corrections: %v)", candID, f, got)
			}
		}
		for _, f := range exp.NotCorrections[candID] {
			if b.Facts[f] == nil {
				failf("unknown fact %q in not_corrections", f)
				continue
			}
			if slices.Contains(got, f) {
				failf("%s shows correction %q, and should not", candID, f)
			}
		}
		if !slices.Contains(ranked, candID) && !slices.Contains(excluded, candID) {
			failf("%s is not in this category's result", candID)
		}
	}
	if exp.Empty != (len(ranked) == 0) {
		failf("empty is %v, want %v (ranking %v, excluded %v)", len(ranked) == 0, exp.Empty, ranked, excluded)
	}
	return fails
}
