//go:build unix

package detect

import (
	"os/exec"
	"syscall"
)

// ownGroup runs cmd in a process group of its own and, when its context ends, kills the whole
// group: a probe that timed out leaves nothing running behind it.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
