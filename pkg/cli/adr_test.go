package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	adrCommandRe = regexp.MustCompile("(?s)```sh\n(stackadvisor recommend[^\n]*)\n```")
	adrChosenRe  = regexp.MustCompile(`\* .+? \(\x60([a-z0-9-]+)\x60\)`)
)

// TestADRReproduces writes an ADR (creating docs/adr) and runs the command it contains: the
// command's top pick is the record's chosen option.
func TestADRReproduces(t *testing.T) {
	for _, args := range [][]string{
		{"sandbox", "--tenancy", "untrusted"},
		{"gpu", "--domestic", "--priorities", "autonomy,cost"},
		{"orchestrator", "--scale", "large", "--k8s-experience", "expert"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "docs", "adr", "0001.md")
		_, errOut, code := runCLI(t, "", append(append([]string{"adr"}, args...), "-o", path)...)
		if code != 0 {
			t.Fatalf("adr %v: exit %d: %s", args, code, errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, section := range []string{"* Status: proposed", "## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome", "### Consequences", "## More Information"} {
			if !strings.Contains(text, section) {
				t.Errorf("adr %v lacks %q", args, section)
			}
		}
		m := adrCommandRe.FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("adr %v has no command:\n%s", args, text)
		}
		options := text[strings.Index(text, "## Considered Options"):]
		chosen := adrChosenRe.FindStringSubmatch(options)
		cmdArgs := strings.Fields(m[1])[1:]
		out, errOut, code := runCLI(t, "", append(cmdArgs, "--jq", ".categories[0].ranking[0].id")...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", m[1], code, errOut)
		}
		if got := strings.TrimSpace(out); chosen == nil || got != chosen[1] {
			t.Errorf("%s picks %q; the record's first option is %v", m[1], got, chosen)
		}
	}
}
