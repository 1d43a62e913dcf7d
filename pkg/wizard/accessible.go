package wizard

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// The accessible mode asks one question at a time in plain lines, for screen readers and for
// answers piped in by a script. It follows the numbered protocol of huh's accessible fields
// (a number picks an option; in a list, a number toggles and 0 confirms) with every text in
// the wizard's language, and an empty line keeps the value shown. At the end of input the
// remaining questions keep their values.

// ui returns one of the wizard's own texts (catalog key wizard.KEY) in its language.
func (w *Wizard) ui(key string) string { return w.loc.T("wizard." + key) }

// prompter reads one answer per line.
type prompter struct {
	w     *Wizard
	ctx   context.Context
	lines <-chan inputLine // closed at the end of input
	out   io.Writer
	eof   bool
}

// inputLine is one line of input, or the news that a line was longer than
// limits.WizardLineBytes (and skipped).
type inputLine struct {
	text    string
	tooLong bool
}

// tooLongMsg answers a line past limits.WizardLineBytes; the question is then asked again, as
// after any other answer that is not one.
var tooLongMsg = fmt.Sprintf("That line is longer than the limit of %d KiB for one answer; it was skipped.", limits.WizardLineBytes>>10)

// readLines reads in line by line into the returned channel, one line ahead of the prompts,
// until the end of input or ctx ends. A read blocked on a terminal cannot be interrupted, so
// reading happens here and the prompts wait on the channel or the context (Ctrl-C ends the
// wizard at once, through the context). A line is read into a buffer of
// limits.WizardLineBytes: a longer one is skipped to its end without being kept, so that one
// endless line costs no more memory than a short one.
func readLines(ctx context.Context, in io.Reader) <-chan inputLine {
	lines := make(chan inputLine)
	go func() {
		defer close(lines)
		r := bufio.NewReaderSize(in, limits.WizardLineBytes+1) // the line and its newline
		for {
			b, err := r.ReadSlice('\n')
			l := inputLine{text: string(b)}
			if err == bufio.ErrBufferFull {
				l = inputLine{tooLong: true}
				for err == bufio.ErrBufferFull { // skip to the end of the line
					_, err = r.ReadSlice('\n')
				}
			} else if err != nil && len(b) == 0 {
				return
			}
			select {
			case lines <- l:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return lines
}

// line prints the prompt and reads a line; ok is false at the end of input or when the
// context ends (the caller then sees ctx.Err()). A line over the limit is refused with a
// sentence that names it, and the prompt is shown again.
func (p *prompter) line(prompt string) (string, bool) {
	for {
		fmt.Fprint(p.out, prompt)
		if p.eof {
			fmt.Fprintln(p.out)
			return "", false
		}
		select {
		case l, ok := <-p.lines:
			if !ok {
				p.eof = true
				fmt.Fprintln(p.out)
				return "", false
			}
			if l.tooLong {
				fmt.Fprintln(p.out)
				fmt.Fprintln(p.out, tooLongMsg)
				continue
			}
			return strings.TrimSpace(l.text), true
		case <-p.ctx.Done():
			p.eof = true
			fmt.Fprintln(p.out)
			return "", false
		}
	}
}

func (w *Wizard) runAccessible(ctx context.Context, opts Options) error {
	readCtx, stopReading := context.WithCancel(ctx) // the reader stops with the wizard
	defer stopReading()
	p := &prompter{w: w, ctx: ctx, lines: readLines(readCtx, opts.In), out: opts.Out}
	var lastTopic *knowledge.Topic
	for _, pg := range w.Pages {
		if !w.Visible(pg) {
			continue
		}
		if pg.Topic != lastTopic {
			fmt.Fprintf(opts.Out, "== %s ==\n\n", pg.Topic.Title.In(w.loc.Lang))
			lastTopic = pg.Topic
		}
		for _, f := range pg.Fields {
			if err := ctx.Err(); err != nil {
				return ErrAborted
			}
			q := f.Question
			fmt.Fprintf(opts.Out, "%s\n%s\n", q.Label.In(w.loc.Lang), q.Help.In(w.loc.Lang))
			switch {
			case f.Parts != nil:
				p.parts(f)
			case q.Type == knowledge.TypeMulti:
				p.multi(f)
			case q.Type == knowledge.TypeBool:
				p.yesNo(f)
			case q.Type == knowledge.TypeInt:
				p.number(f)
			default:
				p.one(f)
			}
			fmt.Fprintln(opts.Out)
		}
	}
	if ctx.Err() != nil { // interrupted while the last question was asked
		return ErrAborted
	}
	return nil
}

func (p *prompter) label(q *knowledge.Question, id string) string {
	if c := q.Choice(id); c != nil {
		return c.Label.In(p.w.loc.Lang)
	}
	return id
}

func (p *prompter) one(f *Field) {
	q := f.Question
	ids, labels := make([]string, len(q.Values)), make([]string, len(q.Values))
	for i, c := range q.Values {
		ids[i], labels[i] = c.ID, c.Label.In(p.w.loc.Lang)
	}
	f.One = p.choose(ids, labels, f.One, p.label(q, f.One))
}

// parts asks, for each category asked for, which of its candidates runs today, none first.
func (p *prompter) parts(f *Field) {
	for _, part := range f.Parts {
		if !f.Shown(part.Category.ID) {
			continue
		}
		fmt.Fprintf(p.out, "\n%s\n", p.w.partTitle(part))
		ids, labels := p.w.partOptions(part)
		current := labels[max(0, slices.Index(ids, part.ID))]
		part.ID = p.choose(ids, labels, part.ID, current)
	}
}

// choose lists the options, the one of id current marked, and returns the id picked; an
// empty line or the end of input keeps current (shown as currentLabel).
func (p *prompter) choose(ids, labels []string, current, currentLabel string) string {
	for i := range ids {
		mark := " "
		if ids[i] == current {
			mark = "*"
		}
		fmt.Fprintf(p.out, "%*d. %s %s\n", len(strconv.Itoa(len(ids))), i+1, mark, labels[i]) // numbers aligned
	}
	for {
		s, ok := p.line(fmt.Sprintf(p.w.ui("pick"), len(ids), currentLabel))
		if !ok || s == "" {
			return current
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(ids) {
			return ids[n-1]
		}
		fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("pick-bad"), len(ids)))
	}
}

func (p *prompter) multi(f *Field) {
	q := f.Question
	if q.Max != nil {
		fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("up-to"), *q.Max))
	} else {
		fmt.Fprintln(p.out, p.w.ui("any"))
	}
	for {
		for i, c := range q.Values {
			mark := " "
			if slices.Contains(f.Multi, c.ID) {
				mark = "✓"
			}
			fmt.Fprintf(p.out, "%d. %s %s\n", i+1, mark, c.Label.In(p.w.loc.Lang))
		}
		fmt.Fprintf(p.out, "0.   %s\n", p.w.ui("confirm"))
		s, ok := p.line(fmt.Sprintf(p.w.ui("toggle"), len(q.Values)))
		if !ok {
			return // the end of input keeps the selection
		}
		n, err := strconv.Atoi(s)
		if s == "" {
			n, err = 0, nil
		}
		switch {
		case err != nil || n < 0 || n > len(q.Values):
			fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("toggle-bad"), len(q.Values)))
		case n == 0:
			if q.Min != nil && len(f.Multi) < *q.Min {
				fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("at-least"), *q.Min))
				continue
			}
			return
		default:
			id := q.Values[n-1].ID
			if i := slices.Index(f.Multi, id); i >= 0 {
				f.Multi = slices.Delete(f.Multi, i, i+1)
			} else if q.Max != nil && len(f.Multi) >= *q.Max {
				fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("too-many"), *q.Max))
			} else {
				f.Multi = append(f.Multi, id)
				// Keep the question's order, as the flags and the form do.
				slices.SortFunc(f.Multi, func(a, b string) int {
					return slices.Index(q.ValueIDs(), a) - slices.Index(q.ValueIDs(), b)
				})
			}
		}
		fmt.Fprintln(p.out)
	}
}

func (p *prompter) yesNo(f *Field) {
	current := p.w.ui("no")
	if f.Flag {
		current = p.w.ui("yes")
	}
	for {
		s, ok := p.line(fmt.Sprintf(p.w.ui("yes-no"), current))
		if !ok || s == "" {
			return
		}
		switch strings.ToLower(s) {
		case "y", "yes", "是", "true":
			f.Flag = true
			return
		case "n", "no", "否", "false":
			f.Flag = false
			return
		}
		fmt.Fprintln(p.out, p.w.ui("yes-no-bad"))
	}
}

func (p *prompter) number(f *Field) {
	q := f.Question
	current := strings.TrimSpace(f.Num)
	if current == "" {
		current = q.DefaultValue.String()
	}
	for {
		s, ok := p.line(fmt.Sprintf(p.w.ui("number"), current))
		if !ok || s == "" {
			return
		}
		if _, err := q.ParseInt(s); err == nil {
			f.Num = s
			return
		}
		switch {
		case q.Min != nil && q.Max != nil:
			fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("number-both"), *q.Min, *q.Max))
		case q.Max != nil:
			fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("number-max"), *q.Max))
		case q.Min != nil:
			fmt.Fprintln(p.out, fmt.Sprintf(p.w.ui("number-min"), *q.Min))
		default:
			fmt.Fprintln(p.out, p.w.ui("number-any"))
		}
	}
}
