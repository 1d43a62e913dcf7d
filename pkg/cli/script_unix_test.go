//go:build unix

package cli_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// fileCmds make and inspect the files that -o must treat with care. None of them names a real
// device path: device nodes are made inside the script's own directory.
var fileCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"mkfifo":   cmdMkfifo,
	"chardev":  cmdChardev,
	"filetype": cmdFiletype,
	"perm":     cmdPerm,
}

// mkfifo NAME makes a FIFO.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo NAME")
	}
	ts.Check(syscall.Mkfifo(ts.MkAbs(args[0]), 0o600))
}

// chardev NAME null|full makes a character device node with the numbers of Linux's null or
// full device, in the script's directory (guard it with [mknod]).
func cmdChardev(ts *testscript.TestScript, neg bool, args []string) {
	minor := map[string]int{"null": 3, "full": 7}
	if neg || len(args) != 2 || minor[args[1]] == 0 {
		ts.Fatalf("usage: chardev NAME null|full")
	}
	ts.Check(syscall.Mknod(ts.MkAbs(args[0]), syscall.S_IFCHR|0o666, 1<<8|minor[args[1]]))
}

// filetype PATH regular|symlink|fifo|chardev checks what PATH itself is (not following a link).
func cmdFiletype(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: filetype PATH regular|symlink|fifo|chardev")
	}
	info, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	m := info.Mode()
	got := map[string]bool{
		"regular": m.IsRegular(),
		"symlink": m&fs.ModeSymlink != 0,
		"fifo":    m&fs.ModeNamedPipe != 0,
		"chardev": m&fs.ModeCharDevice != 0,
	}
	if got[args[1]] == neg {
		ts.Fatalf("%s is %v; want %s%s", args[0], m.Type(), map[bool]string{true: "not "}[neg], args[1])
	}
}

// perm PATH MODE checks the permission bits (octal) of PATH.
func cmdPerm(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: perm PATH MODE")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	info, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := info.Mode().Perm(); got != fs.FileMode(want) {
		ts.Fatalf("%s has mode %o, want %o", args[0], got, want)
	}
}

// canMknod tells whether a device node can be made and opened here: root on Linux, with
// CAP_MKNOD and a temporary directory not mounted nodev.
var canMknod = sync.OnceValue(func() bool {
	if os.Geteuid() != 0 || runtime.GOOS != "linux" {
		return false
	}
	dir, err := os.MkdirTemp("", "mknod")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "null")
	if syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3) != nil {
		return false
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
})
