package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestHelpIsChineseUnderZh: under --lang zh every command's description and every flag's help
// is in Chinese (has CJK characters), for every command of the tree.
func TestHelpIsChineseUnderZh(t *testing.T) {
	var out bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, Err: &out, Env: []string{"LANG=zh_CN.UTF-8"}}
	root := NewRoot(s)
	cjk := func(s string) bool {
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				return true
			}
		}
		return false
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !cjk(c.Short) {
			t.Errorf("%s: short help %q is not in Chinese", c.CommandPath(), c.Short)
		}
		if c.Long != "" && !cjk(c.Long) {
			t.Errorf("%s: long help is not in Chinese", c.CommandPath())
		}
		c.InitDefaultHelpFlag()
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !cjk(f.Usage) {
				t.Errorf("%s --%s: %q is not in Chinese", c.CommandPath(), f.Name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
