//go:build unix

package outfile

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
)

var errNoSpace = syscall.ENOSPC

func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

func TestFIFOWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	got := make(chan string, 1)
	go func() {
		r, err := os.Open(fifo) // waits for the writer, as the writer waits for it
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	if err := write(t, fifo, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is gone or replaced: %v %v", info, err)
	}
	noTemp(t, dir, "pipe")
}

func TestFIFOReaderGone(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	opened := make(chan struct{})
	go func() {
		r, err := os.Open(fifo)
		close(opened)
		if err == nil {
			r.Close() // the reader leaves at once
		}
	}()
	f, err := Open(fifo)
	if err != nil {
		t.Fatal(err)
	}
	<-opened
	time.Sleep(50 * time.Millisecond)
	// The process may not have SIGPIPE ignored here; the Go runtime still turns the signal of
	// a non-standard descriptor into EPIPE.
	var werr error
	for i := 0; i < 100 && werr == nil; i++ {
		_, werr = f.Write(make([]byte, 1<<16))
	}
	if !errors.Is(werr, syscall.EPIPE) {
		t.Errorf("writing to a FIFO without a reader = %v, want EPIPE", werr)
	}
	if err := f.Commit(); !errors.Is(err, syscall.EPIPE) {
		t.Errorf("Commit = %v, want EPIPE", err)
	}
}

// mknod makes a character device node with the numbers of a real device (1,3 is null; 1,7 is
// full) inside the test's temporary directory, never at a real device path. It skips where
// device nodes cannot be made or opened (not root, a container without CAP_MKNOD, a nodev
// mount); TestWriteErrorReported covers the write error with an injected writer.
func mknod(t *testing.T, name string, minor int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root; TestWriteErrorReported injects the error instead")
	}
	if runtime.GOOS != "linux" {
		t.Skip("device numbers of null and full are Linux's")
	}
	path := filepath.Join(t.TempDir(), name)
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
		t.Skip("mknod is not allowed here:", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Skip("the device node cannot be opened here (nodev mount or device cgroup):", err)
	}
	f.Close()
	return path
}

func TestCharDeviceWrittenInPlace(t *testing.T) {
	null := mknod(t, "null", 3)
	if err := write(t, null, "discarded"); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(null); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device node was replaced: %v %v", info, err)
	}
	noTemp(t, filepath.Dir(null), "null")
}

func TestCharDeviceFull(t *testing.T) {
	full := mknod(t, "full", 7)
	err := write(t, full, "does not fit")
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != "no space left on device" {
		t.Errorf("writing to a full device = %v, want 'no space left on device'", err)
	}
	if info, err := os.Lstat(full); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device node was replaced: %v %v", info, err)
	}
	noTemp(t, filepath.Dir(full), "full")
}

func TestReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories anyway")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(ro, "old.json")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	for _, p := range []string{filepath.Join(ro, "new.json"), old} {
		err := write(t, p, "x")
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("writing %s = %v, want permission denied", p, err)
		}
	}
	if got := readString(t, old); got != "old" {
		t.Errorf("content %q", got)
	}
	noTemp(t, ro, "old.json")
}

func TestSocketRefused(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("unix sockets not available:", err)
	}
	defer l.Close()
	if _, err := Open(sock); err == nil || err.Error() != "it is a socket, which cannot be written as a file" {
		t.Errorf("Open(socket) = %v", err)
	}
}

func TestProcFDWrittenInPlace(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd is Linux's")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "log.txt")
	held, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := held.WriteString("first\n"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	fdPath := "/proc/self/fd/" + strconv.Itoa(int(held.Fd()))
	if err := write(t, fdPath, "second\n"); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if !os.SameFile(before, after) {
		t.Error("the file behind /proc/self/fd/N was replaced; it must be written in place")
	}
	if got := readString(t, path); got != "first\nsecond\n" {
		t.Errorf("content %q, want the output appended", got)
	}
	noTemp(t, dir, "log.txt")
}

func TestOwnerKeptAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another owner")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "theirs.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 12345, 23456); err != nil {
		t.Skip("chown not allowed here:", err)
	}
	if err := write(t, path, "new"); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 12345 || st.Gid != 23456 {
		t.Errorf("owner %d:%d after the replacement, want 12345:23456 kept", st.Uid, st.Gid)
	}
}

// TestLinkToProcFD: a symlink to a /proc/self/fd name (as to /dev/stdout) is written in place
// through the descriptor, never renamed over the /proc or /dev entry.
func TestLinkToProcFD(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd is Linux's")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "log.txt")
	held, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	before, _ := os.Stat(path)
	link := filepath.Join(dir, "lnk")
	if err := os.Symlink("/proc/self/fd/"+strconv.Itoa(int(held.Fd())), link); err != nil {
		t.Fatal(err)
	}
	if err := write(t, link, "through the link\n"); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if !os.SameFile(before, after) || readString(t, path) != "through the link\n" {
		t.Errorf("not written in place through the descriptor: %q", readString(t, path))
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

// TestRelativeLinkThroughSymlinkedDirectory: ".." in a link's target is resolved after the
// symlinked directory it sits in, as the kernel does, not lexically.
func TestRelativeLinkThroughSymlinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "deep", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("deep/sub", filepath.Join(dir, "ds")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../target.txt", filepath.Join(dir, "deep", "sub", "lk")); err != nil {
		t.Fatal(err)
	}
	if err := write(t, filepath.Join(dir, "ds", "lk"), "x"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(dir, "deep", "target.txt")); got != "x" {
		t.Errorf("deep/target.txt holds %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "target.txt")); err == nil {
		t.Error("the link was resolved lexically: ./target.txt was written")
	}
	noTemp(t, filepath.Join(dir, "deep"), "sub", "target.txt")
}

func TestTarget(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "adr.md")
	if err := os.Symlink("out/adr/0001.md", link); err != nil {
		t.Fatal(err)
	}
	if got, want := Target(link), filepath.Join(dir, "out/adr/0001.md"); filepath.Clean(got) != want {
		t.Errorf("Target = %q, want %q", got, want)
	}
	if got := Target(filepath.Join(dir, "plain.md")); got != filepath.Join(dir, "plain.md") {
		t.Errorf("Target of a plain name = %q", got)
	}
}
