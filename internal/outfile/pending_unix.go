//go:build unix

package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

// renameioPending adapts renameio's PendingFile.
type renameioPending struct{ *renameio.PendingFile }

func (p renameioPending) commit() error { return p.CloseAtomicallyReplace() }
func (p renameioPending) cleanup()      { _ = p.Cleanup() }

// newPending creates the temporary file beside target (so the rename stays on one file system)
// with the permission bits of the file it replaces, or 0644 minus the umask for a new file. As
// root, the replacement also keeps the old file's owner and group; elsewhere a chown that is
// not allowed is left out, as cp and editors do.
func newPending(target string, old fs.FileInfo) (pending, error) {
	dir := filepath.Dir(target)
	pf, err := renameio.NewPendingFile(target, renameio.WithTempDir(dir), renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file in %s: %w", dir, plain(err))
	}
	if old != nil {
		if st, ok := old.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid()) {
			if err := pf.Chown(int(st.Uid), int(st.Gid)); err != nil && !errors.Is(err, fs.ErrPermission) {
				_ = pf.Cleanup()
				return nil, err
			}
		}
	}
	return renameioPending{pf}, nil
}

// syncDir makes the rename durable. File systems that cannot sync a directory say EINVAL,
// which is not a failure of the write.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
		err = nil
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
