package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// CreateNew never writes over a file and leaves no temporary file behind, whatever happens.
func TestCreateNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "0001-first.md")
	if err := CreateNew(path, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "one\n" {
		t.Fatalf("content %q", got)
	}
	err := CreateNew(path, []byte("two\n"))
	if !errors.Is(err, os.ErrExist) {
		t.Fatalf("writing over an existing record: %v, want os.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "one\n" {
		t.Fatalf("the existing record changed to %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm()&0o077 == 0 {
		t.Errorf("mode %v: a record is not only the owner's", fi.Mode())
	}
	// Many writers racing for one name: exactly one wins.
	racy := filepath.Join(dir, "0002-race.md")
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for range 16 {
		wg.Go(func() {
			if err := CreateNew(racy, []byte("x")); err == nil {
				mu.Lock()
				won++
				mu.Unlock()
			} else if !errors.Is(err, os.ErrExist) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if won != 1 {
		t.Errorf("%d writers created the same record", won)
	}
	// A directory that does not exist: one error, nothing created.
	if err := CreateNew(filepath.Join(dir, "missing", "0003.md"), []byte("x")); err == nil {
		t.Error("created a file in a directory that does not exist")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "0001-first.md" && e.Name() != "0002-race.md" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
