package knowledge_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// A rule folder gives at most limits.FolderFiles files; one more is refused with the limit
// named, before any is read. Subfolders are left out.
func TestReadFSFolderLimit(t *testing.T) {
	fsys := fstest.MapFS{"sub.yaml/x.yaml": {Data: []byte("x")}, "notes.txt": {Data: []byte("x")}}
	for i := range limits.FolderFiles {
		fsys[fmt.Sprintf("f%04d.yaml", i)] = &fstest.MapFile{Data: []byte("category: x\n")}
	}
	files, err := knowledge.ReadFS(fsys, ".", "policy/")
	if err != nil || len(files) != limits.FolderFiles {
		t.Fatalf("a folder at the limit: %d files, %v", len(files), err)
	}
	if files[0].Name != "policy/f0000.yaml" {
		t.Errorf("first file %q, want policy/f0000.yaml", files[0].Name)
	}
	fsys["zzz.yml"] = &fstest.MapFile{Data: []byte("x")}
	_, err = knowledge.ReadFS(fsys, ".", "policy/")
	if err == nil || err.Error() != "policy holds more than 1000 .yaml rule files, the limit of files per folder" {
		t.Errorf("a folder over the limit: %v", err)
	}
}

// A named pipe among the rule files is named, never read.
func TestReadFSNotRegular(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("category: x\n")},
		"p.yaml": {Mode: fs.ModeNamedPipe},
	}
	_, err := knowledge.ReadFS(fsys, ".", "policy/")
	if err == nil || err.Error() != "policy/p.yaml is a named pipe (FIFO), not a regular file; stackadvisor reads only regular files" {
		t.Errorf("ReadFS with a FIFO: %v", err)
	}
	_, err = knowledge.ReadFileLimited(fsys, "p.yaml")
	if err == nil || !strings.Contains(err.Error(), "p.yaml is a named pipe (FIFO)") {
		t.Errorf("ReadFileLimited of a FIFO: %v", err)
	}
}
