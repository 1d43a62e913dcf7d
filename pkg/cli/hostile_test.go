package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

func TestNextNumber(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{nil, "1"},
		{[]string{"README.md", "notes.txt"}, "1"},
		{[]string{"0001-a.md", "0003-b.md", "0002-c.md"}, "4"},
		{[]string{"00077-x.md", "0003-y.md"}, "78"},
		{[]string{"9999-x.md"}, "10000"},
		{[]string{"0999-notes.txt", "0002-a.md"}, "3"},
		{[]string{"0000-zero.md"}, "1"},
		{[]string{"99999999999999999999999-huge.md"}, "100000000000000000000000"},
		{[]string{"12-a.md", "9-b.md"}, "13"},
	} {
		if got := nextNumber(tc.names); got != tc.want {
			t.Errorf("nextNumber(%v) = %s, want %s", tc.names, got, tc.want)
		}
	}
	for n, want := range map[string]string{"1": "0001", "78": "0078", "10000": "10000"} {
		if got := padNumber(n); got != want {
			t.Errorf("padNumber(%s) = %s, want %s", n, got, want)
		}
	}
}

// repo makes a repository (a folder with .git) with a records folder, and a folder outside it.
func repo(t *testing.T) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	if real, err := filepath.EvalSymlinks(base); err == nil {
		base = real
	}
	root, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(root, ".git"), filepath.Join(root, "docs", "adr"), filepath.Join(root, "policy"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("SECRET: 1\n"), 0o600)
	os.WriteFile(filepath.Join(root, "policy", "a.yaml"), []byte("category: sandbox\nrules: []\n"), 0o644)
	os.WriteFile(filepath.Join(root, "one.yaml"), []byte("category: sandbox\nrules: []\n"), 0o644)
	return root, outside
}

func TestRepositoryOf(t *testing.T) {
	root, outside := repo(t)
	if got := repositoryOf(filepath.Join(root, "docs", "adr", "0001-x.md")); got != root {
		t.Errorf("repositoryOf a record in a repository = %s, want %s", got, root)
	}
	if got := repositoryOf(filepath.Join(outside, "0001-x.md")); got != outside {
		t.Errorf("repositoryOf a record in no repository = %s, want its folder %s", got, outside)
	}
}

func TestRecordOverlayRules(t *testing.T) {
	root, outside := repo(t)
	os.Symlink(outside, filepath.Join(root, "out-link"))
	os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "secret-link.yaml"))
	os.Symlink("policy", filepath.Join(root, "policy-link"))
	os.Symlink("loop.yaml", filepath.Join(root, "loop.yaml"))
	for p, want := range map[string]string{
		"/etc/passwd":               "the record's overlay /etc/passwd is an absolute path",
		filepath.Join(outside, "x"): "is an absolute path",
		"../outside/secret.yaml":    "the record's overlay ../outside/secret.yaml leaves the repository;",
		"policy/../../outside":      "leaves the repository;",
		"out-link/secret.yaml":      "the record's overlay out-link/secret.yaml leaves the repository through a symbolic link",
		"secret-link.yaml":          "leaves the repository through a symbolic link",
		"nothing.yaml":              "the record's overlay nothing.yaml does not exist in the repository",
		"loop.yaml":                 "the record's overlay loop.yaml is a symbolic link loop",
		"a\x00b":                    `the record's overlay "ab" has control characters`,
		"a\nb.yaml":                 "has control characters",
		"":                          "the record names an empty overlay path",
		strings.Repeat("x", 500):    "cannot be resolved inside the repository",
	} {
		_, err := recordOverlay(root, p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("recordOverlay(%.40q) = %v, want %q", p, err, want)
		}
		if err != nil && (strings.Contains(err.Error(), strings.Repeat("x", 61)) || strings.ContainsAny(err.Error(), "\x00\n")) {
			t.Errorf("recordOverlay(%.40q): the error quotes too much: %q", p, err)
		}
	}
	for _, p := range []string{"one.yaml", "policy", "policy/", "policy-link", "./policy/a.yaml", "."} {
		src, err := recordOverlay(root, p)
		if err != nil {
			t.Errorf("recordOverlay(%q): %v", p, err)
			continue
		}
		if src.name != p || src.inside != root || !within(root, src.path) {
			t.Errorf("recordOverlay(%q) = %+v", p, src)
		}
	}
}

// A folder found through a record is checked file by file: a link in it that leaves the
// repository is refused, and nothing of the file it points to is read.
func TestRecordOverlayFolderLinkOut(t *testing.T) {
	root, outside := repo(t)
	os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "policy", "b.yaml"))
	src, err := recordOverlay(root, "policy")
	if err != nil {
		t.Fatal(err)
	}
	_, err = layersFrom([]overlaySource{src})
	if err == nil || !strings.Contains(err.Error(), "the record's overlay policy/b.yaml leaves the repository through a symbolic link") || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("a folder with a link out: %v", err)
	}
}

// The overlays of one run hold at most limits.OverlayBytes of rule files together.
func TestOverlayBytesLimit(t *testing.T) {
	dir := t.TempDir()
	line := "# " + strings.Repeat("p", 97) + "\n"
	body := "category: sandbox\nrules: []\n" + strings.Repeat(line, (limits.FileBytes-100)/len(line))
	var paths []string
	for i := range limits.OverlayBytes/limits.FileBytes + 1 {
		p := filepath.Join(dir, fmt.Sprintf("o%d.yaml", i))
		os.WriteFile(p, []byte(body), 0o644)
		paths = append(paths, p)
	}
	if _, err := layersFrom(sourcesOf(paths[:limits.OverlayBytes/limits.FileBytes])); err != nil {
		t.Errorf("overlays under the limit: %v", err)
	}
	_, err := layersFrom(sourcesOf(paths))
	if err == nil || !strings.Contains(err.Error(), "the overlays together hold more rule-file bytes than the limit of 8 MiB") {
		t.Errorf("overlays over the limit: %v", err)
	}
}

// A records folder gives at most limits.FolderFiles records; more is a usage error naming the
// limit.
func TestRecordFolderLimit(t *testing.T) {
	dir := t.TempDir()
	for i := range limits.FolderFiles + 1 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d-x.md", i)), nil, 0o644)
	}
	t.Chdir(dir)
	_, stderr, code := run("adr", "check", ".")
	if code != ExitUsage || !strings.Contains(stderr, "holds more than 1000 .md files, the limit of files per folder") {
		t.Errorf("a folder over the limit: exit %d: %s", code, stderr)
	}
}

// A record over limits.RecordBytes is read only to one byte past it, and says it is too large.
func TestRecordOverLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "0001-big.md")
	os.WriteFile(p, append([]byte("<!-- stackadvisor:record\n{"), bytes.Repeat([]byte(" "), limits.RecordBytes)...), 0o644)
	stdout, _, code := run("adr", "check", p)
	if code != ExitFailure || !strings.Contains(stdout, "invalid: the record is larger than the limit of 1 MiB") {
		t.Errorf("a record over the limit: exit %d: %s", code, stdout)
	}
}

// Standard input named as the answers file is read, with the size limit.
func TestAnswersFromStdin(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main([]string{"recommend", "--answers", "/dev/stdin", "--categories", "sandbox", "-f", "json"},
		&Streams{In: strings.NewReader("tenancy: untrusted\n"), Out: &out, Err: &errb, Env: []string{"LANG=C.UTF-8"}})
	if code != 0 || !strings.Contains(out.String(), `"tenancy"`) {
		t.Errorf("answers from stdin: exit %d: %s", code, errb.String())
	}
	big := strings.NewReader("tenancy: untrusted\n#" + strings.Repeat("x", limits.FileBytes))
	errb.Reset()
	code = Main([]string{"recommend", "--answers", "/dev/stdin"}, &Streams{In: big, Out: &out, Err: &errb, Env: []string{"LANG=C.UTF-8"}})
	if code != ExitUsage || !strings.Contains(errb.String(), "larger than the limit of 1 MiB") {
		t.Errorf("too large answers from stdin: exit %d: %s", code, errb.String())
	}
	if want := len("tenancy: untrusted\n#") - 1; big.Len() != want {
		t.Errorf("standard input was read to %d bytes before its end, want %d (one byte past the limit)", big.Len(), want)
	}
}
