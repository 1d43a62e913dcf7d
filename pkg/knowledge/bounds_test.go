package knowledge_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// loadOverlay loads data as one overlay file on top of the mini base and returns its problems.
func loadOverlay(t testing.TB, mini []knowledge.File, files ...knowledge.File) knowledge.Problems {
	t.Helper()
	_, err := knowledge.LoadLayers(mini, files)
	var probs knowledge.Problems
	if !errors.As(err, &probs) {
		t.Fatalf("want Problems, got %T %v", err, err)
	}
	return probs
}

// zeroList is a rule file whose facts are a list of n zeros: n problems.
func zeroList(n int) []byte {
	return []byte("facts: [" + strings.TrimSuffix(strings.Repeat("0,", n), ",") + "]\n")
}

func TestProblemsAreBounded(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	probs := loadOverlay(t, mini,
		knowledge.File{Name: "a.yaml", Data: zeroList(3000)},
		knowledge.File{Name: "b.yaml", Data: zeroList(2000)})
	if len(probs) != limits.Problems+1 {
		t.Fatalf("%d problems kept, want limits.Problems (%d) and one that counts the rest", len(probs), limits.Problems)
	}
	if got := probs.Total(); got != 5000 {
		t.Errorf("Total() = %d, want 5000", got)
	}
	lines := strings.Split(probs.Error(), "\n")
	if len(lines) != limits.Problems+1 {
		t.Errorf("the error has %d lines, want %d", len(lines), limits.Problems+1)
	}
	if last, want := lines[len(lines)-1], fmt.Sprintf("and %d more problems", 5000-limits.Problems); last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
	if !strings.HasPrefix(lines[0], "a.yaml:1:9: expected a mapping") {
		t.Errorf("first line %q: the first problems in file order are the ones shown", lines[0])
	}

	// At the limit, nothing is counted apart.
	probs = loadOverlay(t, mini, knowledge.File{Name: "a.yaml", Data: zeroList(limits.Problems)})
	if len(probs) != limits.Problems || probs.Total() != limits.Problems || probs[len(probs)-1].More != 0 {
		t.Errorf("exactly limits.Problems problems: %d kept, total %d", len(probs), probs.Total())
	}
}

var longRun = regexp.MustCompile(fmt.Sprintf(`[xX]{%d}`, limits.ExcerptRunes+1))

// TestErrorsQuoteExcerpts checks that no message quotes more than limits.ExcerptRunes
// characters of a file, nor its control characters.
func TestErrorsQuoteExcerpts(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	long := strings.Repeat("x", 5000)
	cases := map[string]string{
		"unknown key":      long + ": 1\n",
		"value":            "version: [" + long + "]\n",
		"fact id":          "facts:\n  - {id: X" + long + ", verdict: correct, checked: \"2026-01-01\", report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"https://e.org\"}\n",
		"verdict":          "facts:\n  - {id: f, verdict: " + long + ", checked: \"2026-01-01\", report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"https://e.org\"}\n",
		"source":           "facts:\n  - {id: f, verdict: correct, checked: \"2026-01-01\", report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"" + long + "\"}\n",
		"anchor":           "a: *" + long + "\n",
		"condition key":    "facts:\n  - {id: f, verdict: correct, when: {" + long + ": 1}, report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"https://e.org\"}\n",
		"condition value":  "facts:\n  - {id: f, verdict: correct, when: {workloads: " + long + "}, report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"https://e.org\"}\n",
		"control chars":    "\"x\\e[2Jx\\u202ex\": 1\n",
		"category":         "category: " + long + "\n",
		"candidate":        "category: engine\ncandidates:\n  - {id: " + long + ", name: A, summary: {en: a, zh: b}}\n",
		"override":         "overrides:\n  - {candidate: " + long + ", attributes: {}}\n",
		"compatibility":    "compatibility:\n  - {candidate: " + long + ", works_with: [card], note: {en: a, zh: b}}\n",
		"tagged scalar":    "version: !!int " + long + "\n",
		"unknown question": "facts:\n  - {id: f, verdict: correct, when: {any_of: [{" + long + ": 1}]}, report_says: {en: a, zh: b}, verified: {en: a, zh: b}, source: \"https://e.org\"}\n",
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			probs := loadOverlay(t, mini, knowledge.File{Name: "o.yaml", Data: []byte(data)})
			for _, p := range probs {
				if longRun.MatchString(p.Msg) {
					t.Errorf("quotes more than %d characters: %.200s", limits.ExcerptRunes, p.Msg)
				}
				if strings.ContainsAny(p.Msg, "\x1b\u202e") {
					t.Errorf("quotes a control character: %q", p.Msg)
				}
				if n := utf8.RuneCountInString(p.Msg); n > 1000 {
					t.Errorf("a message of %d characters: %.200s", n, p.Msg)
				}
			}
		})
	}
}

func TestAnswersQuoteExcerpts(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 5000)
	for _, data := range []string{long + ": 1", "kvm: " + long, "workloads: [" + long + "]", "startup-budget-ms: " + long, "startup-budget-ms: 9" + strings.Repeat("9", 5000)} {
		_, err := b.ParseAnswers("a.yaml", []byte(data))
		if err == nil {
			t.Fatalf("%.40s…: no error", data)
		}
		if longRun.MatchString(err.Error()) || strings.Count(err.Error(), "9") > limits.ExcerptRunes+10 {
			t.Errorf("quotes more than %d characters: %.200s", limits.ExcerptRunes, err)
		}
	}
}

// manyCandidates is an overlay of category engine with n candidates.
var serial int

func manyCandidates(n int) []byte {
	var b strings.Builder
	b.WriteString("category: engine\ncandidates:\n")
	for range n {
		serial++
		fmt.Fprintf(&b, "  - {id: c%d, name: C, summary: {en: c., zh: c。}, attributes: {speed: {value: 10, source: \"report: t\", grade: spec}, safety: {value: 2, source: \"report: t\", grade: spec}, needs_kvm: {value: false, source: \"report: t\", grade: spec}, price: {value: 1, source: \"report: t\", grade: spec}}}\n", serial)
	}
	return []byte(b.String())
}

func manyRules(n int) []byte {
	var b strings.Builder
	b.WriteString("category: engine\nrules:\n")
	for range n {
		serial++
		fmt.Fprintf(&b, "  - {id: engine.r%d, effect: caveat, target: {ids: [fast]}, because: {en: B., zh: 因。}, source: \"report: t\"}\n", serial)
	}
	return []byte(b.String())
}

func manyCompat(n int) []byte {
	var b strings.Builder
	b.WriteString("compatibility:\n")
	for range n {
		serial++
		fmt.Fprintf(&b, "  - {id: compat.r%d, kind: works-with, candidate: fast, with: [card], points: 1, because: {en: B., zh: 因。}, source: \"report: t\"}\n", serial)
	}
	return []byte(b.String())
}

// TestCountLimits: past a count limit, a load fails with one problem that names the limit;
// at the limit it loads.
func TestCountLimits(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	for _, tc := range []struct {
		name  string
		make  func(int) []byte
		limit int
		have  int // in the mini base already
		want  string
	}{
		{"candidates", manyCandidates, limits.CategoryCandidates, 2, "category engine has %d candidates, more than the limit of %d"},
		{"rules", manyRules, limits.CategoryRules, 4, "category engine has %d rules, more than the limit of %d"},
		{"compat", manyCompat, limits.CompatRules, 0, "the knowledge base has %d compatibility rules, more than the limit of %d"},
	} {
		// In files of at most 2 000 items, each under limits.FileBytes.
		files := func(n int) []knowledge.File {
			var out []knowledge.File
			for start := 0; start < n; start += 2000 {
				out = append(out, knowledge.File{Name: fmt.Sprintf("o%05d.yaml", start), Data: tc.make(min(2000, n-start))})
			}
			return out
		}
		t.Run(tc.name, func(t *testing.T) {
			if _, err := knowledge.LoadLayers(mini, files(tc.limit-tc.have)); err != nil {
				t.Fatalf("at the limit: %v", err)
			}
			n := tc.limit - tc.have + 500
			probs := loadOverlay(t, mini, files(n)...)
			want := fmt.Sprintf(tc.want, n+tc.have, tc.limit)
			if len(probs) != 1 || !strings.HasSuffix(probs[0].Msg, want) || !strings.HasPrefix(probs[0].Pos.File, "o") {
				t.Fatalf("got %d problems:\n%v\nwant one: %s", len(probs), probs, want)
			}
		})
	}
}
