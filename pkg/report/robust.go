package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// Robustness is how often the category's pick stays first when the weights and the values
// vary within what the answers and the evidence allow (engine.Robustness).
type Robustness struct {
	Label   string `json:"label" yaml:"label"` // robust, contested or fragile
	Samples int    `json:"samples" yaml:"samples"`
	Seed    int    `json:"seed" yaml:"seed"`
	Pick    string `json:"pick" yaml:"pick"`
	// First is the share of the draws in which the pick came first (0..1).
	First float64 `json:"first" yaml:"first"`
	// Rival is the candidate that most often displaces the pick; Decisive the criterion whose
	// weight decides between them, Raise whether more of it favours the rival.
	Rival      string          `json:"rival,omitempty" yaml:"rival,omitempty"`
	Decisive   string          `json:"decisive,omitempty" yaml:"decisive,omitempty"`
	Raise      bool            `json:"raise,omitempty" yaml:"raise,omitempty"`
	Candidates []Acceptability `json:"candidates" yaml:"candidates"`
	Text       string          `json:"text" yaml:"text"`
}

// Acceptability is a candidate's share of the draws at ranks 1, 2, …
type Acceptability struct {
	ID    string    `json:"id" yaml:"id"`
	Name  string    `json:"name" yaml:"name"`
	Rank  int       `json:"rank" yaml:"rank"`
	Ranks []float64 `json:"ranks" yaml:"ranks,flow"`
}

// WeightWhatIf is a change of one criterion's weight that changes the pick.
type WeightWhatIf struct {
	Criterion string  `json:"criterion" yaml:"criterion"`
	Factor    float64 `json:"factor" yaml:"factor"` // 0: the criterion left out
	From      float64 `json:"from" yaml:"from"`     // its share of the weights, 0..1
	To        float64 `json:"to" yaml:"to"`
	Top       string  `json:"top" yaml:"top"`
	Text      string  `json:"text" yaml:"text"`
}

// BuildRobustness turns the engine's analysis into the report's (nil for nil).
func BuildRobustness(rb *engine.Robustness, lang string) *Robustness {
	if rb == nil {
		return nil
	}
	out := &Robustness{Label: rb.Label, Samples: rb.Samples, Seed: rb.Seed, Pick: rb.Pick.ID, Candidates: []Acceptability{}}
	for _, a := range rb.Shown {
		ranks := make([]float64, len(a.Ranks))
		for i, x := range a.Ranks {
			ranks[i] = round(x, 4)
		}
		out.Candidates = append(out.Candidates, Acceptability{ID: a.Candidate.ID, Name: a.Candidate.NameIn(lang), Rank: a.Rank, Ranks: ranks})
		if a.Candidate == rb.Pick {
			out.First = round(a.First(), 4)
		}
	}
	if rb.Rival != nil {
		out.Rival = rb.Rival.ID
	}
	if rb.Decisive != nil {
		out.Decisive, out.Raise = rb.Decisive.ID, rb.Raise
	}
	// The sentence: the pick's share, the others that come first in a draw, and what decides.
	// The others that come first in a whole percent of the draws or more; those that come
	// first in fewer are summed up in one phrase (JSON lists each).
	var others []string
	rare := 0
	for _, a := range rb.Shown {
		switch {
		case a.Candidate == rb.Pick || a.First() == 0:
		case a.First() >= 0.005 || a.Candidate == rb.Rival: // the rival by name, as the last sentence names it
			others = append(others, i18n.Tf(lang, "robust.other", a.Candidate.NameIn(lang), percent(a.First())))
		default:
			rare++
		}
	}
	if rare > 0 {
		others = append(others, i18n.Tf(lang, "robust.others-rare", rare))
	}
	text := i18n.Tf(lang, "robust.line", robustLabel(rb.Label, lang), rb.Pick.NameIn(lang), percent(out.First), rb.Samples)
	if len(others) > 0 {
		text += i18n.T(lang, "report.list-sep") + strings.Join(others, i18n.T(lang, "report.list-sep"))
	}
	text += i18n.T(lang, "robust.end")
	switch {
	case rb.Rival == nil:
		text += i18n.T(lang, "robust.always")
	case rb.Decisive != nil:
		key := "robust.decisive-less"
		if rb.Raise {
			key = "robust.decisive-more"
		}
		text += i18n.Tf(lang, key, rb.Decisive.Attr.Title.In(lang), rb.Rival.NameIn(lang))
	}
	out.Text = strings.TrimSpace(text)
	return out
}

// robustLabel names a robustness label in the report's language.
func robustLabel(label, lang string) string {
	switch label {
	case engine.LabelRobust:
		return i18n.T(lang, "robust.label.robust")
	case engine.LabelContested:
		return i18n.T(lang, "robust.label.contested")
	}
	return i18n.T(lang, "robust.label.fragile")
}

// percent shows a share of the draws as a whole percentage, "<1 %" for a share that rounds
// to nothing and ">99 %" for one that rounds to all but is not.
func percent(x float64) string {
	p := int(math.Round(x * 100))
	switch {
	case p == 0 && x > 0:
		return "<1 %"
	case p == 100 && x < 1:
		return ">99 %"
	}
	return strconv.Itoa(p) + " %"
}

// share shows a criterion's share of the weights: one decimal below 10 %, where a whole
// percentage would hide the change.
func share(x float64) string {
	if x < 0.1 {
		return strconv.FormatFloat(math.Round(x*1000)/10, 'f', 1, 64) + " %"
	}
	return percent(x)
}

func buildWeightWhatIf(list []engine.WeightChange, lang string) []WeightWhatIf {
	var out []WeightWhatIf
	for _, w := range list {
		title := w.Criterion.Attr.Title.In(lang)
		var text string
		if w.Factor == 0 {
			text = i18n.Tf(lang, "robust.weight-drop", title, share(w.From), w.Top.NameIn(lang))
		} else {
			text = i18n.Tf(lang, "robust.weight-change", title, strconv.FormatFloat(w.Factor, 'f', -1, 64), share(w.From), share(w.To), w.Top.NameIn(lang))
		}
		out = append(out, WeightWhatIf{Criterion: w.Criterion.ID, Factor: round(w.Factor, 2), From: round(w.From, 4), To: round(w.To, 4), Top: w.Top.ID, Text: text})
	}
	return out
}

// robustStyleText is the robustness line with its label coloured for a terminal.
func robustStyleText(rb *Robustness, lang string) string {
	return labelStyled(rb.Label, rb.Text, lang)
}

// labelStyled colours the robustness label that starts text (a category's or the stack's).
func labelStyled(labelID, text, lang string) string {
	label := robustLabel(labelID, lang)
	st := plusStyle
	switch labelID {
	case engine.LabelContested:
		st = warnStyle
	case engine.LabelFragile:
		st = excludeStyle
	}
	if rest, ok := strings.CutPrefix(text, label); ok {
		return st.Render(label) + rest
	}
	return fmt.Sprint(text)
}
