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
	Text       i18n.Text       `json:"text" yaml:"text"`
}

// Acceptability is a candidate's share of the draws at ranks 1, 2, …
type Acceptability struct {
	ID    string    `json:"id" yaml:"id"`
	Name  i18n.Text `json:"name" yaml:"name"`
	Rank  int       `json:"rank" yaml:"rank"`
	Ranks []float64 `json:"ranks" yaml:"ranks,flow"`
}

// WeightWhatIf is a change of one criterion's weight that changes the pick.
type WeightWhatIf struct {
	Criterion string    `json:"criterion" yaml:"criterion"`
	Factor    float64   `json:"factor" yaml:"factor"` // 0: the criterion left out
	From      float64   `json:"from" yaml:"from"`     // its share of the weights, 0..1
	To        float64   `json:"to" yaml:"to"`
	Top       string    `json:"top" yaml:"top"`
	Text      i18n.Text `json:"text" yaml:"text"`
}

// BuildRobustness turns the engine's analysis into the report's (nil for nil).
func BuildRobustness(rb *engine.Robustness) *Robustness {
	if rb == nil {
		return nil
	}
	out := &Robustness{Label: rb.Label, Samples: rb.Samples, Seed: rb.Seed, Pick: rb.Pick.ID, Candidates: []Acceptability{}}
	for _, a := range rb.Shown {
		ranks := make([]float64, len(a.Ranks))
		for i, x := range a.Ranks {
			ranks[i] = round(x, 4)
		}
		out.Candidates = append(out.Candidates, Acceptability{ID: a.Candidate.ID, Name: a.Candidate.Named(), Rank: a.Rank, Ranks: ranks})
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
	var others []i18n.Text
	rare := 0
	for _, a := range rb.Shown {
		switch {
		case a.Candidate == rb.Pick || a.First() == 0:
		case a.First() >= 0.005 || a.Candidate == rb.Rival: // the rival by name, as the last sentence names it
			others = append(others, i18n.M("robust.other", a.Candidate.Named(), percent(a.First())))
		default:
			rare++
		}
	}
	if rare > 0 {
		others = append(others, i18n.M("robust.others-rare", rare))
	}
	end := i18n.M("robust.end")
	switch {
	case rb.Rival == nil && !rb.Stopped: // after fewer draws, "first in 100 % of 250" says it
		end = i18n.Cat(end, i18n.M("robust.always"))
	case rb.Decisive != nil:
		key := "robust.decisive-less"
		if rb.Raise {
			key = "robust.decisive-more"
		}
		end = i18n.Cat(end, i18n.M(key, i18n.Of(rb.Decisive.Attr.Title), rb.Rival.Named()))
	}
	out.Text = robustText(i18n.M("robust.line", robustLabel(rb.Label), rb.Pick.Named(), percent(out.First), rb.Samples), others, end)
	return out
}

// robustText is a robustness sentence: its first clause, the others that come first in some
// draws, and its end.
func robustText(first i18n.Text, others []i18n.Text, end i18n.Text) i18n.Text {
	return i18n.Trimmed(i18n.Cat(i18n.List(append([]i18n.Text{first}, others...)), end))
}

// robustLabel names a robustness label in the report's language.
func robustLabel(label string) i18n.Text {
	switch label {
	case engine.LabelRobust:
		return i18n.M("robust.label.robust")
	case engine.LabelContested:
		return i18n.M("robust.label.contested")
	}
	return i18n.M("robust.label.fragile")
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

func buildWeightWhatIf(list []engine.WeightChange) []WeightWhatIf {
	var out []WeightWhatIf
	for _, w := range list {
		title := i18n.Of(w.Criterion.Attr.Title)
		var text i18n.Text
		if w.Factor == 0 {
			text = i18n.M("robust.weight-drop", title, share(w.From), w.Top.Named())
		} else {
			text = i18n.M("robust.weight-change", title, strconv.FormatFloat(w.Factor, 'f', -1, 64), share(w.From), share(w.To), w.Top.Named())
		}
		out = append(out, WeightWhatIf{Criterion: w.Criterion.ID, Factor: round(w.Factor, 2), From: round(w.From, 4), To: round(w.To, 4), Top: w.Top.ID, Text: text})
	}
	return out
}

// robustStyleText is the robustness line with its label coloured for a terminal.
func robustStyleText(rb *Robustness, loc i18n.Localizer) string {
	return labelStyled(rb.Label, rb.Text.String(), loc)
}

// labelStyled colours the robustness label that starts text (a category's or the stack's).
func labelStyled(labelID, text string, loc i18n.Localizer) string {
	label := robustLabel(labelID).In(loc.Lang)
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
