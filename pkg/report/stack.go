package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// StackDoc is the recommended stack: one candidate per ranked category that work together,
// with the compatibility rules behind it (schema 4).
type StackDoc struct {
	Score     float64     `json:"score" yaml:"score"`
	Mean      float64     `json:"mean" yaml:"mean"`     // the mean of the parts' scores
	Points    float64     `json:"points" yaml:"points"` // the compatibility points: score = mean + points, clamped
	Parts     []StackPart `json:"parts" yaml:"parts"`   // one per ranked category, in category order
	Fits      []StackNote `json:"fits" yaml:"fits"`     // requires/bundles rules the stack meets
	Notes     []StackNote `json:"notes" yaml:"notes"`   // works-with caveats and second runtimes, with points
	Swaps     []Swap      `json:"swaps" yaml:"swaps"`   // categories whose first is not in the stack, and why
	RunnersUp []RunnerUp  `json:"runners_up" yaml:"runners_up"`
	// WhatIf (with --what-if): the single-answer changes that change the stack.
	WhatIf []StackWhatIf `json:"what_if,omitempty" yaml:"what_if,omitempty"`
	// Robustness is how often the stack keeps the best score among the finalists as weights and
	// values vary (schema 9; engine.RobustStack).
	Robustness *StackRobust `json:"robustness,omitempty" yaml:"robustness,omitempty"`
	// Current is the verdict on today's stack (schema 10; the answer current).
	Current *StackCurrent `json:"current,omitempty" yaml:"current,omitempty"`
	// Blocked (instead of the rest) when no compatible stack exists: the rules that rule out
	// pairs of the categories' first candidates.
	Blocked []StackNote `json:"blocked,omitempty" yaml:"blocked,omitempty"`
}

// StackRobust is the stack's robustness: the share of the draws in which it keeps the best
// score among the finalists (itself, its runners-up and the best stacks with each category's
// own first), and the finalists that take its place in some draws.
type StackRobust struct {
	Label   string            `json:"label" yaml:"label"` // robust, contested or fragile
	Samples int               `json:"samples" yaml:"samples"`
	Seed    int               `json:"seed" yaml:"seed"`
	First   float64           `json:"first" yaml:"first"` // the stack's share of the draws (0..1)
	Stacks  []StackAcceptance `json:"stacks" yaml:"stacks"`
	Text    i18n.Text         `json:"text" yaml:"text"`
}

// StackAcceptance is a finalist and the share of the draws in which it scored best.
type StackAcceptance struct {
	Parts []string `json:"parts" yaml:"parts,flow"` // its parts' ids, in category order
	First float64  `json:"first" yaml:"first"`
}

// buildStackRobust turns the engine's analysis into the report's (nil for nil).
func buildStackRobust(rb *engine.StackRobustness) *StackRobust {
	if rb == nil {
		return nil
	}
	out := &StackRobust{Label: rb.Label, Samples: rb.Samples, Seed: rb.Seed, Stacks: []StackAcceptance{}}
	var others []i18n.Text
	rare := 0
	for _, a := range rb.Shown {
		ids := make([]string, len(a.Stack.Parts))
		for i, p := range a.Stack.Parts {
			ids[i] = p.Candidate.ID
		}
		out.Stacks = append(out.Stacks, StackAcceptance{Parts: ids, First: round(a.First, 4)})
		switch {
		case a.Stack == rb.Pick:
			out.First = round(a.First, 4)
		case a.First >= 0.005 || a.Stack == rb.Rival:
			others = append(others, i18n.M("robust.other", stackName(a.Stack), percent(a.First)))
		case a.First > 0:
			rare++
		}
	}
	if rare > 0 {
		others = append(others, i18n.M("robust.others-rare", rare))
	}
	end := i18n.M("robust.end")
	if rb.Rival == nil && !rb.Stopped {
		end = i18n.Cat(end, i18n.M("robust.always"))
	}
	out.Text = robustText(i18n.M("robust.stack-line", robustLabel(rb.Label), percent(out.First), rb.Samples), others, end)
	return out
}

// stackName names a stack's parts: "containerd + K3s + runc".
func stackName(s *engine.Stack) i18n.Text {
	names := make([]i18n.Text, len(s.Parts))
	for i, p := range s.Parts {
		names[i] = p.Candidate.Named()
	}
	return i18n.Join(names, " + ")
}

// StackWhatIf is an answer change and the stack it gives (no parts: no compatible stack).
type StackWhatIf struct {
	Question string      `json:"question" yaml:"question"`
	Value    any         `json:"value" yaml:"value"`
	Flag     string      `json:"flag" yaml:"flag"`
	Parts    []StackPart `json:"parts" yaml:"parts"`
	Score    float64     `json:"score,omitempty" yaml:"score,omitempty"`
}

// StackPart is a stack's candidate of one category.
type StackPart struct {
	Category string    `json:"category" yaml:"category"`
	Title    i18n.Text `json:"-" yaml:"-"` // the category's title, for the text views
	ID       string    `json:"id" yaml:"id"`
	Name     i18n.Text `json:"name" yaml:"name"`
	Rank     int       `json:"rank" yaml:"rank"` // its rank in its category on its own
	Score    float64   `json:"score" yaml:"score"`
	// Role is the role the stack gives the part (schema 6: "node-runtime" for an engine under
	// Kubernetes), given by the part RoleGivenBy; Score is then its score in that role and
	// AloneScore its score on its own.
	Role        string   `json:"role,omitempty" yaml:"role,omitempty"`
	RoleGivenBy string   `json:"role_given_by,omitempty" yaml:"role_given_by,omitempty"`
	AloneScore  *float64 `json:"alone_score,omitempty" yaml:"alone_score,omitempty"`
	// PastCap is, for a part at the 100 cap, what it earned past it, which counts in the
	// stack's mean (schema 9).
	PastCap *float64 `json:"past_cap,omitempty" yaml:"past_cap,omitempty"`
	// RoleTitle and GiverName, for the text views: the role's title and the name of the part
	// that gives it.
	RoleTitle i18n.Text `json:"-" yaml:"-"`
	GiverName i18n.Text `json:"-" yaml:"-"`
}

// partLine is a stack's part as one line of the text views: its category, name, rank and
// score on its own, and, in a role, its score there.
func partLine(loc i18n.Localizer, p StackPart) string {
	var s string
	if p.Role != "" && p.AloneScore != nil {
		s = loc.Tf("stack.part-role", p.Title, p.Name, p.GiverName, p.RoleTitle, strconv.FormatFloat(p.Score, 'f', 1, 64), p.Rank, strconv.FormatFloat(*p.AloneScore, 'f', 1, 64))
	} else {
		s = loc.Tf("stack.part", p.Title, p.Name, p.Rank, strconv.FormatFloat(p.Score, 'f', 1, 64))
	}
	if p.PastCap != nil {
		s += loc.Tf("stack.part-past-cap", strconv.FormatFloat(*p.PastCap, 'f', 1, 64))
	}
	return s
}

// StackNote is a compatibility rule applied to two parts.
type StackNote struct {
	Rule      string    `json:"rule" yaml:"rule"`
	Kind      string    `json:"kind" yaml:"kind"`
	Candidate string    `json:"candidate" yaml:"candidate"`
	Other     string    `json:"other" yaml:"other"`
	Text      i18n.Text `json:"text" yaml:"text"`
	Source    string    `json:"source" yaml:"source"`
	Points    float64   `json:"points,omitempty" yaml:"points,omitempty"`
	File      string    `json:"file,omitempty" yaml:"file,omitempty"` // the overlay file of an organisation's rule
}

// Swap says why a category's first candidate is not the stack's part.
type Swap struct {
	Category string      `json:"category" yaml:"category"`
	Winner   string      `json:"winner" yaml:"winner"`
	Pick     string      `json:"pick" yaml:"pick"`
	Text     i18n.Text   `json:"text" yaml:"text"`
	RuledOut bool        `json:"ruled_out" yaml:"ruled_out"`
	Score    float64     `json:"score,omitempty" yaml:"score,omitempty"` // the best stack's score with the winner, when not ruled out
	With     []string    `json:"with,omitempty" yaml:"with,omitempty"`   // that stack's parts (schema 6)
	Because  []StackNote `json:"because" yaml:"because"`
}

// RunnerUp is a stack that follows the best one.
type RunnerUp struct {
	Score float64 `json:"score" yaml:"score"`
	// Net is the score less what moving today's parts to it costs (schema 10; with the answer
	// current): stacks are ranked by it.
	Net   *float64    `json:"net,omitempty" yaml:"net,omitempty"`
	Parts []StackPart `json:"parts" yaml:"parts"`
	Notes []StackNote `json:"notes" yaml:"notes"`
}

func stackParts(b *knowledge.Base, s *engine.Stack) []StackPart {
	parts := make([]StackPart, len(s.Parts))
	for i, p := range s.Parts {
		parts[i] = StackPart{Category: p.Candidate.Category, Title: i18n.Of(b.Category(p.Candidate.Category).Title), ID: p.Candidate.ID, Name: p.Candidate.Named(), Rank: p.Rank, Score: p.Score}
		if v := p.InStack(); v != p.Score {
			past := round(v, 1)
			parts[i].PastCap = &past
		}
		if p.Role == nil {
			continue
		}
		for _, q := range s.Parts {
			if slices.Contains(p.Role.Under, q.Candidate.ID) {
				alone := p.Alone
				parts[i].Role, parts[i].RoleGivenBy, parts[i].AloneScore = p.Role.ID, q.Candidate.ID, &alone
				parts[i].RoleTitle, parts[i].GiverName = i18n.Of(p.Role.Title), q.Candidate.Named()
				parts[i].Rank = p.AloneRank // its rank on its own, not in the role
			}
		}
	}
	return parts
}

func stackNote(e engine.StackEffect) StackNote {
	return StackNote{
		Rule:      e.Rule.ID,
		Kind:      e.Rule.Kind,
		Candidate: e.Candidate.ID,
		Other:     e.Other.ID,
		Text:      i18n.Of(e.Rule.Because),
		Source:    e.Rule.Source,
		Points:    e.Points,
		File:      overlayFile(e.Rule.Overlay, e.Rule.Pos),
	}
}

func stackNotes(effects []engine.StackEffect, fits bool) []StackNote {
	notes := []StackNote{}
	for _, e := range effects {
		if e.Fits == fits {
			notes = append(notes, stackNote(e))
		}
	}
	return notes
}

// buildStack turns the engine's stack answer into its document; nil when there is none.
func buildStack(b *knowledge.Base, sr *engine.StackResult) *StackDoc {
	if sr == nil {
		return nil
	}
	d := &StackDoc{Parts: []StackPart{}, Fits: []StackNote{}, Notes: []StackNote{}, Swaps: []Swap{}, RunnersUp: []RunnerUp{}}
	if sr.Best == nil {
		d.Blocked = stackNotes(sr.Blocked, false)
		return d
	}
	best := sr.Best
	d.Score, d.Mean, d.Points = best.Score, round(best.Mean, 2), best.Points
	d.Parts = stackParts(b, best)
	d.Fits = stackNotes(best.Effects, true)
	d.Notes = stackNotes(best.Effects, false)
	d.Robustness = buildStackRobust(sr.Robustness)
	d.Current = stackCurrent(sr)
	for _, sw := range sr.Swaps {
		s := Swap{Category: sw.Category.ID, Winner: sw.Winner.Candidate.ID, Pick: sw.Pick.Candidate.ID, RuledOut: sw.With == nil, Because: []StackNote{}}
		title := i18n.Of(sw.Category.Title)
		w, p := sw.Winner.Candidate.Named(), sw.Pick.Candidate.Named()
		for _, e := range append(slices.Clone(sw.RuledOut), sw.Effects...) {
			s.Because = append(s.Because, stackNote(e))
		}
		if s.RuledOut {
			s.Text = i18n.M("stack.swap-ruled-out", w, title, p)
		} else {
			s.Score = sw.Score
			for _, part := range sw.With.Parts {
				s.With = append(s.With, part.Candidate.ID)
			}
			s.Text = i18n.M("stack.swap-costs", w, title, strconv.FormatFloat(sw.Score, 'f', 1, 64), p, strconv.FormatFloat(best.Score, 'f', 1, 64), stackName(sw.With))
			if sr.Today != nil { // stacks are ranked net of the moves from today's parts: say so
				s.Text = i18n.M("stack.swap-costs-net", w, title, strconv.FormatFloat(sw.With.Net(), 'f', 1, 64), p, strconv.FormatFloat(best.Net(), 'f', 1, 64), stackName(sw.With))
			}
		}
		d.Swaps = append(d.Swaps, s)
	}
	for _, ru := range sr.RunnersUp {
		r := RunnerUp{Score: ru.Score, Parts: stackParts(b, ru), Notes: stackNotes(ru.Effects, false)}
		if sr.Today != nil {
			net := ru.Net()
			r.Net = &net
		}
		d.RunnersUp = append(d.RunnersUp, r)
	}
	for _, ch := range sr.WhatIf {
		w := StackWhatIf{Question: ch.Question.ID, Value: ch.Value.Any(), Flag: ch.Flag(), Parts: []StackPart{}}
		if ch.Stack != nil {
			w.Parts, w.Score = stackParts(b, ch.Stack), ch.Stack.Score
		}
		d.WhatIf = append(d.WhatIf, w)
	}
	return d
}

// whatIfLine is a stack what-if for the text views: "--kvm=none → containerd + K3s + gVisor".
func whatIfLine(w StackWhatIf, loc i18n.Localizer) string {
	if len(w.Parts) == 0 {
		return w.Flag + " → " + loc.T("stack.whatif-none")
	}
	return w.Flag + " → " + stackLine(w.Parts) + " (" + strconv.FormatFloat(w.Score, 'f', 1, 64) + ")"
}

// stackLine names a stack's parts in one line: "K3s + containerd + runc".
func stackLine(parts []StackPart) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += " + "
		}
		s += p.Name.String()
	}
	return s
}

// stackTable writes the stack section of the terminal view: the stack and its score, what fits,
// what it costs, why a category's first is not in it, and the runners-up.
func stackTable(line func(indent, hang int, text string), d *StackDoc, loc i18n.Localizer, full bool) {
	line(0, 2, titleStyle.Render(loc.T("stack.title")))
	if d.Blocked != nil {
		line(2, 4, excludeStyle.Render(loc.T("stack.none")))
		for _, n := range d.Blocked {
			line(4, 6, excludeStyle.Render("✗")+" "+n.Text.String()+fileNote(n.File))
		}
		return
	}
	line(2, 4, stackLine(d.Parts)+"  "+bar(d.Score)+" "+strconv.FormatFloat(d.Score, 'f', 1, 64))
	if d.Robustness != nil {
		line(4, 6, labelStyled(d.Robustness.Label, d.Robustness.Text.String(), loc))
	}
	stackCurrentLines(line, loc, d.Current, full)
	for _, p := range d.Parts {
		line(4, 6, dimStyle.Render(partLine(loc, p)))
	}
	said := map[string]bool{} // a rule's text is printed once, not again under a swap
	for _, n := range d.Fits {
		line(4, 6, plusStyle.Render("✓")+" "+n.Text.String()+fileNote(n.File))
		said[n.Text.String()] = true
	}
	for _, n := range d.Notes {
		mark := "!"
		if n.Points != 0 {
			mark = strconv.FormatFloat(n.Points, 'f', -1, 64)
		}
		line(4, 6, warnStyle.Render(mark)+" "+n.Text.String()+fileNote(n.File))
		said[n.Text.String()] = true
	}
	for _, s := range d.Swaps {
		line(4, 6, dimStyle.Render("↔")+" "+s.Text.String())
		for _, n := range s.Because {
			if !said[n.Text.String()] {
				line(6, 8, dimStyle.Render("· "+n.Text.String()))
				said[n.Text.String()] = true
			}
		}
	}
	for _, ru := range d.RunnersUp {
		line(4, 6, dimStyle.Render(runnerUpLine(ru, loc)))
	}
	if len(d.WhatIf) > 0 {
		line(4, 6, loc.T("stack.whatif"))
		for _, w := range d.WhatIf {
			line(6, 8, whatIfLine(w, loc))
		}
	}
}

// StackExplanation is the document of `explain stack`: the recommended stack, and the
// alternative the named candidates make.
type StackExplanation struct {
	Lang        string       `json:"lang" yaml:"lang"`
	Categories  []string     `json:"categories" yaml:"categories"`
	Stack       *StackDoc    `json:"stack" yaml:"stack"`
	Alternative *Alternative `json:"alternative,omitempty" yaml:"alternative,omitempty"`
}

// Alternative is a stack with named candidates in place of the recommended parts.
type Alternative struct {
	Named []string    `json:"named" yaml:"named"`
	Text  i18n.Text   `json:"text" yaml:"text"` // the verdict in one sentence
	Parts []StackPart `json:"parts" yaml:"parts"`
	// Score and Delta (its score minus the recommended stack's) when it works.
	Score float64     `json:"score,omitempty" yaml:"score,omitempty"`
	Delta float64     `json:"delta,omitempty" yaml:"delta,omitempty"`
	Notes []StackNote `json:"notes" yaml:"notes"`
	// RuledOut: the compatibility rules that rule it out; Excluded: named candidates their
	// category's rules exclude.
	RuledOut []StackNote `json:"ruled_out" yaml:"ruled_out"`
	Excluded []Excluded  `json:"excluded" yaml:"excluded"`
}

// BuildStackExplanation turns the engine's stack explanation into its document, to be said
// in a language with Localize.
func BuildStackExplanation(b *knowledge.Base, ex *engine.StackExplanation) *StackExplanation {
	d := &StackExplanation{Categories: ex.Result.Answers[knowledge.QCategories].List, Stack: buildStack(b, ex.Result.Stack)}
	if len(ex.Named) == 0 {
		return d
	}
	alt := &Alternative{Parts: []StackPart{}, Notes: []StackNote{}, RuledOut: []StackNote{}, Excluded: []Excluded{}}
	var names []i18n.Text
	for _, c := range ex.Named {
		alt.Named = append(alt.Named, c.ID)
		names = append(names, c.Named())
	}
	named := i18n.Join(names, " + ")
	switch {
	case len(ex.Excluded) > 0:
		for _, x := range ex.Excluded {
			e := Excluded{ID: x.Candidate.ID, Name: x.Candidate.Named(), Reasons: []Reason{}}
			for _, r := range x.Rules {
				e.Reasons = append(e.Reasons, Reason{Rule: r.ID, Text: i18n.Of(r.Because), Source: r.Source, File: ruleFile(r)})
			}
			alt.Excluded = append(alt.Excluded, e)
		}
		alt.Text = i18n.M("stack.alt-excluded", named)
	case len(ex.RuledOut) > 0:
		for _, e := range ex.RuledOut {
			alt.RuledOut = append(alt.RuledOut, stackNote(e))
		}
		alt.Text = i18n.M("stack.alt-ruled-out", named)
	case ex.Alternative != nil:
		st := ex.Alternative
		alt.Parts = stackParts(b, st)
		alt.Score = st.Score
		alt.Notes = stackNotes(st.Effects, false)
		best := 0.0
		if ex.Result.Stack != nil && ex.Result.Stack.Best != nil {
			best = ex.Result.Stack.Best.Score
		}
		alt.Delta = round(st.Score-best, 1)
		if alt.Delta >= 0 {
			alt.Text = i18n.M("stack.alt-same", named, stackName(st), strconv.FormatFloat(st.Score, 'f', 1, 64))
		} else {
			alt.Text = i18n.M("stack.alt-lower", named, stackName(st), strconv.FormatFloat(st.Score, 'f', 1, 64), strconv.FormatFloat(-alt.Delta, 'f', 1, 64))
		}
	}
	d.Alternative = alt
	return d
}

// Localize says the explanation in lang.
func (d *StackExplanation) Localize(lang string) {
	d.Lang = lang
	i18n.SayAll(d, lang)
}

// StackExplanationTable renders `explain stack` for a terminal.
func StackExplanationTable(d *StackExplanation, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
	var b strings.Builder
	line := func(indent, hang int, text string) { b.WriteString(wrapIndent(text, width, indent, hang) + "\n") }
	loc := i18n.For(d.Lang)
	if d.Stack == nil {
		line(0, 2, loc.T("stack.none-ranked"))
	} else {
		stackTable(line, d.Stack, loc, true)
		if d.Stack.Blocked == nil {
			line(2, 4, dimStyle.Render(loc.Tf("stack.how-scored", strconv.FormatFloat(d.Stack.Mean, 'f', 2, 64), strconv.FormatFloat(d.Stack.Points, 'f', -1, 64), strconv.FormatFloat(d.Stack.Score, 'f', 1, 64))))
		}
	}
	if a := d.Alternative; a != nil {
		b.WriteString("\n")
		line(0, 2, titleStyle.Render(loc.T("stack.alternative")))
		line(2, 4, a.Text.String())
		for _, n := range a.RuledOut {
			line(4, 6, excludeStyle.Render("✗")+" "+n.Text.String()+fileNote(n.File))
		}
		for _, x := range a.Excluded {
			for _, r := range x.Reasons {
				line(4, 6, excludeStyle.Render("✗")+" "+x.Name.String()+loc.Colon()+r.Text.String()+fileNote(r.File))
			}
		}
		for _, p := range a.Parts {
			line(4, 6, dimStyle.Render(partLine(loc, p)))
		}
		for _, n := range a.Notes {
			mark := "!"
			if n.Points != 0 {
				mark = strconv.FormatFloat(n.Points, 'f', -1, 64)
			}
			line(4, 6, warnStyle.Render(mark)+" "+n.Text.String()+fileNote(n.File))
		}
	}
	return b.String()
}

// runnerUpLine is a runner-up for the text views, with its score net of the moves from today's
// parts when there are any (what ranks it).
func runnerUpLine(ru RunnerUp, loc i18n.Localizer) string {
	if ru.Net != nil {
		return loc.Tf("stack.runner-up-net", stackLine(ru.Parts), strconv.FormatFloat(ru.Score, 'f', 1, 64), strconv.FormatFloat(*ru.Net, 'f', 1, 64))
	}
	return loc.Tf("stack.runner-up", stackLine(ru.Parts), strconv.FormatFloat(ru.Score, 'f', 1, 64))
}
