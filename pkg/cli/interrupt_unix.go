//go:build unix

package cli

import (
	"os/signal"
	"syscall"
)

// ignoreBrokenPipe makes a write to a pipe whose reader has gone return EPIPE instead of
// killing the process, so the run can end quietly and remove what it had not committed.
func ignoreBrokenPipe() { signal.Ignore(syscall.SIGPIPE) }
