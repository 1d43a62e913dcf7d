package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
)

// newFiles are the temporary files of CreateNew calls under way, which CleanupAll removes.
var (
	newFiles = map[string]bool{}
	tmpSeq   atomic.Int64
)

// CreateNew writes data to path, which must not exist yet, all or nothing: the data goes to a
// temporary file in the same directory (created 0644 minus the umask), is synced, and is then
// hard-linked to path, which fails with an error matching os.ErrExist when path exists
// (another process took the name first); the temporary file is removed either way, and an
// interrupted run (CleanupAll) leaves nothing behind. Where the file system has no hard links
// the data is written to path created exclusively, and removed again if the write fails. It
// is how `adr new` writes a numbered record: never over another one, never half of one.
func CreateNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	var tmp *os.File
	var name string
	for range 100 {
		name = filepath.Join(dir, "."+filepath.Base(path)+"."+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(tmpSeq.Add(1), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("cannot create %s: %w", path, plain(err))
		}
		tmp = f
		break
	}
	if tmp == nil {
		return fmt.Errorf("cannot create a temporary file beside %s", path)
	}
	mu.Lock()
	newFiles[name] = true
	mu.Unlock()
	defer func() {
		mu.Lock()
		delete(newFiles, name)
		mu.Unlock()
		os.Remove(name)
	}()
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, plain(err))
	}
	err := os.Link(name, path)
	switch {
	case err == nil:
		return syncDir(dir)
	case errors.Is(err, os.ErrExist):
		return fmt.Errorf("%s: %w", path, os.ErrExist)
	}
	// No hard links here: write path itself, created exclusively.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: %w", path, os.ErrExist)
		}
		return fmt.Errorf("cannot create %s: %w", path, plain(err))
	}
	_, werr = f.Write(data)
	serr = f.Sync()
	cerr = f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path) // no half-written file
		return fmt.Errorf("cannot write %s: %w", path, plain(err))
	}
	return syncDir(dir)
}
