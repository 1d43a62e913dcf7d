package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Current is the verdict on today's part of a category (schema 10; the answer current): keep
// it, switch (the move gains more than it costs) or must switch (a need rules it out).
type Current struct {
	ID   string    `json:"id" yaml:"id"`
	Name i18n.Text `json:"name" yaml:"name"`
	// Rank and Score are today's part's in the category's ranking (0 when it is excluded).
	Rank    int     `json:"rank" yaml:"rank"`
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"` // keep, switch or must-switch
	// Gain is the target's score less today's: what the move gains (for keep, what the
	// category's first would gain, 0 when today's part is first).
	Gain float64 `json:"gain" yaml:"gain"`
	// ByStack: the recommended stack decides (it keeps or moves the part where the category
	// on its own would not).
	ByStack bool `json:"by_stack,omitempty" yaml:"by_stack,omitempty"`
	// BundledBy: the stack's part that brings the target along; the move costs nothing of its own.
	BundledBy string `json:"bundled_by,omitempty" yaml:"bundled_by,omitempty"`
	// Excluded: why today's part is out (must-switch), each rule with its source.
	Excluded []Reason `json:"excluded,omitempty" yaml:"excluded,omitempty"`
	// Migration is the move (switch, must-switch) or, for keep, the move that would not pay.
	Migration *Migration `json:"migration,omitempty" yaml:"migration,omitempty"`
	// KeepPath is what keeping today's part costs under the answers (a migration from it to
	// itself whose condition holds: Docker made rootless), absent when keeping costs nothing.
	KeepPath *Migration `json:"keep_path,omitempty" yaml:"keep_path,omitempty"`
	// WhatIf is how close the verdict is: the one criterion weight change that turns it.
	WhatIf *VerdictWhatIf `json:"what_if,omitempty" yaml:"what_if,omitempty"`
	// Close: the gain and the move's effort are within scoring.migration.close of each other.
	Close bool      `json:"close,omitempty" yaml:"close,omitempty"`
	Text  i18n.Text `json:"text" yaml:"text"`
}

// VerdictWhatIf is the change of one criterion's weight (times Factor) that turns a verdict.
type VerdictWhatIf struct {
	Criterion string  `json:"criterion" yaml:"criterion"`
	Factor    float64 `json:"factor" yaml:"factor"`
}

// Migration is a move from today's part: its target, its effort in points of the score, and
// the migration of the rules behind it (absent when none covers the move: then the effort is
// scoring.migration.default_effort and there are no steps).
type Migration struct {
	To       string      `json:"to" yaml:"to"`
	ToName   i18n.Text   `json:"to_name" yaml:"to_name"`
	Effort   float64     `json:"effort" yaml:"effort"`
	Rule     string      `json:"rule,omitempty" yaml:"rule,omitempty"`
	Fallback bool        `json:"fallback,omitempty" yaml:"fallback,omitempty"` // the rule covers any target of the category
	Risk     i18n.Text   `json:"risk,omitzero" yaml:"risk,omitempty"`
	Steps    []i18n.Text `json:"steps" yaml:"steps"`
	Tools    []string    `json:"tools" yaml:"tools"`
	Sources  []string    `json:"sources" yaml:"sources"`
	Checked  string      `json:"checked,omitempty" yaml:"checked,omitempty"`
	File     string      `json:"file,omitempty" yaml:"file,omitempty"` // the overlay that gave it
}

// StackCurrent is the verdict on today's stack (schema 10): which of today's parts the
// recommended stack keeps and which it moves, what the moves gain and cost.
type StackCurrent struct {
	Verdict string   `json:"verdict" yaml:"verdict"`
	Kept    []string `json:"kept" yaml:"kept,flow"`
	Moves   []Move   `json:"moves" yaml:"moves"`
	// Today is the best stack that holds today's parts (absent when none does) and its score.
	Today      []string `json:"today,omitempty" yaml:"today,omitempty,flow"`
	TodayScore float64  `json:"today_score,omitempty" yaml:"today_score,omitempty"`
	// Gain is the recommended stack's score less today's; Cost what its moves cost in the
	// stack's points (each move's effort weighted as its part counts); stacks are ranked by
	// score less cost.
	Gain float64 `json:"gain" yaml:"gain"`
	Cost float64 `json:"cost" yaml:"cost"`
	// Apart: the compatibility rules by which today's parts do not work together.
	Apart []StackNote `json:"apart,omitempty" yaml:"apart,omitempty"`
	// Close: the best stack and the best on the other side of the verdict are within
	// scoring.migration.close of each other net of their moves.
	Close bool      `json:"close,omitempty" yaml:"close,omitempty"`
	Text  i18n.Text `json:"text" yaml:"text"`
}

// Move is one of today's parts the recommended stack replaces.
type Move struct {
	Category string    `json:"category" yaml:"category"`
	From     string    `json:"from" yaml:"from"`
	FromName i18n.Text `json:"-" yaml:"-"`           // for the text views
	Forced   bool      `json:"forced" yaml:"forced"` // a need rules From out
	// BundledBy: the stack's part that brings the target along (K3s brings containerd); the
	// move then costs nothing of its own and has no steps of its own.
	BundledBy     string     `json:"bundled_by,omitempty" yaml:"bundled_by,omitempty"`
	BundledByName i18n.Text  `json:"-" yaml:"-"`
	Excluded      []Reason   `json:"excluded,omitempty" yaml:"excluded,omitempty"`
	Migration     *Migration `json:"migration" yaml:"migration"`
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// migration is the report's form of a move.
func migration(mv knowledge.Move) *Migration {
	m := &Migration{To: mv.To.ID, ToName: mv.To.Named(), Effort: mv.Effort, Steps: []i18n.Text{}, Tools: []string{}, Sources: []string{}}
	if mg := mv.Migration; mg != nil {
		m.Rule, m.Fallback, m.Checked = mg.ID, mv.IsFallback, mg.Checked
		if mg.Risk != nil {
			m.Risk = i18n.Of(*mg.Risk)
		}
		for _, s := range mg.Steps {
			m.Steps = append(m.Steps, i18n.Of(*s))
		}
		m.Tools = append(m.Tools, mg.Tools...)
		m.Sources = append(m.Sources, mg.Sources...)
		m.File = overlayFile(mg.Overlay, mg.Pos)
	}
	return m
}

// effortText says what a move costs and where the figure comes from.
func effortText(mv knowledge.Move) i18n.Text {
	var t i18n.Text
	if mv.Migration == nil {
		t = i18n.M("current.effort-default", num(mv.Effort))
	} else {
		t = i18n.M("current.effort", num(mv.Effort), i18n.Lit(mv.Migration.ID))
	}
	if r := mv.Replacement; r != nil {
		t = i18n.Cat(t, i18n.M("current.effort-replacement", num(r.Effort), i18n.Of(r.Because)))
		if mv.Changed {
			t = i18n.Cat(t, i18n.M("current.effort-change", num(r.Change.Effort), i18n.Of(r.Change.Because)))
		}
	}
	return t
}

func exclusionReasons(ex *engine.Excluded) []Reason {
	if ex == nil {
		return nil
	}
	var out []Reason
	for _, rule := range ex.Rules {
		out = append(out, Reason{Rule: rule.ID, Text: i18n.Of(rule.Because), Source: rule.Source, File: ruleFile(rule)})
	}
	for _, rule := range ex.Compat {
		out = append(out, Reason{Rule: rule.ID, Text: i18n.Of(rule.Because), Source: rule.Source, File: compatFile(rule)})
	}
	return out
}

// current is the report's verdict on today's part of a category (nil when none runs today).
func current(v *engine.Verdict) *Current {
	if v == nil {
		return nil
	}
	c := &Current{ID: v.Today.ID, Name: v.Today.Named(), Verdict: v.Verdict, Gain: v.Gain, ByStack: v.ByStack, Excluded: exclusionReasons(v.Excluded)}
	if v.Ranked != nil {
		c.Rank, c.Score = v.Ranked.Rank, v.Ranked.Score
	}
	if v.Target != nil {
		c.Migration = migration(v.Move)
	}
	today := v.Today.Named()
	switch v.Verdict {
	case engine.VerdictKeep:
		switch {
		case v.Target == nil:
			c.Text = i18n.M("current.keep-first", today)
		case v.ByStack:
			c.Text = i18n.M("current.keep-stack", today, v.Target.Candidate.Named(), num(v.Gain), effortText(v.Move))
		case v.Move.Replacement != nil && v.Gain > 0: // hardware: keep it, and buy the better one next
			c.Text = i18n.M("current.keep-next-purchase", today, v.Target.Candidate.Named(), num(v.Gain), effortText(v.Move))
		default:
			c.Text = i18n.M("current.keep-behind", today, v.Target.Candidate.Named(), num(v.Gain), effortText(v.Move))
		}
	case engine.VerdictSwitch:
		key := "current.switch"
		if v.ByStack {
			key = "current.switch-stack"
		}
		switch {
		case v.Follows != nil:
			c.Text = i18n.M("current.switch-follows", today, v.Target.Candidate.Named(), v.Follows.Named(), effortText(v.Move))
		case v.BundledBy != nil:
			c.BundledBy = v.BundledBy.ID
			c.Text = i18n.M("current.switch-bundled", today, v.Target.Candidate.Named(), signed(v.Gain), v.BundledBy.Named())
		default:
			c.Text = i18n.M(key, today, v.Target.Candidate.Named(), signed(v.Gain), effortText(v.Move))
		}
		if f := v.First; f != nil { // why not the category's first: the move to it nets less
			c.Text = i18n.Cat(c.Text, i18n.M("current.not-first", f.Candidate.Named(), signed(v.FirstNet), signed(round(v.Gain-v.Move.Effort, 1))))
		}
	case engine.VerdictMustSwitch:
		why := i18n.M("current.no-stack")
		if len(c.Excluded) > 0 {
			why = c.Excluded[0].Text
		}
		switch {
		case v.Target == nil:
			c.Text = i18n.M("current.must-switch-nowhere", today, why)
		case v.BundledBy != nil:
			c.BundledBy = v.BundledBy.ID
			c.Text = i18n.M("current.must-switch-bundled", today, why, v.Target.Candidate.Named(), v.BundledBy.Named())
		default:
			c.Text = i18n.M("current.must-switch", today, why, v.Target.Candidate.Named(), effortText(v.Move))
		}
	}
	if k := v.KeepMove; k.Effort > 0 && k.Migration != nil && v.Verdict != engine.VerdictMustSwitch {
		c.KeepPath = migration(k)
		if v.Verdict == engine.VerdictKeep {
			c.Text = i18n.Cat(c.Text, i18n.M("current.keep-path-keep", num(k.Effort), i18n.Lit(k.Migration.ID)))
		} else {
			c.Text = i18n.Cat(c.Text, i18n.M("current.keep-path", today, num(k.Effort), i18n.Lit(k.Migration.ID)))
		}
	}
	if v.Close {
		c.Close = true
		c.Text = i18n.Cat(c.Text, i18n.M("current.close", num(math.Abs(v.Gain-v.Margin()))))
	}
	if w := v.WhatIf; w != nil {
		c.WhatIf = &VerdictWhatIf{Criterion: w.Criterion.ID, Factor: w.Factor}
		key := "current.whatif-pays"
		if v.Verdict == engine.VerdictSwitch {
			key = "current.whatif-stops"
		}
		c.Text = i18n.Cat(c.Text, i18n.M(key, i18n.Of(w.Criterion.Attr.Title), strconv.FormatFloat(w.Factor, 'f', -1, 64)))
	}
	return c
}

// signed is a gain with its sign: "+4.2", "-1.0".
func signed(f float64) string {
	if f > 0 {
		return "+" + num(f)
	}
	return num(f)
}

// stackCurrent is the report's verdict on today's stack (nil for a green field).
func stackCurrent(sr *engine.StackResult) *StackCurrent {
	sv := sr.Today
	if sv == nil || sr.Best == nil {
		return nil
	}
	d := &StackCurrent{Verdict: sv.Verdict, Kept: []string{}, Moves: []Move{}, Gain: sv.Gain, Cost: round(sv.Cost, 1)}
	var kept, moves, forced []i18n.Text
	together := false // forced only because today's parts do not work together
	for _, c := range sv.Kept {
		d.Kept = append(d.Kept, c.ID)
		kept = append(kept, c.Named())
	}
	for _, mv := range sv.Moves {
		m := Move{Category: mv.Category.ID, From: mv.From.ID, FromName: mv.From.Named(), Forced: mv.Forced, Excluded: exclusionReasons(mv.Excluded), Migration: migration(mv.Move)}
		if mv.BundledBy != nil {
			m.BundledBy, m.BundledByName = mv.BundledBy.ID, mv.BundledBy.Named()
		}
		d.Moves = append(d.Moves, m)
		moves = append(moves, i18n.M("current.move", mv.From.Named(), mv.To.Candidate.Named()))
		if mv.Forced {
			forced = append(forced, mv.From.Named())
			together = together || mv.Excluded == nil
		}
	}
	if sv.Keep != nil {
		for _, p := range sv.Keep.Parts {
			d.Today = append(d.Today, p.Candidate.ID)
		}
		d.TodayScore = sv.Keep.Score
	}
	switch {
	case sv.Verdict == engine.VerdictKeep:
		d.Text = i18n.M("current.stack-keep", i18n.List(kept))
	case sv.Verdict == engine.VerdictSwitch && len(kept) > 0:
		d.Text = i18n.M("current.stack-switch-keeping", i18n.List(kept), i18n.List(moves), num(sv.Gain), num(d.Cost))
	case sv.Verdict == engine.VerdictSwitch:
		d.Text = i18n.M("current.stack-switch", i18n.List(moves), num(sv.Gain), num(d.Cost))
	case together && len(kept) > 0:
		d.Text = i18n.M("current.stack-together-keeping", i18n.List(kept), i18n.List(moves))
	case together:
		d.Text = i18n.M("current.stack-together", i18n.List(moves))
	case len(kept) > 0:
		d.Text = i18n.M("current.stack-must-keeping", i18n.List(kept), i18n.List(moves), i18n.List(forced))
	default:
		d.Text = i18n.M("current.stack-must", i18n.List(moves), i18n.List(forced))
	}
	if len(sv.Apart) > 0 {
		d.Apart = stackNotes(sv.Apart, false)
	}
	if sv.Close {
		d.Close = true
		d.Text = i18n.Cat(d.Text, i18n.M("current.stack-close"))
	}
	return d
}

// verdictMark is the sign a verdict's line starts with in the text views.
func verdictMark(verdict string) string {
	switch verdict {
	case engine.VerdictKeep:
		return plusStyle.Render("✓")
	case engine.VerdictSwitch:
		return warnStyle.Render("→")
	}
	return excludeStyle.Render("✗")
}

// writeMigration writes a move's steps, risk, tools and sources in the text views; on the one
// screen (full false), one line that says how many steps there are and where they are.
func writeMigration(line lineFunc, loc i18n.Localizer, indent int, from i18n.Text, m *Migration, full bool) {
	if m == nil || len(m.Steps) == 0 {
		return
	}
	if !full {
		more := loc.Tf("current.steps-more", from.In(loc.Lang), m.ToName.In(loc.Lang), len(m.Steps))
		if len(m.Tools) > 0 {
			more = loc.Tf("current.steps-more-tools", from.In(loc.Lang), m.ToName.In(loc.Lang), len(m.Steps), loc.List(m.Tools))
		}
		if isKeepPath(loc, from, m) {
			more = loc.Tf("current.keep-steps-more", from.In(loc.Lang), len(m.Steps))
		}
		line(indent, indent+2, dimStyle.Render(more))
		return
	}
	line(indent, indent+2, stepsHeader(loc, from, m))
	for i, st := range m.Steps {
		n := strconv.Itoa(i+1) + ". "
		line(indent+2, indent+2+len(n), n+st.String())
	}
	if !m.Risk.IsZero() {
		line(indent+2, indent+4, warnStyle.Render("!")+" "+loc.Tf("current.risk", m.Risk.String()))
	}
	if len(m.Tools) > 0 {
		line(indent+2, indent+4, dimStyle.Render(loc.Tf("current.tools", loc.List(m.Tools))))
	}
	if len(m.Sources) > 0 {
		line(indent+2, indent+4, dimStyle.Render(loc.T("current.sources-title"))+fileNote(m.File))
		for _, src := range m.Sources {
			line(indent+4, indent+4, dimStyle.Render(src))
		}
	}
}

// stackCurrentLines writes the verdict on today's stack and the steps of each move.
func stackCurrentLines(line lineFunc, loc i18n.Localizer, d *StackCurrent, full bool) {
	if d == nil {
		return
	}
	line(4, 6, verdictMark(d.Verdict)+" "+titleStyle.Render(loc.T("current.title")+strings.TrimSpace(loc.Colon()))+strings.TrimLeft(loc.Colon(), "：:")+d.Text.String())
	for _, n := range d.Apart {
		line(6, 8, excludeStyle.Render("✗")+" "+n.Text.String()+fileNote(n.File))
	}
	for _, mv := range d.Moves {
		for _, r := range mv.Excluded {
			line(6, 8, excludeStyle.Render("✗")+" "+r.Text.String()+fileNote(r.File))
		}
		if mv.BundledBy != "" {
			line(6, 8, dimStyle.Render(loc.Tf("current.bundled", mv.FromName.String(), mv.Migration.ToName.String(), mv.BundledByName.String())))
			continue
		}
		writeMigration(line, loc, 6, mv.FromName, mv.Migration, full)
	}
}

// isKeepPath tells the steps of keeping a part (a migration from it to itself).
func isKeepPath(loc i18n.Localizer, from i18n.Text, m *Migration) bool {
	return m.ToName.In(loc.Lang) == from.In(loc.Lang)
}

// stepsHeader introduces a move's steps, or a keep path's.
func stepsHeader(loc i18n.Localizer, from i18n.Text, m *Migration) string {
	if isKeepPath(loc, from, m) {
		return loc.Tf("current.keep-steps", from.In(loc.Lang))
	}
	return loc.Tf("current.steps", from.In(loc.Lang), m.ToName.In(loc.Lang))
}
