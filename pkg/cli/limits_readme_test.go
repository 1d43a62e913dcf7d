package cli_test

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// limitRow is a row of README's Limits table: `Name` | value | ….
var limitRow = regexp.MustCompile("^\\| `([A-Za-z]+)` \\| ([^|]+) \\|")

// TestReadmeLimitsTable checks that README's "Limits" table has one row for every constant of
// internal/limits, with its value, and no other rows.
func TestReadmeLimitsTable(t *testing.T) {
	want := limitConstants(t)
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Limits\n")
	if !ok {
		t.Fatal("README has no \"## Limits\" section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	seen := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		m := limitRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name, text := m[1], strings.TrimSpace(m[2])
		if seen[name] {
			t.Errorf("README's Limits table lists %s twice", name)
		}
		seen[name] = true
		v, ok := want[name]
		if !ok {
			t.Errorf("README's Limits table lists %s, which internal/limits does not define", name)
			continue
		}
		got, err := humanValue(text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if got != v {
			t.Errorf("README gives %s as %s (%d); internal/limits has %d", name, text, got, v)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("README's Limits table has no row for %s", name)
		}
	}
}

// limitConstants reads the constants of internal/limits/limits.go and their values.
func limitConstants(t *testing.T) map[string]int64 {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../../internal/limits/limits.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{}
	pkg, err := conf.Check("limits", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() {
			continue
		}
		v, exact := constant.Int64Val(constant.ToInt(c.Val()))
		if !exact {
			t.Fatalf("%s is not a whole number", name)
		}
		out[name] = v
	}
	if len(out) < 10 {
		t.Fatalf("only %d constants in internal/limits", len(out))
	}
	return out
}

// humanValue reads "1000", "4 KiB", "256 MiB".
func humanValue(s string) (int64, error) {
	num, unit, _ := strings.Cut(s, " ")
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, err
	}
	switch unit {
	case "":
		return n, nil
	case "KiB":
		return n << 10, nil
	case "MiB":
		return n << 20, nil
	case "GiB":
		return n << 30, nil
	}
	return 0, strconv.ErrSyntax
}
