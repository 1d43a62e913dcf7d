package report

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Explanation is the document of `stackadvisor explain`.
type Explanation struct {
	ID          string       `json:"id" yaml:"id"`
	Name        i18n.Text    `json:"name" yaml:"name"`
	Category    string       `json:"category" yaml:"category"`
	Lang        string       `json:"lang" yaml:"lang"`
	Answers     AnswerList   `json:"answers" yaml:"answers"`
	Excluded    bool         `json:"excluded" yaml:"excluded"`
	Rank        int          `json:"rank,omitempty" yaml:"rank,omitempty"`
	Of          int          `json:"of" yaml:"of"`
	Score       float64      `json:"score" yaml:"score"` // for an excluded candidate: the score it would have
	Base        float64      `json:"base" yaml:"base"`
	Adjust      float64      `json:"adjust" yaml:"adjust"`
	Breakdown   []Part       `json:"breakdown" yaml:"breakdown"`
	Rules       []RuleEffect `json:"rules" yaml:"rules"`
	Readmit     []string     `json:"readmit,omitempty" yaml:"readmit,omitempty"`
	Corrections []Correction `json:"corrections,omitempty" yaml:"corrections,omitempty"`
	// Notes are what the base says about a scored value's scope (what was measured, what a
	// figure leaves out), in the breakdown's order.
	Notes []ValueNote `json:"notes,omitempty" yaml:"notes,omitempty"`
	// Robustness is how robust the category's pick is (the candidate's own shares of the
	// draws are among its candidates when it is listed).
	Robustness *Robustness `json:"robustness,omitempty" yaml:"robustness,omitempty"`
	// Reweighted lists the criteria whose weight the answers changed, and why.
	Reweighted []Reweighting `json:"reweighted,omitempty" yaml:"reweighted,omitempty"`
	// Current is, when a part of the category runs today (the answer current), the verdict on
	// it (the category on its own) when this is it, or the move from it to this candidate.
	Current *ExplainCurrent `json:"current,omitempty" yaml:"current,omitempty"`
}

// ExplainCurrent is the candidate beside today's part of its category.
type ExplainCurrent struct {
	ID      string  `json:"id" yaml:"id"` // today's part
	IsToday bool    `json:"is_today" yaml:"is_today"`
	Verdict string  `json:"verdict" yaml:"verdict"` // the verdict on today's part
	Gain    float64 `json:"gain" yaml:"gain"`       // this candidate's score less today's (0 when today's is excluded or is this one)
	Pays    bool    `json:"pays" yaml:"pays"`       // the gain is larger than the move's effort (or today's part is excluded)
	// Migration is the move from today's part to this candidate (absent when this is today's).
	Migration *Migration `json:"migration,omitempty" yaml:"migration,omitempty"`
	Text      i18n.Text  `json:"text" yaml:"text"`
}

// ValueNote is the base's note on one scored value.
type ValueNote struct {
	Criterion string    `json:"criterion" yaml:"criterion"`
	Text      i18n.Text `json:"text" yaml:"text"`
}

// RuleEffect is a rule that touched the candidate.
type RuleEffect struct {
	Rule   string    `json:"rule" yaml:"rule"`
	Effect string    `json:"effect" yaml:"effect"`
	Points float64   `json:"points,omitempty" yaml:"points,omitempty"`
	Text   i18n.Text `json:"text" yaml:"text"`
	Source string    `json:"source" yaml:"source"`
	File   string    `json:"file" yaml:"file"` // where the rule is defined, file:line:col
	// Grade and Trust: the weak evidence a bonus rests on and the share of its points that
	// counts (Points is after it); absent when the bonus counts in full.
	Grade string  `json:"grade,omitempty" yaml:"grade,omitempty"`
	Trust float64 `json:"trust,omitempty" yaml:"trust,omitempty"`
}

// BuildExplanation turns an engine explanation into its document, to be said in a language
// with Localize.
func BuildExplanation(b *knowledge.Base, ex *engine.Explanation) *Explanation {
	b.Positioned() // the rules' file:line:col
	c := ex.Candidate
	d := &Explanation{
		ID: c.ID, Name: c.Named(), Category: c.Category,
		Excluded: len(ex.ExcludedBy) > 0, Of: ex.Of,
		Breakdown: []Part{}, Rules: []RuleEffect{}, Corrections: corrections(c, ex.Answers),
	}
	for _, q := range b.Questions {
		d.Answers = append(d.Answers, Answer{ID: q.ID, Value: ex.Answers[q.ID]})
	}
	if ex.Ranking != nil {
		d.Reweighted = reweightings(ex.Ranking.Reweighted)
		d.Current = explainCurrent(b, ex)
	}
	for _, r := range ex.ExcludedBy {
		d.Rules = append(d.Rules, RuleEffect{Rule: r.ID, Effect: r.Effect, Text: i18n.Of(r.Because), Source: r.Source, File: r.Pos.String()})
	}
	if s := ex.Scored; s != nil {
		d.Rank, d.Score, d.Base, d.Adjust = s.Rank, s.Score, round(s.Base, 2), round(s.Adjust, 2)
		for _, p := range s.Breakdown {
			if p.Weight == 0 {
				continue // a need nobody asked for (a reweight of factor 0)
			}
			d.Breakdown = append(d.Breakdown, Part{Criterion: p.Criterion.ID, Attribute: p.Criterion.Attribute, Raw: AttrText(p.Value),
				Weight: round(p.Weight, 4), Value: round(p.Norm, 3), Points: round(p.Points, 2)})
			if p.Paid {
				d.Notes = append(d.Notes, ValueNote{Criterion: p.Criterion.ID, Text: i18n.Of(*p.Criterion.Paid)})
			} else if p.Value != nil && p.Value.Note != nil {
				d.Notes = append(d.Notes, ValueNote{Criterion: p.Criterion.ID, Text: i18n.Of(*p.Value.Note)})
			}
		}
		for _, a := range s.Adjustments {
			re := RuleEffect{Rule: a.Rule.ID, Effect: a.Rule.Effect, Points: round(a.Points, 2), Text: i18n.Of(a.Rule.Because), Source: a.Rule.Source, File: a.Rule.Pos.String()}
			if a.Weak() {
				re.Grade, re.Trust = a.Rule.Grade, a.Trust
			}
			d.Rules = append(d.Rules, re)
		}
		for _, r := range s.Caveats {
			d.Rules = append(d.Rules, RuleEffect{Rule: r.ID, Effect: r.Effect, Text: i18n.Of(r.Because), Source: r.Source, File: r.Pos.String()})
		}
	}
	for _, ch := range ex.Readmit {
		d.Readmit = append(d.Readmit, ch.Flag())
	}
	return d
}

// Localize says the explanation in lang ("en" or "zh").
func (d *Explanation) Localize(lang string) {
	d.Lang = lang
	i18n.SayAll(d, lang)
}

// ExplanationTable renders an explanation for a terminal.
func ExplanationTable(d *Explanation, b *knowledge.Base, width int) string {
	loc := i18n.For(d.Lang)
	var sb strings.Builder
	line := func(indent, hang int, text string) { sb.WriteString(wrapIndent(text, width, indent, hang) + "\n") }
	cat := b.Category(d.Category)
	line(0, 2, titleStyle.Render(d.Name.String())+dimStyle.Render(fmt.Sprintf(" (%s, %s)", d.ID, cat.Title.In(loc.Lang))))
	if d.Excluded {
		line(0, 2, excludeStyle.Render(loc.T("report.x-excluded")))
		for _, r := range d.Rules {
			if r.Effect == knowledge.EffectExclude {
				line(2, 4, excludeStyle.Render("✗ "+r.Rule)+" "+dimStyle.Render(r.File))
				line(4, 4, r.Text.String())
				line(4, -1, dimStyle.Render(loc.T("report.source")+loc.Colon()+r.Source))
			}
		}
		if len(d.Readmit) > 0 {
			line(0, 2, loc.T("report.x-readmit"))
			for _, f := range d.Readmit {
				line(2, 4, plusStyle.Render("→")+" "+f)
			}
		} else {
			line(0, 2, loc.T("report.x-no-readmit"))
		}
		line(0, 2, loc.Tf("report.x-would-score", d.Score))
	} else {
		line(0, 2, loc.Tf("report.x-ranked", d.Rank, d.Of, d.Score))
	}
	if cur := d.Current; cur != nil {
		mark := verdictMark(cur.Verdict)
		if !cur.IsToday {
			mark = dimStyle.Render("·")
			if cur.Pays {
				mark = warnStyle.Render("→")
			}
		}
		line(0, 2, mark+" "+cur.Text.String())
		if !cur.IsToday {
			writeMigration(line, loc, 2, b.Candidate(cur.ID).Named(), cur.Migration, true)
		}
	}
	if d.Robustness != nil {
		line(0, 2, robustStyleText(d.Robustness, loc))
	}
	for _, rw := range d.Reweighted {
		line(0, 2, warnStyle.Render("⚖")+" "+rw.Text.String()+fileNote(rw.File))
	}
	grid := [][]string{{loc.T("report.x-criterion"), loc.T("report.x-value"), loc.T("report.x-weight"), "×", loc.T("report.x-normalised"), "=", loc.T("report.x-points")}}
	for _, p := range d.Breakdown {
		title := p.Criterion
		if a := cat.Attribute(p.Attribute); a != nil {
			title = a.Title.In(loc.Lang)
		}
		grid = append(grid, []string{title, p.Raw.String(), fmt.Sprintf("%.3f", p.Weight), "×", fmt.Sprintf("%.3f", p.Value), "=", fmt.Sprintf("%.2f", p.Points)})
	}
	grid = append(grid,
		[]string{loc.T("report.x-criteria-sum"), "", "", "", "", "", fmt.Sprintf("%.2f", d.Base)},
		[]string{loc.T("report.x-adjustments"), "", "", "", "", "", fmt.Sprintf("%+.2f", d.Adjust)},
		[]string{loc.T("report.score"), "", "", "", "", "", fmt.Sprintf("%.1f", d.Score)})
	FitCells(grid, width)
	t := table.New().Border(lipgloss.RoundedBorder()).BorderStyle(borderStyle).
		Headers(grid[0]...).Rows(grid[1:]...).
		StyleFunc(func(row, col int) lipgloss.Style {
			if row == table.HeaderRow {
				return headerStyle
			}
			if col >= 2 {
				return cellStyle.Align(lipgloss.Right)
			}
			return cellStyle
		})
	sb.WriteString(t.Render() + "\n")
	if len(d.Notes) > 0 {
		line(0, 2, loc.T("report.x-notes"))
		for _, n := range d.Notes {
			title := n.Criterion
			for _, cr := range cat.Criteria {
				if cr.ID == n.Criterion {
					if a := cat.Attribute(cr.Attribute); a != nil {
						title = a.Title.In(loc.Lang)
					}
				}
			}
			line(2, 4, "· "+title+loc.Colon()+n.Text.String())
		}
	}
	var touched []RuleEffect
	for _, r := range d.Rules {
		if r.Effect != knowledge.EffectExclude {
			touched = append(touched, r)
		}
	}
	if len(touched) > 0 {
		line(0, 2, loc.T("report.x-rules"))
		for _, r := range touched {
			mark, style := "!", warnStyle
			if r.Points > 0 {
				mark, style = fmt.Sprintf("%+g", r.Points), plusStyle
			} else if r.Points < 0 {
				mark = fmt.Sprintf("%+g", r.Points)
			}
			head := style.Render(mark) + " " + r.Rule + " " + dimStyle.Render(r.File)
			if r.Grade != "" {
				head += " " + warnStyle.Render("("+loc.Tf("report.x-rule-trust", gradeText(gradeNameKey, r.Grade), int(math.Round(r.Trust*100)))+")")
			}
			line(2, 4, head)
			line(4, 4, r.Text.String())
			line(4, -1, dimStyle.Render(loc.T("report.source")+loc.Colon()+r.Source))
		}
	}
	return sb.String() + CorrectionsText(d.Corrections, loc, width)
}

// CorrectionsText lists corrections (all of them) for a terminal.
func CorrectionsText(cs []Correction, loc i18n.Localizer, width int) string {
	var sb strings.Builder
	writeCorrections(func(indent, hang int, text string) {
		sb.WriteString(wrapIndent(text, width, max(0, indent-3), max(-1, hang-3)) + "\n")
	}, loc, cs, map[string]bool{}, len(cs))
	return sb.String()
}

// explainCurrent is the candidate beside today's part of its category (nil when none runs today).
func explainCurrent(b *knowledge.Base, ex *engine.Explanation) *ExplainCurrent {
	v := engine.VerdictIn(b, ex.Ranking, ex.Answers)
	if v == nil {
		return nil
	}
	out := &ExplainCurrent{ID: v.Today.ID, IsToday: v.Today == ex.Candidate, Verdict: v.Verdict}
	if out.IsToday {
		out.Text = current(v).Text
		return out
	}
	mv := b.Move(v.Today, ex.Candidate, ex.Answers)
	out.Migration = migration(mv)
	if v.Ranked != nil && ex.Scored != nil && len(ex.ExcludedBy) == 0 {
		out.Gain = round(ex.Scored.InStack()-v.Ranked.InStack(), 1)
		key := "current.x-no-pay"
		if out.Gain > mv.Effort-b.Move(v.Today, v.Today, ex.Answers).Effort { // keeping may cost too
			key, out.Pays = "current.x-pays", true
		}
		out.Text = i18n.M(key, v.Today.Named(), signed(out.Gain), effortText(mv))
	} else {
		out.Text = i18n.M("current.x-move", v.Today.Named(), effortText(mv))
		out.Pays = v.Ranked == nil // today's part is excluded: a move is needed whatever it costs
	}
	return out
}
