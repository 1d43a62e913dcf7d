package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	at := filepath.Join(dir, "at")
	over := filepath.Join(dir, "over")
	os.WriteFile(at, make([]byte, 100), 0o644)
	os.WriteFile(over, make([]byte, 150), 0o644)
	if data, err := ReadFile(at, 100); err != nil || len(data) != 100 {
		t.Errorf("a file at the limit: %d bytes, %v", len(data), err)
	}
	if data, err := ReadFile(over, 100); err != nil || len(data) != 101 {
		t.Errorf("a file over the limit: %d bytes read, %v; want limit+1", len(data), err)
	}
	if _, err := ReadFile(dir, 100); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

func TestReadAllEndless(t *testing.T) {
	data, err := ReadAll(endless{}, 0, 1000)
	if err != nil || len(data) != 1001 {
		t.Errorf("an endless reader: %d bytes, %v; want 1001", len(data), err)
	}
	data, err = ReadAll(endless{}, 10, 1000)
	if err != nil || len(data) != 1001 {
		t.Errorf("an endless reader with a size hint: %d bytes, %v; want 1001", len(data), err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

func TestList(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.yaml", "a.yaml", "c.txt"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o755)
	isYAML := func(n string) bool { return strings.HasSuffix(n, ".yaml") }
	got, err := List(dir, isYAML, ".yaml files", 10)
	if err != nil || len(got) != 2 || filepath.Base(got[0]) != "a.yaml" || filepath.Base(got[1]) != "b.yaml" {
		t.Errorf("List = %v, %v; want a.yaml, b.yaml (the subfolder left out)", got, err)
	}
	if _, err := List(dir, isYAML, ".yaml files", 2); err != nil {
		t.Errorf("exactly the limit: %v", err)
	}
	_, err = List(dir, isYAML, ".yaml files", 1)
	if err == nil || err.Error() != dir+" holds more than 1 .yaml files, the limit of files per folder" {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := List(filepath.Join(dir, "c.txt"), isYAML, "", 1); err == nil {
		t.Error("List of a file: no error")
	}
}

func TestExcerpt(t *testing.T) {
	if got := Excerpt("a\x1b[31mb\nc\u202ed\x00"); got != "a[31mbcd" {
		t.Errorf("control characters kept: %q", got)
	}
	long := strings.Repeat("x", 200)
	got := Excerpt(long)
	if n := utf8.RuneCountInString(got); n != limits.ExcerptRunes || !strings.HasSuffix(got, "…") {
		t.Errorf("Excerpt of 200 characters: %d characters %q", n, got)
	}
	exact := strings.Repeat("é", limits.ExcerptRunes)
	if got := Excerpt(exact + "\n\n"); got != exact {
		t.Errorf("Excerpt of exactly the limit was cut: %q", got)
	}
	if got := Excerpt("\xff\xfe"); !utf8.ValidString(got) {
		t.Errorf("invalid UTF-8 kept: %q", got)
	}
}

func TestQuoted(t *testing.T) {
	got := Quoted(strings.Repeat("k", 100))
	if n := utf8.RuneCountInString(got); n != limits.ExcerptRunes-1 || !strings.HasSuffix(got, `…"`) {
		t.Errorf("Quoted of 100 characters: %d characters %q", n, got)
	}
	if got := Quoted("a\nb"); got != `"ab"` {
		t.Errorf("Quoted(a\\nb) = %s", got)
	}
}
