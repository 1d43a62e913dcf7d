package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// write opens path, writes data and commits.
func write(t *testing.T, path, data string) error {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		return err
	}
	if _, err := f.Write([]byte(data)); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// noTemp fails when dir holds anything but the names given.
func noTemp(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v (a temporary file left behind?)", dir, got, names)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := write(t, path, "new\n"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "new\n" {
		t.Errorf("content %q", got)
	}
	noTemp(t, dir, "out.json")
	if runtime.GOOS != "windows" {
		info, _ := os.Stat(path)
		if perm := info.Mode().Perm(); perm != 0o644&^umask() {
			t.Errorf("a new file has mode %o, want 0644 minus the umask (%o)", perm, 0o644&^umask())
		}
	}
}

func TestReplaceKeepsPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "secret.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil { // not what the umask gives
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := write(t, path, "new"); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if after.Mode().Perm() != 0o640 {
		t.Errorf("mode %o after the replacement, want 0640 kept", after.Mode().Perm())
	}
	if os.SameFile(before, after) {
		t.Error("a regular file was written in place; it must be replaced by a rename")
	}
	if got := readString(t, path); got != "new" {
		t.Errorf("content %q", got)
	}
	noTemp(t, dir, "secret.json")
}

func TestSymlinkFollowed(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "real")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "target.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real/target.json", link); err != nil { // relative, as ln -s makes them
		t.Skip("symlinks not available:", err)
	}
	chain := filepath.Join(dir, "chain.json")
	if err := os.Symlink(link, chain); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{link, chain} {
		if err := write(t, p, "via "+filepath.Base(p)); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(p); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a symlink", p)
		}
		if got := readString(t, target); got != "via "+filepath.Base(p) {
			t.Errorf("target holds %q after writing through %s", got, p)
		}
	}
	noTemp(t, dir, "chain.json", "link.json", "real")
	noTemp(t, sub, "target.json") // the temporary file was made beside the target
}

func TestDanglingSymlinkCreatesTarget(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("later.json", link); err != nil {
		t.Skip("symlinks not available:", err)
	}
	if err := write(t, link, "x"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(dir, "later.json")); got != "x" {
		t.Errorf("target holds %q", got)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling symlink was replaced")
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.Symlink(b, a); err != nil {
		t.Skip("symlinks not available:", err)
	}
	if err := os.Symlink(a, b); err != nil {
		t.Fatal(err)
	}
	err := write(t, a, "x")
	if err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Errorf("error %v, want a symlink loop", err)
	}
	noTemp(t, dir, "a", "b")
}

func TestDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || err.Error() != "it is a directory" {
		t.Errorf("Open(directory) = %v, want 'it is a directory'", err)
	}
	if err := CheckWritable(dir); err == nil {
		t.Error("CheckWritable(directory) = nil")
	}
	if err := CheckWritable(filepath.Join(dir, "no", "such.json")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("CheckWritable(missing directory) = %v", err)
	}
	if _, err := Open(filepath.Join(dir, "no", "such.json")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Open(missing directory) = %v", err)
	}
}

func TestAbortKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half a rep")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort() // a second Abort is harmless
	if got := readString(t, path); got != "old" {
		t.Errorf("content %q after Abort, want the old content", got)
	}
	noTemp(t, dir, "out.json")
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

func TestWriteErrorReported(t *testing.T) {
	// The write error of a full disk, injected: the run must fail, keep the old content and
	// leave no temporary file. (The real device is tested in TestCharDevice where mknod works.)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f.w = failingWriter{errNoSpace}
	if _, err := f.Write([]byte("x")); !errors.Is(err, errNoSpace) {
		t.Fatalf("Write = %v, want the injected error", err)
	}
	if _, err := f.Write([]byte("y")); !errors.Is(err, errNoSpace) {
		t.Errorf("a later Write = %v, want the first error again", err)
	}
	if err := f.Commit(); !errors.Is(err, errNoSpace) {
		t.Errorf("Commit = %v, want the write error", err)
	}
	if got := readString(t, path); got != "old" {
		t.Errorf("content %q, want the old content", got)
	}
	noTemp(t, dir, "out.json")
}

func TestCleanupAll(t *testing.T) {
	dir := t.TempDir()
	done := filepath.Join(dir, "done.json")
	if err := write(t, done, "kept"); err != nil {
		t.Fatal(err)
	}
	var open []*File
	for _, name := range []string{"a.json", "b.json"} {
		f, err := Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.Write([]byte("partial"))
		open = append(open, f)
	}
	paths := CleanupAll()
	if len(paths) != 2 {
		t.Errorf("CleanupAll aborted %v, want the two open files", paths)
	}
	noTemp(t, dir, "done.json")
	for _, f := range open {
		if err := f.Commit(); err == nil {
			t.Error("Commit after CleanupAll succeeded")
		}
	}
	if len(CleanupAll()) != 0 {
		t.Error("a second CleanupAll found files")
	}
}

func TestViaProcFD(t *testing.T) {
	for path, want := range map[string]bool{
		"/dev/stdout": true, "/dev/stderr": true, "/dev/fd/3": true, "/proc/self/fd/1": true,
		"/proc/1234/fd/7": true, "/proc/self/status": false, "/dev/full": false, "out.json": false,
		"/dev/stdout.json": false, "/procs/self/fd/1": false,
	} {
		if got := viaProcFD(path); got != want {
			t.Errorf("viaProcFD(%q) = %v, want %v", path, got, want)
		}
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }
