// Package wizard is the interactive questionnaire: a huh form generated from the questions of
// the knowledge base. No question, value or text is written here; all come from
// rules/questions.yaml. The form is built apart from running it, so tests can inspect it.
package wizard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// ErrAborted is returned when the person leaves the form (Ctrl-C, Esc).
var ErrAborted = errors.New("the wizard was interrupted")

// Field is the state of one question's field.
type Field struct {
	Question *knowledge.Question
	One      string
	Multi    []string
	Flag     bool
	Num      string
	// Parts, for a question whose values are the candidates (values_from: candidates, what
	// runs today), hold one choice per category of the base, in its order: the question is
	// asked as one choice per category the answers request. Multi is then unused.
	Parts []*Part
	// shown reports whether a part's category is asked (set for Parts by New).
	shown func(category string) bool
}

// Part is the choice of one category in a question whose values are the candidates: one of
// the category's candidates, or "" for none.
type Part struct {
	Category *knowledge.Category
	ID       string
}

// Shown reports whether the part of a category is asked: its category is requested by the
// answers so far. A part of a category not asked is no part of the answer.
func (f *Field) Shown(category string) bool { return f.shown == nil || f.shown(category) }

// Value is the field's current answer.
func (f *Field) Value() (knowledge.Value, error) {
	q := f.Question
	if f.Parts != nil {
		var ids []string
		for _, p := range f.Parts {
			if p.ID != "" && f.Shown(p.Category.ID) {
				ids = append(ids, p.ID)
			}
		}
		return q.ParseList(ids) // in the question's order: category by category
	}
	switch q.Type {
	case knowledge.TypeMulti:
		return q.ParseList(f.Multi)
	case knowledge.TypeBool:
		return knowledge.Value{Type: knowledge.TypeBool, Bool: f.Flag}, nil
	case knowledge.TypeInt:
		if strings.TrimSpace(f.Num) == "" {
			return q.DefaultValue, nil // an emptied field means the default
		}
		return q.ParseInt(f.Num)
	}
	return q.ParseOne(f.One)
}

// valuesFromCandidates is the values_from of a question whose values are the candidates' ids.
const valuesFromCandidates = "candidates"

func (f *Field) set(b *knowledge.Base, v knowledge.Value) {
	if f.Parts != nil {
		for _, id := range v.List {
			c := b.Candidate(id)
			for _, p := range f.Parts {
				if c != nil && p.Category.ID == c.Category {
					p.ID = id
				}
			}
		}
		return
	}
	switch v.Type {
	case knowledge.TypeMulti:
		f.Multi = slices.Clone(v.List)
	case knowledge.TypeBool:
		f.Flag = v.Bool
	case knowledge.TypeInt:
		f.Num = strconv.Itoa(v.Int)
	default:
		f.One = v.Str
	}
}

// Page is a run of questions of one topic shown together; it is hidden while its topic's or
// its questions' show_when does not hold.
type Page struct {
	Topic     *knowledge.Topic
	Fields    []*Field
	Condition *knowledge.Condition // the questions' own show_when (nil: none)
}

// Wizard holds the fields of every question, grouped into pages.
type Wizard struct {
	base    *knowledge.Base
	loc     i18n.Localizer
	prefill knowledge.Answers
	Fields  []*Field
	Pages   []*Page
	// following holds the starting value of questions whose default follows other answers
	// (default_add, e.g. categories after workloads): left unchanged, they keep following.
	following map[string]knowledge.Value
}

// New builds the wizard in the given language, its fields set to the prefilled answers and
// the defaults.
func New(b *knowledge.Base, loc i18n.Localizer, prefill knowledge.Answers) (*Wizard, error) {
	start, err := b.Resolve(prefill)
	if err != nil {
		return nil, err
	}
	w := &Wizard{base: b, loc: loc, prefill: prefill, following: map[string]knowledge.Value{}}
	topics := map[string]*knowledge.Topic{}
	for _, t := range b.Topics {
		topics[t.ID] = t
	}
	var page *Page
	for _, q := range b.Questions {
		f := &Field{Question: q}
		if q.ValuesFrom == valuesFromCandidates {
			for _, cat := range b.Categories {
				f.Parts = append(f.Parts, &Part{Category: cat})
			}
			f.shown = func(category string) bool { return slices.Contains(w.partCategories(), category) }
		}
		f.set(b, start[q.ID])
		if _, given := prefill[q.ID]; !given && len(q.DefaultAdd) > 0 {
			w.following[q.ID] = start[q.ID]
		}
		w.Fields = append(w.Fields, f)
		t := topics[q.Topic]
		if page == nil || page.Topic != t || conditionKey(page.Condition) != conditionKey(q.ShowWhen) {
			page = &Page{Topic: t, Condition: q.ShowWhen}
			w.Pages = append(w.Pages, page)
		}
		page.Fields = append(page.Fields, f)
	}
	return w, nil
}

// Current returns the answers the fields hold now (fields with an invalid value keep their
// default), resolved with the defaults.
func (w *Wizard) Current() knowledge.Answers {
	return w.resolve(w.given(func(*Field) bool { return true }))
}

// given returns the answers the chosen fields hold now, leaving out fields with an invalid
// value and fields still following their default.
func (w *Wizard) given(use func(*Field) bool) knowledge.Answers {
	given := knowledge.Answers{}
	for _, f := range w.Fields {
		if !use(f) {
			continue
		}
		if v, err := f.Value(); err == nil && !w.stillFollowing(f.Question.ID, v) {
			given[f.Question.ID] = v
		}
	}
	return given
}

// resolve resolves answers with the defaults; answers that do not resolve give the prefilled
// ones, resolved.
func (w *Wizard) resolve(given knowledge.Answers) knowledge.Answers {
	a, err := w.base.Resolve(given)
	if err != nil {
		a, _ = w.base.Resolve(w.prefill)
	}
	return a
}

// partCategories returns the categories whose part today is asked: those the categories
// answer requests, resolved with the defaults as Current resolves it but with today's parts
// as prefilled (a prefilled part's category joins the default categories, as in recommend,
// and a choice made here does not hide or show a category), then the categories of the
// prefilled parts not among them, so that a prefilled part is always shown.
func (w *Wizard) partCategories() []string {
	given := w.given(func(f *Field) bool { return f.Parts == nil })
	var prefilled []string
	for _, f := range w.Fields {
		if v, ok := w.prefill[f.Question.ID]; ok && f.Parts != nil {
			given[f.Question.ID] = v
			prefilled = append(prefilled, v.List...)
		}
	}
	cats := slices.Clone(w.resolve(given)[knowledge.QCategories].List)
	for _, id := range prefilled {
		if c := w.base.Candidate(id); c != nil && !slices.Contains(cats, c.Category) {
			cats = append(cats, c.Category)
		}
	}
	return cats
}

// stillFollowing reports whether a question whose default follows other answers was left at
// its starting value.
func (w *Wizard) stillFollowing(id string, v knowledge.Value) bool {
	start, ok := w.following[id]
	return ok && start.Equal(v)
}

// Visible reports whether a page is shown for the current answers.
func (w *Wizard) Visible(p *Page) bool {
	a := w.Current()
	return p.Topic.ShowWhen.Holds(a) && p.Condition.Holds(a)
}

// Answers returns the answers of the questions that were shown, plus prefilled answers to
// questions that were not.
func (w *Wizard) Answers() (knowledge.Answers, error) {
	out := knowledge.Answers{}
	for id, v := range w.prefill {
		out[id] = v
	}
	for _, p := range w.Pages {
		if !w.Visible(p) {
			continue
		}
		for _, f := range p.Fields {
			v, err := f.Value()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Question.ID, err)
			}
			if w.stillFollowing(f.Question.ID, v) {
				continue // unchanged: its default follows the other answers, as in recommend
			}
			out[f.Question.ID] = v
		}
	}
	return out, nil
}

// huhField builds the form field of one question.
func (w *Wizard) huhField(f *Field) huh.Field {
	q := f.Question
	title, help := q.Label.In(w.loc.Lang), q.Help.In(w.loc.Lang)
	switch q.Type {
	case knowledge.TypeMulti:
		opts := make([]huh.Option[string], len(q.Values))
		for i, c := range q.Values {
			opts[i] = huh.NewOption(c.Label.In(w.loc.Lang), c.ID).Selected(slices.Contains(f.Multi, c.ID))
		}
		ms := huh.NewMultiSelect[string]().Key(q.ID).Title(title).Description(help).Options(opts...).Value(&f.Multi).
			Height(len(opts) + 1 + lipgloss.Height(ansi.Wrap(help, 80, " "))) // every option in view, under title and help
		if q.Max != nil {
			ms = ms.Limit(*q.Max)
		}
		return ms.Validate(func(vals []string) error {
			if q.Min != nil && len(vals) < *q.Min {
				return fmt.Errorf(w.ui("at-least"), *q.Min)
			}
			return nil
		})
	case knowledge.TypeBool:
		// Buttons on the left, under the question, in the same place for every question
		// (centred, they moved with the length of each title).
		return huh.NewConfirm().Key(q.ID).Title(title).Description(help).
			Affirmative(w.ui("yes")).Negative(w.ui("no")).Value(&f.Flag).WithButtonAlignment(lipgloss.Left)
	case knowledge.TypeInt:
		return huh.NewInput().Key(q.ID).Title(title).Description(help).Value(&f.Num).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				_, err := q.ParseInt(s)
				return err
			})
	}
	opts := make([]huh.Option[string], len(q.Values))
	for i, c := range q.Values {
		opts[i] = huh.NewOption(c.Label.In(w.loc.Lang), c.ID)
	}
	return huh.NewSelect[string]().Key(q.ID).Title(title).Description(help).Options(opts...).Value(&f.One)
}

// partOptions are the choices of one part: none, then the category's candidates.
func (w *Wizard) partOptions(p *Part) (ids, labels []string) {
	ids, labels = []string{""}, []string{w.ui("none-yet")}
	for _, c := range p.Category.Candidates {
		ids = append(ids, c.ID)
		labels = append(labels, c.Named().In(w.loc.Lang))
	}
	return ids, labels
}

// partTitle is the title of one part's choice ("Container engine today").
func (w *Wizard) partTitle(p *Part) string {
	return fmt.Sprintf(w.ui("today-part"), p.Category.Title.In(w.loc.Lang))
}

// partRows is how many choices of a part are in view at once; the list scrolls past them.
const partRows = 10

// partFields builds the form fields of a question asked one part per category: its label
// and help as a note, then one select per category, shown while the category is asked. A
// select lists its choices while it has the focus, and shows only the one chosen otherwise,
// so that the page holds every category's choice.
func (w *Wizard) partFields(f *Field) []huh.Field {
	q := f.Question
	fields := []huh.Field{huh.NewNote().Title(q.Label.In(w.loc.Lang)).Description(noteText(q.Help.In(w.loc.Lang)))}
	for _, p := range f.Parts {
		ids, labels := w.partOptions(p)
		opts := make([]huh.Option[string], len(ids))
		for i := range ids {
			opts[i] = huh.NewOption(labels[i], ids[i])
		}
		rows := 1 + min(len(opts), partRows) // the title and the choices in view
		sel := huh.NewSelect[string]().Key(q.ID + "." + p.Category.ID).Title(w.partTitle(p)).
			Options(opts...).Value(&p.ID).Inline(true)
		fields = append(fields, &shownField{
			Field: sel,
			shown: func() bool { return f.Shown(p.Category.ID) },
			focus: func(on bool) {
				if sel.Inline(!on); on {
					sel.Height(rows)
				}
			},
		})
	}
	return fields
}

// noteText escapes the characters a huh note reads as emphasis or code, so a help text shows
// as written.
func noteText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`").Replace(s)
}

func (w *Wizard) form(theme huh.Theme) *huh.Form {
	groups := make([]*huh.Group, 0, len(w.Pages))
	var partGroups []*huh.Group
	for _, p := range w.Pages {
		var fields []huh.Field
		parts := false
		for _, f := range p.Fields {
			if f.Parts != nil {
				fields = append(fields, w.partFields(f)...)
				parts = true
			} else {
				fields = append(fields, w.huhField(f))
			}
		}
		if parts {
			fields = shownPage(fields, theme.Theme(false).FieldSeparator.Render())
		}
		g := huh.NewGroup(fields...).Title(p.Topic.Title.In(w.loc.Lang))
		g = g.WithHideFunc(func() bool { return !w.Visible(p) })
		groups = append(groups, g)
		if parts {
			partGroups = append(partGroups, g)
		}
	}
	form := huh.NewForm(groups...).WithTheme(theme).WithKeyMap(w.keyMap())
	// On a page of parts the fields draw the space between them themselves (shownPage).
	for _, g := range partGroups {
		g.WithTheme(huh.ThemeFunc(func(isDark bool) *huh.Styles {
			t := *theme.Theme(isDark)
			t.FieldSeparator = lipgloss.NewStyle()
			return &t
		}))
	}
	return form
}

// noColorTheme is the form's theme where colour is off: the chosen yes/no button, which the
// colour theme marks only by its background, is shown in reverse video and brackets.
func noColorTheme(isDark bool) *huh.Styles {
	t := huh.ThemeCharm(isDark)
	for _, fs := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		fs.FocusedButton = fs.FocusedButton.Reverse(true).Bold(true)
		fs.BlurredButton = fs.BlurredButton.Reverse(false)
	}
	return t
}

// Options say where the form reads and draws.
type Options struct {
	In         io.Reader
	Out        io.Writer // where the form draws: standard error, so standard output stays clean
	Accessible bool      // plain line-by-line prompts, for screen readers and scripts
	Width      int
	NoColor    bool // draw without colour (--no-color, NO_COLOR): text attributes only
	Height     int  // with Width, the window size when Out is not a terminal (tests)
}

// Run asks the questions and returns the answers. In accessible mode each shown question is
// asked in turn, with its help; at the end of input the remaining questions keep their
// current values.
func (w *Wizard) Run(ctx context.Context, opts Options) (knowledge.Answers, error) {
	if opts.Accessible {
		if err := w.runAccessible(ctx, opts); err != nil {
			return nil, err
		}
		return w.Answers()
	}
	var teaOpts []tea.ProgramOption
	if opts.NoColor {
		teaOpts = append(teaOpts, tea.WithColorProfile(colorprofile.Ascii))
	}
	if opts.Width > 0 && opts.Height > 0 {
		teaOpts = append(teaOpts, tea.WithWindowSize(opts.Width, opts.Height))
	}
	// WithProgramOptions replaces the form's program options, its output among them, so it
	// comes before WithInput and WithOutput.
	theme := huh.ThemeFunc(huh.ThemeCharm)
	if opts.NoColor {
		theme = huh.ThemeFunc(noColorTheme)
	}
	form := w.form(theme).WithProgramOptions(teaOpts...).WithInput(opts.In).WithOutput(opts.Out)
	if opts.Width > 0 {
		form = form.WithWidth(min(opts.Width, 100))
	}
	if err := form.RunWithContext(ctx); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return nil, ErrAborted
		}
		return nil, err
	}
	return w.Answers()
}

// conditionKey identifies a condition by what it says, so questions with the same show_when
// share a page.
func conditionKey(c *knowledge.Condition) string {
	if c.IsEmpty() {
		return ""
	}
	key := ""
	for _, t := range c.Terms {
		key += fmt.Sprintf("%s %s %v;", t.Key, t.Op, t.Operand.Strings())
	}
	for _, sub := range c.AnyOf {
		key += "(" + conditionKey(sub) + ")"
	}
	return key
}
