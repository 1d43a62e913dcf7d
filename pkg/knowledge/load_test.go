package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

const repoRoot = "../.."

// readDir reads the rule files of a folder of the repository, named as from the repo root.
func readDir(t testing.TB, dir string) []knowledge.File {
	t.Helper()
	files, err := knowledge.ReadFS(os.DirFS(filepath.Join(repoRoot, dir)), ".", dir+"/")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEmbeddedBaseIsValid(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatalf("the embedded knowledge base does not validate:\n%v", err)
	}
	if b.Version == "" || !strings.HasPrefix(b.Digest, "sha256:") {
		t.Errorf("version %q, digest %q", b.Version, b.Digest)
	}
}

func TestMiniBaseLoads(t *testing.T) {
	b, err := knowledge.Load(readDir(t, "testdata/rules/mini"))
	if err != nil {
		t.Fatalf("mini base: %v", err)
	}
	if got := len(b.Categories); got != 2 {
		t.Fatalf("categories: %d, want 2", got)
	}
	safe := b.Candidate("safe")
	if safe == nil || len(safe.Corrections) != 1 || safe.Corrections[0].ID != "safe-speed" {
		t.Fatalf("corrections of safe: %+v", safe)
	}
}

var wantRe = regexp.MustCompile(`^# want: (\d+):(\d+): (.+)$`)

// TestBrokenRuleFiles loads each file of testdata/rules/broken on top of the mini base and
// checks that it is rejected with exactly one problem at the position and with the message
// its first line announces.
func TestBrokenRuleFiles(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	broken := readDir(t, "testdata/rules/broken")
	if len(broken) < 15 {
		t.Fatalf("only %d broken files", len(broken))
	}
	for _, f := range broken {
		t.Run(filepath.Base(f.Name), func(t *testing.T) {
			first, _, _ := strings.Cut(string(f.Data), "\n")
			m := wantRe.FindStringSubmatch(first)
			if m == nil {
				t.Fatalf("first line must be '# want: LINE:COL: message', found %q", first)
			}
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			_, err := knowledge.Load(append(append([]knowledge.File(nil), mini...), f))
			var probs knowledge.Problems
			if !errors.As(err, &probs) {
				t.Fatalf("loaded without problems (err %v)", err)
			}
			if len(probs) != 1 {
				t.Errorf("want exactly one problem, got %d:\n%v", len(probs), probs)
			}
			p := probs[0]
			if p.Pos.File != f.Name || p.Pos.Line != line || p.Pos.Col != col || !strings.Contains(p.Msg, m[3]) {
				t.Errorf("got  %s\nwant %s:%d:%d: …%s…", p, f.Name, line, col, m[3])
			}
		})
	}
}

func TestOverlayPrecedence(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	overlay := []knowledge.File{{Name: "org/a.yaml", Data: []byte(`category: engine
criteria:
  - {id: safety, attribute: safety, weight: 5}
overrides:
  - candidate: fast
    attributes:
      safety: {value: 4, source: "https://org.example/review", grade: measured, method: {en: "Our own review."}}
`)}, {Name: "org/b.yaml", Data: []byte(`scoring: {priority_boost: 3, max_rule_points: 10, max_adjust: 15, strength_threshold: 0.8}
`)}}
	b, err := knowledge.LoadLayers(mini, overlay)
	if err != nil {
		t.Fatal(err)
	}
	cat := b.Category("engine")
	var safety *knowledge.Criterion
	for _, c := range cat.Criteria {
		if c.ID == "safety" {
			safety = c
		}
	}
	if safety == nil || safety.Weight != 5 || safety.Pos.File != "org/a.yaml" || len(cat.Criteria) != 2 {
		t.Errorf("criterion not replaced in place: %+v (%d criteria)", safety, len(cat.Criteria))
	}
	v := b.Candidate("fast").Attr("safety")
	if v.Num != 4 || v.Source != "https://org.example/review" {
		t.Errorf("override: %v from %q", v.Num, v.Source)
	}
	if b.Scoring.PriorityBoost != 3 {
		t.Errorf("overlay scoring not applied: %v", b.Scoring.PriorityBoost)
	}
	if b.Candidate("safe").Attr("safety").Num != 5 {
		t.Errorf("other candidates changed")
	}
}

func TestOverlayConflicts(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	cases := map[string]struct{ yaml, want string }{
		"candidate id":  {"category: engine\ncandidates:\n  - {id: fast, name: F, summary: {en: f, zh: f}, attributes: {speed: {value: 1, source: \"report: x\"}, safety: {value: 1, source: \"report: x\"}}}\n", `org.yaml:3:5: duplicate candidate id "fast" (first defined at testdata/rules/mini/engine.yaml:12:5)`},
		"rule id":       {"category: engine\nrules:\n  - {id: engine.ai, effect: caveat, target: {ids: [fast]}, because: {en: b, zh: b}, source: \"report: x\"}\n", `org.yaml:3:5: duplicate rule id "engine.ai"`},
		"version":       {"version: \"2\"\n", "org.yaml:1:1: an overlay cannot set the knowledge-base version"},
		"questions":     {"questions: []\n", "org.yaml:1:1: an overlay cannot define topics or questions"},
		"same-layer":    {"category: engine\ncriteria:\n  - {id: x, attribute: safety, weight: 1}\n  - {id: x, attribute: safety, weight: 2}\n", `org.yaml:4:5: duplicate criterion "x"`},
		"unknown cand.": {"category: engine\noverrides:\n  - {candidate: card, attributes: {}}\n", `org.yaml:3:5: candidate "card" belongs to category gpu, not engine`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org.yaml", Data: []byte(c.yaml)}})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant …%s…", err, c.want)
			}
		})
	}
}

// TestEnglishOnlyOverlay: an overlay may leave out the Chinese of its texts (a note, and the
// English under --lang zh); the base layer may not.
func TestEnglishOnlyOverlay(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	rule := []byte(`category: engine
rules:
  - id: org.english-only
    effect: caveat
    target: {ids: [fast]}
    because: {en: "Only in English."}
    source: "https://org.example/policy"
  - id: org.empty-zh
    effect: caveat
    target: {ids: [fast]}
    because: {en: "Chinese left empty.", zh: ""}
    source: "https://org.example/policy"
`)
	b, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/en.yaml", Data: rule}})
	if err != nil {
		t.Fatalf("an English-only overlay was refused:\n%v", err)
	}
	if len(b.Notes) != 2 || b.Notes[0].Pos.String() != "org/en.yaml:6:14" || !strings.Contains(b.Notes[0].Msg, "no Chinese text") {
		t.Errorf("notes %v, want one per text without Chinese", b.Notes)
	}
	for _, r := range b.Category("engine").Rules {
		if r.ID == "org.english-only" && r.Because.In("zh") != "Only in English." {
			t.Errorf("under zh the text is %q, want the English", r.Because.In("zh"))
		}
	}
	// In the base layer the Chinese is required.
	_, err = knowledge.LoadLayers(append(mini, knowledge.File{Name: "base/en.yaml", Data: rule}))
	if err == nil || !strings.Contains(err.Error(), `missing required key "zh"`) || !strings.Contains(err.Error(), `"zh" must not be empty`) {
		t.Errorf("a base file without Chinese: %v", err)
	}
}

// TestOverlayCriterionKeepsWhatItLeavesOut: an overlay that gives a base criterion only a new
// weight keeps its attribute and priorities; priorities: [] clears them.
func TestOverlayCriterionKeepsWhatItLeavesOut(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	for _, c := range []struct {
		src   string
		prios []string
	}{
		{"category: engine\ncriteria:\n  - {id: safety, weight: 6}\n", []string{"safety"}},
		{"category: engine\ncriteria:\n  - {id: safety, weight: 6, priorities: []}\n", nil},
	} {
		b, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/w.yaml", Data: []byte(c.src)}})
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		for _, cr := range b.Category("engine").Criteria {
			if cr.ID == "safety" && (cr.Weight != 6 || cr.Attribute != "safety" || len(cr.Priorities) != len(c.prios)) {
				t.Errorf("%s: criterion %+v", c.src, cr)
			}
		}
	}
	_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/n.yaml", Data: []byte("category: engine\ncriteria:\n  - {id: brand-new, weight: 1}\n")}})
	if err == nil || !strings.Contains(err.Error(), `criterion "brand-new" needs an attribute to score`) {
		t.Errorf("a new criterion without an attribute: %v", err)
	}
}

// TestEvidenceGrades: a scored value needs a grade from the list; measured needs its method,
// and only measured takes one; the base's trust covers every grade.
func TestEvidenceGrades(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	for _, c := range []struct{ value, want string }{
		{`{value: 4, source: "https://org.example/a"}`, `attribute "safety" of "fast" is scored (criterion "safety") but has no evidence grade; add grade: spec, measured, third-party, report-only, unverified`},
		{`{value: 4, source: "https://org.example/a", grade: rumour}`, `unknown evidence grade "rumour" of attribute "safety"; grades: spec, measured, third-party, report-only, unverified`},
		{`{value: 4, source: "https://org.example/a", grade: measured}`, `attribute "safety" is graded measured: say how with method: {en: …}`},
		{`{value: 4, source: "https://org.example/a", grade: spec, method: {en: x}}`, `method applies to measured values; "safety" is graded "spec"`},
	} {
		src := "category: engine\noverrides:\n  - candidate: fast\n    attributes:\n      safety: " + c.value + "\n"
		_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/g.yaml", Data: []byte(src)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.value, err, c.want)
		}
	}
	// A value a rule reads to decide (not scored) needs a grade too, from an overlay as well;
	// one graded is accepted.
	for _, c := range []struct{ attr, value, want string }{
		{"needs_kvm", `{value: true, source: "https://org.example/a"}`, `attribute "needs_kvm" of "fast" decides rule "engine.no-kvm" but has no evidence grade`},
		{"price", `{value: 5, source: "https://org.example/a"}`, `attribute "price" of "fast" decides rule "engine.budget" but has no evidence grade`},
		{"needs_kvm", `{value: true, source: "https://org.example/a", grade: third-party}`, ""},
	} {
		src := "category: engine\noverrides:\n  - candidate: fast\n    attributes:\n      " + c.attr + ": " + c.value + "\n"
		_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/d.yaml", Data: []byte(src)}})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %s: %v", c.attr, c.value, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), "org/d.yaml:5:") || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %s: error %v, want %q at the value", c.attr, c.value, err, c.want)
		}
	}
	scoring := "scoring: {priority_boost: 2, max_rule_points: 10, max_adjust: 15, strength_threshold: 0.8, trust: {spec: 1, measured: 1, third-party: 1, report-only: 0.5}, neutral: 0.5}\n"
	_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/s.yaml", Data: []byte(scoring)}})
	if err == nil || !strings.Contains(err.Error(), "unverified is missing") {
		t.Errorf("trust without a grade: %v", err)
	}
}

// TestReweight: a criterion's reweight applies its factor under its condition (an overlay may
// add one, and it is marked as the overlay's); a factor of 1 or out of range, a bad condition
// or a missing source are refused.
func TestReweight(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	ok := "category: engine\ncriteria:\n  - id: safety\n    weight: 6\n    reweight:\n      - {when: {kvm: none}, factor: 0.5, because: {en: b, zh: b}, source: \"https://org.example/why\"}\n"
	b, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/rw.yaml", Data: []byte(ok)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range b.Category("engine").Criteria {
		if cr.ID == "safety" && (len(cr.Reweight) != 1 || cr.Reweight[0].Factor != 0.5 || !cr.Reweight[0].Overlay || !cr.Overlay) {
			t.Errorf("criterion %+v", cr)
		}
	}
	if !b.Category("engine").Questions()["kvm"] {
		t.Error("the category does not name kvm among the questions that change its scores")
	}
	for want, src := range map[string]string{
		`org/rw.yaml:6:9: reweight of criterion "safety" has factor 1, which changes nothing; give a factor other than 1`: "factor: 1",
		`org/rw.yaml:6:37: factor must be a number from 0 to 10; found 20`:                                                "factor: 20",
		`org/rw.yaml:6:37: factor must be a number from 0 to 10; found -0.5`:                                              "factor: -0.5",
		`org/rw.yaml:6:37: factor must be a number from 0 to 10; found 1e308`:                                             "factor: 1e308",
		`unknown question "nope"`: "factor: 2, when: {nope: x}",
	} {
		y := strings.Replace(ok, "{when: {kvm: none}, factor: 0.5,", "{when: {kvm: none}, "+src+",", 1)
		if strings.Contains(src, "when:") {
			y = strings.Replace(ok, "{when: {kvm: none}, factor: 0.5,", "{"+src+",", 1)
		}
		_, err := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/rw.yaml", Data: []byte(y)}})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want …%s…", src, err, want)
		}
	}
}
