package gobase

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestWriterRefuses: values the generator cannot write faithfully are errors, not a generated
// file that differs from the base.
func TestWriterRefuses(t *testing.T) {
	type node struct{ Next *node }
	cyclic := &node{}
	cyclic.Next = cyclic
	negZero := &knowledge.Scoring{MaxAdjust: math.Copysign(0, -1)}
	for name, v := range map[string]any{"cycle": cyclic, "negative zero": negZero} {
		w := newWriter()
		rv := reflect.ValueOf(v)
		w.count(rv)
		if _, err := w.expr(rv, "x", "x"); err == nil {
			t.Errorf("%s: written without an error", name)
		}
	}
}

func TestVarNames(t *testing.T) {
	w := newWriter()
	for _, c := range []struct{ path, want string }{
		{"kb_Categories_sandbox_Candidates_gvisor", "kb_Categories_sandbox_Candidates_gvisor"},
		{"kb_Facts_gpu.mtt-s80", "kb_Facts_gpu_mtt_s80"},
		{"kb_Facts_gpu_mtt.s80", "kb_Facts_gpu_mtt_s80_"}, // collides: a hash is added
	} {
		got := w.varName(c.path)
		if len(got) < len(c.want) || got[:len(c.want)] != c.want {
			t.Errorf("varName(%q) = %q, want %q…", c.path, got, c.want)
		}
	}
}

// TestOneRuleChangesFewLines is the churn test: a rule added in the middle of a rule file
// changes fewer than 50 lines of the generated source (its own literal, the digest, the one
// line of positions), however many rules, candidates and facts follow it.
func TestOneRuleChangesFewLines(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	before := generate(t, files)
	const anchor = "  - id: sandbox.kvm-unknown\n"
	const rule = `  - id: sandbox.churn-test
    when: {kvm: unknown}
    effect: adjust
    points: -1
    target: {ids: [kata]}
    because: {en: "A rule added for the churn test.", zh: "为变更测试添加的规则。"}
    source: "https://example.com/churn"
`
	changed := false
	for i, f := range files {
		if f.Name == "rules/sandbox.yaml" && bytes.Contains(f.Data, []byte(anchor)) {
			files[i].Data = bytes.Replace(f.Data, []byte(anchor), []byte(rule+anchor), 1)
			changed = true
		}
	}
	if !changed {
		t.Fatal("the anchor rule sandbox.kvm-unknown is gone; pick another")
	}
	after := generate(t, files)
	removed, added := lineDiff(before, after)
	if removed+added >= 50 {
		t.Errorf("adding one rule changed %d lines (-%d +%d) of the generated source, want fewer than 50", removed+added, removed, added)
	}
	if added < 7 {
		t.Errorf("only %d lines added: the new rule is not in the generated source", added)
	}
}

func generate(t *testing.T, files []knowledge.File) []byte {
	t.Helper()
	b, err := knowledge.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(b)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// lineDiff counts the lines of a missing from b and of b missing from a, as multisets: the
// size of any line diff is at least this, and a renumbered name shows up on every line using it.
func lineDiff(a, b []byte) (removed, added int) {
	count := map[string]int{}
	for _, l := range strings.Split(string(a), "\n") {
		count[l]++
	}
	for _, l := range strings.Split(string(b), "\n") {
		count[l]--
	}
	for _, n := range count {
		if n > 0 {
			removed += n
		} else {
			added -= n
		}
	}
	return removed, added
}
