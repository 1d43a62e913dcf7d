package wizard

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// huh shows every field of a group. A page whose fields show only while a condition holds (the
// parts of what runs today, one per category asked for) wraps each field in a shownField: a
// hidden field draws nothing and is skipped. huh draws the space between two fields even
// around a field that draws nothing, so on such a page the group draws none (form: its theme
// has no field separator) and each shown field but the last draws it below itself.

// shownField is a field of such a page.
type shownField struct {
	huh.Field
	shown func() bool   // nil: always shown
	focus func(on bool) // nil, or called as the field gains and loses the focus
	page  []*shownField // the page's fields, this one among them
	sep   string        // the space between two fields
}

// shownPage wraps the fields of a page; sep is the space between two shown fields.
func shownPage(fields []huh.Field, sep string) []huh.Field {
	page := make([]*shownField, len(fields))
	out := make([]huh.Field, len(fields))
	for i, f := range fields {
		sf, ok := f.(*shownField)
		if !ok {
			sf = &shownField{Field: f}
		}
		sf.sep = sep
		page[i], out[i] = sf, sf
	}
	for _, sf := range page {
		sf.page = page
	}
	return out
}

func (s *shownField) visible() bool { return s.shown == nil || s.shown() }

// Skip passes over a hidden field, and a field that skips itself (a note).
func (s *shownField) Skip() bool { return !s.visible() || s.Field.Skip() }

// View draws nothing for a hidden field; a shown field draws the space below it when a shown
// field follows.
func (s *shownField) View() string {
	if !s.visible() {
		return ""
	}
	v := trimBlankLines(s.Field.View())
	after := false
	for i := len(s.page) - 1; i >= 0 && s.page[i] != s; i-- {
		after = after || s.page[i].visible()
	}
	if after {
		v += s.sep
	}
	return v
}

func (s *shownField) Focus() tea.Cmd {
	if s.focus != nil {
		s.focus(true)
	}
	return s.Field.Focus()
}

func (s *shownField) Blur() tea.Cmd {
	cmd := s.Field.Blur()
	if s.focus != nil {
		s.focus(false)
	}
	return cmd
}

// Update keeps the wrapper in the group: huh puts the model Update returns in its place.
func (s *shownField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	m, cmd := s.Field.Update(msg)
	if f, ok := m.(huh.Field); ok {
		s.Field = f
	}
	return s, cmd
}

func (s *shownField) WithTheme(t huh.Theme) huh.Field {
	s.Field = s.Field.WithTheme(t)
	return s
}

func (s *shownField) WithKeyMap(k *huh.KeyMap) huh.Field {
	s.Field = s.Field.WithKeyMap(k)
	return s
}

func (s *shownField) WithWidth(width int) huh.Field {
	s.Field = s.Field.WithWidth(width)
	return s
}

func (s *shownField) WithHeight(height int) huh.Field {
	s.Field = s.Field.WithHeight(height)
	return s
}

func (s *shownField) WithPosition(p huh.FieldPosition) huh.Field {
	s.Field = s.Field.WithPosition(p)
	return s
}

// trimBlankLines drops the blank lines at the end of a field's view (a note ends with one),
// which would add to the space below it.
func trimBlankLines(v string) string {
	lines := strings.Split(v, "\n")
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
