package knowledge_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func yamlFiles(t testing.TB) []knowledge.File {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCompiledRulesUpToDate checks that rules/compiled.bin is the compiled form of the rule
// files; UPDATE_COMPILED=1 (go generate ./rules) rewrites it.
func TestCompiledRulesUpToDate(t *testing.T) {
	want, err := knowledge.CompileNodes(yamlFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../rules/compiled.bin"
	if os.Getenv("UPDATE_COMPILED") != "" {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("rules/compiled.bin is out of date: run go generate ./rules")
	}
}

// TestCompiledTreesLoadTheSame loads the embedded base from the compiled trees and from the
// YAML (by renaming nothing but adding a trailing newline, which defeats the cache) and checks
// that both give the same candidates, attributes, rules and positions.
func TestCompiledTreesLoadTheSame(t *testing.T) {
	files := yamlFiles(t)
	cached, err := knowledge.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	var parsedFiles []knowledge.File
	for _, f := range files {
		parsedFiles = append(parsedFiles, knowledge.File{Name: f.Name, Data: append(append([]byte(nil), f.Data...), '\n')})
	}
	parsed, err := knowledge.Load(parsedFiles)
	if err != nil {
		t.Fatal(err)
	}
	type flat struct{ ID, Pos, Attrs, Corrections string }
	summary := func(b *knowledge.Base) []flat {
		var out []flat
		for _, c := range b.Categories {
			for _, cand := range c.Candidates {
				var attrs, corr []string
				for _, a := range cand.Attributes {
					attrs = append(attrs, a.Name+"="+a.Display()+"@"+a.Pos.String()+"<"+a.Source)
				}
				for _, f := range cand.Corrections {
					corr = append(corr, f.ID)
				}
				out = append(out, flat{cand.ID, cand.Pos.String(), strings.Join(attrs, ";"), strings.Join(corr, ",")})
			}
			for _, r := range c.Rules {
				out = append(out, flat{r.ID, r.Pos.String(), r.Because.En + r.Source, ""})
			}
		}
		return out
	}
	if a, b := summary(cached), summary(parsed); !reflect.DeepEqual(a, b) {
		t.Errorf("compiled and parsed bases differ")
	}
	if len(summary(cached)) < 100 {
		t.Errorf("suspiciously small base")
	}
	// The whole bases, down to the YAML nodes kept for operands and defaults (an empty child
	// list decoded as nil on one path and as an empty slice on the other once made the Go
	// form of the base depend on which path had run). Only the digest differs: the parsed
	// files end in one more newline.
	parsed.Digest = cached.Digest
	if !reflect.DeepEqual(cached, parsed) {
		t.Errorf("the base loaded from compiled trees is not the base parsed from the YAML")
	}
}
