package record

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Statuses of a checked record.
const (
	Unchanged = "unchanged" // today's knowledge base makes the same picks
	Changed   = "changed"   // a pick differs, or none is left
	Invalid   = "invalid"   // the answers (or the subject) no longer validate
)

// Kinds of reasons a pick changed.
const (
	KindPolicy       = "policy"        // an overlay's rule excludes the old pick
	KindExcluded     = "excluded"      // a rule of the knowledge base excludes it
	KindRemoved      = "removed"       // the old pick is no longer a candidate
	KindNewCandidate = "new-candidate" // the new pick was added since the record
	KindFigure       = "figure"        // a scored value of the old or new pick changed
	KindWeight       = "weight"        // a criterion's weight changed
	KindRule         = "rule"          // a rule now applies to the old or new pick, or no longer does
	KindScores       = "scores"        // none of the above: the scores moved
	KindVerdict      = "verdict"       // the verdict on today's part changed (a keep became a must switch)
)

// Outcome is the check of one record.
type Outcome struct {
	Status  string   `json:"status" yaml:"status"`
	Subject string   `json:"subject" yaml:"subject"`
	Before  []Pick   `json:"before" yaml:"before"`
	After   []Pick   `json:"after" yaml:"after"`
	Reasons []Reason `json:"reasons,omitempty" yaml:"reasons,omitempty"`
	// Error says why the record's answers no longer validate (status invalid).
	Error string `json:"error,omitempty" yaml:"error,omitempty"`
	// KBBefore and KBAfter are the knowledge base when the record was made and today.
	KBBefore KB `json:"kb_before" yaml:"kb_before"`
	KBAfter  KB `json:"kb_after" yaml:"kb_after"`
	// Changelog quotes rules/CHANGELOG.md between the record's version and today's.
	Changelog []Entry `json:"changelog,omitempty" yaml:"changelog,omitempty"`
}

// KB identifies a knowledge base: its version and the digest of its rules and overlays.
type KB struct {
	Version string `json:"version" yaml:"version"`
	Digest  string `json:"digest" yaml:"digest"`
}

// Reason is one cause of a changed pick, with its source.
type Reason struct {
	Kind     string    `json:"kind" yaml:"kind"`
	Category string    `json:"category" yaml:"category"`
	Text     i18n.Text `json:"text" yaml:"text"`
	Source   string    `json:"source,omitempty" yaml:"source,omitempty"`
	File     string    `json:"file,omitempty" yaml:"file,omitempty"` // the overlay of an organisation's rule
}

// Check re-runs a record against b (today's knowledge base and overlays): the same answers,
// the same subject. log is the knowledge base's changelog. The reasons' texts are said in a
// language with Localize.
func Check(b *knowledge.Base, r *Record, log []Entry) *Outcome {
	b.Positioned() // a reason's source names the rule file's line (the embedded base's too)
	out := &Outcome{Subject: r.Subject, Before: r.Picks, After: []Pick{},
		KBBefore: KB{r.KBVersion, r.KBDigest}, KBAfter: KB{b.Version, b.Digest}}
	out.Changelog = Between(log, r.KBVersion, b.Version)
	invalid := func(format string, args ...any) *Outcome {
		out.Status, out.Error = Invalid, fmt.Sprintf(format, args...)
		return out
	}
	if r.Subject != SubjectStack && b.Category(r.Subject) == nil {
		return invalid("category %s is no longer in the knowledge base", limits.Sprintf("%q", r.Subject))
	}
	given, err := b.ParseAnswers("record", r.Answers)
	if err != nil {
		// The positions would be in the block's answers, not in the file: the messages alone.
		var probs knowledge.Problems
		if errors.As(err, &probs) {
			msgs := make([]string, len(probs))
			for i, p := range probs {
				msgs[i] = p.Msg
			}
			return invalid("the recorded answers no longer validate: %s", strings.Join(msgs, "; "))
		}
		return invalid("the recorded answers no longer validate: %s", oneLine(err.Error()))
	}
	res, err := engine.Run(b, given)
	if err != nil {
		return invalid("%s", oneLine(err.Error()))
	}
	if r.Subject == SubjectStack {
		if res.Stack != nil && res.Stack.Best != nil {
			for _, p := range res.Stack.Best.Parts {
				out.After = append(out.After, Pick{Category: p.Candidate.Category, ID: p.Candidate.ID, Score: p.Score})
			}
		}
	} else {
		for _, cr := range res.Categories {
			if d := cr.Decision(); cr.Category.ID == r.Subject && d != nil {
				out.After = append(out.After, Pick{Category: cr.Category.ID, ID: d.Candidate.ID, Score: d.Score})
			}
		}
	}
	out.Status = Unchanged
	if !samePicks(r.Picks, out.After) {
		out.Status = Changed
	}
	if out.Status == Changed {
		out.Reasons = why(b, r, res, out.After)
	}
	// What to do with today's parts: a keep that is now a must switch is a changed decision
	// even when the picks stay (the record may have chosen what the team must now leave).
	if changed := verdictReasons(b, r.Verdicts, verdicts(res, r.Subject), res); len(changed) > 0 {
		out.Status = Changed
		out.Reasons = append(out.Reasons, changed...)
	}
	return out
}

// verdictReasons says which verdicts on today's parts changed, each with the rule that now
// rules the part out when it must go.
func verdictReasons(b *knowledge.Base, before, after []Verdict, res *engine.Result) []Reason {
	var out []Reason
	for _, old := range before {
		now := Verdict{Category: old.Category, Current: old.Current}
		for _, v := range after {
			if v.Category == old.Category && v.Current == old.Current {
				now = v
			}
		}
		if now.Verdict == old.Verdict && now.To == old.To {
			continue
		}
		name := i18n.Lit(old.Current)
		if c := b.Candidate(old.Current); c != nil {
			name = c.Named()
		}
		rs := Reason{Kind: KindVerdict, Category: old.Category,
			Text: i18n.M("record.verdict", name, verdictText(old), verdictText(now))}
		if now.Verdict == engine.VerdictMustSwitch {
			for _, cr := range res.Categories {
				for _, ex := range cr.Excluded {
					if ex.Candidate.ID == old.Current && len(ex.Rules) > 0 {
						rs.Text = i18n.Cat(rs.Text, i18n.Lit(" "), i18n.Of(ex.Rules[0].Because))
						rs.Source, rs.File = ex.Rules[0].Source, overlayRuleFile(ex.Rules[0])
					}
				}
			}
		}
		out = append(out, rs)
	}
	return out
}

// verdictText says a verdict and its target: "keep", "switch to podman".
func verdictText(v Verdict) i18n.Text {
	switch {
	case v.Verdict == engine.VerdictKeep:
		return i18n.M("record.verdict-keep")
	case v.Verdict == engine.VerdictSwitch && v.To != "":
		return i18n.M("record.verdict-switch-to", i18n.Lit(v.To))
	case v.Verdict == engine.VerdictSwitch:
		return i18n.M("record.verdict-switch")
	case v.Verdict == engine.VerdictMustSwitch && v.To != "":
		return i18n.M("record.verdict-must-switch-to", i18n.Lit(v.To))
	case v.Verdict == engine.VerdictMustSwitch:
		return i18n.M("record.verdict-must-switch")
	}
	return i18n.M("record.verdict-none")
}

// Localize says the outcome's reasons in lang ("en" or "zh").
func (o *Outcome) Localize(lang string) { i18n.SayAll(o, lang) }

func samePicks(a, b []Pick) bool {
	return slices.EqualFunc(a, b, func(x, y Pick) bool { return x.Category == y.Category && x.ID == y.ID })
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// why explains, category by category, a pick that differs.
func why(b *knowledge.Base, r *Record, res *engine.Result, after []Pick) []Reason {
	var out []Reason
	if len(r.Picks) == 0 && len(after) > 0 {
		out = append(out, Reason{Kind: KindScores, Category: r.Subject, Text: i18n.M("record.now-possible")})
	}
	if len(after) == 0 {
		key := "record.none-left"
		if r.Subject == SubjectStack {
			key = "record.no-stack"
		}
		text := i18n.M(key)
		if key == "record.none-left" {
			text = i18n.M(key, r.Subject)
		}
		out = append(out, Reason{Kind: KindScores, Category: r.Subject, Text: text})
	}
	for _, old := range r.Picks {
		newID := ""
		for _, p := range after {
			if p.Category == old.Category {
				newID = p.ID
			}
		}
		if newID == old.ID {
			continue
		}
		var mem *Memory
		for i := range r.Categories {
			if r.Categories[i].ID == old.Category {
				mem = &r.Categories[i]
			}
		}
		var cr *engine.CategoryResult
		for _, c := range res.Categories {
			if c.Category.ID == old.Category {
				cr = c
			}
		}
		if mem == nil || cr == nil {
			continue
		}
		out = append(out, whyCategory(b, mem, cr, old.ID, newID)...)
	}
	return out
}

func whyCategory(b *knowledge.Base, mem *Memory, cr *engine.CategoryResult, oldID, newID string) []Reason {
	cat := mem.ID
	var out []Reason
	add := func(kind string, text i18n.Text, source, file string) {
		out = append(out, Reason{Kind: kind, Category: cat, Text: text, Source: source, File: file})
	}
	name := func(id string) i18n.Text {
		if c := b.Candidate(id); c != nil {
			return c.Named()
		}
		return i18n.Lit(id)
	}
	ranked := map[string]*engine.Ranked{}
	for _, rk := range cr.Ranking {
		ranked[rk.Candidate.ID] = rk
	}
	// The old pick: gone, or excluded now.
	if b.Candidate(oldID) == nil {
		add(KindRemoved, i18n.M("record.removed", oldID), "", "")
	}
	for _, ex := range cr.Excluded {
		if ex.Candidate.ID != oldID {
			continue
		}
		for _, rule := range ex.Rules {
			if slices.Contains(mem.Excluded[oldID], rule.ID) {
				continue
			}
			kind, file := KindExcluded, ""
			if rule.Overlay {
				kind, file = KindPolicy, rule.Pos.File
			}
			add(kind, i18n.M("record.excluded", name(oldID), rule.ID, i18n.Of(rule.Because)), rule.Source, file)
		}
	}
	// The new pick: added since.
	if newID != "" && !slices.Contains(mem.Candidates, newID) {
		add(KindNewCandidate, i18n.M("record.new-candidate", name(newID)), candidateSource(b.Candidate(newID)), overlayFile(b.Candidate(newID)))
	}
	// Figures of either that changed.
	for _, id := range []string{oldID, newID} {
		rk := ranked[id]
		before, ok := mem.Values[id]
		if rk == nil || !ok {
			continue
		}
		for _, p := range rk.Breakdown {
			was, had := before[p.Criterion.Attribute]
			now := valueText(p.Value)
			if had && was != now {
				src := ""
				if p.Value != nil {
					src = p.Value.Source
				}
				add(KindFigure, i18n.M("record.figure", name(id), i18n.Of(p.Criterion.Attr.Title), was, now), src, "")
			}
		}
	}
	// Weights.
	if len(cr.Ranking) > 0 {
		for _, p := range cr.Ranking[0].Breakdown {
			if was, ok := mem.Weights[p.Criterion.ID]; ok && was != p.Criterion.Weight {
				add(KindWeight, i18n.M("record.weight", i18n.Of(p.Criterion.Attr.Title), strconv.FormatFloat(was, 'f', -1, 64),
					strconv.FormatFloat(p.Criterion.Weight, 'f', -1, 64)), "", criterionFile(p.Criterion))
			}
		}
	}
	// Rules that now touch either, or no longer do.
	for _, id := range []string{oldID, newID} {
		rk := ranked[id]
		before, ok := mem.Rules[id]
		if rk == nil || !ok {
			continue
		}
		now := touching(rk)
		for _, a := range rk.Adjustments {
			if !slices.Contains(before, a.Rule.ID) {
				add(KindRule, i18n.M("record.rule-added", a.Rule.ID, name(id), signed(a.Points), i18n.Of(a.Rule.Because)), a.Rule.Source, overlayRuleFile(a.Rule))
			}
		}
		for _, ruleID := range before {
			if !slices.Contains(now, ruleID) {
				add(KindRule, i18n.M("record.rule-gone", ruleID, name(id)), "", "")
			}
		}
	}
	if len(out) == 0 {
		add(KindScores, i18n.M("record.scores", name(oldID), name(newID)), "", "")
	}
	return out
}

func candidateSource(c *knowledge.Candidate) string {
	if c == nil {
		return ""
	}
	return c.Pos.String()
}

func overlayFile(c *knowledge.Candidate) string {
	if c != nil && c.Overlay {
		return c.Pos.File
	}
	return ""
}

func overlayRuleFile(r *knowledge.Rule) string {
	if r.Overlay {
		return r.Pos.File
	}
	return ""
}

// criterionFile names the overlay that set a criterion's weight (none for the base's).
func criterionFile(c *knowledge.Criterion) string {
	if c.Overlay {
		return c.Pos.File
	}
	return ""
}

func signed(x float64) string { return fmt.Sprintf("%+g", math.Round(x*100)/100) }
