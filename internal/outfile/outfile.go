// Package outfile is the one way stackadvisor writes a file the user named (-o, --save): a
// regular file is replaced atomically, anything else (a device, a FIFO, a terminal,
// /dev/stdout) is written in place, and no failure leaves a temporary file or half a file.
//
// The rules, which README's "Output files" section states for users:
//   - a symlink is followed: its target is replaced, in the target's directory, and the link
//     stays a link (a dangling link's target is created);
//   - an existing regular file is replaced atomically (temporary file, fsync, rename, fsync of
//     the directory), keeping its permission bits and, where allowed, its owner and group; a new
//     file gets 0644 minus the umask;
//   - an existing file that is not regular (character or block device, FIFO, socket, a
//     /proc/self/fd link) is opened and written in place, never renamed over or removed;
//   - a directory is an error;
//   - every write, sync and close error is returned; Abort and CleanupAll remove the temporary
//     file, so a failed or interrupted run leaves the old content as it was.
//
// The atomic replacement is google/renameio's on Unix (a pending file renamed into place).
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Mode says how a File reaches its destination.
type Mode int

const (
	// Replace writes a temporary file beside the destination and renames it into place.
	Replace Mode = iota
	// InPlace writes to the opened destination itself (a device, FIFO or terminal).
	InPlace
)

// pending is a temporary file waiting to replace its destination.
type pending interface {
	io.Writer
	// commit syncs and closes the temporary file and renames it over the destination.
	commit() error
	// cleanup closes and removes the temporary file; it is a no-op after commit.
	cleanup()
}

// File is an output being written. It is not safe for concurrent use, except that CleanupAll
// may run at any time (from a signal handler).
type File struct {
	// Path is the name the user gave; Target is the file that is written (Path with its
	// symlinks resolved).
	Path, Target string
	Mode         Mode

	tmp  pending  // Replace
	dst  *os.File // InPlace
	w    io.Writer
	err  error // the first write error; every later Write returns it
	id   int
	done bool
}

var (
	mu      sync.Mutex // held while a File commits, aborts or is cleaned up
	live    = map[int]*File{}
	nextID  int
	errDone = errors.New("the output is already closed")
)

// Open prepares path for writing. Nothing is changed on disk before Commit, except that a
// Replace file has its temporary file, and an InPlace file is opened (which for a FIFO waits
// for a reader, as any writer does).
func Open(path string) (*File, error) {
	if path == "" || path == "-" {
		return nil, errors.New("standard output is not a file to open")
	}
	f := &File{Path: path}
	target, info, err := resolve(path)
	if err != nil {
		return nil, err
	}
	f.Target = target
	switch {
	case info != nil && info.IsDir():
		return nil, fmt.Errorf("it is a directory")
	case info != nil && info.Mode()&fs.ModeSocket != 0:
		return nil, fmt.Errorf("it is a socket, which cannot be written as a file")
	case info != nil && (!info.Mode().IsRegular() || viaProcFD(target)):
		// A device, FIFO or terminal, or a /proc/self/fd link (whose target may be a pipe
		// or the shell's own redirection): open what is there and write into it. O_APPEND
		// makes `-o /dev/stdout >> log` append, as the shell's redirection asked.
		flag := os.O_WRONLY
		if info.Mode().IsRegular() {
			flag |= os.O_APPEND
		}
		dst, err := os.OpenFile(target, flag, 0)
		if err != nil {
			return nil, plain(err)
		}
		f.Mode, f.dst, f.w = InPlace, dst, dst
	default:
		tmp, err := newPending(target, info)
		if err != nil {
			return nil, plain(err)
		}
		f.Mode, f.tmp, f.w = Replace, tmp, tmp
	}
	mu.Lock()
	nextID++
	f.id = nextID
	live[f.id] = f
	mu.Unlock()
	return f, nil
}

// Write writes to the temporary file or the destination; after the first error every Write
// returns that error.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.done {
		return 0, errDone
	}
	n, err := f.w.Write(p)
	if err != nil {
		f.err = plain(err)
	}
	return n, f.err
}

// Commit finishes the output: for Replace, the temporary file is synced, closed and renamed
// over the target, then the directory is synced; for InPlace, the destination is closed. On
// any error the temporary file is removed and the target keeps its old content.
func (f *File) Commit() error {
	mu.Lock()
	defer mu.Unlock()
	if f.done {
		return errDone
	}
	delete(live, f.id)
	f.done = true
	if f.err != nil {
		f.release()
		return f.err
	}
	if f.Mode == InPlace {
		return plain(f.dst.Close())
	}
	if err := f.tmp.commit(); err != nil {
		f.tmp.cleanup()
		return plain(err)
	}
	if err := syncDir(filepath.Dir(f.Target)); err != nil {
		return fmt.Errorf("it was replaced, but its directory could not be synced, so the change may not survive a crash: %w", plain(err))
	}
	return nil
}

// Abort gives the output up: a temporary file is removed; an InPlace destination is closed
// (what was written to a device or FIFO cannot be taken back).
func (f *File) Abort() {
	mu.Lock()
	defer mu.Unlock()
	if f.done {
		return
	}
	delete(live, f.id)
	f.done = true
	f.release()
}

func (f *File) release() {
	if f.Mode == InPlace {
		f.dst.Close()
		return
	}
	f.tmp.cleanup()
}

// CleanupAll aborts every File not yet committed or aborted and returns their paths; a signal
// handler calls it before the process exits. It waits for a Commit under way to finish, so a
// destination is never left between its old and its new content.
func CleanupAll() []string {
	mu.Lock()
	defer mu.Unlock()
	var paths []string
	for id, f := range live {
		delete(live, id)
		f.done = true
		f.release()
		paths = append(paths, f.Path)
	}
	for name := range newFiles { // CreateNew's temporary files: the record never appears
		delete(newFiles, name)
		os.Remove(name)
	}
	return paths
}

// CheckWritable reports, before any work is done, the mistakes that would make writing path
// fail: a directory that does not exist, or a path that is a directory or a socket. It opens
// nothing (a FIFO would wait for its reader).
func CheckWritable(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	_, info, err := resolve(path)
	if err != nil {
		return err
	}
	switch {
	case info == nil:
	case info.IsDir():
		return fmt.Errorf("it is a directory")
	case info.Mode()&fs.ModeSocket != 0:
		return fmt.Errorf("it is a socket, which cannot be written as a file")
	}
	return nil
}

// maxLinks bounds the symlinks followed, as the kernel's ELOOP does.
const maxLinks = 40

// resolve follows path's symlinks to the file that will be written and stats it (nil info: it
// does not exist yet). A relative link is joined to its link's directory as written, not
// cleaned, so that the kernel resolves ".." after a symlinked directory as it would for any
// program; the directory of the result is then resolved physically. A /proc/self/fd link is
// not followed by name: its target may be "pipe:[123]", which only the kernel can open.
func resolve(path string) (string, fs.FileInfo, error) {
	target := path
	for i := 0; ; i++ {
		if viaProcFD(target) {
			info, err := os.Stat(target)
			if err != nil {
				return "", nil, plain(err)
			}
			return target, info, nil
		}
		info, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", nil, plain(err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			break
		}
		if i == maxLinks {
			return "", nil, fmt.Errorf("too many levels of symbolic links")
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", nil, plain(err)
		}
		if !filepath.IsAbs(link) {
			link = rawDir(target) + string(filepath.Separator) + link
		}
		target = link
	}
	// The directory, resolved physically (symlinks and ".." by the file system, as the kernel
	// would), so the temporary file and the rename land beside the real target.
	dir, base := rawDir(target), filepath.Base(target)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	} else if errors.Is(err, fs.ErrNotExist) {
		return "", nil, fmt.Errorf("the directory %s does not exist", filepath.Clean(dir))
	} else {
		return "", nil, plain(err)
	}
	target = filepath.Join(dir, base)
	info, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return target, nil, nil
	}
	if err != nil {
		return "", nil, plain(err)
	}
	if info.Mode()&fs.ModeSymlink != 0 { // a link that appeared meanwhile: follow it again
		return resolve(target)
	}
	return target, info, nil
}

// rawDir is the directory part of path as written ("." for a bare name), without the lexical
// cleaning of filepath.Dir, which would drop "x/.." even where x is a symlink.
func rawDir(path string) string {
	i := strings.LastIndexAny(path, `/`+string(filepath.Separator))
	switch {
	case i < 0:
		return "."
	case i == 0:
		return path[:1]
	}
	return path[:i]
}

// Target follows path's symlinks as far as they lead (a dangling link's target need not exist,
// nor its directory), for a caller that makes the directory first (adr -o creates folders).
func Target(path string) string {
	target := path
	for i := 0; i < maxLinks && !viaProcFD(target); i++ {
		link, err := os.Readlink(target)
		if err != nil {
			break
		}
		if !filepath.IsAbs(link) {
			link = rawDir(target) + string(filepath.Separator) + link
		}
		target = link
	}
	return target
}

// viaProcFD tells the names of open file descriptors: /dev/stdout, /dev/stderr, /dev/fd/N and
// /proc/<pid>/fd/N.
func viaProcFD(path string) bool {
	p := filepath.ToSlash(filepath.Clean(path))
	if p == "/dev/stdout" || p == "/dev/stderr" || strings.HasPrefix(p, "/dev/fd/") {
		return true
	}
	if rest, ok := strings.CutPrefix(p, "/proc/"); ok {
		parts := strings.Split(rest, "/")
		return len(parts) >= 3 && parts[1] == "fd"
	}
	return false
}

// plain drops the *PathError wrapping of err when its path is the one the caller names
// anyway, so a message reads "no space left on device", not "write x: no space left on device".
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Op == "write" || pe.Op == "close" || pe.Op == "sync" || pe.Op == "open" || pe.Op == "lstat" || pe.Op == "stat" || pe.Op == "readlink") {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Errorf("cannot rename the temporary file into place: %w", le.Err)
	}
	return err
}
