//go:build unix

package cli_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// program starts the test binary as stackadvisor (see TestMain) in dir.
func program(t *testing.T, dir string, args ...string) (*exec.Cmd, io.ReadCloser, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asProgramEnv+"=1", "NO_COLOR=1", "LANG=C.UTF-8")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, stdout, &stderr
}

// exitCode waits for cmd, at most 10 s.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not end after the signal")
		return -1
	}
}

// TestInterruptStopsJQ: Ctrl-C stops a filter that would never end, at once, with 130.
func TestInterruptStopsJQ(t *testing.T) {
	cmd, stdout, stderr := program(t, t.TempDir(), "recommend", "--jq", "range(1e18)", "--jq-timeout", "0")
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil { // it is running
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, stdout)
	if code := exitCode(t, cmd); code != 130 {
		t.Errorf("exit %d after SIGINT, want 130; stderr %q", code, stderr.String())
	}
	if !strings.HasSuffix(stderr.String(), "stackadvisor: interrupted\n") {
		t.Errorf("stderr %q", stderr.String())
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the filter took %s to stop", took)
	}
}

// TestTerminateKeepsOldFile: SIGTERM while the report goes to a file: exit 143, the old
// content kept, no temporary file left.
func TestTerminateKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, _, stderr := program(t, dir, "recommend", "--jq", "range(1e18)", "--jq-timeout", "0", "-o", "out.txt")
	// The temporary file appears beside out.txt once the program is writing.
	deadline := time.Now().Add(10 * time.Second)
	for !hasTemp(t, dir) {
		if time.Now().After(deadline) {
			t.Fatalf("no temporary file appeared; stderr %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd); code != 143 {
		t.Errorf("exit %d after SIGTERM, want 143; stderr %q", code, stderr.String())
	}
	if stderr.String() != "stackadvisor: terminated\n" {
		t.Errorf("stderr %q", stderr.String())
	}
	if b, _ := os.ReadFile(out); string(b) != "old\n" {
		t.Errorf("out.txt holds %q, want the old content", b)
	}
	if hasTemp(t, dir) {
		t.Error("the temporary file was left behind")
	}
}

func hasTemp(t *testing.T, dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".out.txt") {
			return true
		}
	}
	return false
}

// TestInterruptBlockedPrompt: a prompt waiting for a line ends on Ctrl-C at once, with 130, and
// writes nothing.
func TestInterruptBlockedPrompt(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "wizard", "--accessible", "--save", "answers.yaml")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asProgramEnv+"=1", "NO_COLOR=1", "LANG=C.UTF-8")
	stdin, err := cmd.StdinPipe() // held open: the prompt waits
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	// The first prompt ends with "? " or a colon; wait until something is asked.
	got := make([]byte, 1)
	if _, err := io.ReadFull(stderr, got); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stderr)
	if code := exitCode(t, cmd); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	// The prompt waits on the context as well as on the input: the wizard ends through it,
	// not through Run's fallback.
	if lastLine(string(rest)) != "stackadvisor: interrupted; nothing was written" {
		t.Errorf("stderr ends %q", lastLine(string(rest)))
	}
	if _, err := os.Stat(filepath.Join(dir, "answers.yaml")); err == nil {
		t.Error("answers.yaml was written")
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndex(s, "\n")+1:]
}

// TestJQTimeoutStopsALongBuiltin: one builtin call that runs for seconds is not waited for.
func TestJQTimeoutStopsALongBuiltin(t *testing.T) {
	start := time.Now()
	cmd, stdout, stderr := program(t, t.TempDir(), "recommend", "--jq", `"a"*2e7 | test("(a|aa)*b")`, "--jq-timeout", "100ms")
	go io.Copy(io.Discard, stdout)
	if code := exitCode(t, cmd); code != 1 || !strings.Contains(stderr.String(), "the filter was stopped after 100ms") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the filter took %s to stop", took)
	}
}
