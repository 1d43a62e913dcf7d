package knowledge

import (
	"os"
	"testing"
)

// TestStaleGoBaseIsNotUsed: a generated base whose digest is not the embedded files' is
// ignored, and the files are loaded instead. (A position table that does not fit makes
// Positioned take the positions from the YAML: TestMisfitPositionTableChangesNothing.)
func TestStaleGoBaseIsNotUsed(t *testing.T) {
	stale := &Base{Version: "stale", Digest: "sha256:0000"}
	b, err := embedded(func() *Base { return stale }, embeddedDigest)
	if err != nil {
		t.Fatal(err)
	}
	if b == stale || b.Version == "stale" || len(b.Categories) == 0 {
		t.Fatalf("a stale generated base was used")
	}
	fresh := &Base{Version: "fresh", Digest: b.Digest}
	if got, _ := embedded(func() *Base { return fresh }, embeddedDigest); got != fresh {
		t.Fatalf("a generated base with the right digest was not used")
	}
}

// TestMisfitPositionTableChangesNothing: a table that does not fit the base is refused
// before any position is set.
func TestMisfitPositionTableChangesNothing(t *testing.T) {
	files, err := EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	table, _ := EncodePositions(b)
	mini, err := ReadFS(os.DirFS("../../testdata/rules/mini"), ".", "mini/")
	if err != nil {
		t.Fatal(err)
	}
	other, err := Load(mini)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := EncodePositions(other)
	if err := applyPositions(other, table); err == nil {
		t.Fatal("a table of another base was applied")
	}
	if after, _ := EncodePositions(other); after != before {
		t.Fatal("a refused table changed positions")
	}
}
