package report_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/stackadvisor/stackadvisor/internal/testbase"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

func miniReport(t *testing.T, answersYAML, lang string) *report.Report {
	t.Helper()
	b := testbase.Mini(t)
	given, err := b.ParseAnswers("a.yaml", []byte(answersYAML))
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(b, res, report.Options{Lang: lang, ToolVersion: "test"})
}

func TestJSONKeepsQuestionOrderAndShape(t *testing.T) {
	r := miniReport(t, "kvm: none\nworkloads: [ai]", "en")
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	order := []string{`"categories": [`, `"workloads": [`, `"priorities": []`, `"kvm": "none"`, `"budget": 0`}
	last := -1
	for _, key := range order {
		i := strings.Index(out, key)
		if i < 0 || i < last {
			t.Fatalf("answers not in question order at %s:\n%s", key, out)
		}
		last = i
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "tool", "knowledge_base", "lang", "answers", "categories"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing %s", k)
		}
	}
	cat := doc["categories"].([]any)[0].(map[string]any)
	ex := cat["excluded"].([]any)[0].(map[string]any)
	if ex["id"] != "safe" {
		t.Errorf("excluded %v", ex)
	}
	corr := ex["corrections"].([]any)[0].(map[string]any)
	if corr["fact"] != "safe-speed" || corr["report_says"] != "10 ms" || corr["verified"] != "100 ms" {
		t.Errorf("correction %v", corr)
	}
	top := cat["ranking"].([]any)[0].(map[string]any)
	if top["id"] != "fast" || top["rank"] != float64(1) {
		t.Errorf("top %v", top)
	}
	caveat := top["caveats"].([]any)[0].(map[string]any)
	if caveat["rule"] != "engine.web-caveat" || caveat["text"] != "Check it." {
		t.Errorf("caveat %v", caveat)
	}
}

func TestTableInChineseAndPlain(t *testing.T) {
	r := miniReport(t, "kvm: none", "zh")
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if err := report.Render(w, r, "table", 0); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "\x1b[") {
		t.Errorf("escape codes in plain output:\n%q", out)
	}
	for _, want := range []string{"引擎 (engine)", "候选", "得分", "已排除", "没有 KVM。", "请核实。", "更正", "报告称：10 毫秒", "经核实：100 毫秒", "来源：https://example.org/safe"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestTableStyledKeepsEscapes(t *testing.T) {
	r := miniReport(t, "{}", "en")
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
	if err := report.Render(w, r, "table", 0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[") {
		t.Errorf("no styling with a color profile")
	}
}

func TestYAMLMarshalsSameReport(t *testing.T) {
	r := miniReport(t, "workloads: [ai]", "en")
	var buf bytes.Buffer
	if err := report.WriteYAML(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"schema_version: " + strconv.Itoa(report.SchemaVersion) + "\n", "  workloads: [ai]\n", "  kvm: available\n", "      - rank: 1\n        id: safe\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("yaml lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestTableShowsACorrectionOncePerCategoryAndWraps(t *testing.T) {
	corr := report.Correction{Fact: "shared", Verdict: "wrong", ReportSays: i18n.Lit("the report's claim"), Verified: i18n.Lit("what the sources say, in a sentence long enough to need wrapping at forty columns"), Source: "https://example.org/a-long-source-url-that-must-not-be-broken"}
	entry := func(rank int, id string) report.Entry {
		return report.Entry{Rank: rank, ID: id, Name: i18n.Lit(id), Score: 50, Summary: i18n.Lit("s"), Corrections: []report.Correction{corr}}
	}
	r := &report.Report{Lang: "en", Categories: []report.Category{{
		ID: "c", Title: i18n.Lit("C"),
		Ranking:  []report.Entry{entry(1, "one"), entry(2, "two")},
		Excluded: []report.Excluded{{ID: "three", Name: i18n.Lit("three"), Reasons: []report.Reason{{Text: i18n.Lit("gone")}}, Corrections: []report.Correction{corr}}},
	}}}
	r.Localize("en")
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if err := report.Render(w, r, "table", 40); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "the report's claim"); n != 1 {
		t.Errorf("correction shown %d times, want once:\n%s", n, out)
	}
	if !strings.Contains(out, "https://example.org/a-long-source-url-that-must-not-be-broken") {
		t.Errorf("source URL broken:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := len([]rune(l)); w > 40 && !strings.Contains(l, "https://") {
			t.Errorf("line of %d columns at width 40: %q", w, l)
		}
	}
}
