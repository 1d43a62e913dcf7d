package knowledge_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// FuzzLoadRules loads arbitrary bytes as an overlay rule file on top of the mini base: it must
// never panic or hang, and a failure must be Problems with positions in the fuzzed file.
func FuzzLoadRules(f *testing.F) {
	mini := readDir(f, "testdata/rules/mini")
	for _, dir := range []string{"testdata/rules/broken", "testdata/org-policy", "testdata/fuzz/rules"} {
		paths, _ := filepath.Glob(filepath.Join(repoRoot, dir, "*.yaml"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "fuzz.yaml", Data: data}})
		if err == nil {
			return
		}
		probs, ok := err.(knowledge.Problems)
		if !ok || len(probs) == 0 {
			t.Fatalf("error is not Problems: %T %v", err, err)
		}
		for _, p := range probs {
			if p.Pos.File == "" || p.Pos.Line < 1 || p.Msg == "" || strings.Contains(p.Msg, "panic") {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}

// FuzzParseAnswers parses arbitrary bytes as an answers file: no panic, and either answers that
// resolve or Problems with positions.
func FuzzParseAnswers(f *testing.F) {
	b, err := knowledge.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"", "kvm: none", "categories: [gpu]\ndomestic: true", `{"priorities": ["security","cost"]}`, "scale: [large]", "a: &a [*a]", "workloads: web-services, hpc"} {
		f.Add([]byte(seed))
	}
	paths, _ := filepath.Glob(filepath.Join(repoRoot, "testdata/fuzz/answers", "*"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := b.ParseAnswers("fuzz.yaml", data)
		if err != nil {
			if probs, ok := err.(knowledge.Problems); !ok || len(probs) == 0 {
				t.Fatalf("error is not Problems: %T %v", err, err)
			}
			return
		}
		if _, err := b.Resolve(a); err != nil {
			t.Fatalf("parsed answers do not resolve: %v", err)
		}
	})
}
