package detect

import (
	"context"
	"errors"
	"os/exec"
	"time"
)

// The bounds of the command probes (--detect reading today's stack off docker, kubectl and
// the GPU tools).
const (
	// CommandTimeout is how long one command may take before it is killed.
	CommandTimeout = 2 * time.Second
	// CommandsBudget bounds all the command probes together (they run side by side, a few
	// one after another).
	CommandsBudget = 6 * time.Second
	// CommandOutputBytes is the most of a command's standard output that is read.
	CommandOutputBytes = 1 << 20
	// commandWaitDelay is how long a killed command's pipes are waited for, should a child it
	// started still hold them.
	commandWaitDelay = 250 * time.Millisecond
)

// Runner runs a program found on PATH with args and returns its standard output. ExecRunner
// is the real one; tests may give another.
type Runner interface {
	Run(ctx context.Context, name string, args ...string) ([]byte, error)
}

// The errors of a Runner the probes tell apart (besides the context's own, on a timeout).
var (
	// ErrNotFound: the program is not on PATH. A missing tool is no warning.
	ErrNotFound = errors.New("not found on PATH")
	// ErrTooLarge: the program wrote more than CommandOutputBytes.
	ErrTooLarge = errors.New("output too large")
)

// ExitError is a program that ended with a non-zero status.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return "exit status" }

// ExecRunner runs programs with os/exec: found with exec.LookPath, no shell, standard input
// empty, standard error discarded, standard output read to CommandOutputBytes, killed when ctx
// ends.
type ExecRunner struct{}

// Run implements Runner.
func (ExecRunner) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, ErrNotFound // also a name found only relative to the current folder
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin, cmd.Stderr = nil, nil // /dev/null both
	out := &boundedBuffer{max: CommandOutputBytes}
	cmd.Stdout = out
	cmd.WaitDelay = commandWaitDelay
	ownGroup(cmd) // on a timeout the children it started go too (a credential plugin, a sleep)
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return nil, &ExitError{Code: ee.ExitCode()}
	case err != nil:
		return nil, err
	case out.over:
		return nil, ErrTooLarge
	}
	return out.buf, nil
}

// boundedBuffer keeps the first max bytes written to it and drops the rest, still accepting
// them so that the writer is never blocked.
type boundedBuffer struct {
	buf  []byte
	max  int
	over bool
}

func (b *boundedBuffer) Write(p []byte) (int, error) {
	if room := b.max - len(b.buf); room < len(p) {
		b.buf = append(b.buf, p[:max(room, 0)]...)
		b.over = true
		return len(p), nil
	}
	b.buf = append(b.buf, p...)
	return len(p), nil
}
