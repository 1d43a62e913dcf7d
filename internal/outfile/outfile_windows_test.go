//go:build windows

package outfile

import (
	"os"
	"syscall"
)

var errNoSpace = syscall.ENOSPC

func umask() os.FileMode { return 0 }
