package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

const repoRoot = "../.."

// readDir reads the rule files of a folder of the repository, named as from the repo root.
func readDir(t *testing.T, dir string) []knowledge.File {
	t.Helper()
	files, err := knowledge.ReadFS(os.DirFS(filepath.Join(repoRoot, dir)), ".", dir+"/")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEmbeddedBaseIsValid(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatalf("the embedded knowledge base does not validate:\n%v", err)
	}
	if b.Version == "" || !strings.HasPrefix(b.Digest, "sha256:") {
		t.Errorf("version %q, digest %q", b.Version, b.Digest)
	}
}

func TestMiniBaseLoads(t *testing.T) {
	b, err := knowledge.Load(readDir(t, "testdata/rules/mini"))
	if err != nil {
		t.Fatalf("mini base: %v", err)
	}
	if got := len(b.Categories); got != 2 {
		t.Fatalf("categories: %d, want 2", got)
	}
	safe := b.Candidate("safe")
	if safe == nil || len(safe.Corrections) != 1 || safe.Corrections[0].ID != "safe-speed" {
		t.Fatalf("corrections of safe: %+v", safe)
	}
}

var wantRe = regexp.MustCompile(`^# want: (\d+):(\d+): (.+)$`)

// TestBrokenRuleFiles loads each file of testdata/rules/broken on top of the mini base and
// checks that it is rejected with exactly one problem at the position and with the message
// its first line announces.
func TestBrokenRuleFiles(t *testing.T) {
	mini := readDir(t, "testdata/rules/mini")
	broken := readDir(t, "testdata/rules/broken")
	if len(broken) < 15 {
		t.Fatalf("only %d broken files", len(broken))
	}
	for _, f := range broken {
		t.Run(filepath.Base(f.Name), func(t *testing.T) {
			first, _, _ := strings.Cut(string(f.Data), "\n")
			m := wantRe.FindStringSubmatch(first)
			if m == nil {
				t.Fatalf("first line must be '# want: LINE:COL: message', found %q", first)
			}
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			_, err := knowledge.Load(append(append([]knowledge.File(nil), mini...), f))
			var probs knowledge.Problems
			if !errors.As(err, &probs) {
				t.Fatalf("loaded without problems (err %v)", err)
			}
			if len(probs) != 1 {
				t.Errorf("want exactly one problem, got %d:\n%v", len(probs), probs)
			}
			p := probs[0]
			if p.Pos.File != f.Name || p.Pos.Line != line || p.Pos.Col != col || !strings.Contains(p.Msg, m[3]) {
				t.Errorf("got  %s\nwant %s:%d:%d: …%s…", p, f.Name, line, col, m[3])
			}
		})
	}
}
