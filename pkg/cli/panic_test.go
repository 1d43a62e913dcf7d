package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

// TestPanicIsOneLineAndLeavesNoTemporaryFile: a panic while the report is written to -o
// becomes exit 70 with one line on stderr, no stack trace, the old file as it was and no
// temporary file beside it.
func TestPanicIsOneLineAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.json")
	if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer cli.SetBeforeRender(func() { panic("strings: negative Repeat count\ngoroutine 1 [running]:\nmain.main()") })()
	var out, errb bytes.Buffer
	s := &cli.Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: []string{"NO_COLOR=1"}}
	code := cli.Main([]string{"recommend", "--categories", "engine", "-f", "json", "-o", target}, s)
	if code != 70 {
		t.Fatalf("exit %d, want 70; stderr %q", code, errb.String())
	}
	msg := errb.String()
	if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "stackadvisor: internal error (strings: negative Repeat count); please report it") {
		t.Errorf("stderr is not the one line of an internal error: %q", msg)
	}
	if strings.Contains(msg, "goroutine") {
		t.Errorf("stderr shows the stack: %q", msg)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v after the panic, want only report.json", names)
	}
	if data, _ := os.ReadFile(target); string(data) != "old\n" {
		t.Errorf("report.json is %q after the panic, want it as it was", data)
	}
}
