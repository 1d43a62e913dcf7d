package cli_test

import (
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

// TestJQMemoryBoundHolds runs runaway filters under a bound of 64 MiB and samples the heap
// meanwhile: its peak stays within 1.25 times the bound, and the filter is stopped with the
// sentence that names it.
func TestJQMemoryBoundHolds(t *testing.T) {
	const bound = 64 << 20
	defer cli.SetJQMemoryLimit(bound)()
	for _, filter := range []string{
		"[range(1e10)]",
		`[limit(1e9; repeat("x"))]`,
		"[range(1e10) | tostring]",
		"[range(1e10) | {a: .}]",
		`[range(1e10) | [.]] | add`,
	} {
		t.Run(filter, func(t *testing.T) {
			runtime.GC() // the last filter's garbage is not this one's heap
			var peak atomic.Uint64
			done := make(chan struct{})
			stopped := make(chan struct{})
			go func() {
				defer close(stopped)
				s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
				for {
					select {
					case <-done:
						return
					default:
					}
					metrics.Read(s)
					if v := s[0].Value.Uint64(); v > peak.Load() {
						peak.Store(v)
					}
					time.Sleep(50 * time.Microsecond)
				}
			}()
			_, stderr, code := runCLI(t, "", "recommend", "--jq", filter, "--jq-timeout", "0")
			close(done)
			<-stopped
			if code != cli.ExitFailure || !strings.HasPrefix(stderr, "stackadvisor: --jq: the filter was stopped before its memory could pass the limit of 64 MiB") {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
			t.Logf("peak heap %.1f MiB (%.2f × the bound)", float64(peak.Load())/(1<<20), float64(peak.Load())/bound)
			if p := peak.Load(); p > bound*5/4 {
				t.Errorf("the heap peaked at %d MiB, more than 1.25 × the bound of %d MiB", p>>20, bound>>20)
			}
		})
	}
}
