package cli

import (
	"os"
	"strings"
	"testing"
)

// The README's worked example of "Migrating from what you run" is what the tool prints: its
// command is run and every line of the shown output (but the "…" that stands for lines left
// out) is found, in order, in what it writes.
func TestReadmeCurrentExample(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "<!-- readme-example:current -->\n```sh\n")
	if !ok {
		t.Fatal("README.md has no <!-- readme-example:current --> block")
	}
	command, rest, _ := strings.Cut(rest, "\n```\n")
	_, rest, _ = strings.Cut(rest, "```\n")
	shown, _, _ := strings.Cut(rest, "\n```")
	args := strings.Fields(strings.ReplaceAll(command, "\\\n", " "))
	if len(args) < 2 || args[0] != "stackadvisor" {
		t.Fatalf("the example's command is %q", command)
	}
	stdout, stderr, code := run(args[1:]...)
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", command, code, stderr)
	}
	at := 0
	for _, want := range strings.Split(shown, "\n") {
		if strings.TrimSpace(want) == "…" {
			continue
		}
		i := strings.Index(stdout[at:], want+"\n")
		if i < 0 {
			t.Fatalf("README's example shows %q, which the command does not print (after what came before):\n%s", want, stdout)
		}
		at += i + len(want) + 1
	}
}
