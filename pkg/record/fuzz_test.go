package record_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/record"
)

// FuzzParseRecord: Parse never panics, returns promptly on any input up to the record limit,
// and its error is one short line that quotes no more than limits.ExcerptRunes characters of
// the input in a row.
func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(block(minimal)))
	f.Add([]byte("# ADR\n" + block(`{"stackadvisor_record": 1, "subject": "s", "subject": "t", "answers": {}}`)))
	f.Add([]byte(block(`{"stackadvisor_record": 1, "subject": "sandbox", "answers": {"a": [1, {"b": null}]}, "picks": [{"id": "x"}]}`)))
	f.Add([]byte(block(minimal) + block(minimal)))
	f.Add([]byte("<!-- stackadvisor:record\n{\"" + strings.Repeat("k", 100) + "\": 1}\n-->"))
	f.Add([]byte("<!-- stackadvisor:record\n[[[[[[[[[[[[[[[[[[[[[[[[[[[["))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > limits.RecordBytes {
			return
		}
		start := time.Now()
		r, err := record.Parse(data)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Parse of %d bytes took %v", len(data), d)
		}
		if err == nil {
			if r == nil || r.Subject == "" || len(r.Answers) == 0 {
				t.Fatalf("Parse accepted a record without subject or answers: %+v", r)
			}
			return
		}
		msg := err.Error()
		if utf8.RuneCountInString(msg) > 300 || strings.ContainsAny(msg, "\n\r\x1b") {
			t.Fatalf("the error is not one short line (%d characters): %q", utf8.RuneCountInString(msg), msg)
		}
		// No run of the input longer than an excerpt appears in the error.
		for i := 0; i+limits.ExcerptRunes+1 <= len(msg); i++ {
			if run := msg[i : i+limits.ExcerptRunes+1]; strings.Contains(string(data), run) {
				t.Fatalf("the error quotes %d bytes of the input in a row: %q", len(run), msg)
			}
		}
	})
}
