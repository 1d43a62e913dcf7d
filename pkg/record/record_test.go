package record_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/record"
	"github.com/stackadvisor/stackadvisor/rules"
)

const answers = `{"categories": ["sandbox"], "tenancy": "untrusted"}`

func embedded(t *testing.T) *knowledge.Base {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withOverlay is the embedded base with one overlay file on top.
func withOverlay(t *testing.T, yamlText string) *knowledge.Base {
	t.Helper()
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.LoadLayers(files, []knowledge.File{{Name: "policy.yaml", Data: []byte(yamlText)}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func makeRecord(t *testing.T, b *knowledge.Base, subject, answersJSON string) *record.Record {
	t.Helper()
	given, err := b.ParseAnswers("a", []byte(answersJSON))
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	r, err := record.Build(b, res, subject, []byte(answersJSON), nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The block survives a round trip through Markdown text, "--" (which may not appear in an
// HTML comment) included, and sits in a comment that renders as nothing.
func TestBlockRoundTrip(t *testing.T) {
	b := embedded(t)
	r := makeRecord(t, b, "sandbox", answers)
	r.Tool = "v1 -- dev"
	block, err := r.Block()
	if err != nil {
		t.Fatal(err)
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(block, "<!-- stackadvisor:record\n"), "-->\n")
	if strings.Contains(inner, "--") {
		t.Fatalf("the block's body holds --, which ends an HTML comment early:\n%s", inner)
	}
	got, err := record.Parse([]byte("# Decision\n\nText.\n\n" + block))
	if err != nil {
		t.Fatal(err)
	}
	compact := func(raw json.RawMessage) string {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(v)
		return string(out)
	}
	if compact(got.Answers) != compact(r.Answers) {
		t.Errorf("answers %s, want %s", got.Answers, r.Answers)
	}
	got.Answers = r.Answers
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, r)
	}
	if r.Picks[0].ID != "kata" || r.KBVersion != b.Version || r.KBDigest != b.Digest {
		t.Errorf("record %+v", r.Picks)
	}
	for _, bad := range []string{"# no block\n", "<!-- stackadvisor:record\n{\"stackadvisor_record\": 1\n", "<!-- stackadvisor:record\n{\"stackadvisor_record\": 9, \"subject\": \"x\", \"answers\": {}}\n-->\n", "<!-- stackadvisor:record\n{\"what\": 1}\n-->\n"} {
		if _, err := record.Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
}

func TestCheckUnchanged(t *testing.T) {
	b := embedded(t)
	oc := checkEn(b, makeRecord(t, b, "sandbox", answers), nil)
	if oc.Status != record.Unchanged || len(oc.Reasons) != 0 || oc.After[0].ID != "kata" {
		t.Errorf("%+v", oc)
	}
}

// Each way a decision changes is named with its kind and source.
func TestCheckSaysWhy(t *testing.T) {
	b := embedded(t)
	rec := makeRecord(t, b, "sandbox", answers)
	cases := []struct {
		name, overlay, kind, text, source string
	}{
		{"policy", `category: sandbox
rules:
  - {id: org.no-kata, when: {}, effect: exclude, target: {ids: [kata]}, because: {en: "No nested virtualization.", zh: "无"}, source: "https://wiki.example.com/hosts"}
`, record.KindPolicy, "Kata Containers is now excluded by org.no-kata: No nested virtualization.", "https://wiki.example.com/hosts"},
		{"figure", `category: sandbox
overrides:
  - candidate: kata
    attributes:
      isolation: {value: 2, source: "https://example.com/kata-audit", grade: spec}
`, record.KindFigure, "Kata Containers, Isolation strength: 5 → 2", "https://example.com/kata-audit"},
		{"weight", `category: sandbox
criteria:
  - {id: hardware, weight: 6}
`, record.KindWeight, "the weight of Needs hardware virtualization (/dev/kvm): 0.5 → 6", ""},
		{"rule", `category: sandbox
rules:
  - {id: org.prefer-gvisor, when: {}, effect: adjust, points: 10, target: {ids: [gvisor]}, because: {en: "We run gVisor already.", zh: "已在用"}, source: "https://wiki.example.com/gvisor"}
`, record.KindRule, "rule org.prefer-gvisor now applies to gVisor (runsc) (+10): We run gVisor already.", "https://wiki.example.com/gvisor"},
	}
	internal, err := os.ReadFile("../../testdata/org-policy/internal-runtime.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct{ name, overlay, kind, text, source string }{"new candidate", string(internal),
		record.KindNewCandidate, "ACME Sandbox was added to the knowledge base since the record", "policy.yaml:4:5"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oc := checkEn(withOverlay(t, c.overlay), rec, nil)
			if oc.Status != record.Changed {
				t.Fatalf("status %s, want changed: %+v", oc.Status, oc)
			}
			i := slices.IndexFunc(oc.Reasons, func(r record.Reason) bool { return r.Kind == c.kind })
			if i < 0 {
				t.Fatalf("no %s reason in %+v", c.kind, oc.Reasons)
			}
			if r := oc.Reasons[i]; !strings.Contains(r.Text.String(), c.text) || r.Source != c.source {
				t.Errorf("reason %+v; want text containing %q and source %q", r, c.text, c.source)
			}
		})
	}
}

// Answers that no longer validate, or a category that is gone, make the record invalid.
func TestCheckInvalid(t *testing.T) {
	b := embedded(t)
	rec := makeRecord(t, b, "sandbox", answers)
	rec.Answers = json.RawMessage(`{"categories": ["sandbox"], "tenancy": "hostile"}`)
	if oc := checkEn(b, rec, nil); oc.Status != record.Invalid || !strings.Contains(oc.Error, `tenancy: "hostile" is not allowed`) {
		t.Errorf("%+v", oc)
	}
	rec = makeRecord(t, b, "sandbox", answers)
	rec.Subject = "mainframe"
	if oc := checkEn(b, rec, nil); oc.Status != record.Invalid {
		t.Errorf("%+v", oc)
	}
}

// The changelog parses, its newest version is the embedded base's (a version raised without
// its entry fails here), and adr check quotes the entries after the record's version.
func TestChangelogMatchesBase(t *testing.T) {
	log, err := record.ParseChangelog(rules.Changelog)
	if err != nil {
		t.Fatal(err)
	}
	b := embedded(t)
	if len(log) == 0 || log[0].Version != b.Version {
		t.Fatalf("the changelog's newest entry is %v; the knowledge base is version %s: add its entry to rules/CHANGELOG.md", log[:min(1, len(log))], b.Version)
	}
	for _, e := range log {
		if e.Text == "" {
			t.Errorf("empty entry under %s", e.Version)
		}
	}
	rec := makeRecord(t, b, "sandbox", answers)
	rec.KBVersion = "2026.11.24"
	oc := checkEn(b, rec, log)
	if len(oc.Changelog) == 0 || slices.ContainsFunc(oc.Changelog, func(e record.Entry) bool { return e.Version == "2026.11.24" }) {
		t.Errorf("entries since 2026.11.24: %+v", oc.Changelog)
	}
	if _, err := record.ParseChangelog("## 2026.01.01\n- a\n## 2026.02.01\n- b\n"); err == nil {
		t.Error("versions out of order were accepted")
	}
	if _, err := record.ParseChangelog("## next\n- a\n"); err == nil {
		t.Error("a version that is not numbers was accepted")
	}
	for _, c := range []struct {
		a, b string
		want int
	}{{"2026.12.03", "2026.12.03.1", -1}, {"2026.12.10", "2026.12.9", 1}, {"2026.12.03", "2026.12.03", 0}} {
		if got := record.CompareVersions(c.a, c.b); got != c.want {
			t.Errorf("CompareVersions(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// checkEn checks a record with its reasons said in English.
func checkEn(b *knowledge.Base, r *record.Record, log []record.Entry) *record.Outcome {
	oc := record.Check(b, r, log)
	oc.Localize("en")
	return oc
}

// A reason about the embedded base's own candidates names where it is defined, with no
// overlay loaded (the embedded base's positions are filled on demand).
func TestCheckSourceWithoutOverlay(t *testing.T) {
	b := embedded(t)
	rec := makeRecord(t, b, "sandbox", answers)
	rec.Picks[0].ID = "runc" // a record that picked something else, made before kata existed
	for i := range rec.Categories {
		rec.Categories[i].Candidates = slices.DeleteFunc(rec.Categories[i].Candidates, func(id string) bool { return id == "kata" })
	}
	oc := checkEn(b, rec, nil)
	found := false
	for _, r := range oc.Reasons {
		if r.Kind == record.KindNewCandidate {
			found = true
			if !strings.HasPrefix(r.Source, "rules/sandbox.yaml:") {
				t.Errorf("the new candidate's source is %q, want its place in rules/sandbox.yaml", r.Source)
			}
		}
	}
	if !found {
		t.Fatalf("no new-candidate reason: %+v", oc.Reasons)
	}
}
