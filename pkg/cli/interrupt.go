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

// forceExitAfter is how long a run may take to wind down after a signal before Run gives up
// on it: long enough to abort a write, short enough to feel immediate. A run blocked where no
// context reaches (a prompt's read, opening a FIFO nobody reads) ends this way.
const forceExitAfter = 300 * time.Millisecond

// runWithSignals runs main with a context that SIGINT or SIGTERM cancels with an
// *interruptError, so the run stops its work, removes its temporary files and returns 130 or
// 143. If the run has not returned within forceExitAfter, or a second signal arrives, it
// removes every pending temporary file itself and returns the signal's code without waiting
// for the run, whose goroutine ends with the process.
func runWithSignals(errOut io.Writer, main func(ctx context.Context) int) int {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	ignoreBrokenPipe()
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	result := make(chan int, 1)
	go func() { result <- main(ctx) }()
	var ie *interruptError
	var force <-chan time.Time
	for {
		select {
		case code := <-result:
			return code
		case sig := <-sigs:
			if ie == nil {
				ie = interruptFor(sig)
				cancel(ie)
				force = time.After(forceExitAfter)
				continue
			}
		case <-force:
		}
		msg := ie.word
		if paths := outfile.CleanupAll(); len(paths) > 0 {
			msg += "; " + strings.Join(paths, ", ") + " left as it was"
		}
		fmt.Fprintf(errOut, "\nstackadvisor: %s\n", msg)
		return ie.code
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
