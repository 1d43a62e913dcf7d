package i18n_test

import (
	"encoding/json"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

type doc struct {
	Title  i18n.Text   `json:"title" yaml:"title"`
	Items  []i18n.Text `json:"items" yaml:"items"`
	Inner  *inner      `json:"inner" yaml:"inner"`
	Note   i18n.Text   `json:"note,omitzero" yaml:"note,omitempty"`
	hidden i18n.Text
}

type inner struct {
	Parts [2]i18n.Text `json:"parts" yaml:"parts"`
}

// A document is built once without a language and said in either: nested messages, lists,
// pairs and literals follow the language; JSON and YAML write what was said.
func TestTextSaidAtTheEdge(t *testing.T) {
	name := i18n.Pair("Docker", "")
	d := &doc{
		Title: i18n.M("stack.runner-up", i18n.Join([]i18n.Text{name, i18n.Lit("K3s")}, " + "), "72.9"),
		Items: []i18n.Text{i18n.List([]i18n.Text{i18n.M("report.yes"), i18n.M("report.no")}), i18n.Trimmed(i18n.Lit("  x  "))},
		Inner: &inner{Parts: [2]i18n.Text{i18n.Pair("one", "一"), i18n.Cat(i18n.Lit("a"), i18n.M("report.label-colon"), i18n.Lit("b"))}},
	}
	i18n.SayAll(d, "en")
	en := map[string]string{
		"title": d.Title.String(), "items0": d.Items[0].String(), "items1": d.Items[1].String(),
		"part0": d.Inner.Parts[0].String(), "part1": d.Inner.Parts[1].String(),
	}
	want := map[string]string{"title": "Runner-up: Docker + K3s (72.9)", "items0": "yes, no", "items1": "x", "part0": "one", "part1": "a: b"}
	for k, w := range want {
		if en[k] != w {
			t.Errorf("en %s = %q, want %q", k, en[k], w)
		}
	}
	if d.hidden.String() != "" {
		t.Error("an unexported field was said")
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != `{"title":"Runner-up: Docker + K3s (72.9)","items":["yes, no","x"],"inner":{"parts":["one","a: b"]}}` {
		t.Errorf("json %s", got)
	}

	i18n.SayAll(d, "zh") // the same document, said again
	if got := d.Title.String(); got != "备选：Docker + K3s（72.9 分）" {
		t.Errorf("zh title %q", got)
	}
	if got := d.Items[0].String(); got != i18n.T("zh", "report.yes")+"、"+i18n.T("zh", "report.no") {
		t.Errorf("zh list %q", got)
	}
	if got := d.Inner.Parts[0].String(); got != "一" {
		t.Errorf("zh pair %q", got)
	}
	y, err := yaml.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "title: 备选：Docker + K3s（72.9 分）\n"; string(y[:len(want)]) != want {
		t.Errorf("yaml:\n%s", y)
	}
	d.Note = i18n.Lit("n")
	i18n.SayAll(d, "en")
	if out, _ := json.Marshal(d); !json.Valid(out) || string(out[len(out)-11:]) != `"note":"n"}` {
		t.Errorf("a set note is written: %s", out)
	}
}

// The localizer joins and labels per language.
func TestLocalizer(t *testing.T) {
	if got := i18n.For("zh").List([]string{"a", "b"}); got != "a、b" {
		t.Errorf("zh list %q", got)
	}
	if got := i18n.For("en").Colon() + i18n.For("zh").Colon(); got != ": ：" {
		t.Errorf("colons %q", got)
	}
	if got := i18n.For("zh").Tf("stack.runner-up", i18n.Pair("x", "叉"), "1"); got != "备选：叉（1 分）" {
		t.Errorf("a Sayer argument is said in the localizer's language: %q", got)
	}
}
