package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"time"

	"github.com/itchyny/gojq"
	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// outputOptions are -f/--format, -o/--output and --jq, shared by every command that prints a
// document.
type outputOptions struct {
	format string
	output string
	jq     string
	// jqTimeout bounds how long the --jq filter may run (0: no limit).
	jqTimeout time.Duration
	formats   []string
	code      *gojq.Code
}

// addOutputFlags registers -f (with the formats the command supports, the first being the
// default), -o and --jq.
func addOutputFlags(cmd *cobra.Command, g *globalOptions, o *outputOptions, formats ...string) {
	o.formats = formats
	cmd.Flags().StringVarP(&o.format, "format", "f", formats[0], i18n.Tf(g.ui, "flag.format", strings.Join(formats, ", ")))
	cmd.Flags().StringVarP(&o.output, "output", "o", "", i18n.T(g.ui, "flag.output")) // README's "Output files" gives the whole rules
	cmd.Flags().StringVar(&o.jq, "jq", "", i18n.T(g.ui, "flag.jq"))
	cmd.Flags().DurationVar(&o.jqTimeout, "jq-timeout", 10*time.Second, i18n.T(g.ui, "flag.jq-timeout"))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(formats...))
	_ = cmd.RegisterFlagCompletionFunc("jq", cobra.NoFileCompletions)
}

// check validates the format and compiles --jq; a bad expression is a usage error that
// shows where it failed.
func (o *outputOptions) check(cmd *cobra.Command) error {
	if o.jqTimeout < 0 {
		return usageMsg("err.jq-timeout", o.jqTimeout)
	}
	if o.jq != "" {
		if cmd.Flags().Changed("format") && o.format != "json" {
			return usageMsg("err.jq-format", o.format)
		}
		o.format = "json"
		q, err := gojq.Parse(o.jq)
		if err != nil {
			var pe *gojq.ParseError
			if errors.As(err, &pe) {
				return usageNoHintf("--jq: %w\n  %s\n  %s^", err, o.jq, strings.Repeat(" ", max(0, pe.Offset-len(pe.Token))))
			}
			return usageErrorf("--jq: %w", err)
		}
		if o.code, err = gojq.Compile(q); err != nil {
			return usageErrorf("--jq: %w", err)
		}
	}
	if !slices.Contains(o.formats, o.format) {
		return usageMsg("err.format", o.format, strings.Join(o.formats, ", "))
	}
	return nil
}

// emit writes doc in the chosen format: JSON and YAML marshal doc; the table format calls
// text; --jq streams the filter's results. Output goes to the -o file (see openOutput) or to
// standard output.
func emit(ctx context.Context, s *Streams, g *globalOptions, o *outputOptions, doc any, text func(w io.Writer, width int) error) error {
	out, err := openOutput(s, o.output)
	if err != nil {
		return err
	}
	beforeRender()
	return out.close(ctx, render(ctx, out, s, g, o, doc, text))
}

// beforeRender runs once the output is open, before the document is rendered: a test makes it
// panic to check that a crash leaves no temporary file behind.
var beforeRender = func() {}

func render(ctx context.Context, w io.Writer, s *Streams, g *globalOptions, o *outputOptions, doc any, text func(w io.Writer, width int) error) error {
	var buf bytes.Buffer
	switch {
	case o.code != nil:
		return runJQ(ctx, w, o.code, doc, o.jqTimeout)
	case o.format == "json":
		if err := report.WriteJSON(&buf, doc); err != nil {
			return failuref("cannot encode JSON: %w", err)
		}
	case o.format == "yaml":
		if err := report.WriteYAML(&buf, doc); err != nil {
			return failuref("cannot encode YAML: %w", err)
		}
	default:
		cw := colorWriter(&buf, s, toStdout(o.output) && !g.noColor)
		if err := text(cw, outputWidth(s, toStdout(o.output))); err != nil {
			return failuref("cannot render: %w", err)
		}
	}
	_, err := w.Write(buf.Bytes())
	return writeErr(err)
}

// toStdout tells the names of standard output: none, "-", and the names of file descriptor 1,
// which are written through the stream itself so that its offset and mode (the shell's > or
// >>) are the ones used.
func toStdout(path string) bool {
	switch path {
	case "", "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// errOutputFailed stops a command's work when writing its output failed; output.close then
// reports the write error itself, with the output's name.
var errOutputFailed = errors.New("the output failed")

// writeErr turns the error of a write to the output into errOutputFailed.
func writeErr(err error) error {
	if err != nil {
		return errOutputFailed
	}
	return nil
}

// jqMemoryLimit bounds the heap a --jq filter may build up ([range(1e9)] would take all the
// machine has); a variable so that a test can lower it.
var jqMemoryLimit uint64 = limits.JQMemoryBytes

// jqFlushDelay is how long a result may wait in the output buffer while the filter computes
// the next one: results show as they come, without a write per result.
const jqFlushDelay = 20 * time.Millisecond

// flusher is an output whose buffered results can be pushed out (output does it).
type flusher interface{ Flush() error }

// runJQ filters doc (as JSON) through a compiled jq program, writing each result as it comes:
// strings raw, other values as indented JSON, one per line. The filter runs in a goroutine of
// its own, so it stops at once when ctx ends (an interrupt) or its heap grows past
// jqMemoryLimit, even inside one long builtin; and after timeout (0: no limit) of its own time:
// the time spent waiting for a slow reader of the output does not count.
func runJQ(ctx context.Context, w io.Writer, code *gojq.Code, doc any, timeout time.Duration) error {
	raw, err := json.Marshal(doc)
	if err != nil {
		return failuref("cannot encode JSON: %w", err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return failuref("cannot decode JSON: %w", err)
	}
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	// While the filter runs, the collector works to keep the process under the bound (it
	// would otherwise let garbage reach twice the live heap), so the heap seen by watchHeap
	// is mostly what the filter holds.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(jqMemoryLimit)))
	go watchHeap(ctx, stop, jqMemoryLimit)
	results := make(chan any, 64)
	go func() {
		defer close(results)
		iter := code.RunWithContext(ctx, v)
		for {
			x, ok := iter.Next()
			if !ok {
				return
			}
			select {
			case results <- x:
			case <-ctx.Done():
				return
			}
		}
	}()

	start := time.Now()
	var blocked time.Duration // spent writing: not the filter's time
	var deadline <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		deadline = t.C
	}
	fl, _ := w.(flusher)
	lastFlush := time.Now()
	var scratch bytes.Buffer
	write := func(b []byte) error {
		t0 := time.Now()
		_, err := w.Write(b)
		blocked += time.Since(t0)
		return writeErr(err)
	}
	flush := func() error {
		t0 := time.Now()
		err := fl.Flush()
		blocked += time.Since(t0)
		lastFlush = time.Now()
		return writeErr(err)
	}
	var flushSoon <-chan time.Time
	for {
		var x any
		var ok bool
		select {
		case x, ok = <-results:
		default:
			// The filter is computing: let the results so far be seen, soon.
			if fl != nil && flushSoon == nil {
				if wait := jqFlushDelay - time.Since(lastFlush); wait <= 0 {
					if err := flush(); err != nil {
						return err
					}
				} else {
					flushSoon = time.After(wait)
				}
			}
			select {
			case x, ok = <-results:
			case <-flushSoon:
				flushSoon = nil
				if err := flush(); err != nil {
					return err
				}
				continue
			case <-deadline:
				if used := time.Since(start) - blocked; used < timeout {
					deadline = time.After(timeout - used)
					continue
				}
				return failuref("--jq: the filter was stopped after %s; a filter that needs longer can have it with --jq-timeout", timeout)
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
		if !ok {
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
			return nil
		}
		if err, isErr := x.(error); isErr {
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--jq: %w", err), NoHint: true}
		}
		scratch.Reset()
		if str, isStr := x.(string); isStr {
			scratch.WriteString(str)
			scratch.WriteByte('\n')
		} else if err := report.WriteJSON(&scratch, x); err != nil {
			return failuref("--jq: a result cannot be written as JSON: %w", err)
		}
		if err := write(scratch.Bytes()); err != nil {
			return err
		}
	}
}

// jqHeapPoll is how often watchHeap looks at the heap: a filter can build up some hundred
// MiB a second, so 20 ms let it pass the bound by a fifth.
const jqHeapPoll = time.Millisecond

// jqTrip is the share of the bound at which watchHeap stops the filter. A list that grows
// allocates its next backing array, 1.25 times the last, while the last is still held: in one
// allocation, between two looks, the heap can leap to 2.25 times what the list held. Stopping
// at 0.55 of the bound keeps even that leap within 1.25 times it (0.55 × 2.25 ≈ 1.24).
// Measured with a bound of 64 MiB (TestJQMemoryBoundHolds): stopping at the whole bound let
// the heap peak at 1.22 times it, at 0.8 at 1.19 times it (under -race); at 0.55, at most 0.77.
const jqTrip = 0.55

// watchHeap cancels ctx when the heap's objects pass jqTrip of limit bytes, until ctx ends.
func watchHeap(ctx context.Context, stop context.CancelCauseFunc, limit uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	trip := uint64(float64(limit) * jqTrip)
	tick := time.NewTicker(jqHeapPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > trip {
				stop(failuref("--jq: the filter was stopped before its memory could pass the limit of %d MiB; filter the report down before collecting values into one array or string", limit>>20))
				return
			}
		}
	}
}
