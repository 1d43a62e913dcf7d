package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// widest is the widest line of s, in runes (the table view's text is single-width here).
func widest(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(l))
	}
	return w
}

// The table view wraps to the terminal's width when standard output is one (Streams.Term
// fakes it here), which wins over COLUMNS; piped without COLUMNS it wraps to 80 columns.
func TestTableWidthFromTerminalColumnsOrDefault(t *testing.T) {
	for _, tc := range []struct {
		name  string
		term  func(any) (bool, int)
		env   []string
		width int
	}{
		{"terminal", nil, []string{"COLUMNS=200"}, 64},
		{"columns", func(any) (bool, int) { return false, 0 }, []string{"COLUMNS=120"}, 120},
		{"default", func(any) (bool, int) { return false, 0 }, nil, 80},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: append([]string{"LANG=C.UTF-8", "NO_COLOR=1"}, tc.env...), Term: tc.term}
			if tc.term == nil {
				s.Term = func(x any) (bool, int) {
					if x == s.Out {
						return true, 64
					}
					return false, 0
				}
			}
			if code := Main([]string{"recommend"}, s); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if w := widest(out.String()); w > tc.width || w < tc.width-12 {
				t.Errorf("widest line %d columns, want at most %d and close to it", w, tc.width)
			}
		})
	}
}
