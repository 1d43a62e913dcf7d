package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// colorWriter wraps w so styled text is downsampled to what the real output (the streams'
// Out) can show. Without color (--no-color, NO_COLOR, a pipe, a file, TERM=dumb) every escape
// code is stripped, text decoration included.
func colorWriter(w io.Writer, s *Streams, color bool) io.Writer {
	p := colorprofile.Detect(s.Out, s.Env)
	if !color || s.Getenv("NO_COLOR") != "" {
		p = colorprofile.NoTTY
	}
	return &colorprofile.Writer{Forward: w, Profile: p}
}

// outputWidth is the number of columns the table view may use: the terminal's width when
// standard output is one (and is written to), else COLUMNS, else the report's default.
func outputWidth(s *Streams, toStdout bool) int {
	if toStdout {
		if f, ok := s.Out.(*os.File); ok && term.IsTerminal(f.Fd()) {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
				return w
			}
		}
	}
	if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return report.DefaultWidth
}

// writeFileAtomic writes data to a temporary file beside path and renames it into place, so
// a reader never sees half a file and a failure leaves nothing behind.
// checkWritable reports, before any work, the mistakes that would make writing path fail:
// a directory that does not exist, or a path that is a directory.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("cannot write %s: the directory %s does not exist", path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("cannot write %s: it is a directory", path)
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	if err := checkWritable(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathError(err))
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathError(err))
	}
	ok = true
	return nil
}
