package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/charmbracelet/colorprofile"

	"github.com/stackadvisor/stackadvisor/internal/outfile"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
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
		if ok, w := s.terminal(s.Out); ok && w > 0 {
			return w
		}
	}
	if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return report.DefaultWidth
}

// checkWritable reports, before any work, the mistakes that would make writing path fail (a
// directory that does not exist, a path that is a directory), in the words every write uses.
func checkWritable(path string) error {
	if err := outfile.CheckWritable(path); err != nil {
		return i18n.Errorf("err.cannot-write", path, err)
	}
	return nil
}

// errBrokenPipe ends a run quietly when the reader of standard output went away (stackadvisor
// … | head): the reader has what it wanted, so this is not a failure (exit 0, as ripgrep does).
var errBrokenPipe = errors.New("broken pipe")

// output is where a command's document goes: standard output, or the -o file under the rules
// of package outfile (atomic replacement of regular files, devices and FIFOs written in place).
type output struct {
	path string // "" for standard output
	file *outfile.File
	w    *bufio.Writer
	err  error
}

// openOutput opens path ("" or "-": standard output) for a document.
func openOutput(s *Streams, path string) (*output, error) {
	o := &output{}
	if toStdout(path) {
		o.w = bufio.NewWriterSize(pipeWriter{s.Out}, 64<<10)
		return o, nil
	}
	f, err := outfile.Open(path)
	if err != nil {
		return nil, failureMsg("err.cannot-write", path, unwrapPathError(err))
	}
	o.path, o.file = path, f
	o.w = bufio.NewWriterSize(pipeWriter{f}, 64<<10)
	return o, nil
}

// Write buffers p; the first error (of this or an earlier flush) is kept and returned.
func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	o.err = err
	return n, err
}

// Flush pushes out what is buffered (results of a --jq filter, as they come).
func (o *output) Flush() error {
	if o.err == nil {
		o.err = o.w.Flush()
	}
	return o.err
}

// close finishes the output after the command's work. With runErr nil (and no interrupt under
// way) it flushes and commits. Otherwise a file being replaced is aborted, so it keeps its old
// content; what streamed to standard output, a device or a FIFO is flushed, as far as it got,
// before the error is reported. It returns the error to report: runErr, an interruption, or
// what went wrong while writing.
func (o *output) close(ctx context.Context, runErr error) error {
	if errors.Is(runErr, errOutputFailed) {
		runErr = nil // o.err says what failed
	}
	if runErr == nil && ctx.Err() != nil {
		runErr = context.Cause(ctx)
	}
	inPlace := o.file == nil || o.file.Mode == outfile.InPlace
	if runErr == nil || inPlace {
		o.Flush()
	}
	if o.file == nil {
		switch {
		case runErr != nil:
			return runErr
		case errors.Is(o.err, errBrokenPipe):
			return errBrokenPipe
		case o.err != nil:
			return failureMsg("err.cannot-write-output", o.err)
		}
		return nil
	}
	if runErr != nil || o.err != nil {
		o.file.Abort()
		if runErr != nil {
			return runErr
		}
		if errors.Is(o.err, errBrokenPipe) {
			return failureMsg("err.broken-pipe", o.path)
		}
		return failureMsg("err.cannot-write", o.path, o.err)
	}
	if err := o.file.Commit(); err != nil {
		return failureMsg("err.cannot-write", o.path, err)
	}
	return nil
}

// pipeWriter turns EPIPE (the reader of a pipe or FIFO is gone) into errBrokenPipe.
type pipeWriter struct{ w io.Writer }

func (p pipeWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if errors.Is(err, syscall.EPIPE) {
		err = errBrokenPipe
	}
	return n, err
}

// sameFile tells whether two output paths name one file: the same path once their symlinks
// are followed, or (when both exist) the same inode.
func sameFile(a, b string) bool {
	ta, tb := filepath.Clean(outfile.Target(a)), filepath.Clean(outfile.Target(b))
	if ta == tb {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// writeFile writes data to path (the rules of package outfile), reporting every error.
func writeFile(ctx context.Context, s *Streams, path string, data []byte) error {
	o, err := openOutput(s, path)
	if err != nil {
		return err
	}
	_, _ = o.Write(data)
	return o.close(ctx, nil)
}
