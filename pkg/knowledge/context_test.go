package knowledge_test

import (
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// withEngineEdit replaces old with new in the mini base's engine.yaml.
func withEngineEdit(t *testing.T, old, new string) []knowledge.File {
	t.Helper()
	files := readDir(t, "testdata/rules/mini")
	for i := range files {
		if strings.HasSuffix(files[i].Name, "engine.yaml") {
			s := string(files[i].Data)
			if !strings.Contains(s, old) {
				t.Fatalf("engine.yaml has no %q", old)
			}
			files[i].Data = []byte(strings.Replace(s, old, new, 1))
		}
	}
	return files
}

const fastAttrs = `      price: {value: 100, source: "report: test", grade: spec}
    facts: [fast-no-kvm]
`

// A candidate's context gives its values when its condition holds, and only then; a broken
// context is reported with its position.
func TestContexts(t *testing.T) {
	ctx := fastAttrs + `    contexts:
      - id: no-kvm
        when: {kvm: none}
        note: {en: Without KVM it is slower., zh: 没有 KVM 时更慢。}
        attributes:
          speed: {value: 50, source: "report: test", grade: spec}
`
	b, err := knowledge.Load(withEngineEdit(t, fastAttrs, ctx))
	if err != nil {
		t.Fatal(err)
	}
	c := b.Candidate("fast")
	none := knowledge.Answers{"kvm": {Type: knowledge.TypeOne, Str: "none"}}
	avail := knowledge.Answers{"kvm": {Type: knowledge.TypeOne, Str: "available"}}
	if v := c.AttrIn("speed", none); v == nil || v.Num != 50 {
		t.Errorf("speed without KVM: %+v, want 50", v)
	}
	if v := c.AttrIn("speed", avail); v == nil || v.Num != 10 {
		t.Errorf("speed with KVM: %+v, want its own 10", v)
	}
	if v := c.AttrIn("safety", none); v == nil || v.Num != 2 {
		t.Errorf("safety, which the context leaves: %+v", v)
	}
	if got := c.ContextsIn(none); len(got) != 1 || got[0].ID != "no-kvm" {
		t.Errorf("contexts without KVM: %v", got)
	}
	for _, tc := range []struct{ ctx, want string }{
		{strings.Replace(ctx, "speed: {value: 50", "colour: {value: 50", 1), `sets unknown attribute "colour"`},
		{strings.Replace(ctx, "        when: {kvm: none}\n", "        when: {}\n", 1), "needs a condition"},
		{strings.Replace(ctx, ", grade: spec}\n    contexts", ", grade: spec}\n    contexts", 1) + "      - id: no-kvm\n        when: {kvm: available}\n        note: {en: Again., zh: 再次。}\n        attributes:\n          speed: {value: 20, source: \"report: test\", grade: spec}\n", `two contexts "no-kvm"`},
		{strings.Replace(ctx, `speed: {value: 50, source: "report: test", grade: spec}`, `speed: {value: 50, source: "report: test"}`, 1), "has no evidence grade"},
		{strings.Replace(ctx, "when: {kvm: none}", "when: {kvm: sometimes}", 1), `"sometimes" is not a value`},
	} {
		_, err := knowledge.Load(withEngineEdit(t, fastAttrs, tc.ctx))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want …%s…", err, tc.want)
		}
	}
}
