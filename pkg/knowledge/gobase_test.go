package knowledge_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/internal/gobase"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestEmbeddedGoUpToDate checks that embedded_gen.go is what the generator writes for the
// embedded rules, and that the base it holds, with its position table applied, equals the base
// loaded from the YAML field by field. At run time the generated base is used only when its
// digest matches the embedded YAML, so a file stale against the rules is slower, not wrong; one
// stale against the loader's code (a new derived field, a changed check) cannot be told apart
// at run time: this test catches it.
func TestEmbeddedGoUpToDate(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	want, err := knowledge.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	src, err := gobase.Generate(want)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile("embedded_gen.go")
	if !bytes.Equal(old, src) {
		t.Fatalf("embedded_gen.go is out of date: run go generate ./rules (make generate)")
	}
	got, err := knowledge.Precompiled()
	if got == nil || err != nil {
		t.Fatalf("embedded_gen.go does not register a usable base: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the generated base differs from the base loaded from the YAML")
	}
	if emb, _ := knowledge.Embedded(); emb != got {
		t.Fatalf("Embedded() did not use the generated base")
	}
}

// TestPositionTableRoundTrip: positions cleared and restored from their table give the base
// back; a table made for another base is refused.
func TestPositionTableRoundTrip(t *testing.T) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := knowledge.Load(files)
	b, _ := knowledge.Load(files)
	table, err := knowledge.EncodePositions(b)
	if err != nil {
		t.Fatal(err)
	}
	knowledge.ZeroPositions(b)
	if reflect.DeepEqual(b, want) {
		t.Fatal("clearing the positions changed nothing")
	}
	if err := knowledge.ApplyPositions(b, table); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b, want) {
		t.Fatal("the positions restored from the table differ")
	}
	mini, err := knowledge.Load(readDir(t, "testdata/rules/mini"))
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{"another base's": table, "truncated": table[:len(table)/2], "empty": ""} {
		if err := knowledge.ApplyPositions(mini, bad); err == nil {
			t.Errorf("%s table was applied", name)
		}
	}
}
