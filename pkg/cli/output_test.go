package cli_test

import (
	"bytes"
	"runtime"
	"runtime/metrics"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

// asProgramEnv makes the test binary run as stackadvisor itself (TestMain), for tests that
// send it signals.
const asProgramEnv = "STACKADVISOR_TEST_AS_PROGRAM"

// failAfter accepts n bytes, then fails every write with err.
type failAfter struct {
	n   int
	err error
}

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, w.err
}

func runWith(out *failAfter, args ...string) (stderr string, code int) {
	var errb bytes.Buffer
	s := &cli.Streams{In: strings.NewReader(""), Out: out, Err: &errb, Env: []string{"NO_COLOR=1", "LANG=C.UTF-8"}}
	code = cli.Main(args, s)
	return errb.String(), code
}

func TestBrokenPipeIsQuiet(t *testing.T) {
	for name, args := range map[string][]string{
		"json":       {"recommend", "-f", "json"},
		"table":      {"recommend"},
		"endless jq": {"recommend", "--jq", "range(1e18)", "--jq-timeout", "0"},
		"schema":     {"schema", "report"},
	} {
		t.Run(name, func(t *testing.T) {
			stderr, code := runWith(&failAfter{n: 100, err: syscall.EPIPE}, args...)
			if code != 0 || stderr != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing said when the reader went away", code, stderr)
			}
		})
	}
}

func TestStdoutWriteErrorReported(t *testing.T) {
	// The error of a full device behind standard output, injected: no test names a real device.
	for name, args := range map[string][]string{
		"json":   {"recommend", "-f", "json"},
		"jq":     {"recommend", "--jq", ".categories[].id"},
		"schema": {"schema", "rules"},
	} {
		t.Run(name, func(t *testing.T) {
			stderr, code := runWith(&failAfter{n: 3, err: syscall.ENOSPC}, args...)
			if code != cli.ExitFailure || stderr != "stackadvisor: cannot write the output: no space left on device\n" {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}

func TestJQTimeout(t *testing.T) {
	_, stderr, code := runCLI(t, "", "recommend", "--jq", "last(repeat(1))", "--jq-timeout", "150ms")
	want := "stackadvisor: --jq: the filter was stopped after 150ms; a filter that needs longer can have it with --jq-timeout\n"
	if code != cli.ExitFailure || stderr != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
	_, stderr, code = runCLI(t, "", "recommend", "--jq", ".", "--jq-timeout", "-1s")
	if code != cli.ExitUsage || !strings.Contains(stderr, "--jq-timeout -1s is negative") {
		t.Errorf("a negative timeout: exit %d, stderr %q", code, stderr)
	}
}

func TestJQMemoryBound(t *testing.T) {
	defer cli.SetJQMemoryLimit(64 << 20)()
	_, stderr, code := runCLI(t, "", "recommend", "--jq", "[range(1e10)]", "--jq-timeout", "0")
	if code != cli.ExitFailure || !strings.HasPrefix(stderr, "stackadvisor: --jq: the filter was stopped before its memory could pass the limit of 64 MiB") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// heapSampler records the largest live heap (as of the last collection) seen while output is
// written to it.
type heapSampler struct {
	n, next, peak uint64
	sample        []metrics.Sample
}

func (h *heapSampler) Write(p []byte) (int, error) {
	h.n += uint64(len(p))
	if h.n >= h.next {
		h.next = h.n + 1<<20
		metrics.Read(h.sample)
		h.peak = max(h.peak, h.sample[0].Value.Uint64())
	}
	return len(p), nil
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func TestJQStreams(t *testing.T) {
	// range(1e6) prints about 6.9 MiB; streamed, the heap stays where it was.
	out := &heapSampler{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	runtime.GC() // what earlier tests left behind is not this run's
	before := liveHeap()
	var errb bytes.Buffer
	s := &cli.Streams{In: strings.NewReader(""), Out: out, Err: &errb, Env: []string{"NO_COLOR=1"}}
	if code := cli.Main([]string{"recommend", "--jq", "range(1e6)", "--jq-timeout", "0"}, s); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.n < 6<<20 {
		t.Fatalf("only %d bytes written", out.n)
	}
	if grew := int64(out.peak) - int64(before); grew > 3<<20 {
		t.Errorf("the live heap grew by %d MiB while %d MiB were written; the output is not streamed", grew>>20, out.n>>20)
	}
}

func TestJQResultErrors(t *testing.T) {
	// What streamed before an error stays; an unencodable result is a failure, not dropped.
	stdout, stderr, code := runCLI(t, "", "recommend", "--jq", "1, infinite, 2")
	if code != cli.ExitFailure || stdout != "1\n" || !strings.Contains(stderr, "--jq: a result cannot be written as JSON") {
		t.Errorf("infinite: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, code = runCLI(t, "", "recommend", "--jq", `.tool.name, error("boom")`)
	if code != cli.ExitUsage || stdout != "stackadvisor\n" || stderr != "stackadvisor: --jq: error: boom\n" {
		t.Errorf("error(): exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// slowWriter takes delay for every write, as a slow reader of a pipe would.
type slowWriter struct {
	delay time.Duration
	n     int
}

func (w *slowWriter) Write(p []byte) (int, error) {
	time.Sleep(w.delay)
	w.n += len(p)
	return len(p), nil
}

func TestJQTimeoutExcludesSlowReader(t *testing.T) {
	// Four copies of the report (~250 KB) go out in several flushes, each held up 300 ms by
	// the reader: far beyond the 200 ms budget, none of it the filter's own time.
	out := &slowWriter{delay: 300 * time.Millisecond}
	var errb bytes.Buffer
	s := &cli.Streams{In: strings.NewReader(""), Out: out, Err: &errb, Env: []string{"NO_COLOR=1"}}
	if code := cli.Main([]string{"recommend", "--jq", ".,.,.,.", "--jq-timeout", "200ms"}, s); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.n < 200<<10 {
		t.Errorf("only %d bytes written", out.n)
	}
}
