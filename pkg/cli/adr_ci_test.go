package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ciExamples reads the README's CI examples (the YAML block after each
// <!-- ci-example:NAME --> marker) and the arguments of stackadvisor each runs: the action's
// `args`, the pre-commit hook's entry (from .pre-commit-hooks.yaml) with the README's args,
// GitLab's script line.
func ciExamples(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- ci-example:([a-z-]+) -->\n```yaml\n(.*?)```")
	out := map[string][]string{}
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		var doc any
		if err := yaml.Unmarshal([]byte(m[2]), &doc); err != nil {
			t.Errorf("README's %s example is not valid YAML: %v", m[1], err)
			continue
		}
		switch m[1] {
		case "github":
			args := regexp.MustCompile(`(?m)^ +args: (.*)$`).FindStringSubmatch(m[2])
			if args == nil || !strings.Contains(m[2], "uses: stackadvisor/stackadvisor@") {
				t.Errorf("README's github example does not run the action with args")
				continue
			}
			out["github"] = strings.Fields(args[1])
		case "pre-commit":
			var cfg struct {
				Repos []struct {
					Repo  string
					Hooks []struct {
						ID   string
						Args []string
					}
				}
			}
			if err := yaml.Unmarshal([]byte(m[2]), &cfg); err != nil || len(cfg.Repos) != 1 || len(cfg.Repos[0].Hooks) != 1 {
				t.Errorf("README's pre-commit example: %v %+v", err, cfg)
				continue
			}
			hook := preCommitHook(t, cfg.Repos[0].Hooks[0].ID)
			out["pre-commit"] = append(strings.Fields(hook.Entry)[1:], cfg.Repos[0].Hooks[0].Args...)
		case "gitlab":
			c := regexp.MustCompile(`(?m)^ +- stackadvisor (adr check .*)$`).FindStringSubmatch(m[2])
			if c == nil {
				t.Errorf("README's gitlab example runs no 'stackadvisor adr check'")
				continue
			}
			out["gitlab"] = strings.Fields(c[1])
		}
	}
	if len(out) != 3 {
		t.Fatalf("want the github, pre-commit and gitlab examples in README, found %v", out)
	}
	return out
}

// hookDef is a hook of .pre-commit-hooks.yaml.
type hookDef struct {
	ID            string
	Entry         string
	Language      string
	PassFilenames *bool `yaml:"pass_filenames"`
	Args          []string
}

// preCommitHook is the hook id of the repository's .pre-commit-hooks.yaml: built with
// language golang (nothing to install first), and given the arguments rather than file names.
func preCommitHook(t *testing.T, id string) hookDef {
	t.Helper()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hookDef
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		if h.ID == id {
			if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames || !strings.HasPrefix(h.Entry, "stackadvisor adr check") {
				t.Errorf("hook %s: %+v", id, h)
			}
			return h
		}
	}
	t.Fatalf(".pre-commit-hooks.yaml has no hook %q", id)
	return hookDef{}
}

// The README's CI examples work as they say: on records written by 'adr new' and a policy
// folder that leaves the decisions standing they pass (exit 0); once the policy excludes a
// pick they fail (exit 1) and name the record.
func TestReadmeCIExamples(t *testing.T) {
	examples := ciExamples(t)
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("policy", 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join("policy", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("engine.yaml", `category: engine
rules:
  - {id: org.podman-caveat, when: {}, effect: caveat, target: {ids: [podman]}, because: {en: "Ask the platform team first.", zh: "先问平台团队。"}, source: "https://wiki.example.com/engine"}
`)
	for _, args := range [][]string{
		{"adr", "new", "sandbox", "docs/adr", "--tenancy", "untrusted", "--rules", "policy/"},
		{"adr", "new", "stack", "docs/adr", "--categories", "engine,orchestrator,sandbox", "--environment", "edge", "--rules", "policy/"},
	} {
		if _, stderr, code := run(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	for name, args := range examples {
		stdout, stderr, code := run(args...)
		if code != 0 || !strings.Contains(stdout, "0001-sandbox-kata.md: unchanged") {
			t.Errorf("%s example before the policy change: exit %d\n%s%s", name, code, stdout, stderr)
		}
	}
	// The examples give the policy with --rules: the operator's overlays, which adr check always
	// uses. Without it, the overlays written in a record are not read: the record is invalid and
	// says so; --record-rules loads them, relative to the repository's top level.
	stdout, _, code := run("adr", "check", "docs/adr")
	if code != ExitFailure || !strings.Contains(stdout, "0001-sandbox-kata.md: invalid: the record was made with the overlays policy/; give them with --rules") {
		t.Errorf("adr check without --rules on records made with policy/: exit %d\n%s", code, stdout)
	}
	if err := os.Mkdir(".git", 0o755); err != nil {
		t.Fatal(err)
	}
	if stdout, stderr, code := run("adr", "check", "docs/adr", "--record-rules"); code != 0 || !strings.Contains(stdout, "0001-sandbox-kata.md: unchanged") {
		t.Errorf("adr check --record-rules: exit %d\n%s%s", code, stdout, stderr)
	}
	write("hosts.yaml", `category: sandbox
rules:
  - {id: org.no-kata, when: {}, effect: exclude, target: {ids: [kata]}, because: {en: "No nested virtualization.", zh: "无嵌套虚拟化。"}, source: "https://wiki.example.com/hosts"}
`)
	for name, args := range examples {
		stdout, stderr, code := run(args...)
		if code != ExitFailure || !strings.Contains(stdout, "0001-sandbox-kata.md: changed (sandbox: kata → gvisor)") || !strings.Contains(stdout, "policy/hosts.yaml") {
			t.Errorf("%s example after the policy excluded the pick: exit %d\n%s%s", name, code, stdout, stderr)
		}
	}
}

// The README's robustness example is what the command prints today.
func TestReadmeRobustnessExample(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```text\n(  Contested: Kata Containers comes first.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README has no robustness example")
	}
	stdout, stderr, code := run("recommend", "--categories", "sandbox", "--tenancy", "untrusted")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, string(m[1])) {
		t.Errorf("README's robustness example is not in today's output:\n%s\nREADME:\n%s", stdout, m[1])
	}
}
