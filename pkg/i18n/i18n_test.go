package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// TestEveryKeyHasBothLanguages: no text is missing in either language, and a format takes the
// same verbs in both.
func TestEveryKeyHasBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[\d.]*(\[\d+\])?[a-zA-Z]`)
	for _, k := range i18n.Keys() {
		en, zh := i18n.T("en", k), i18n.T("zh", k)
		if en == "" || zh == "" {
			t.Errorf("%s: empty in a language (en %q, zh %q)", k, en, zh)
		}
		found := func(s string) string {
			v := verbs.FindAllString(strings.ReplaceAll(s, "%%", ""), -1)
			for i := range v { // "%.1[3]f" and "%[3].1f" name the same verb
				v[i] = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v[i], "")
			}
			slices.Sort(v)
			return strings.Join(v, " ")
		}
		if found(en) != found(zh) {
			t.Errorf("%s: format verbs %q in English, %q in Chinese", k, found(en), found(zh))
		}
	}
}

// keyLike matches a string literal that names a catalog key.
var keyLike = regexp.MustCompile(`^(report|wizard|detect|cli|help|flag|cond|stack|robust|record|err|current)\.[a-z0-9.-]*[a-z0-9]$`)

// usedKeys reads the Go sources of the module (tests left out) for catalog keys: string
// literals shaped like keys, w.ui("x") calls (wizard.x) and {{t "x"}} in templates.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	tmpl := regexp.MustCompile(`\{\{t "([^"]+)"\}\}`)
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		// The catalog itself names every key: reading it would make every key "used", and the
		// test could never fail. So do the parts of it merged in from files of their own.
		if p := filepath.ToSlash(path); p == "../../pkg/i18n/i18n.go" || p == "../../pkg/i18n/detect_stack.go" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BasicLit:
				if x.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(x.Value)
				if keyLike.MatchString(s) {
					used[s] = true
				}
				for _, m := range tmpl.FindAllStringSubmatch(s, -1) {
					used[m[1]] = true
				}
			case *ast.CallExpr:
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "ui" && len(x.Args) == 1 {
					if lit, ok := x.Args[0].(*ast.BasicLit); ok {
						s, _ := strconv.Unquote(lit.Value)
						used["wizard."+s] = true
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

// TestCatalogKeysExist: every key the code names is in the catalog, and every key of the
// catalog is used (the wizard's key help is looked up by huh's own English words).
func TestCatalogKeysExist(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("only %d keys found in the sources", len(used))
	}
	keys := i18n.Keys()
	for k := range used {
		if !slices.Contains(keys, k) {
			t.Errorf("the code uses %q, which is not in the catalog", k)
		}
	}
	for _, k := range keys {
		if !used[k] && !strings.HasPrefix(k, "wizard.key.") {
			t.Errorf("catalog key %q is not used", k)
		}
	}
}

func TestFallback(t *testing.T) {
	if got := i18n.T("zh", "no.such-key"); got != "no.such-key" {
		t.Errorf("a missing key gives %q", got)
	}
	if got := i18n.Tf("fr", "cli.validate-ok", 3); got != "3 rule files, no problems." {
		t.Errorf("another language gives %q, want English", got)
	}
}
