//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe, directly or through a symbolic link, is refused at once, never read (which
// would wait for a writer forever); so is a socket.
func TestReadFileRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no mkfifo here:", err)
	}
	link := filepath.Join(dir, "link.md")
	os.Symlink(fifo, link)
	done := make(chan error, 2)
	go func() {
		_, err := ReadFile(fifo, 100)
		done <- err
		_, err = ReadFile(link, 100)
		done <- err
	}()
	for _, p := range []string{fifo, link} {
		select {
		case err := <-done:
			var nr *NotRegularError
			if !errors.As(err, &nr) || err.Error() != p+" is a named pipe (FIFO), not a regular file; stackadvisor reads only regular files" {
				t.Errorf("ReadFile(%s) = %v", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("ReadFile of a FIFO blocked")
		}
	}
}

// The descriptor opened is checked again: a FIFO that passes for a file at the stat (here:
// openNonblock called directly, as if swapped in after it) opens without blocking and is
// refused by the fstat.
func TestOpenNonblockFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no mkfifo here:", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := openNonblock(fifo)
		if err == nil {
			info, _ := f.Stat()
			err = check(fifo, info)
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a FIFO passed the fstat")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
}

func TestReadFileRefusesDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	_, err := ReadFile("/dev/null", 100)
	if err == nil || err.Error() != "/dev/null is a character device, not a regular file; stackadvisor reads only regular files" {
		t.Errorf("ReadFile(/dev/null) = %v", err)
	}
}
