package knowledge

import (
	"slices"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

// Kinds of compatibility rule.
const (
	// CompatRequires: the candidate works only with one of With (all of one category); any
	// other pick of that category makes the stack incompatible.
	CompatRequires = "requires"
	// CompatBundles: the candidate brings With[0] along; another pick of its category adds a
	// second one and costs Points (below 0).
	CompatBundles = "bundles"
	// CompatConflicts: the candidate does not work with any of With.
	CompatConflicts = "conflicts"
	// CompatWorksWith: the candidate works with each of With, with a caveat; Points (optional,
	// either sign) adjust the stack's score.
	CompatWorksWith = "works-with"
)

var compatKinds = []string{CompatRequires, CompatBundles, CompatConflicts, CompatWorksWith}

// Compat is a fact about how candidates of different categories fit together in one stack,
// with its source and its explanation in both languages.
type Compat struct {
	Pos       Pos
	ID        string    `yaml:"id,required"`
	Kind      string    `yaml:"kind,required"`
	Candidate string    `yaml:"candidate,required"`
	With      []string  `yaml:"with,required"`
	Points    float64   `yaml:"points" range:"[-1000,1000]"`
	When      Condition `yaml:"when"`
	Because   Text      `yaml:"because,required"`
	Source    string    `yaml:"source,required"`
	// Installs, on a requires rule with one candidate in With, says the candidate installs that
	// one itself (OpenShift's nodes ship CRI-O): a move to it that comes with the candidate
	// costs nothing of its own.
	Installs bool `yaml:"installs"`

	// Overlay is set when the rule comes from an overlay (--rules).
	Overlay bool
	// Index is the rule's place in Base.Compat (file order).
	Index int
	// Category is the candidate's category; WithCategories those of With, in With's order.
	Category       string
	WithCategories []string
}

// Incompatible tells a rule that rules a pair out (requires, conflicts).
func (c *Compat) Incompatible() bool { return c.Kind == CompatRequires || c.Kind == CompatConflicts }

// Excludes tells whether the rule rules out a stack holding the candidate and other (a
// candidate of another category), given the stack's pick of other's category.
func (c *Compat) Excludes(other string) bool {
	switch c.Kind {
	case CompatConflicts:
		return slices.Contains(c.With, other)
	case CompatRequires:
		return !slices.Contains(c.With, other)
	}
	return false
}

func (v *validator) compatPass(files []*file) {
	ids := map[string]*Compat{}
	var all []*Compat
	tooMany := overLimits{}
	defer tooMany.report(v)
	for _, f := range files {
		if len(f.Compatibility) > 0 && f.Category != "" {
			v.add(keyPos(f, "compatibility"), "compatibility rules span categories: put them in a file without category: (rules/compatibility.yaml)")
			continue
		}
		for _, c := range f.Compatibility {
			c.Overlay = f.layer > 0
			if prev := ids[c.ID]; prev != nil {
				v.add(c.Pos, "duplicate compatibility id %q (first defined at %s)", c.ID, prev.Pos)
				continue
			}
			ids[c.ID] = c
			if len(all) >= limits.CompatRules {
				// Past the limit, left out of the checks, which compare rules pairwise.
				tooMany.count(c.Pos, "the knowledge base", "compatibility rules", limits.CompatRules)
				continue
			}
			if v.compat(c) {
				c.Index = len(all)
				all = append(all, c)
			}
		}
	}
	v.compatContradictions(all)
	v.compatCycles(all)
	v.b.Compat = all
	for _, c := range v.b.candidates {
		c.Compat = nil
	}
	for _, r := range all {
		if c := v.b.candidates[r.Candidate]; c != nil {
			c.Compat = append(c.Compat, r)
		}
	}
}

// candidateRef resolves a candidate id named by a compatibility rule, or reports it.
func (v *validator) candidateRef(pos Pos, ruleID, id string) *Candidate {
	return v.candidateNamed(pos, "compatibility rule", ruleID, id)
}

// candidateNamed resolves a candidate id that what (a compatibility rule, a migration) named
// owner names, or reports it, with the nearest id when one is close.
func (v *validator) candidateNamed(pos Pos, what, owner, id string) *Candidate {
	if c := v.b.candidates[id]; c != nil {
		return c
	}
	if near := Closest(id, sortedKeys(v.b.candidates)); near != "" {
		v.add(pos, "%s %q names unknown candidate %q; did you mean %q?", what, owner, id, near)
	} else {
		v.add(pos, "%s %q names unknown candidate %q", what, owner, id)
	}
	return nil
}

// compat checks one rule; false when its references do not resolve.
func (v *validator) compat(c *Compat) bool {
	if !idRe().MatchString(c.ID) {
		v.add(c.Pos, "compatibility id %q must be lower-case words joined by - or .", c.ID)
	}
	v.source(c.Pos, c.Source)
	if !slices.Contains(compatKinds, c.Kind) {
		v.add(c.Pos, "compatibility rule %q has unknown kind %q; allowed: %s", c.ID, c.Kind, strings.Join(compatKinds, ", "))
		return false
	}
	v.condition(&c.When)
	if c.Installs && (c.Kind != CompatRequires || len(c.With) != 1) {
		v.add(c.Pos, "compatibility rule %q: installs applies only to a requires rule with one candidate in with", c.ID)
	}
	ok := true
	cand := v.candidateRef(c.Pos, c.ID, c.Candidate)
	if cand == nil {
		ok = false
	} else {
		c.Category = cand.Category
	}
	if len(c.With) == 0 {
		v.add(c.Pos, "compatibility rule %q needs with: the candidates of another category it is about", c.ID)
		return false
	}
	c.WithCategories = make([]string, len(c.With))
	seen := map[string]bool{}
	for i, id := range c.With {
		if seen[id] {
			v.add(c.Pos, "compatibility rule %q names %q twice", c.ID, id)
		}
		seen[id] = true
		w := v.candidateRef(c.Pos, c.ID, id)
		if w == nil {
			ok = false
			continue
		}
		c.WithCategories[i] = w.Category
		if cand != nil && w.Category == cand.Category {
			v.add(c.Pos, "compatibility rule %q pairs %q with %q of the same category (%s); a stack holds one candidate per category", c.ID, c.Candidate, id, w.Category)
			ok = false
		}
	}
	if ok && (c.Kind == CompatRequires || c.Kind == CompatBundles) {
		for _, cat := range c.WithCategories[1:] {
			if cat != c.WithCategories[0] {
				v.add(c.Pos, "%s rule %q names candidates of several categories (%s); give one category's candidates", c.Kind, c.ID, strings.Join(c.WithCategories, ", "))
				ok = false
				break
			}
		}
	}
	maxPts := v.b.Scoring.MaxRulePoints
	pts := strconv.FormatFloat(c.Points, 'f', -1, 64)
	inRange := numbersInRange(c) // points out of range are reported where they are
	switch c.Kind {
	case CompatBundles:
		if len(c.With) != 1 {
			v.add(c.Pos, "bundles rule %q names one bundled candidate in with, found %d", c.ID, len(c.With))
			ok = false
		}
		if inRange && (c.Points >= 0 || -c.Points > maxPts) {
			v.add(c.Pos, "bundles rule %q needs points from -%s to below 0: what another pick of %s costs; found %s", c.ID, formatNumber(maxPts), firstOr(c.WithCategories, "that category"), pts)
		}
	case CompatWorksWith:
		if inRange && (c.Points < -maxPts || c.Points > maxPts) {
			v.add(c.Pos, "points of works-with rule %q must be from -%s to %s; found %s", c.ID, formatNumber(maxPts), formatNumber(maxPts), pts)
		}
	default:
		if inRange && c.Points != 0 {
			v.add(c.Pos, "points do not apply to %s rules (%q rules the pair out)", c.Kind, c.ID)
		}
	}
	return ok
}

func firstOr(s []string, def string) string {
	if len(s) > 0 && s[0] != "" {
		return s[0]
	}
	return def
}

// compatContradictions reports a pair that one rule rules out and another of the same layer
// says works (or bundles). Conditions are not compared: two rules on the same pair contradict
// unless both rule it out. An overlay that rules out a pair the base says works states the
// organisation's policy ("our platform supports only CRI-O"): that is not a contradiction.
func (v *validator) compatContradictions(all []*Compat) {
	type pair struct{ a, b string }
	key := func(a, b string) pair {
		if a > b {
			a, b = b, a
		}
		return pair{a, b}
	}
	works := map[pair]*Compat{}
	for _, c := range all {
		if c.Kind == CompatWorksWith {
			for _, w := range c.With {
				works[key(c.Candidate, w)] = c
			}
		}
		if c.Kind == CompatBundles {
			works[key(c.Candidate, c.With[0])] = c
		}
	}
	for _, c := range all {
		if !c.Incompatible() {
			continue
		}
		for _, other := range v.b.candidatesOf(c.WithCategories[0]) {
			if !c.Excludes(other) {
				continue
			}
			if w := works[key(c.Candidate, other)]; w != nil && w.Overlay == c.Overlay {
				v.add(c.Pos, "compatibility rule %q rules out %s with %s, but rule %q (%s) says they work together", c.ID, c.Candidate, other, w.ID, w.Pos)
			}
		}
	}
}

// compatCycles reports requires rules that come back to where they started (k3s requires
// containerd, containerd requires k3s): requires is one-way; the other way is works-with.
func (v *validator) compatCycles(all []*Compat) {
	next := map[string][]*Compat{}
	for _, c := range all {
		if c.Kind == CompatRequires {
			next[c.Candidate] = append(next[c.Candidate], c)
		}
	}
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var path []*Compat
	var visit func(id string) bool
	visit = func(id string) bool {
		state[id] = open
		for _, c := range next[id] {
			path = append(path, c)
			for _, w := range c.With {
				switch state[w] {
				case open:
					ids := make([]string, 0, len(path))
					start := 0
					for i, p := range path {
						if p.Candidate == w {
							start = i
						}
					}
					for _, p := range path[start:] {
						ids = append(ids, p.ID)
					}
					v.add(path[start].Pos, "requires rules form a cycle (%s): requires is one-way; state the other direction as works-with", strings.Join(ids, " → "))
					return true
				case unseen:
					if visit(w) {
						return true
					}
				}
			}
			path = path[:len(path)-1]
		}
		state[id] = done
		return false
	}
	for _, id := range sortedKeys(next) {
		if state[id] == unseen {
			path = path[:0]
			if visit(id) {
				return
			}
		}
	}
}

// candidatesOf lists the ids of a category's candidates, in file order.
func (b *Base) candidatesOf(category string) []string {
	cat := b.categories[category]
	if cat == nil {
		return nil
	}
	ids := make([]string, len(cat.Candidates))
	for i, c := range cat.Candidates {
		ids[i] = c.ID
	}
	return ids
}
