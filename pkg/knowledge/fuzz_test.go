package knowledge_test

import (
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// FuzzLoadRules loads arbitrary bytes as an overlay rule file on top of the mini base: it must
// never panic or hang, a failure must be Problems with positions in the fuzzed file, and the
// resources it takes are bounded (problems kept, length of a message, heap kept).
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
	// Inputs that once cost unbounded output or quoted the input at length.
	f.Add(zeroList(2000))
	f.Add([]byte(strings.Repeat("k", 3000) + ": [" + strings.Repeat("v", 3000) + "]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := heapAllocs()
		_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "fuzz.yaml", Data: data}})
		if err == nil {
			return
		}
		probs, ok := err.(knowledge.Problems)
		if !ok || len(probs) == 0 {
			t.Fatalf("error is not Problems: %T %v", err, err)
		}
		// Bounded: at most limits.Problems kept and one that counts the rest, each message
		// quoting no more than an excerpt of the input.
		if len(probs) > limits.Problems+1 {
			t.Fatalf("%d problems kept, want at most limits.Problems+1", len(probs))
		}
		for i, p := range probs {
			if p.More > 0 {
				if i != len(probs)-1 || len(probs) != limits.Problems+1 {
					t.Fatalf("the count of problems not kept is entry %d of %d", i, len(probs))
				}
				continue
			}
			if p.Pos.File == "" || p.Pos.Line < 1 || p.Msg == "" || strings.Contains(p.Msg, "panic") {
				t.Fatalf("bad problem %+v", p)
			}
			if n := utf8.RuneCountInString(p.Msg); n > maxMessageRunes {
				t.Fatalf("a message of %d characters: %.200q", n, p.Msg)
			}
		}
		// Memory: what one load allocates is bounded by a small multiple of its input (the
		// node tree costs about 80 times the bytes) beyond the cost of the mini base.
		if allocated := heapAllocs() - before; allocated > 32<<20+300*uint64(len(data)) {
			t.Fatalf("one load of %d bytes allocated %d MiB", len(data), allocated>>20)
		}
	})
}

// heapAllocs is the bytes allocated on the heap so far, by the whole process.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// maxMessageRunes bounds a problem's message: its fixed text, lists of the allowed keys or
// values (from the base, not the input), and excerpts of the input.
const maxMessageRunes = 2000

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
