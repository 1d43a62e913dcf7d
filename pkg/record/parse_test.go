package record_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/record"
)

// block wraps a JSON body in a record block.
func block(body string) string { return "<!-- stackadvisor:record\n" + body + "\n-->\n" }

const minimal = `{"stackadvisor_record": 1, "subject": "sandbox", "answers": {"tenancy": "untrusted"}, "picks": [], "categories": []}`

func TestParseMinimal(t *testing.T) {
	r, err := record.Parse([]byte("# ADR\n\n" + block(minimal)))
	if err != nil || r.Subject != "sandbox" {
		t.Fatalf("Parse of a minimal record: %v, %v", r, err)
	}
}

// A record over limits.RecordBytes says so (not "block not closed", which it also is when cut).
func TestParseTooLarge(t *testing.T) {
	big := block(minimal) + strings.Repeat("x", limits.RecordBytes)
	_, err := record.Parse([]byte(big))
	if err == nil || err.Error() != "the record is larger than the limit of 1 MiB (1048576 bytes)" {
		t.Errorf("a record over the limit: %v", err)
	}
	at := block(minimal)
	at += strings.Repeat("x", limits.RecordBytes-len(at))
	if _, err := record.Parse([]byte(at)); err != nil {
		t.Errorf("a record of exactly the limit: %v", err)
	}
}

func TestParseRefuses(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"two blocks": {block(minimal) + block(minimal), "the file holds 2 record blocks; a record has one"},
		"duplicate top-level key": {
			block(`{"stackadvisor_record": 1, "subject": "sandbox", "subject": "stack", "answers": {}}`),
			`the record block is not valid: the key "subject" appears twice in one object`,
		},
		"duplicate nested key": {
			block(`{"stackadvisor_record": 1, "subject": "sandbox", "answers": {"tenancy": "untrusted", "kvm": "none", "tenancy": "single-team"}}`),
			`the record block is not valid: the key "tenancy" appears twice in one object`,
		},
		"duplicate key in a list's object": {
			block(`{"stackadvisor_record": 1, "subject": "sandbox", "answers": {}, "picks": [{"id": "a"}, {"id": "b", "id": "c"}]}`),
			`the record block is not valid: the key "id" appears twice in one object`,
		},
		"syntax":     {block(`{"stackadvisor_record": 1,, }`), "the record block is not valid: JSON syntax error at byte 28: invalid character ',' looking for beginning of object key string"},
		"ends early": {block(`{"stackadvisor_record": 1, "subject": `), "the record block is not valid: the JSON ends early"},
		"type":       {block(`{"stackadvisor_record": "one"}`), "the record block is not valid: stackadvisor_record is a JSON string, expected int"},
	} {
		_, err := record.Parse([]byte(tc.text))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v\nwant %s", name, err, tc.want)
		}
	}
	// The same key in different objects is fine.
	ok := block(`{"stackadvisor_record": 1, "subject": "sandbox", "answers": {"id": 1}, "picks": [{"id": "a", "category": "sandbox", "score": 1}, {"id": "b"}]}`)
	if _, err := record.Parse([]byte(ok)); err != nil {
		t.Errorf("one key in several objects: %v", err)
	}
}

// What the JSON decoder would quote of the record is cut to a short, printable excerpt.
func TestParseErrorExcerpt(t *testing.T) {
	secret := "SECRET-" + strings.Repeat("s", 500) + `\u001b[2J\n`
	for _, body := range []string{
		`{"` + secret + `": 1}`,
		`{"stackadvisor_record": 1, "subject": "sandbox", "answers": {}, "x` + secret + `": 2}`,
		`{"stackadvisor_record": 1, "subject": "sandbox", "` + secret + `": 2, "` + secret + `": 3}`,
	} {
		_, err := record.Parse([]byte(block(body)))
		if err == nil {
			t.Fatalf("no error for %.40q", body)
		}
		msg := err.Error()
		if strings.Contains(msg, strings.Repeat("s", limits.ExcerptRunes)) || strings.ContainsAny(msg, "\x1b\n\\") {
			t.Errorf("the error quotes too much: %q", msg)
		}
		if !strings.Contains(msg, "SECRET-sss") || utf8.RuneCountInString(msg) > 200 {
			t.Errorf("the error has no short excerpt: %q", msg)
		}
	}
}
