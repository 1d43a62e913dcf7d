package report

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapChinese: Chinese text breaks between characters, so a line fills up instead of
// ending at the last space before a long Chinese sentence; English words are not split.
func TestWrapChinese(t *testing.T) {
	text := "✗ runc (runc): 不可信代码会与宿主机共享内核：一个内核漏洞就能突破所有命名空间。应该用用户态内核或虚拟机边界把它隔开。"
	lines := strings.Split(wrapText(text, 40), "\n")
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", lines)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 40 || (i < len(lines)-1 && w < 36) {
			t.Errorf("line %d is %d columns wide (want 36-40): %q", i, w, l)
		}
	}
	if !strings.HasPrefix(lines[0], "✗ runc (runc): 不可信") {
		t.Errorf("the first line broke before the Chinese text: %q", lines[0])
	}
	if got := strings.Join(lines, ""); got != text {
		t.Errorf("wrapping changed the text: %q", got)
	}
	en := strings.Split(wrapText("Put it behind a user-space kernel or a VM boundary, whichever applies.", 30), "\n")
	for _, l := range en {
		if strings.HasSuffix(l, "bou") || strings.HasPrefix(l, "ndary") {
			t.Errorf("an English word was split: %q", en)
		}
	}
}

// Prose wraps keep a number with its unit and a hyphenated name whole, at every width.
func TestWrapKeepsUnitsAndNamesWhole(t *testing.T) {
	text := "Contested: containerd comes first in 93 % of 2000 draws, CRI-O in 7 %; the nvidia-h100 starts in 125 ms with 80 GB, draws 900 W, moves 4.8 TB/s and costs 110900 CNY."
	for width := 24; width <= 90; width++ {
		for _, l := range strings.Split(wrapIndent(text, width, 2, 4), "\n") {
			l = strings.TrimSpace(l)
			for _, bad := range []string{"CRI-", "nvidia-", "93", "125", "80", "7", "900", "4.8", "110900"} {
				if strings.HasSuffix(l, bad) {
					t.Errorf("width %d: a line ends in %q: %q", width, bad, l)
				}
			}
			for _, bad := range []string{"%", "ms", "GB", "O in", "h100", "W,", "TB/s", "CNY"} {
				if strings.HasPrefix(l, bad) {
					t.Errorf("width %d: a line starts with %q: %q", width, bad, l)
				}
			}
		}
	}
}

// Chinese units stay with their numbers too ("59.1 分", "3 个"), and a line the wrapping leaves
// empty is dropped rather than printed as a line of spaces.
func TestWrapKeepsChineseUnits(t *testing.T) {
	text := "容器引擎：containerd 作为 K3s 的节点运行时，85.4 分（单独排第 3，59.1 分），另有 3 个被排除。"
	for width := 20; width <= 90; width++ {
		for _, l := range strings.Split(wrapIndent(text, width, 4, 6), "\n") {
			l = strings.TrimSpace(l)
			if l == "" {
				t.Errorf("width %d: an empty line", width)
			}
			for _, bad := range []string{"分", "个"} {
				if strings.HasPrefix(l, bad) {
					t.Errorf("width %d: a line starts with %q: %q", width, bad, l)
				}
			}
		}
	}
}
