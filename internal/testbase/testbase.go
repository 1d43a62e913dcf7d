// Package testbase gives tests the small hand-checked knowledge base of testdata/rules/mini,
// found from this file's location so that any package's tests can load it.
package testbase

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Dir is the repository's testdata/rules/mini directory.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "rules", "mini")
}

// MiniFiles reads the mini base's files, named mini/<file>.
func MiniFiles(tb testing.TB) []knowledge.File {
	tb.Helper()
	files, err := knowledge.ReadFS(os.DirFS(Dir()), ".", "mini/")
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// Mini loads the mini base.
func Mini(tb testing.TB) *knowledge.Base {
	tb.Helper()
	b, err := knowledge.Load(MiniFiles(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
