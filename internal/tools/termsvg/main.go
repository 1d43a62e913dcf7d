// Command termsvg draws terminal output with its colours (SGR escape codes: bold, dim, the 16
// basic colours) as an SVG picture, for the README's picture of the one-screen answer:
//
//	CLICOLOR_FORCE=1 COLUMNS=100 stackadvisor recommend | go run ./internal/tools/termsvg > docs/recommend.svg
//
// `make screenshot` runs it. The picture is a monospace text drawing, so it stays a few KB and
// diffs as text.
package main

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "termsvg:", err)
		os.Exit(1)
	}
}

// palette is a dark terminal's 16 colours, by SGR code (30–37, 90–97).
var palette = map[int]string{
	30: "#1e1e1e", 31: "#e06c75", 32: "#98c379", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2", 37: "#d4d4d4",
	90: "#7f848e", 91: "#ff7b86", 92: "#a8e08a", 93: "#f0d58a", 94: "#7cc0ff", 95: "#d896ec", 96: "#6fd0dc", 97: "#ffffff",
}

const (
	fg       = "#d4d4d4"
	bg       = "#1e1e1e"
	fontSize = 14
	charW    = 8.4 // a monospace glyph at 14 px is 0.6 em wide
	lineH    = 18
	pad      = 16
)

// style is the SGR state of a run of text.
type style struct {
	bold, dim bool
	color     int // 0: the default foreground
}

// apply updates s with one SGR sequence's parameters ("1;94", "" for a reset).
func (s *style) apply(params string) {
	if params == "" {
		*s = style{}
		return
	}
	for _, p := range strings.Split(params, ";") {
		n, err := strconv.Atoi(p)
		if err != nil {
			continue
		}
		switch {
		case n == 0:
			*s = style{}
		case n == 1:
			s.bold = true
		case n == 2:
			s.dim = true
		case n == 22:
			s.bold, s.dim = false, false
		case n == 39:
			s.color = 0
		case (n >= 30 && n <= 37) || (n >= 90 && n <= 97):
			s.color = n
		}
	}
}

// span is a run of text in one style.
type span struct {
	text string
	st   style
}

// parseLine splits a line into styled runs; st carries over from line to line.
func parseLine(line string, st *style) []span {
	var out []span
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, span{b.String(), *st})
			b.Reset()
		}
	}
	for i := 0; i < len(line); {
		if line[i] == 0x1b && i+1 < len(line) && line[i+1] == '[' {
			j := i + 2
			for j < len(line) && (line[j] == ';' || (line[j] >= '0' && line[j] <= '9')) {
				j++
			}
			if j < len(line) {
				if line[j] == 'm' {
					flush()
					st.apply(line[i+2 : j])
				}
				i = j + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		b.WriteRune(r)
		i += size
	}
	flush()
	return out
}

func run(in io.Reader, out io.Writer) error {
	var lines [][]span
	var st style
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	cols := 0
	for sc.Scan() {
		spans := parseLine(sc.Text(), &st)
		n := 0
		for _, s := range spans {
			n += utf8.RuneCountInString(s.text)
		}
		cols = max(cols, n)
		lines = append(lines, spans)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	w := int(float64(cols)*charW) + 2*pad
	h := len(lines)*lineH + 2*pad
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="stackadvisor recommend in a terminal">`+"\n", w, h, w, h)
	fmt.Fprintf(bw, `<rect width="100%%" height="100%%" rx="6" fill="%s"/>`+"\n", bg)
	fmt.Fprintf(bw, `<g font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace" font-size="%d" fill="%s">`+"\n", fontSize, fg)
	for i, spans := range lines {
		if len(spans) == 0 {
			continue
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" xml:space="preserve">`, pad, pad+(i+1)*lineH-4)
		for _, s := range spans {
			var attrs []string
			if c, ok := palette[s.st.color]; ok {
				attrs = append(attrs, `fill="`+c+`"`)
			}
			if s.st.bold {
				attrs = append(attrs, `font-weight="bold"`)
			}
			if s.st.dim {
				attrs = append(attrs, `opacity="0.65"`)
			}
			text := html.EscapeString(s.text)
			if len(attrs) == 0 {
				bw.WriteString(text)
			} else {
				fmt.Fprintf(bw, `<tspan %s>%s</tspan>`, strings.Join(attrs, " "), text)
			}
		}
		bw.WriteString("</text>\n")
	}
	bw.WriteString("</g>\n</svg>\n")
	return bw.Flush()
}
