package limits

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Excerpt returns the part of s an error may quote: control and format characters (a
// terminal's escape sequences, bidirectional overrides) removed, at most ExcerptRunes
// characters, and "…" at the end when s was cut. Every message that quotes text from a
// user's file passes it through here, so an error never echoes a file at length.
func Excerpt(s string) string {
	var b strings.Builder
	kept := 0
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = unicode.ReplacementChar // invalid UTF-8: shown as such, never as raw bytes
			}
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if kept == ExcerptRunes {
			b.WriteString("…")
			return b.String()
		}
		b.WriteRune(r)
		kept++
	}
	return b.String()
}
