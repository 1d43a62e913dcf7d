//go:build windows

package outfile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// osPending is a temporary file renamed over its target (renameio's temporary files are
// Unix-only; os.Rename on Windows replaces the target with MoveFileEx).
type osPending struct {
	*os.File
	target string
	closed bool
}

func newPending(target string, old fs.FileInfo) (pending, error) {
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file in %s: %w", dir, plain(err))
	}
	perm := fs.FileMode(0o644)
	if old != nil {
		perm = old.Mode().Perm()
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &osPending{File: f, target: target}, nil
}

func (p *osPending) commit() error {
	if err := p.Sync(); err != nil {
		return err
	}
	p.closed = true
	if err := p.Close(); err != nil {
		return err
	}
	return os.Rename(p.Name(), p.target)
}

func (p *osPending) cleanup() {
	if !p.closed {
		p.Close()
	}
	os.Remove(p.Name())
}

// syncDir does nothing on Windows, which has no fsync of a directory through package os; the
// rename is as durable as MoveFileEx makes it.
func syncDir(string) error { return nil }
