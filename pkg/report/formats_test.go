package report_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// formatCases are the scenarios rendered to Markdown and HTML golden files (reviewed by hand).
var formatCases = map[string]string{
	"sandbox-untrusted-no-kvm": "categories: [sandbox]\ntenancy: untrusted\nkvm: none\n",
	"gpu-domestic-autonomy-zh": "categories: [gpu]\ndomestic: true\npriorities: [autonomy]\n",
	"stack-untrusted-gpu":      "categories: [engine, orchestrator, sandbox, gpu]\nworkloads: [ai-inference]\ntenancy: untrusted\nkvm: available\nscale: medium\n",
	"stack-edge-small-zh":      "categories: [engine, orchestrator, sandbox]\nenvironment: edge\nscale: small\n",
	// Today's stack: Swarm for several teams moves to K3s (its containerd comes with it), runc stays.
	"today-swarm-teams": "current: [docker, docker-swarm, runc]\nscale: medium\ntenancy: multi-team\n",
	// A single category: Podman today, kept or not, with the move's steps under the category.
	"today-engine-zh": "categories: [engine]\ncurrent: [docker]\nrootless: true\npriorities: [security]\n",
}

func embeddedReport(t *testing.T, answers, lang string, whatIf bool) *report.Report {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	given, err := b.ParseAnswers("answers.yaml", []byte(answers))
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.Analyse(b, res, engine.AnalyseOptions{WhatIf: whatIf, Given: given}); err != nil {
		t.Fatal(err)
	}
	r := report.Build(b, res, report.Options{Lang: lang, ToolVersion: "golden"})
	r.KnowledgeBase.Digest = "sha256:(digest)"
	return r
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("../../testdata/golden", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if intended, run UPDATE_GOLDEN=1 go test ./pkg/report and review the diff", path)
	}
}

func lang(name string) string {
	if strings.HasSuffix(name, "-zh") {
		return "zh"
	}
	return "en"
}

func TestGoldenMarkdownAndHTML(t *testing.T) {
	for name, answers := range formatCases {
		t.Run(name, func(t *testing.T) {
			r := embeddedReport(t, answers, lang(name), true)
			var md, html bytes.Buffer
			if err := report.Render(&md, r, "markdown", 0); err != nil {
				t.Fatal(err)
			}
			if err := report.Render(&html, r, "html", 0); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".md", md.Bytes())
			checkGolden(t, name+".html", html.Bytes())
		})
	}
}

var urlRe = regexp.MustCompile(`https?://[^\s"'<>)]+`)

// TestHTMLIsSelfContained parses the page as XML (so every tag is closed and every attribute
// quoted), and checks it has no script and requests nothing: the only URLs are the href of
// source links, each one a source of the report.
func TestHTMLIsSelfContained(t *testing.T) {
	for name, answers := range formatCases {
		r := embeddedReport(t, answers, lang(name), true)
		var buf bytes.Buffer
		if err := report.HTML(&buf, r); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(page, "<!DOCTYPE html>\n")))
		dec.Strict = true
		dec.Entity = xml.HTMLEntity
		var hrefs []string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "script", "link", "img", "iframe", "object", "embed":
					t.Errorf("%s: <%s> in a self-contained page", name, se.Name.Local)
				}
				for _, a := range se.Attr {
					if a.Name.Local == "href" {
						hrefs = append(hrefs, a.Value)
					}
					if a.Name.Local == "src" || strings.HasPrefix(a.Name.Local, "on") {
						t.Errorf("%s: attribute %s on <%s>", name, a.Name.Local, se.Name.Local)
					}
				}
			}
		}
		sources := map[string]bool{}
		if st := r.Stack; st != nil {
			for _, n := range slices.Concat(st.Fits, st.Notes, st.Blocked) {
				sources[n.Source] = true
			}
			for _, sw := range st.Swaps {
				for _, n := range sw.Because {
					sources[n.Source] = true
				}
			}
		}
		migration := func(m *report.Migration) {
			if m != nil {
				for _, src := range m.Sources { // a move's steps show with their sources
					sources[src] = true
				}
			}
		}
		if r.Stack != nil && r.Stack.Current != nil {
			for _, mv := range r.Stack.Current.Moves {
				migration(mv.Migration)
			}
		}
		for _, c := range r.Categories {
			if c.Current != nil {
				migration(c.Current.Migration)
			}
			for _, rw := range c.Reweighted { // a reweight shows with its source
				sources[rw.Source] = true
			}
			for _, e := range c.Ranking {
				for _, x := range e.Reasons {
					sources[x.Source] = true
				}
				for _, x := range e.Caveats {
					sources[x.Source] = true
				}
				for _, x := range e.Corrections {
					sources[x.Source] = true
				}
			}
			for _, e := range c.Excluded {
				for _, x := range e.Reasons {
					sources[x.Source] = true
				}
			}
		}
		for _, h := range hrefs {
			if !sources[h] {
				t.Errorf("%s: link %q is not a source of the report", name, h)
			}
		}
		// Every URL in the page is inside a link to a source (as href or as its text).
		for _, u := range urlRe.FindAllString(page, -1) {
			if !sources[strings.ReplaceAll(u, "&amp;", "&")] && !strings.Contains(page, `href="`+u+`"`) {
				t.Errorf("%s: URL %q outside the source links", name, u)
			}
		}
		if strings.Contains(page, "ZgotmplZ") {
			t.Errorf("%s: html/template rejected a value", name)
		}
	}
}

func TestGoldenADR(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct{ cat, answers string }{
		"adr-sandbox-untrusted.md": {"sandbox", "categories: [sandbox]\ntenancy: untrusted\n"},
		"adr-gpu-domestic-zh.md":   {"gpu", "categories: [gpu]\ndomestic: true\npriorities: [autonomy]\n"},
		"adr-stack-edge.md":        {"stack", "categories: [engine, orchestrator, sandbox]\nenvironment: edge\nscale: small\n"},
		"adr-stack-blocked-zh.md":  {"stack", "categories: [sandbox, gpu]\nworkloads: [ai-inference]\ntenancy: untrusted\nkvm: none\ndomestic: true\n"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := embeddedReport(t, c.answers, lang(strings.TrimSuffix(name, ".md")), true)
			opts := report.ADROptions{Command: "stackadvisor recommend (command)", Date: "2026-11-24"}
			text, err := report.ADR(b, r, c.cat, opts)
			if c.cat == "stack" {
				text, err = report.StackADR(b, r, opts)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, []byte(text))
		})
	}
	if _, err := report.ADR(b, embeddedReport(t, "categories: [engine]\n", "en", false), "gpu", report.ADROptions{}); err == nil {
		t.Errorf("an ADR for a category missing from the report must fail")
	}
	if _, err := report.StackADR(b, embeddedReport(t, "categories: [engine]\n", "en", false), report.ADROptions{}); err == nil {
		t.Errorf("a stack ADR for a report of one category must fail")
	}
}

// The report is built once and said at the edge: a report built in English and then said in
// Chinese renders byte for byte as one built in Chinese, in every format, and back again.
func TestReportLocalizedAtTheEdge(t *testing.T) {
	answers := formatCases["stack-untrusted-gpu"]
	for _, whatIf := range []bool{false, true} {
		zh := embeddedReport(t, answers, "zh", whatIf)
		r := embeddedReport(t, answers, "en", whatIf)
		en := render(t, r)
		r.Localize("zh")
		if got, want := render(t, r), render(t, zh); got != want {
			t.Errorf("what-if %v: said again in Chinese differs from built in Chinese", whatIf)
		}
		r.Localize("en")
		if got := render(t, r); got != en {
			t.Errorf("what-if %v: said in English again differs", whatIf)
		}
		if !strings.Contains(render(t, zh), "推荐") {
			t.Errorf("the Chinese report has no Chinese")
		}
	}
}

func render(t *testing.T, r *report.Report) string {
	t.Helper()
	var all strings.Builder
	for _, format := range []string{"table", "json", "yaml", "markdown", "html"} {
		var buf bytes.Buffer
		if err := report.Render(&buf, r, format, 100); err != nil {
			t.Fatal(err)
		}
		all.WriteString(buf.String())
	}
	all.WriteString(report.Summary(r, 100))
	return all.String()
}
