//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openNonblock opens path for reading without blocking: opening a named pipe for reading
// would otherwise wait for a writer. A regular file read is not affected by O_NONBLOCK.
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
