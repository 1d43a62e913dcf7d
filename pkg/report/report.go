// Package report turns an engine result into the report document (JSON report v1, see
// docs/DESIGN.md §7) and renders it as a terminal table, JSON or YAML.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// SchemaVersion is the version of the report document.
const SchemaVersion = 10 // 2: breakdown[].grade and .trust, ranking[].evidence; 3: reasons[].grade and .trust, evidence[].rule; 4: stack (additive); 5: categories[].robustness and .weight_what_if (additive); 6: stack parts scored in their role: parts[].role, .role_given_by, .alone_score (additive); 7: answers.headquarters, the buyer's headquarters, which US export controls follow (additive); 8: knowledge_base.as_of, the day the base's facts were last checked, answers.sites, how edge sites are run, answers.device-class, what a Wasm runtime runs on, answers.air-gapped, .fips, .compliance-baseline and .vendor-support, answers.ci-docker, .instances, .snapshots, .app-code, .gpu-count, .gpu-placement, .host-arch, .fp64 and .training-framework (additive); 9: answers.app-code may be javascript (a new value); 10: answers.current, categories[].current and stack.current, the verdicts on today's parts (additive)

// Report is the report document. JSON and YAML marshal this same struct.
type Report struct {
	SchemaVersion int           `json:"schema_version" yaml:"schema_version"`
	Tool          Tool          `json:"tool" yaml:"tool"`
	KnowledgeBase KnowledgeBase `json:"knowledge_base" yaml:"knowledge_base"`
	Lang          string        `json:"lang" yaml:"lang"`
	Answers       AnswerList    `json:"answers" yaml:"answers"`
	// Detected (with --detect) lists the answers read off the machine.
	Detected []Detected `json:"detected,omitempty" yaml:"detected,omitempty"`
	// Stack (when two or more categories are ranked) is the recommended stack across them.
	Stack      *StackDoc  `json:"stack,omitempty" yaml:"stack,omitempty"`
	Categories []Category `json:"categories" yaml:"categories"`
	Warnings   []Warning  `json:"warnings,omitempty" yaml:"warnings,omitempty"`
}

// Detected is an answer read off the machine, with what showed it.
type Detected struct {
	Question string `json:"question" yaml:"question"`
	Value    any    `json:"value" yaml:"value"`
	Evidence string `json:"evidence" yaml:"evidence"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name" yaml:"name"`
	Version string `json:"version" yaml:"version"`
}

// KnowledgeBase identifies the rules the report was computed from.
type KnowledgeBase struct {
	Version string `json:"version" yaml:"version"`
	// AsOf is the day the base's facts were last checked as a whole (YYYY-MM-DD; schema 8).
	AsOf   string `json:"as_of,omitempty" yaml:"as_of,omitempty"`
	Digest string `json:"digest" yaml:"digest"`
}

// Category is the ranking of one category.
type Category struct {
	ID       string     `json:"id" yaml:"id"`
	Title    i18n.Text  `json:"title" yaml:"title"`
	Ranking  []Entry    `json:"ranking" yaml:"ranking"`
	Excluded []Excluded `json:"excluded" yaml:"excluded"`
	// Sensitivity (with --what-if) lists the single-answer changes that change the top pick.
	Sensitivity []Sensitivity `json:"sensitivity,omitempty" yaml:"sensitivity,omitempty"`
	// WeightWhatIf (with --what-if) lists, per criterion, the smallest change of its weight
	// that changes the top pick, the smallest first.
	WeightWhatIf []WeightWhatIf `json:"weight_what_if,omitempty" yaml:"weight_what_if,omitempty"`
	// Robustness is how often the pick stays first as weights and values vary (absent when no
	// candidate is left).
	Robustness *Robustness `json:"robustness,omitempty" yaml:"robustness,omitempty"`
	// Reweighted lists the criteria whose weight the answers changed, and why.
	Reweighted []Reweighting `json:"reweighted,omitempty" yaml:"reweighted,omitempty"`
	// PrioritiesNotApplied are the chosen priorities the category gives no say (schema 6): no
	// criterion raises them and no rule names them, so they change nothing here.
	PrioritiesNotApplied []string  `json:"priorities_not_applied,omitempty" yaml:"priorities_not_applied,omitempty"`
	NotAppliedText       i18n.Text `json:"-" yaml:"-"` // the sentence the text views show
	// Role is the role the recommended stack gives the category's part (schema 6), given by
	// the part RoleGivenBy: the ranking is then in that role, and AloneFirst is the category's
	// first on its own.
	Role        string    `json:"role,omitempty" yaml:"role,omitempty"`
	RoleGivenBy string    `json:"role_given_by,omitempty" yaml:"role_given_by,omitempty"`
	AloneFirst  string    `json:"alone_first,omitempty" yaml:"alone_first,omitempty"`
	RoleText    i18n.Text `json:"-" yaml:"-"` // the sentence the text views show
	// Current is the verdict on today's part of the category (schema 10; the answer current).
	Current *Current `json:"current,omitempty" yaml:"current,omitempty"`
}

// Reweighting is a criterion whose weight the answers multiplied by Factor.
type Reweighting struct {
	Criterion string    `json:"criterion" yaml:"criterion"`
	Factor    float64   `json:"factor" yaml:"factor"`
	Text      i18n.Text `json:"text" yaml:"text"`
	Source    string    `json:"source" yaml:"source"`
	File      string    `json:"file,omitempty" yaml:"file,omitempty"` // the overlay that set it
}

// Sensitivity is one answer change and the top pick it would give.
type Sensitivity struct {
	Question string    `json:"question" yaml:"question"`
	Value    any       `json:"value" yaml:"value"`
	Through  *int      `json:"through,omitempty" yaml:"through,omitempty"` // absent: Value alone; see Sensitivity.OrMore
	OrMore   bool      `json:"or_more,omitempty" yaml:"or_more,omitempty"`
	Top      string    `json:"top" yaml:"top"`
	TopName  i18n.Text `json:"-" yaml:"-"`
	Flag     string    `json:"-" yaml:"-"`
	Range    i18n.Text `json:"-" yaml:"-"` // " (up to 11)" after Flag, for a run of answers
}

// Entry is one ranked candidate.
type Entry struct {
	Rank        int          `json:"rank" yaml:"rank"`
	ID          string       `json:"id" yaml:"id"`
	Name        i18n.Text    `json:"name" yaml:"name"`
	Score       float64      `json:"score" yaml:"score"`
	Summary     i18n.Text    `json:"summary" yaml:"summary"`
	Breakdown   []Part       `json:"breakdown" yaml:"breakdown"`
	Reasons     []Reason     `json:"reasons" yaml:"reasons"`
	Caveats     []Caveat     `json:"caveats" yaml:"caveats"`
	Corrections []Correction `json:"corrections,omitempty" yaml:"corrections,omitempty"`
	// Evidence lists the scored values below third-party evidence the score rests on.
	Evidence []Evidence `json:"evidence,omitempty" yaml:"evidence,omitempty"`
	File     string     `json:"file,omitempty" yaml:"file,omitempty"` // the overlay file that added the candidate
}

// Evidence is a scored value whose evidence is weak (report-only, unverified): it counts less
// (its trust) and the report says so beside the candidate.
type Evidence struct {
	Attribute string    `json:"attribute,omitempty" yaml:"attribute,omitempty"`
	Rule      string    `json:"rule,omitempty" yaml:"rule,omitempty"` // a bonus resting on weak evidence, instead of an attribute
	Title     i18n.Text `json:"title" yaml:"title"`
	Value     i18n.Text `json:"value" yaml:"value"`
	Grade     string    `json:"grade" yaml:"grade"`
	Trust     float64   `json:"trust" yaml:"trust"`
	Text      i18n.Text `json:"text" yaml:"text"`
	Source    string    `json:"source" yaml:"source"`
}

// evidenceLine sums up a candidate's weak evidence in one line.
func evidenceLine(evs []Evidence, loc i18n.Localizer) string {
	items := make([]string, len(evs))
	for i, ev := range evs {
		items[i] = loc.Tf("report.weak-evidence-item", ev.Title, ev.Value, gradeText(gradeNameKey, ev.Grade))
	}
	return loc.Tf("report.weak-evidence-line", loc.List(items))
}

// Part is one criterion's share of a score: points = 100 × weight × value.
type Part struct {
	Criterion string    `json:"criterion" yaml:"criterion"`
	Attribute string    `json:"attribute" yaml:"attribute"`
	Raw       i18n.Text `json:"raw" yaml:"raw"`
	Weight    float64   `json:"weight" yaml:"weight"`
	Value     float64   `json:"value" yaml:"value"`
	Points    float64   `json:"points" yaml:"points"`
	// Grade is the evidence behind the value (spec, measured, third-party, report-only,
	// unverified); Trust, when below 1, how much of its distance from neutral value counts.
	Grade string  `json:"grade" yaml:"grade"`
	Trust float64 `json:"trust,omitempty" yaml:"trust,omitempty"`
}

// Reason is why a candidate scored what it did, or why it was excluded.
type Reason struct {
	Rule   string    `json:"rule" yaml:"rule"`
	Text   i18n.Text `json:"text" yaml:"text"`
	Source string    `json:"source" yaml:"source"`
	Points float64   `json:"points,omitempty" yaml:"points,omitempty"`
	File   string    `json:"file,omitempty" yaml:"file,omitempty"` // the overlay file of an organisation's rule
	// Grade and Trust: the weak evidence a bonus rests on, and the share of its points it
	// counts (Points is already discounted); absent when it counts in full.
	Grade string  `json:"grade,omitempty" yaml:"grade,omitempty"`
	Trust float64 `json:"trust,omitempty" yaml:"trust,omitempty"`
}

// Caveat is something to check before following the recommendation: a Reason of a rule
// whose effect is a caveat (every rule has a source, so the two had the same fields).
type Caveat = Reason

// Correction is where the candidate's data departs from the report.
type Correction struct {
	Fact       string    `json:"fact" yaml:"fact"`
	Verdict    string    `json:"verdict" yaml:"verdict"`
	ReportSays i18n.Text `json:"report_says" yaml:"report_says"`
	Verified   i18n.Text `json:"verified" yaml:"verified"`
	Source     string    `json:"source" yaml:"source"`
}

// Excluded is a candidate removed by rules.
type Excluded struct {
	ID          string       `json:"id" yaml:"id"`
	Name        i18n.Text    `json:"name" yaml:"name"`
	File        string       `json:"file,omitempty" yaml:"file,omitempty"`
	Reasons     []Reason     `json:"reasons" yaml:"reasons"`
	Corrections []Correction `json:"corrections,omitempty" yaml:"corrections,omitempty"`
}

// Warning is an answer that conflicts with another or was ignored.
type Warning struct {
	Text i18n.Text `json:"text" yaml:"text"`
}

// Answer is one effective answer.
type Answer struct {
	ID    string
	Value knowledge.Value
	// Question and Text are the question and the answer as a person reads them, in the
	// report's language, for the Markdown and HTML reports (JSON and YAML keep id and value).
	Question i18n.Text
	Text     i18n.Text
}

// AnswerList is the effective answers in question order; it encodes as a JSON object / YAML
// mapping whose keys keep that order.
type AnswerList []Answer

// MarshalJSON writes the answers as an object in question order.
func (a AnswerList) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, ans := range a {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(ans.ID)
		v, err := json.Marshal(ans.Value.Any())
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// MarshalYAML writes the answers as a mapping in question order.
func (a AnswerList) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, ans := range a {
		var v yaml.Node
		if err := v.Encode(ans.Value.Any()); err != nil {
			return nil, err
		}
		if ans.Value.Type == knowledge.TypeMulti {
			v.Style = yaml.FlowStyle
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: ans.ID}, &v)
	}
	return n, nil
}

// Options tune a report.
type Options struct {
	Lang        string // en or zh
	ToolVersion string
	// Given are the answers as given, to warn about those that do not apply.
	Given knowledge.Answers
	// Detected are answers read off the machine; Notes are extra warnings (e.g. from probing).
	Detected []Detected
	Notes    []string
	// Today, when set, is the day of the run: a base more than StaleMonths older gets a warning.
	Today time.Time
}

// StaleMonths is how old a knowledge base may get before a report says so.
const StaleMonths = 6

// Build turns an engine result into the report document, with the analyses engine.Analyse
// attached to it (none when it did not run), said in opts.Lang (Localize says it again in
// another).
func Build(b *knowledge.Base, res *engine.Result, opts Options) *Report {
	r := &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "stackadvisor", Version: opts.ToolVersion},
		KnowledgeBase: KnowledgeBase{Version: b.Version, AsOf: b.AsOf, Digest: b.Digest},
		Categories:    []Category{},
	}
	for _, q := range b.Questions {
		if v, ok := res.Answers[q.ID]; ok {
			r.Answers = append(r.Answers, Answer{ID: q.ID, Value: v, Question: i18n.Of(q.Label), Text: answerText(q, v)})
		}
	}
	for _, cr := range res.Categories {
		r.Categories = append(r.Categories, category(b, res, cr))
	}
	r.Detected = opts.Detected
	r.Stack = buildStack(b, res.Stack)
	if opts.Given != nil {
		for _, w := range engine.Warnings(b, opts.Given, res) {
			r.Warnings = append(r.Warnings, Warning{Text: warningText(w)})
		}
	}
	for _, n := range opts.Notes {
		r.Warnings = append(r.Warnings, Warning{Text: i18n.Lit(n)})
	}
	if w := Stale(b, opts.Today); !w.IsZero() {
		r.Warnings = append([]Warning{{Text: w}}, r.Warnings...)
	}
	r.Localize(opts.Lang)
	return r
}

// Localize says the report in lang ("en" or "zh"): every text of the document, which was
// built without a language, and its lang field.
func (r *Report) Localize(lang string) {
	r.Lang = lang
	i18n.SayAll(r, lang)
}

// category is one category's part of the report.
func category(b *knowledge.Base, res *engine.Result, cr *engine.CategoryResult) Category {
	c := Category{ID: cr.Category.ID, Title: i18n.Of(cr.Category.Title), Ranking: []Entry{}, Excluded: []Excluded{}}
	for _, rk := range cr.Ranking {
		c.Ranking = append(c.Ranking, entry(rk, res.Answers))
	}
	for _, ex := range cr.Excluded {
		e := Excluded{ID: ex.Candidate.ID, Name: ex.Candidate.Named(), File: overlayFile(ex.Candidate.Overlay, ex.Candidate.Pos), Reasons: []Reason{}, Corrections: corrections(ex.Candidate, res.Answers)}
		e.Reasons = append(e.Reasons, exclusionReasons(ex)...)
		c.Excluded = append(c.Excluded, e)
	}
	for _, sv := range cr.WhatIf {
		var rng i18n.Text
		switch {
		case sv.Through != nil && *sv.Through == math.MaxInt:
			rng = i18n.M("report.or-more")
		case sv.Through != nil:
			rng = i18n.M("report.through", *sv.Through)
		}
		c.Sensitivity = append(c.Sensitivity, Sensitivity{Question: sv.Question.ID, Value: sv.Value.Any(), Through: through(sv.Through), OrMore: sv.Through != nil && *sv.Through == math.MaxInt, Top: sv.Top.ID, TopName: sv.Top.Named(), Flag: sv.Flag(), Range: rng})
	}
	c.WeightWhatIf = buildWeightWhatIf(cr.WeightWhatIf)
	c.Reweighted = reweightings(cr.Reweighted)
	if cr.Role != nil && cr.GivenBy != nil && cr.Alone != nil && len(cr.Alone.Ranking) > 0 {
		first := cr.Alone.Ranking[0]
		c.Role, c.RoleGivenBy, c.AloneFirst = cr.Role.ID, cr.GivenBy.ID, first.Candidate.ID
		role := []i18n.Text{i18n.M("report.role-table", cr.GivenBy.Named(), i18n.Of(cr.Role.Title), first.Candidate.Named(), strconv.FormatFloat(first.Score, 'f', 1, 64))}
		// The table's first in the role may still lose in the stack, where how it works with
		// the other parts counts too: say so rather than let the table and the stack disagree.
		if res.Stack != nil && res.Stack.Best != nil && len(cr.Ranking) > 0 {
			for _, p := range res.Stack.Best.Parts {
				if p.Candidate.Category == c.ID && p.Candidate.ID != cr.Ranking[0].Candidate.ID {
					role = append(role, i18n.M("report.role-table-stack", cr.Ranking[0].Candidate.Named(), p.Candidate.Named()))
				}
			}
		}
		c.RoleText = i18n.Join(role, " ")
	}
	if len(cr.NotApplied) > 0 {
		c.PrioritiesNotApplied = cr.NotApplied
		labels := make([]i18n.Text, len(cr.NotApplied))
		for i, p := range cr.NotApplied {
			labels[i] = i18n.Lit(p)
			if ch := b.Question(knowledge.QPriorities).Choice(p); ch != nil {
				labels[i] = i18n.Of(ch.Label)
			}
		}
		key := "report.not-applied"
		if len(labels) > 1 {
			key = "report.not-applied-many"
		}
		c.NotAppliedText = i18n.M(key, i18n.List(labels), c.Title)
	}
	c.Robustness = BuildRobustness(cr.Robustness)
	c.Current = current(cr.Today)
	return c
}

// Stale is the one line a report shows when the base is more than StaleMonths older than
// today (empty otherwise, or when today is zero).
func Stale(b *knowledge.Base, today time.Time) i18n.Text {
	if today.IsZero() {
		return i18n.Text{}
	}
	months, asOf, ok := b.Age(today)
	if !ok || !today.After(asOf.AddDate(0, StaleMonths, 0)) {
		return i18n.Text{}
	}
	return i18n.M("report.stale-base", b.Version, asOf.Format(knowledge.DayLayout), months)
}

func entry(rk *engine.Ranked, a knowledge.Answers) Entry {
	cand := rk.Candidate
	e := Entry{
		Rank:        rk.Rank,
		ID:          cand.ID,
		Name:        cand.Named(),
		Score:       rk.Score,
		Summary:     i18n.Of(cand.Summary),
		Breakdown:   []Part{},
		Reasons:     []Reason{},
		Caveats:     []Caveat{},
		Corrections: corrections(cand, a),
		File:        overlayFile(cand.Overlay, cand.Pos),
	}
	for _, p := range rk.Breakdown {
		if p.Weight == 0 {
			continue // a need nobody asked for (a reweight of factor 0)
		}
		e.Breakdown = append(e.Breakdown, Part{
			Criterion: p.Criterion.ID,
			Attribute: p.Criterion.Attribute,
			Raw:       AttrText(p.Value),
			Weight:    round(p.Weight, 4),
			Value:     round(p.Norm, 3),
			Points:    round(p.Points, 2),
			Grade:     p.Value.Grade,
			Trust:     trustBelowOne(p.Trust),
		})
		if p.Weak() && p.Weight > 0 {
			title := i18n.Of(p.Criterion.Attr.Title)
			e.Evidence = append(e.Evidence, Evidence{
				Attribute: p.Criterion.Attribute,
				Title:     title,
				Value:     AttrText(p.Value),
				Grade:     p.Value.Grade,
				Trust:     p.Trust,
				Text:      i18n.M("report.weak-evidence", gradeText(gradeKey, p.Value.Grade), title, AttrText(p.Value), int(math.Round(p.Trust*100))),
				Source:    p.Value.Source,
			})
		}
	}
	for _, ctx := range rk.Contexts { // the setting the answers put it in comes first
		src := ""
		if len(ctx.Attributes) > 0 {
			src = ctx.Attributes[0].Source
		}
		e.Reasons = append(e.Reasons, Reason{Rule: "context:" + ctx.ID, Text: i18n.Of(ctx.Note), Source: src})
	}
	for _, a := range rk.Adjustments {
		if a.Points > 0 {
			r := Reason{Rule: a.Rule.ID, Text: i18n.Of(a.Rule.Because), Source: a.Rule.Source, Points: round(a.Points, 2), File: ruleFile(a.Rule)}
			if a.Weak() {
				r.Grade, r.Trust = a.Rule.Grade, a.Trust
				pts := "+" + strconv.FormatFloat(round(a.Points, 2), 'f', -1, 64)
				e.Evidence = append(e.Evidence, Evidence{
					Rule:   a.Rule.ID,
					Title:  i18n.M("report.rule-title", a.Rule.ID),
					Value:  i18n.Lit(pts),
					Grade:  a.Rule.Grade,
					Trust:  a.Trust,
					Text:   i18n.M("report.weak-rule", gradeText(gradeKey, a.Rule.Grade), a.Rule.ID, pts, strconv.FormatFloat(a.Rule.Points, 'f', -1, 64)),
					Source: a.Rule.Source,
				})
			}
			e.Reasons = append(e.Reasons, r)
		}
	}
	for _, p := range rk.Strengths {
		text := i18n.Cat(i18n.Of(p.Criterion.Attr.Title), i18n.M("report.label-colon"), AttrText(p.Value))
		if p.Paid { // today's part: what it measures is paid for, and that is the strength
			text = i18n.Cat(i18n.Of(p.Criterion.Attr.Title), i18n.M("report.label-colon"), i18n.Of(*p.Criterion.Paid))
		}
		e.Reasons = append(e.Reasons, Reason{
			Rule:   "criterion:" + p.Criterion.ID,
			Text:   text,
			Source: p.Value.Source,
		})
	}
	for _, a := range rk.Adjustments {
		if a.Points < 0 {
			e.Caveats = append(e.Caveats, Caveat{Rule: a.Rule.ID, Text: i18n.Of(a.Rule.Because), Source: a.Rule.Source, Points: a.Points, File: ruleFile(a.Rule)})
		}
	}
	for _, rule := range rk.Owned { // owned already, it stays: buy no more of it
		e.Caveats = append(e.Caveats, Caveat{Rule: rule.ID, Text: i18n.M("current.owned", i18n.Of(rule.Because)), Source: rule.Source, File: ruleFile(rule)})
	}
	for _, rule := range rk.Caveats {
		e.Caveats = append(e.Caveats, Caveat{Rule: rule.ID, Text: i18n.Of(rule.Because), Source: rule.Source, File: ruleFile(rule)})
	}
	return e
}

// reweightings are the reweights that applied, as the report shows them.
func reweightings(list []engine.Reweighted) []Reweighting {
	var out []Reweighting
	for _, rw := range list {
		if rw.Factor == 0 {
			continue // a need nobody asked for: its criterion is left out of the breakdown too
		}
		out = append(out, Reweighting{
			Criterion: rw.Criterion.ID,
			Factor:    rw.Factor,
			Text:      i18n.M("report.reweighted", i18n.Of(rw.Criterion.Attr.Title), strconv.FormatFloat(rw.Factor, 'f', -1, 64), i18n.Of(rw.Because)),
			Source:    rw.Source,
			File:      overlayFile(rw.Overlay, rw.Pos),
		})
	}
	return out
}

// trustBelowOne is the trust to show: none when the value counts in full.
func trustBelowOne(t float64) float64 {
	if t >= 1 {
		return 0
	}
	return t
}

// ruleFile names the file of an organisation's rule; the base's rules need no name.
func ruleFile(r *knowledge.Rule) string { return overlayFile(r.Overlay, r.Pos) }

func compatFile(r *knowledge.Compat) string { return overlayFile(r.Overlay, r.Pos) }

func overlayFile(overlay bool, pos knowledge.Pos) string {
	if overlay {
		return pos.File
	}
	return ""
}

// corrections lists the candidate's corrections that apply to the answers (all of them when
// answers is nil).
func corrections(c *knowledge.Candidate, a knowledge.Answers) []Correction {
	var out []Correction
	for _, f := range c.Corrections {
		if !f.AppliesTo(a) {
			continue
		}
		out = append(out, Correction{Fact: f.ID, Verdict: f.Verdict, ReportSays: i18n.Of(f.ReportSays), Verified: i18n.Of(f.Verified), Source: f.Source})
	}
	return out
}

// AttrText is an attribute value with its unit, as a text said in the report's language.
func AttrText(v *knowledge.AttrValue) i18n.Text {
	if v == nil {
		return i18n.Lit("—")
	}
	if v.Unknown {
		return i18n.M("report.value-unknown")
	}
	a := v.Attr
	switch a.Type {
	case knowledge.AttrBool:
		if v.Bool {
			return i18n.M("report.yes")
		}
		return i18n.M("report.no")
	case knowledge.AttrLevel:
		return i18n.Lit(fmt.Sprintf("%s/%s", v.Display(), trimNum(a.Range[1])))
	case knowledge.AttrNumber:
		if a.Unit != "" {
			return i18n.Lit(v.Display() + " " + a.Unit)
		}
	case knowledge.AttrEnum:
		return a.LabelText(v.Str)
	case knowledge.AttrText:
		return i18n.Pair(v.Display(), v.ValueZh)
	case knowledge.AttrList:
		labels := make([]i18n.Text, len(v.List))
		for i, x := range v.List {
			labels[i] = a.LabelText(x)
		}
		return i18n.List(labels)
	}
	return i18n.Lit(v.Display())
}

func trimNum(f float64) string { return fmt.Sprintf("%g", f) }

func round(f float64, places int) float64 {
	p := math.Pow(10, float64(places))
	r := math.Round(f*p) / p
	if r == 0 {
		return 0 // no negative zero in the output
	}
	return r
}

func warningText(w engine.Warning) i18n.Text {
	switch w.Kind {
	case engine.WarnTooStrict:
		return i18n.M("report.warn-too-strict", w.Question.ID, w.Value.String(), i18n.Of(w.Category.Title))
	case engine.WarnCurrentNotRanked:
		return i18n.M("report.warn-current-not-ranked", w.Candidate.Named(), i18n.Of(w.Category.Title), w.Category.ID)
	default:
		// Say when the question applies: "its category was not chosen" misled when the
		// category was chosen and another answer (the buyer in China) made it moot.
		if sw := w.Question.ShowWhen; sw != nil && !sw.IsEmpty() {
			return i18n.M("report.warn-not-applicable-when", w.Question.ID, w.Value.String(), sw.Said())
		}
		return i18n.M("report.warn-not-applicable", w.Question.ID, w.Value.String())
	}
}

// through is the end of a what-if range for the report: absent when open-ended (or_more).
func through(t *int) *int {
	if t == nil || *t == math.MaxInt {
		return nil
	}
	return t
}

// The catalog keys of the weak evidence grades, written out so that the catalog test sees
// every key the report uses (a key built at run time could name one that does not exist).
var (
	gradeKey     = map[string]string{knowledge.GradeReportOnly: "report.grade.report-only", knowledge.GradeUnverified: "report.grade.unverified"}
	gradeNameKey = map[string]string{knowledge.GradeReportOnly: "report.grade-name.report-only", knowledge.GradeUnverified: "report.grade-name.unverified"}
)

// gradeText is a weak grade's text from keys; a grade without a key shows as its id.
func gradeText(keys map[string]string, grade string) i18n.Text {
	if k, ok := keys[grade]; ok {
		return i18n.M(k)
	}
	return i18n.Lit(grade)
}
