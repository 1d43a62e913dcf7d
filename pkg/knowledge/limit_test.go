package knowledge_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// zeros is an endless reader, like /dev/zero.
type zeros struct{ read int }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += len(p)
	return len(p), nil
}

func TestReadLimitedStopsPastTheLimit(t *testing.T) {
	z := &zeros{}
	data, err := knowledge.ReadLimited(z, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != knowledge.MaxFileSize+1 {
		t.Fatalf("read %d bytes from an endless reader, want MaxFileSize+1 = %d", len(data), knowledge.MaxFileSize+1)
	}
	// A file that grew since its stat is still read only to the limit.
	data, err = knowledge.ReadLimited(&zeros{}, 1000)
	if err != nil || len(data) != knowledge.MaxFileSize+1 {
		t.Fatalf("with a size hint of 1000: %d bytes, %v", len(data), err)
	}
	// One that shrank is read whole.
	data, err = knowledge.ReadLimited(strings.NewReader("kvm: none\n"), 1000)
	if err != nil || string(data) != "kvm: none\n" {
		t.Fatalf("a file shorter than its hint: %q, %v", data, err)
	}
}

// padded is an answers file of exactly n bytes: one answer and a comment filling the rest.
func padded(n int) []byte {
	head := "kvm: none\n#"
	return []byte(head + strings.Repeat("x", n-len(head)-1) + "\n")
}

func TestFileSizeLimit(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	at := padded(knowledge.MaxFileSize)
	if len(at) != knowledge.MaxFileSize {
		t.Fatalf("padded: %d bytes", len(at))
	}
	if _, err := b.ParseAnswers("at.yaml", at); err != nil {
		t.Errorf("a file of exactly MaxFileSize bytes is refused: %v", err)
	}
	_, err = b.ParseAnswers("over.yaml", padded(knowledge.MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "over.yaml:1:1: the file is larger than the limit of 1 MiB") {
		t.Errorf("a file one byte over the limit: got %v", err)
	}

	// Through an fs.FS, as rule directories are read.
	fsys := fstest.MapFS{"big.yaml": {Data: padded(knowledge.MaxFileSize + 10)}}
	files, err := knowledge.ReadFS(fsys, ".", "rules/")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || len(files[0].Data) != knowledge.MaxFileSize+1 {
		t.Fatalf("ReadFS read %d bytes of a file over the limit, want MaxFileSize+1", len(files[0].Data))
	}
	_, err = knowledge.LoadLayers(files)
	if err == nil || !strings.Contains(err.Error(), "rules/big.yaml:1:1: the file is larger than the limit") {
		t.Errorf("loading a rule file over the limit: got %v", err)
	}
}
