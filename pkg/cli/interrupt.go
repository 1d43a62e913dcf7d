package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/stackadvisor/stackadvisor/internal/outfile"
)

// interruptError is the cause of the run's context when SIGINT or SIGTERM arrives.
type interruptError struct {
	code int
	word string
}

func (e *interruptError) Error() string { return e.word }

// interruptFor maps a signal to its exit code (128 + the signal's number) and word.
func interruptFor(sig os.Signal) *interruptError {
	if sig == syscall.SIGTERM {
		return &interruptError{code: ExitTerminated, word: "terminated"}
	}
	return &interruptError{code: ExitInterrupted, word: "interrupted"}
}

// forceExitAfter is how long a run may take to wind down after a signal before it is ended
// for it: long enough to abort a write, short enough to feel immediate. A run blocked where no
// context reaches (a prompt's read, opening a FIFO nobody reads) ends this way.
const forceExitAfter = 300 * time.Millisecond

// handleSignals cancels the returned context with an *interruptError on SIGINT or SIGTERM, so
// the run stops its work, removes its temporary files and returns 130 or 143. If the run has
// not returned within forceExitAfter, or a second signal arrives, the handler removes every
// pending temporary file itself and exits with the same code. stop must be called when the
// run returns.
func handleSignals(parent context.Context, errOut io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	ignoreBrokenPipe()
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-ch:
		case <-done:
			return
		}
		ie := interruptFor(sig)
		cancel(ie)
		select {
		case <-done:
			return
		case <-ch:
		case <-time.After(forceExitAfter):
		}
		msg := ie.word
		if paths := outfile.CleanupAll(); len(paths) > 0 {
			msg += "; " + strings.Join(paths, ", ") + " left as it was"
		}
		fmt.Fprintf(errOut, "\nstackadvisor: %s\n", msg)
		os.Exit(ie.code)
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// asInterrupt returns the exit error of an interrupted run: err if it already says so, else
// the signal's own.
func asInterrupt(ctx context.Context, err error) (*ExitError, bool) {
	var ie *interruptError
	if !errors.As(context.Cause(ctx), &ie) && !errors.As(err, &ie) {
		return nil, false
	}
	var ee *ExitError
	if errors.As(err, &ee) && ee.Code == ie.code {
		return ee, true
	}
	return &ExitError{Code: ie.code, Err: ie, NoHint: true}, true
}
