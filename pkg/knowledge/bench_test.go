package knowledge_test

import (
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// BenchmarkLoadEmbedded measures decoding and validating the embedded rule files.
func BenchmarkLoadEmbedded(b *testing.B) {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := knowledge.Load(files); err != nil {
			b.Fatal(err)
		}
	}
}
