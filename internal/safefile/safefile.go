// Package safefile reads files that come from the user's disk, which may be hostile
// (SECURITY.md): only regular files, never more than a limit, without blocking on a named
// pipe or a device that was put where a file was expected, and folders with a bounded number
// of entries taken. Errors name the file and what it is, never its contents; Excerpt cuts any
// text of a file that an error quotes to a short, printable piece.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

// NotRegularError is a path that is a named pipe, a device, a socket or another file that is
// not a regular file: reading one could block forever or never end.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file; stackadvisor reads only regular files", e.Path, Kind(e.Mode))
}

// Kind names the type of a file for an error: "a named pipe (FIFO)", "a socket", ….
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// TooManyError is a folder with more matching files than the limit of files per folder.
type TooManyError struct {
	Dir   string
	What  string // what was counted, e.g. ".yaml files"
	Limit int
}

func (e *TooManyError) Error() string {
	return fmt.Sprintf("%s holds more than %d %s, the limit of files per folder", e.Dir, e.Limit, e.What)
}

// check refuses what is not a regular file; a folder is the usual "is a directory" error.
func check(path string, info fs.FileInfo) error {
	if info.IsDir() {
		return &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	}
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return nil
}

// CheckRegular stats path (following symbolic links) and refuses anything but a regular file.
func CheckRegular(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return check(path, info)
}

// ReadFile reads the regular file at path, at most limit+1 bytes, so that the caller can tell
// a file over the limit (longer than limit) from one at it. The file is checked twice: by a
// stat before it is opened, and by an fstat of what was opened — which is opened without
// blocking (O_NONBLOCK on unix), so a named pipe swapped in between cannot hang the read.
func ReadFile(path string, limit int64) ([]byte, error) {
	if err := CheckRegular(path); err != nil {
		return nil, err
	}
	f, info, err := openStat(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := check(path, info); err != nil {
		return nil, err
	}
	return ReadAll(f, info.Size(), limit)
}

// openStat opens path without blocking and stats what was opened.
func openStat(path string) (*os.File, fs.FileInfo, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ReadAll reads r up to limit+1 bytes and no further, so a huge file, a device or an endless
// stream costs bounded memory. sizeHint, when in (0, limit], is the expected size (from a
// stat), read into one allocation of that size instead of a growing one.
func ReadAll(r io.Reader, sizeHint, limit int64) ([]byte, error) {
	if sizeHint <= 0 || sizeHint > limit {
		return io.ReadAll(io.LimitReader(r, limit+1))
	}
	buf := make([]byte, sizeHint, sizeHint+1) // room for one byte more, had the file grown
	n, err := io.ReadFull(r, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return buf[:n], nil // shrank since the stat
	}
	if err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, limit+1-sizeHint))
	return append(buf, rest...), err
}

// List names the files of dir that match (by name), in name order, as paths joined to dir.
// Subfolders are left out, as are symbolic links to folders; a link to anything else is
// listed (ReadFile then refuses what is not a regular file). More than limit matching names
// is a TooManyError (what names them in it). Entries are read in batches, so a folder with
// very many other entries costs bounded memory.
func List(dir string, match func(name string) bool, what string, limit int) ([]string, error) {
	f, info, err := openStat(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !info.IsDir() {
		if info.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "readdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil, &NotRegularError{Path: dir, Mode: info.Mode()}
	}
	names, err := Names(f, func(e fs.DirEntry) bool {
		if e.IsDir() || !match(e.Name()) {
			return false
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if target, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && target.IsDir() {
				return false
			}
		}
		return true
	}, dir, what, limit)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	return paths, nil
}

// Names reads the entries of an open folder (an *os.File or an fs.ReadDirFile) in batches and
// returns the names of those keep accepts, sorted; more than limit of them is a TooManyError
// naming dir and what. A folder with very many other entries costs bounded memory.
func Names(d interface {
	ReadDir(n int) ([]fs.DirEntry, error)
}, keep func(fs.DirEntry) bool, dir, what string, limit int) ([]string, error) {
	var names []string
	for {
		entries, err := d.ReadDir(256)
		for _, e := range entries {
			if !keep(e) {
				continue
			}
			if len(names) == limit {
				return nil, &TooManyError{Dir: dir, What: what, Limit: limit}
			}
			names = append(names, e.Name())
		}
		if errors.Is(err, io.EOF) || (err == nil && len(entries) == 0) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	return names, nil
}

// Printable is s with control and format characters (line breaks, escapes, bidirectional
// overrides) removed and invalid UTF-8 replaced: a name from an untrusted place, fit for one
// line of an error.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cc, unicode.Cf) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Excerpt is limits.Excerpt: text of a file fit to quote in an error.
func Excerpt(s string) string { return limits.Excerpt(s) }

// Quoted is Excerpt in double quotes, the quotes and a character on either side counted in
// the limit: no run of more than limits.ExcerptRunes characters of the text, with what
// surrounds it, shows up in an error.
func Quoted(s string) string { return `"` + limits.ExcerptN(s, limits.ExcerptRunes-3) + `"` }
