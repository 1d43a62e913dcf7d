package limits_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("ab", limits.ExcerptRunes)
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"a\x1b[31mred\x1b[0m\n", "a[31mred[0m"},
		{"left\u202eright", "leftright"},
		{"中文", "中文"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{long[:limits.ExcerptRunes], long[:limits.ExcerptRunes]},
		{long, long[:limits.ExcerptRunes-1] + "…"},
		{long[:limits.ExcerptRunes] + "\x1b\n", long[:limits.ExcerptRunes]},
		{strings.Repeat("\x00", 1<<20), ""},
	} {
		if got := limits.Excerpt(tc.in); got != tc.want {
			t.Errorf("Excerpt(%.40q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := utf8.RuneCountInString(limits.Excerpt(strings.Repeat("字", 1<<20))); n != limits.ExcerptRunes {
		t.Errorf("a megabyte of Chinese: %d characters, want ExcerptRunes (the … included)", n)
	}
}
