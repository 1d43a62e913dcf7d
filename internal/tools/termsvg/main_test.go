package main

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// The picture is well-formed SVG, keeps the text, escapes XML and turns SGR codes into
// colour, weight and opacity; the same input gives the same bytes.
func TestRun(t *testing.T) {
	in := "\x1b[1;94mRecommended stack\x1b[m\n  a <b> & c  \x1b[92m███\x1b[m\x1b[90m░\x1b[m 82.7\n\n    \x1b[2mdim\x1b[m\n"
	var out bytes.Buffer
	if err := run(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	svg := out.String()
	if err := xml.Unmarshal(out.Bytes(), new(struct{})); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, svg)
	}
	for _, want := range []string{`fill="#7cc0ff" font-weight="bold">Recommended stack`, `a &lt;b&gt; &amp; c`, `fill="#a8e08a">███`, `opacity="0.65">dim`, `82.7`} {
		if !strings.Contains(svg, want) {
			t.Errorf("missing %q in\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "\x1b") {
		t.Error("an escape code leaked into the picture")
	}
	var again bytes.Buffer
	_ = run(strings.NewReader(in), &again)
	if again.String() != svg {
		t.Error("two runs differ")
	}
}
