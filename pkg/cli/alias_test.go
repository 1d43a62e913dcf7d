package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --cuda required, the value's former name, still works everywhere and reads as source: as a
// flag, in an answers file, and in an organisation's rule condition.
func TestCudaRequiredIsSource(t *testing.T) {
	flag, stderr, code := run("recommend", "--categories", "gpu", "--cuda", "required", "-f", "json", "--jq", ".answers.cuda")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.TrimSpace(flag) != "source" {
		t.Errorf("--cuda required reads as %q, want source", flag)
	}
	canonical, _, _ := run("recommend", "--categories", "gpu", "--cuda", "source", "-f", "json", "--jq", ".categories[0].ranking[0].id")
	old, _, _ := run("recommend", "--categories", "gpu", "--cuda", "required", "-f", "json", "--jq", ".categories[0].ranking[0].id")
	if canonical != old || canonical == "" {
		t.Errorf("source gives %q first, required %q", canonical, old)
	}
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("categories: [gpu]\ncuda: required\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file, stderr, code := run("recommend", "--answers", answers, "-f", "json", "--jq", ".answers.cuda")
	if code != 0 || strings.TrimSpace(file) != "source" {
		t.Errorf("answers file cuda: required: exit %d, %q %s", code, file, stderr)
	}
	policy := filepath.Join(dir, "policy.yaml")
	rule := "category: gpu\nrules:\n  - id: org.cuda-port\n    when: {cuda: required}\n    effect: caveat\n    target: {ids: [amd-mi300x]}\n    because: {en: \"Porting is on us.\", zh: \"移植由我们负责。\"}\n    source: \"https://example.org/policy\"\n"
	if err := os.WriteFile(policy, []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run("explain", "amd-mi300x", "--rules", policy, "--cuda", "source")
	if code != 0 || !strings.Contains(out, "org.cuda-port") {
		t.Errorf("a rule written with cuda: required does not fire for --cuda source: exit %d\n%s%s", code, out, stderr)
	}
	// Only today's name is offered.
	if help, _, _ := run("recommend", "--help"); !strings.Contains(help, "binaries|source|preferred|none") {
		t.Error("--help does not offer source")
	}
}
