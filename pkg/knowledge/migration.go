package knowledge

import (
	"slices"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

// Migration is what a move from one candidate to another of its category costs: its effort in
// points on the score's scale (a move pays off when the score it gains is larger), what can go
// wrong, the steps, the tools that do the work, and the sources (rules/migrations.yaml;
// rules/README.md "Migrations").
type Migration struct {
	Pos  Pos
	ID   string `yaml:"id,required"`
	From string `yaml:"from,required"`
	// To are the candidates the move reaches, of From's category; ["*"] is any other
	// candidate of the category, the fallback when no migration names the target.
	To      []string `yaml:"to,required"`
	Effort  float64  `yaml:"effort,required" range:"[0,1000]"`
	Risk    *Text    `yaml:"risk"`
	Steps   []*Text  `yaml:"steps,required"`
	Tools   []string `yaml:"tools"`
	Sources []string `yaml:"sources,required"`
	Checked string   `yaml:"checked,required"`
	// When, optional, limits the migration to answers that meet it (runc → gVisor for CI jobs
	// that run Docker inside costs more and takes other steps); a migration whose When holds
	// is preferred to one without.
	When *Condition `yaml:"when"`

	// Overlay is set when the migration comes from an overlay (--rules); an overlay's
	// migration with the id of the base's replaces it.
	Overlay bool
	// Category is From's category.
	Category string
}

// AnyTarget is the To of a fallback migration: any other candidate of the category.
const AnyTarget = "*"

// MigrationKnobs set what a move costs when no migration covers it.
type MigrationKnobs struct {
	Pos Pos
	// DefaultEffort is the effort of a move no migration names, from or to.
	DefaultEffort float64 `yaml:"default_effort,required" range:"(0,1000]"`
	// MaxEffort bounds every migration's effort.
	MaxEffort float64 `yaml:"max_effort,required" range:"(0,1000]"`
	// Close, optional, is how near a move's gain and effort are for the report to call the
	// verdict a close call (0: never).
	Close float64 `yaml:"close" range:"[0,1000]"`
}

// Move is what the base says a move from one candidate to another costs: the migration that
// covers it (nil when none does: then Effort is the default), and its effort.
type Move struct {
	From, To   *Candidate
	Migration  *Migration
	Effort     float64 // the migration's (or the default) plus the category's replacement
	IsFallback bool    // the migration covers any target of the category (To: ["*"])
	// Replacement is the category's effort on top of the migration's (hardware replaced), part
	// of Effort; nil when the category has none. Changed says its Change applies too (the two
	// differ on its attribute), also part of Effort.
	Replacement *Replacement
	Changed     bool
}

// Move returns what a move from from to to costs under answers: the migration that names both
// (one whose When holds before one without), else the fallback from from (To ["*"], the same
// order), else the default effort. A move to the same candidate costs nothing.
func (b *Base) Move(from, to *Candidate, answers Answers) Move {
	m := Move{From: from, To: to}
	if from == to {
		return b.keepPath(from, answers)
	}
	m = b.migrationMove(from, to, answers)
	if cat := b.categories[from.Category]; cat != nil && cat.Replacement != nil {
		r := cat.Replacement
		m.Replacement = r
		m.Effort += r.Effort
		if ch := r.Change; ch != nil {
			a, z := from.Attr(ch.Attribute), to.Attr(ch.Attribute)
			if a != nil && z != nil && !a.Unknown && !z.Unknown && a.Str != z.Str {
				m.Changed = true
				m.Effort += ch.Effort
			}
		}
	}
	return m
}

// keepPath is what keeping c costs under answers: a migration from c to c whose When holds (a
// need today's part meets only once reconfigured: Docker in rootless mode, Kubernetes rebuilt
// on FIPS 140-3 crypto), else nothing. Keep's Effort counts against staying.
func (b *Base) keepPath(c *Candidate, answers Answers) Move {
	m := Move{From: c, To: c}
	for _, mg := range b.Migrations {
		if mg.From == c.ID && mg.When != nil && slices.Contains(mg.To, c.ID) && mg.When.Holds(answers) {
			m.Migration, m.Effort = mg, mg.Effort
			return m
		}
	}
	return m
}

// migrationMove is Move without the category's replacement effort.
func (b *Base) migrationMove(from, to *Candidate, answers Answers) Move {
	m := Move{From: from, To: to}
	var exact, fallback [2]*Migration // [0]: with a When that holds, [1]: without a When
	for _, mg := range b.Migrations {
		if mg.From != from.ID {
			continue
		}
		slot := 1
		if mg.When != nil {
			if !mg.When.Holds(answers) {
				continue
			}
			slot = 0
		}
		switch {
		case slices.Contains(mg.To, to.ID) && exact[slot] == nil:
			exact[slot] = mg
		case slices.Contains(mg.To, AnyTarget) && fallback[slot] == nil:
			fallback[slot] = mg
		}
	}
	for _, mg := range []*Migration{exact[0], exact[1]} {
		if mg != nil {
			m.Migration, m.Effort = mg, mg.Effort
			return m
		}
	}
	for _, mg := range []*Migration{fallback[0], fallback[1]} {
		if mg != nil {
			m.Migration, m.Effort, m.IsFallback = mg, mg.Effort, true
			return m
		}
	}
	if b.Scoring.Migration != nil {
		m.Effort = b.Scoring.Migration.DefaultEffort
	}
	return m
}

// migrationsPass checks the migrations of every layer: an overlay's migration with a base id
// replaces it, a new id adds one. Each names candidates of one category, a positive effort up
// to max_effort, at least one step and source, and the day it was checked.
func (v *validator) migrationsPass(files []*file) {
	byID := map[string]int{}
	var all []*Migration
	for _, f := range files {
		if len(f.Migrations) > 0 && f.Category != "" {
			v.add(keyPos(f, "migrations"), "migrations span a category's candidates: put them in a file without category: (rules/migrations.yaml)")
			continue
		}
		for _, m := range f.Migrations {
			m.Overlay = f.layer > 0
			if i, ok := byID[m.ID]; ok {
				if !m.Overlay || all[i].Overlay {
					v.add(m.Pos, "duplicate migration id %q (first defined at %s)", m.ID, all[i].Pos)
					continue
				}
				if v.migration(m) {
					all[i] = m // an overlay replaces the base's migration
				}
				continue
			}
			if len(all) >= limits.CompatRules {
				v.add(m.Pos, "the knowledge base has more than the limit of %d migrations", limits.CompatRules)
				break
			}
			if v.migration(m) {
				byID[m.ID] = len(all)
				all = append(all, m)
			}
		}
	}
	// One migration per pair (and per condition): a second would make the cost depend on the
	// order of the files.
	seen := map[string]*Migration{}
	for _, m := range all {
		cond := ""
		if m.When != nil {
			cond = m.ID // conditional migrations may share a pair; each has its own condition
		}
		for _, to := range m.To {
			key := m.From + "\x00" + to + "\x00" + cond
			if prev := seen[key]; prev != nil {
				v.add(m.Pos, "migration %q moves %s to %s, as %q already does (%s); give each move once", m.ID, m.From, to, prev.ID, prev.Pos)
				continue
			}
			seen[key] = m
		}
	}
	v.b.Migrations = all
}

// migration checks one migration; false when its candidates do not resolve.
func (v *validator) migration(m *Migration) bool {
	v.condition(m.When)
	if !idRe().MatchString(m.ID) || !strings.HasPrefix(m.ID, "migration.") {
		v.add(m.Pos, "migration id %q must be migration. followed by lower-case words joined by -", m.ID)
	}
	for _, s := range m.Sources {
		v.source(m.Pos, s)
	}
	if len(m.Sources) == 0 {
		v.add(m.Pos, "migration %q needs at least one source", m.ID)
	}
	if len(m.Steps) == 0 {
		v.add(m.Pos, "migration %q needs at least one step", m.ID)
	}
	if _, err := ParseDay(m.Checked); err != nil {
		v.add(m.Pos, "migration %q: checked %q is not a date; write it as YYYY-MM-DD", m.ID, m.Checked)
	} else if !m.Overlay && v.b.AsOf != "" && m.Checked > v.b.AsOf {
		v.add(m.Pos, "migration %q is checked on %s, after the knowledge base's as_of %s: move as_of forward", m.ID, m.Checked, v.b.AsOf)
	}
	if k := v.b.Scoring.Migration; k != nil && (m.Effort <= 0 || m.Effort > k.MaxEffort) {
		// An effort of 0 would make moving back and forth free: every move costs something.
		v.add(m.Pos, "migration %q has effort %v; allowed: above 0, at most scoring.migration.max_effort (%v)", m.ID, m.Effort, k.MaxEffort)
	}
	from := v.candidateOf(m.Pos, m.ID, m.From)
	if from == nil {
		return false
	}
	m.Category = from.Category
	if len(m.To) == 0 {
		v.add(m.Pos, "migration %q names no target (to:)", m.ID)
		return false
	}
	ok := true
	for _, id := range m.To {
		if id == AnyTarget {
			if len(m.To) > 1 {
				v.add(m.Pos, "migration %q: %q stands alone in to:, as the fallback for any target", m.ID, AnyTarget)
				ok = false
			}
			continue
		}
		to := v.candidateOf(m.Pos, m.ID, id)
		switch {
		case to == nil:
			ok = false
		case to.Category != from.Category:
			v.add(m.Pos, "migration %q moves %s (%s) to %s (%s): a move stays in one category", m.ID, from.ID, from.Category, to.ID, to.Category)
			ok = false
		case to == from && (m.When == nil || len(m.To) > 1):
			// A keep path (what staying costs under a need) is conditional and alone in to:.
			v.add(m.Pos, "migration %q moves %s to itself: a keep path (what keeping it costs under a need) needs when: and no other target", m.ID, from.ID)
			ok = false
		}
	}
	return ok
}

// candidateOf resolves a candidate id a migration names, or reports it.
func (v *validator) candidateOf(pos Pos, owner, id string) *Candidate {
	return v.candidateNamed(pos, "migration", owner, id)
}
