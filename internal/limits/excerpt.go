package limits

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Excerpt returns the part of s an error may quote: control and format characters (a
// terminal's escape sequences, line breaks, bidirectional overrides) removed, invalid UTF-8
// shown as U+FFFD, and at most ExcerptRunes characters, the last of them "…" when s was cut.
// Every message that quotes text from a user's file passes it through here, so an error
// never echoes a file at length.
func Excerpt(s string) string { return ExcerptN(s, ExcerptRunes) }

// ExcerptN is Excerpt with at most max characters (max ≥ 1), "…" included.
func ExcerptN(s string, max int) string {
	var b strings.Builder
	kept := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if kept == max-1 && strings.IndexFunc(s, printable) >= 0 {
			b.WriteString("…")
			return b.String()
		}
		b.WriteRune(r) // an invalid byte decodes as U+FFFD, never as itself
		kept++
	}
	return b.String()
}

func printable(r rune) bool { return !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) }
