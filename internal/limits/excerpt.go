package limits

import (
	"fmt"
	"slices"
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

// Sprintf is fmt.Sprintf for messages about untrusted text: every string argument of a %q verb
// is quoted as Excerpt cuts it, between plain double quotes, so a message never echoes a file at
// length or its control characters, and an excerpt is not made longer by escapes (%q would write
// U+3000 as six characters).
func Sprintf(format string, args ...any) string {
	arg := 0
	var out []byte // the format with each such %q turned into %s, once one is
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if format[i] == 'q' && arg < len(args) {
			if s, ok := args[arg].(string); ok {
				if out == nil { // the caller's slice stays as it was
					args, out = slices.Clone(args), []byte(format)
				}
				args[arg] = `"` + Excerpt(s) + `"`
				out[i] = 's'
			}
		}
		arg++
	}
	if out != nil {
		format = string(out)
	}
	return fmt.Sprintf(format, args...)
}
