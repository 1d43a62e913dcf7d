package cli

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestScoreNotFiniteIsAnInternalError: a score the engine cannot compute (here a weight that
// validation would never let through, set behind its back) stops the command with exit 70
// and one line, writes no report and leaves no file behind.
func TestScoreNotFiniteIsAnInternalError(t *testing.T) {
	withEmbedded(t, knowledge.EmbeddedQuestions, func() (*knowledge.Base, error) {
		files, err := knowledge.EmbeddedFiles()
		if err != nil {
			return nil, err
		}
		b, err := knowledge.Load(files) // a copy of its own, so the shared base stays as it is
		if err != nil {
			return nil, err
		}
		b.Category("engine").Criteria[0].Weight = math.Inf(1)
		return b, nil
	})
	dir := t.TempDir()
	target := filepath.Join(dir, "report.json")
	for _, args := range [][]string{
		{"recommend", "--categories", "engine", "-f", "json", "-o", target},
		{"explain", "podman"},
		{"adr", "new", "engine", dir},
	} {
		stdout, stderr, code := run(args...)
		if code != ExitInternal {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, ExitInternal, stderr)
			continue
		}
		if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "stackadvisor: internal error: a computed score is not finite (engine: ") ||
			!strings.Contains(stderr, "please report it") {
			t.Errorf("%v: stderr is not one line naming the score: %q", args, stderr)
		}
		if strings.Contains(stdout, "NaN") || strings.Contains(stdout, "Inf") {
			t.Errorf("%v: stdout shows a number that is not finite: %q", args, stdout)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %d files after the error, want none", len(entries))
	}
}
