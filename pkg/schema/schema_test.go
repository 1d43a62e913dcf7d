package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/testbase"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
	"github.com/stackadvisor/stackadvisor/pkg/schema"
)

const draft2020 = "https://json-schema.org/draft/2020-12/schema"

// compile compiles the named schema as draft 2020-12 (the compiler also checks it against the
// draft's meta-schema).
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := schema.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	m := doc.(map[string]any)
	if m["$schema"] != draft2020 {
		t.Fatalf("%s: $schema is %v, want %s", name, m["$schema"], draft2020)
	}
	id, _ := m["$id"].(string)
	if !strings.HasSuffix(id, "/"+name+".schema.json") {
		t.Fatalf("%s: $id %q does not name the file", name, id)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	if sch.DraftVersion != 2020 {
		t.Fatalf("%s compiled as draft %d", name, sch.DraftVersion)
	}
	return sch
}

// rawSchema returns the named schema decoded with encoding/json, for looking inside it.
func rawSchema(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := schema.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func validate(sch *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// yamlToJSON converts a YAML document to JSON the way an editor sees it: decoded into any,
// mapping keys turned into strings.
func yamlToJSON(data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(stringKeys(v))
}

func stringKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = stringKeys(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = stringKeys(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stringKeys(e)
		}
		return out
	}
	return v
}

func TestGet(t *testing.T) {
	if !slices.Equal(schema.Names, []string{"report", "rules", "answers", "config"}) {
		t.Errorf("Names = %v", schema.Names)
	}
	for _, name := range schema.Names {
		data, err := schema.Get(name)
		if err != nil || !json.Valid(data) {
			t.Errorf("Get(%q): %v", name, err)
		}
	}
	_, err := schema.Get("nope")
	if err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "report, rules, answers, config") {
		t.Errorf("Get(nope) error = %v; want it to name the allowed schemas", err)
	}
}

// TestSchemasCompile: (a) every schema is a valid draft 2020-12 schema, and every definition
// carries a description (editors show it on hover).
func TestSchemasCompile(t *testing.T) {
	for _, name := range schema.Names {
		t.Run(name, func(t *testing.T) {
			compile(t, name)
			m := rawSchema(t, name)
			if _, ok := m["description"].(string); !ok {
				t.Errorf("%s has no top-level description", name)
			}
			defs, _ := m["$defs"].(map[string]any)
			for id, d := range defs {
				if s, _ := d.(map[string]any)["description"].(string); s == "" {
					t.Errorf("%s: $defs/%s has no description", name, id)
				}
			}
		})
	}
}

// buildReport runs the engine on the embedded knowledge base and writes report v1 as JSON,
// exactly as `stackadvisor recommend -f json` does.
func buildReport(t *testing.T, answers, lang string) ([]byte, *engine.Result) {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	given := knowledge.Answers{}
	if answers != "" {
		if given, err = b.ParseAnswers("answers.yaml", []byte(answers)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	// Every optional member is exercised: warnings (Given), sensitivity (WhatIf), detected.
	// StackWhatIf too: a report with two or more categories and --what-if once broke the schema.
	if err := engine.Analyse(b, res, engine.AnalyseOptions{Robust: engine.RobustOptions{Samples: 200}, WhatIf: true, Given: given}); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Lang: lang, ToolVersion: "test", Given: given,
		Detected: []report.Detected{{Question: "kvm", Value: "available", Evidence: "/dev/kvm can be opened"}},
		Notes:    []string{"cannot read /proc/1/comm"}}
	if err := report.WriteJSON(&buf, report.Build(b, res, opts)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

const allCategories = "categories: [engine, orchestrator, sandbox, gpu, wasm-runtime]\n"

var reportCases = []struct {
	name, answers, lang string
	empty               bool // a category is left without candidates: exit code 3
}{
	{name: "defaults", lang: "en"},
	{name: "all-categories", answers: allCategories + "priorities: [security, startup, performance]\n", lang: "en"},
	{name: "all-categories-zh", answers: allCategories + "workloads: [ai-training, edge-functions]\ntenancy: untrusted\nkvm: available\n", lang: "zh"},
	{name: "sandbox-untrusted-no-kvm", answers: "categories: [sandbox]\ntenancy: untrusted\nkvm: none\n", lang: "en"},
	{name: "gpu-domestic", answers: "categories: [gpu]\ndomestic: true\npriorities: [autonomy, cost]\ngpu-memory-gb: 32\ngpu-sharing: true\ncuda: none\n", lang: "zh"},
	{name: "orchestrator-edge", answers: "categories: [orchestrator, engine]\nenvironment: edge\nscale: small\nk8s-experience: none\nrootless: true\nsystemd: true\n", lang: "en"},
	{name: "wasm-python-ai", answers: "categories: [wasm-runtime]\nwasm-host: python\nwasm-ai: true\npriorities: [footprint]\n", lang: "en"},
	{name: "large-cluster", answers: "categories: [engine, orchestrator, sandbox]\nscale: large\nk8s-experience: expert\ntenancy: multi-team\nconfidential: true\nworkloads: [web-services, batch-ci, legacy-apps]\n", lang: "zh"},
	{name: "regulated-past-cap", answers: "categories: [orchestrator, engine, sandbox]\nworkloads: [web-services, legacy-apps]\nscale: large\nk8s-experience: expert\ntenancy: multi-team\nkvm: available\nfips: true\nair-gapped: true\ncompliance-baseline: cis\nvendor-support: true\npriorities: [security, maturity]\n", lang: "en"},
	{name: "cloud-managed", answers: "categories: [orchestrator, engine]\nenvironment: cloud\npriorities: [simplicity]\n", lang: "en"},
	{name: "js-functions", answers: "categories: [sandbox, wasm-runtime]\nworkloads: [edge-functions]\nenvironment: edge\napp-code: javascript\n", lang: "zh"},
	{name: "exit-3", answers: "categories: [gpu, engine]\ngpu-memory-gb: 1000\n", lang: "en", empty: true},
	{name: "today-swarm", answers: "current: [docker, docker-swarm, runc]\nscale: medium\ntenancy: multi-team\n", lang: "en"},
	{name: "today-must-switch", answers: "current: [docker, kubernetes, runc, nvidia-h100]\ntenancy: untrusted\nkvm: available\nworkloads: [ai-inference]\nbuyer-region: china\n", lang: "zh"},
	{name: "today-one-category", answers: "categories: [engine]\ncurrent: [podman]\n", lang: "en"},
}

// TestReportValidates: (b) real reports, built in process on the embedded knowledge base,
// validate against the report schema.
func TestReportValidates(t *testing.T) {
	sch := compile(t, "report")
	seen := map[string]bool{}
	for _, tc := range reportCases {
		t.Run(tc.name, func(t *testing.T) {
			data, res := buildReport(t, tc.answers, tc.lang)
			if got := len(res.Empty()) > 0; got != tc.empty {
				t.Fatalf("empty categories %v; want some: %v", res.Empty(), tc.empty)
			}
			if err := validate(sch, data); err != nil {
				t.Fatalf("report does not validate: %v\n%s", err, data)
			}
			noteShapes(data, seen)
			if bytes.Contains(data, []byte(`"what_if": [`)) {
				seen["stack what-if"] = true
			}
			if bytes.Contains(data, []byte(`"past_cap": `)) {
				seen["past cap"] = true
			}
			if bytes.Contains(data, []byte(`"stacks": [`)) {
				seen["stack robustness"] = true
			}
			if bytes.Contains(data, []byte(`"rule": "context:`)) {
				seen["context"] = true
			}
			for _, v := range []string{"keep", "switch", "must-switch"} {
				if bytes.Contains(data, []byte(`"verdict": "`+v+`"`)) {
					seen["verdict "+v] = true
				}
			}
		})
	}
	// The cases must reach every optional shape, or the test proves less than it seems to.
	for _, shape := range []string{"empty ranking", "excluded", "excluded correction", "ranking correction", "reason points", "strength", "caveat points", "caveat rule", "zh", "stack what-if", "past cap", "stack robustness", "context", "verdict keep", "verdict switch", "verdict must-switch"} {
		if !seen[shape] {
			t.Errorf("no report case produced %s", shape)
		}
	}
}

// TestReportWithOverlayValidates builds a report on the embedded base with the example overlay
// of testdata/org-policy, so the file members of report v1 are checked on real output.
func TestReportWithOverlayValidates(t *testing.T) {
	sch := compile(t, "report")
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	org, err := knowledge.ReadFS(os.DirFS("../../testdata/org-policy"), ".", "org-policy/")
	if err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.LoadLayers(files, org)
	if err != nil {
		t.Fatal(err)
	}
	given, err := b.ParseAnswers("answers.yaml", []byte("categories: [engine, sandbox]\ntenancy: untrusted\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(b, given)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, report.Build(b, res, report.Options{Lang: "en", ToolVersion: "test"})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"file": "org-policy/`)) {
		t.Fatalf("the overlay left no file member in the report:\n%s", buf.Bytes())
	}
	if err := validate(sch, buf.Bytes()); err != nil {
		t.Fatalf("report does not validate: %v\n%s", err, buf.Bytes())
	}
}

// noteShapes records which optional parts of report v1 a report contains.
func noteShapes(data []byte, seen map[string]bool) {
	var r struct {
		Lang       string `json:"lang"`
		Categories []struct {
			Ranking []struct {
				Reasons []struct {
					Rule   string   `json:"rule"`
					Points *float64 `json:"points"`
				} `json:"reasons"`
				Caveats []struct {
					Points *float64 `json:"points"`
				} `json:"caveats"`
				Corrections []any `json:"corrections"`
			} `json:"ranking"`
			Excluded []struct {
				Corrections []any `json:"corrections"`
			} `json:"excluded"`
		} `json:"categories"`
	}
	_ = json.Unmarshal(data, &r)
	seen[r.Lang] = true
	for _, c := range r.Categories {
		seen["empty ranking"] = seen["empty ranking"] || len(c.Ranking) == 0
		seen["excluded"] = seen["excluded"] || len(c.Excluded) > 0
		for _, ex := range c.Excluded {
			seen["excluded correction"] = seen["excluded correction"] || len(ex.Corrections) > 0
		}
		for _, e := range c.Ranking {
			seen["ranking correction"] = seen["ranking correction"] || len(e.Corrections) > 0
			for _, r := range e.Reasons {
				seen["reason points"] = seen["reason points"] || r.Points != nil
				seen["strength"] = seen["strength"] || strings.HasPrefix(r.Rule, "criterion:")
			}
			for _, c := range e.Caveats {
				seen["caveat points"] = seen["caveat points"] || c.Points != nil
				seen["caveat rule"] = seen["caveat rule"] || c.Points == nil
			}
		}
	}
}

// TestReportRejects: the schema is strict where report v1 is fixed, and allows the optional
// members of docs/DESIGN.md §7.
func TestReportRejects(t *testing.T) {
	sch := compile(t, "report")
	base, _ := buildReport(t, allCategories+"kvm: none\n", "en")
	type doc = map[string]any
	entry := func(d doc) doc {
		return d["categories"].([]any)[0].(doc)["ranking"].([]any)[0].(doc)
	}
	cases := []struct {
		name   string
		mutate func(d doc)
		valid  bool
	}{
		{"unchanged", func(d doc) {}, true},
		{"warnings", func(d doc) { d["warnings"] = []any{doc{"text": "gpu-memory-gb is ignored without the gpu category"}} }, true},
		{"sensitivity", func(d doc) {
			d["categories"].([]any)[0].(doc)["sensitivity"] = []any{
				doc{"question": "kvm", "value": "available", "top": "kata"},
				doc{"question": "priorities", "value": []any{"security"}, "top": "kata"},
				doc{"question": "rootless", "value": true, "top": "podman"},
			}
		}, true},
		{"overlay files", func(d doc) {
			entry(d)["file"] = "org/rules.yaml"
			entry(d)["reasons"] = append(entry(d)["reasons"].([]any), doc{"rule": "org.prefer", "text": "Preferred here.", "source": "https://example.org", "points": 5, "file": "org/rules.yaml"})
		}, true},
		{"schema_version 1", func(d doc) { d["schema_version"] = 1 }, false},
		{"schema_version 2", func(d doc) { d["schema_version"] = 2 }, false},
		{"schema_version 3", func(d doc) { d["schema_version"] = 3 }, false},
		{"schema_version 4", func(d doc) { d["schema_version"] = 4 }, false},
		{"schema_version 5", func(d doc) { d["schema_version"] = 5 }, false},
		{"schema_version 9", func(d doc) { d["schema_version"] = 9 }, false},
		{"schema_version 11", func(d doc) { d["schema_version"] = 11 }, false},
		{"an unknown grade", func(d doc) {
			d["categories"].([]any)[0].(map[string]any)["ranking"].([]any)[0].(map[string]any)["breakdown"].([]any)[0].(map[string]any)["grade"] = "rumour"
		}, false},
		{"schema_version as text", func(d doc) { d["schema_version"] = "1" }, false},
		{"extra top-level key", func(d doc) { d["extra"] = true }, false},
		{"extra key in an entry", func(d doc) { entry(d)["colour"] = "red" }, false},
		{"extra key in tool", func(d doc) { d["tool"].(doc)["commit"] = "abc" }, false},
		{"missing answers", func(d doc) { delete(d, "answers") }, false},
		{"missing ranking", func(d doc) { delete(d["categories"].([]any)[0].(doc), "ranking") }, false},
		{"rank as text", func(d doc) { entry(d)["rank"] = "1" }, false},
		{"rank 0", func(d doc) { entry(d)["rank"] = 0 }, false},
		{"score above 100", func(d doc) { entry(d)["score"] = 100.5 }, false},
		{"score below 0", func(d doc) { entry(d)["score"] = -1 }, false},
		{"breakdown as object", func(d doc) { entry(d)["breakdown"] = doc{} }, false},
		{"short digest", func(d doc) { d["knowledge_base"].(doc)["digest"] = "sha256:abc" }, false},
		{"digest without prefix", func(d doc) { d["knowledge_base"].(doc)["digest"] = strings.Repeat("a", 64) }, false},
		{"lang fr", func(d doc) { d["lang"] = "fr" }, false},
		{"unknown answer", func(d doc) { d["answers"].(doc)["colour"] = "red" }, false},
		{"answer value not allowed", func(d doc) { d["answers"].(doc)["kvm"] = "maybe" }, false},
		{"bool answer as text", func(d doc) { d["answers"].(doc)["rootless"] = "false" }, false},
		{"negative int answer", func(d doc) { d["answers"].(doc)["gpu-memory-gb"] = -1 }, false},
		{"four priorities", func(d doc) {
			d["answers"].(doc)["priorities"] = []any{"security", "startup", "cost", "maturity"}
		}, false},
		{"no categories", func(d doc) { d["answers"].(doc)["categories"] = []any{} }, false},
		{"verdict correct", func(d doc) {
			entry(d)["corrections"] = []any{doc{"fact": "x", "verdict": "correct", "report_says": "a", "verified": "b", "source": "https://example.org"}}
		}, false},
		{"warning without text", func(d doc) { d["warnings"] = []any{doc{}} }, false},
		{"sensitivity with extra key", func(d doc) {
			d["categories"].([]any)[0].(doc)["sensitivity"] = []any{doc{"question": "kvm", "value": "none", "top": "gvisor", "why": "x"}}
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			if err := json.Unmarshal(base, &d); err != nil {
				t.Fatal(err)
			}
			tc.mutate(d)
			data, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			err = validate(sch, data)
			if tc.valid && err != nil {
				t.Errorf("want valid: %v", err)
			}
			if !tc.valid && err == nil {
				t.Errorf("want invalid, but the schema accepts it")
			}
		})
	}
}

// TestRulesValidate: (c) every embedded rule file and the mini test base validate against the
// rules schema.
func TestRulesValidate(t *testing.T) {
	sch := compile(t, "rules")
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	mini := testbase.MiniFiles(t)
	org, err := knowledge.ReadFS(os.DirFS("../../testdata/org-policy"), ".", "org-policy/")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 7 || len(mini) < 4 || len(org) < 1 {
		t.Fatalf("found %d embedded, %d mini and %d org-policy rule files", len(files), len(mini), len(org))
	}
	for _, f := range slices.Concat(files, mini, org) {
		t.Run(f.Name, func(t *testing.T) {
			data, err := yamlToJSON(f.Data)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(sch, data); err != nil {
				t.Errorf("%s does not validate: %v", f.Name, err)
			}
		})
	}
}

// TestRulesRejectBroken: the broken rule files whose mistake is structural fail the schema, as
// they fail the loader.
func TestRulesRejectBroken(t *testing.T) {
	sch := compile(t, "rules")
	for _, name := range []string{"unknown-key.yaml", "wrong-type.yaml", "missing-source.yaml", "missing-zh.yaml", "unknown-operator.yaml"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("../../testdata/rules/broken", name))
			if err != nil {
				t.Fatal(err)
			}
			data, err := yamlToJSON(raw)
			if err != nil {
				t.Fatal(err)
			}
			err = validate(sch, data)
			if err == nil {
				t.Fatalf("%s validates, but the loader rejects it", name)
			}
			t.Logf("rejected: %v", err)
		})
	}
}

// TestRulesAgreeWithLoader adds one file to the mini base and checks that the schema accepts it
// exactly when the loader does, for the shapes the schema encodes (operators, effects, targets,
// attribute types, questions).
func TestRulesAgreeWithLoader(t *testing.T) {
	sch := compile(t, "rules")
	mini := testbase.MiniFiles(t)
	rule := func(body string) string {
		return "category: engine\nrules:\n  - id: engine.case\n" + body + "    because: {en: Because., zh: 因为。}\n    source: \"report: test\"\n"
	}
	cases := []struct {
		name, file string
		valid      bool
	}{
		{"answer operand in a target", rule("    when: {budget: {gt: 0}}\n    effect: adjust\n    points: -5\n    target: {where: {price: {gte: {answer: budget}}}}\n"), true},
		{"every condition shape", rule("    when: {any_of: [{kvm: {in: [none]}}, {workloads: {empty: false}}, {priorities: {has_none: [speed]}}, {budget: {lte: 3}}, {kvm: [none, available]}]}\n    effect: caveat\n    target: {ids: [fast], where: {needs_kvm: {not: true}}}\n"), true},
		{"caveat with points 0", rule("    effect: caveat\n    points: 0\n    target: {ids: [fast]}\n"), true},
		{"facts without category", "facts:\n  - {id: extra-fact, verdict: dated, checked: \"2026-01-01\", report_says: {en: A., zh: 甲。}, verified: {en: B., zh: 乙。}, source: \"https://example.org\"}\n", true},
		{"added attributes", "category: engine\nattributes:\n  tags: {type: list, values: [a, b], title: {en: Tags, zh: 标签}}\n  grade: {type: enum, values: [x, y], scores: {x: 1, y: 0.5}, title: {en: Grade, zh: 等级}}\n  notes: {type: text, title: {en: Notes, zh: 备注}}\n", true},
		{"adjust without points", rule("    effect: adjust\n    target: {ids: [fast]}\n"), false},
		{"adjust with points 0", rule("    effect: adjust\n    points: 0\n    target: {ids: [fast]}\n"), false},
		{"exclude with points", rule("    effect: exclude\n    points: 5\n    target: {ids: [fast]}\n"), false},
		{"unknown effect", rule("    effect: remove\n    target: {ids: [fast]}\n"), false},
		{"empty target", rule("    effect: caveat\n    target: {}\n"), false},
		{"empty ids", rule("    effect: caveat\n    target: {ids: []}\n"), false},
		{"answer operand in a condition", rule("    when: {budget: {gt: {answer: budget}}}\n    effect: caveat\n    target: {ids: [fast]}\n"), false},
		{"two operators", rule("    when: {kvm: {is: none, not: available}}\n    effect: caveat\n    target: {ids: [fast]}\n"), false},
		{"no operator", rule("    when: {kvm: {}}\n    effect: caveat\n    target: {ids: [fast]}\n"), false},
		{"empty any_of entry", rule("    when: {any_of: [{}]}\n    effect: caveat\n    target: {ids: [fast]}\n"), false},
		{"null condition", rule("    when:\n    effect: caveat\n    target: {ids: [fast]}\n"), false},
		{"rule id with capitals", strings.Replace(rule("    effect: caveat\n    target: {ids: [fast]}\n"), "engine.case", "Engine.Case", 1), false},
		{"text with a third language", strings.Replace(rule("    effect: caveat\n    target: {ids: [fast]}\n"), "zh: 因为。", "zh: 因为。, fr: Parce que.", 1), false},
		{"unknown key in a rule", rule("    effect: caveat\n    target: {ids: [fast]}\n") + "    note: {en: A., zh: 甲。}\n", false},
		{"text without en", strings.Replace(rule("    effect: caveat\n    target: {ids: [fast]}\n"), "en: Because., ", "", 1), false},
		{"unknown verdict", "facts:\n  - {id: extra-fact, verdict: maybe, checked: \"2026-01-01\", report_says: {en: A., zh: 甲。}, verified: {en: B., zh: 乙。}, source: \"https://example.org\"}\n", false},
		{"level without range", "category: engine\nattributes:\n  grade: {type: level, title: {en: Grade, zh: 等级}}\n", false},
		{"bool with unit", "category: engine\nattributes:\n  flag: {type: bool, unit: ms, title: {en: Flag, zh: 标志}}\n", false},
		{"bool better higher", "category: engine\nattributes:\n  flag: {type: bool, better: higher, title: {en: Flag, zh: 标志}}\n", false},
		{"enum without values", "category: engine\nattributes:\n  grade: {type: enum, title: {en: Grade, zh: 等级}}\n", false},
		{"text with better", "category: engine\nattributes:\n  notes: {type: text, better: higher, title: {en: Notes, zh: 备注}}\n", false},
		{"score above 1", "category: engine\nattributes:\n  grade: {type: enum, values: [x, y], scores: {x: 2, y: 0}, title: {en: Grade, zh: 等级}}\n", false},
		{"unknown attribute type", "category: engine\nattributes:\n  grade: {type: colour, title: {en: Grade, zh: 等级}}\n", false},
		{"weight 0", "category: engine\ncriteria:\n  - {id: extra, attribute: price, weight: 0}\n", false},
		{"title without category", "title: {en: T, zh: 题}\n", false},
		{"null attribute value", "category: engine\ncandidates:\n  - id: nulled\n    name: Nulled\n    summary: {en: N., zh: 无。}\n    attributes:\n      speed: {value: null, source: \"report: x\"}\n      safety: {value: 1, source: \"report: x\"}\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := append(slices.Clone(mini), knowledge.File{Name: "mini/zz-case.yaml", Data: []byte(tc.file)})
			_, loadErr := knowledge.Load(files)
			if (loadErr == nil) != tc.valid {
				t.Fatalf("the loader says valid=%v (%v); the case expects %v", loadErr == nil, loadErr, tc.valid)
			}
			data, err := yamlToJSON([]byte(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			err = validate(sch, data)
			if tc.valid && err != nil {
				t.Errorf("the loader accepts it but the schema does not: %v", err)
			}
			if !tc.valid && err == nil {
				t.Errorf("the loader rejects it (%v) but the schema accepts it", loadErr)
			}
			if !tc.valid && err != nil {
				t.Logf("loader: %v\nschema: %v", loadErr, err)
			}
		})
	}
}

// TestRulesOverrides checks the overrides section of an organisation's overlay (--rules): the
// schema accepts an overlay file exactly when the loader does.
func TestRulesOverrides(t *testing.T) {
	sch := compile(t, "rules")
	mini := testbase.MiniFiles(t)
	cases := []struct {
		name, file string
		valid      bool
	}{
		{"override", "category: engine\noverrides:\n  - candidate: fast\n    attributes:\n      price: {value: 50, source: \"https://example.org/price\", grade: spec, note: {en: Our price., zh: 我们的价格。}}\n", true},
		{"without category", "overrides:\n  - candidate: fast\n    attributes: {price: {value: 50, source: \"https://example.org/price\"}}\n", false},
		{"without source", "category: engine\noverrides:\n  - candidate: fast\n    attributes: {price: {value: 50}}\n", false},
		{"without attributes", "category: engine\noverrides:\n  - candidate: fast\n", false},
		{"unknown key", "category: engine\noverrides:\n  - candidate: fast\n    name: Faster\n    attributes: {price: {value: 50, source: \"https://example.org/price\"}}\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, loadErr := knowledge.LoadLayers(mini, []knowledge.File{{Name: "org/overlay.yaml", Data: []byte(tc.file)}})
			if (loadErr == nil) != tc.valid {
				t.Fatalf("the loader says valid=%v (%v); the case expects %v", loadErr == nil, loadErr, tc.valid)
			}
			data, err := yamlToJSON([]byte(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			err = validate(sch, data)
			if tc.valid && err != nil {
				t.Errorf("the loader accepts it but the schema does not: %v", err)
			}
			if !tc.valid && err == nil {
				t.Errorf("the loader rejects it (%v) but the schema accepts it", loadErr)
			}
		})
	}
}

// TestQuestionsFileRejects checks the question shapes on copies of the embedded questions.yaml.
func TestQuestionsFileRejects(t *testing.T) {
	sch := compile(t, "rules")
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	var questions []byte
	for _, f := range files {
		if f.Name == "rules/questions.yaml" {
			questions = f.Data
		}
	}
	if questions == nil {
		t.Fatal("no rules/questions.yaml")
	}
	type doc = map[string]any
	cases := []struct {
		name   string
		mutate func(q doc)
	}{
		{"unknown type", func(q doc) { q["type"] = "many" }},
		{"one without values", func(q doc) { delete(q, "values") }},
		{"one with max", func(q doc) { q["max"] = 2 }},
		{"one with a list default", func(q doc) { q["default"] = []any{"cloud"} }},
		{"one with a single value", func(q doc) { q["values"] = q["values"].([]any)[:1] }},
		{"missing help", func(q doc) { delete(q, "help") }},
		{"unknown key", func(q doc) { q["hint"] = "x" }},
		{"value without label", func(q doc) { delete(q["values"].([]any)[0].(doc), "label") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := yamlToJSON(questions)
			if err != nil {
				t.Fatal(err)
			}
			var d doc
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatal(err)
			}
			for _, q := range d["questions"].([]any) {
				if q.(doc)["id"] == "environment" {
					tc.mutate(q.(doc))
				}
			}
			data, _ = json.Marshal(d)
			if err := validate(sch, data); err == nil {
				t.Error("want invalid, but the schema accepts it")
			}
		})
	}
}

// TestAnswersFile: (d) answers files the schema accepts are exactly those the tool accepts.
func TestAnswersFile(t *testing.T) {
	sch := compile(t, "answers")
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		answers string
		valid   bool
	}{
		{`{}`, true},
		{`{"categories": ["sandbox"], "tenancy": "untrusted", "kvm": "none"}`, true},
		{`{"categories": ["engine", "orchestrator", "sandbox", "gpu", "wasm-runtime"], "workloads": ["web-services", "batch-ci"],
		  "environment": "edge", "scale": "medium", "k8s-experience": "none", "tenancy": "multi-team",
		  "priorities": ["security", "maturity", "cost"], "rootless": true, "systemd": false, "kvm": "available",
		  "confidential": true, "startup-budget-ms": 500, "gpu-memory-gb": 80, "gpu-sharing": true, "domestic": false,
		  "cuda": "required", "gpu-budget-cny": 100000, "wasm-host": "rust", "wasm-ai": true}`, true},
		{`{"priorities": []}`, true},
		{`{"categories": "engine, gpu", "workloads": "ai-training,hpc", "priorities": "security,cost"}`, true},
		{`{"priorities": ""}`, true},
		{`{"colour": "red"}`, false},
		{`{"catgories": ["engine"]}`, false},
		{`{"priorities": ["security", "startup", "cost", "maturity"]}`, false},
		{`{"priorities": "security,startup,cost,maturity"}`, false},
		{`{"categories": []}`, false},
		{`{"workloads": []}`, false},
		{`{"categories": "engine,boats"}`, false},
		{`{"categories": ["boats"]}`, false},
		{`{"categories": ""}`, false},
		{`{"kvm": "maybe"}`, false},
		{`{"kvm": ["none"]}`, false},
		{`{"rootless": "yes"}`, false},
		{`{"rootless": 1}`, false},
		{`{"startup-budget-ms": -1}`, false},
		{`{"startup-budget-ms": "5"}`, false},
		{`{"gpu-memory-gb": 1.5}`, false},
		{`{"scale": null}`, false},
		{`[]`, false},
	}
	for _, tc := range cases {
		t.Run(tc.answers, func(t *testing.T) {
			_, goErr := b.ParseAnswers("answers.json", []byte(tc.answers))
			if (goErr == nil) != tc.valid {
				t.Fatalf("the tool says valid=%v (%v); the case expects %v", goErr == nil, goErr, tc.valid)
			}
			err := validate(sch, []byte(tc.answers))
			if tc.valid && err != nil {
				t.Errorf("want valid: %v", err)
			}
			if !tc.valid && err == nil {
				t.Errorf("want invalid (the tool says: %v), but the schema accepts it", goErr)
			}
		})
	}
}

// TestAnswersInSync checks the answers of both schemas against rules/questions.yaml: the same
// ids, types, values and limits, so a change to the questions cannot leave the schemas behind.
func TestAnswersInSync(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reportDefs := rawSchema(t, "report")["$defs"].(map[string]any)
	reportAnswers := reportDefs["answers"].(map[string]any)
	answers := rawSchema(t, "answers")
	var ids []string
	for _, q := range b.Questions {
		ids = append(ids, q.ID)
	}
	for name, obj := range map[string]map[string]any{"report": reportAnswers, "answers": answers} {
		props := obj["properties"].(map[string]any)
		if got := sortedKeys(props); !slices.Equal(got, sortedCopy(ids)) {
			t.Errorf("%s schema answers: keys %v, questions %v", name, got, sortedCopy(ids))
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s schema answers allow other keys", name)
		}
		for _, q := range b.Questions {
			p, _ := props[q.ID].(map[string]any)
			if p == nil {
				continue
			}
			if s, _ := p["description"].(string); s == "" {
				t.Errorf("%s schema: %s has no description", name, q.ID)
			}
			if msg := checkAnswer(q, p); msg != "" {
				t.Errorf("%s schema: %s: %s", name, q.ID, msg)
			}
		}
	}
	req := toStrings(reportAnswers["required"])
	if !slices.Equal(req, ids) {
		t.Errorf("report answers require %v; every question (in order) is %v", req, ids)
	}
	catIDs := b.Question("categories").ValueIDs()
	catEnum := toStrings(reportDefs["category"].(map[string]any)["properties"].(map[string]any)["id"].(map[string]any)["enum"])
	if !slices.Equal(catEnum, catIDs) {
		t.Errorf("report category ids %v; categories %v", catEnum, catIDs)
	}
}

// checkAnswer compares one answer property of a schema with its question.
func checkAnswer(q *knowledge.Question, p map[string]any) string {
	if alts, ok := p["anyOf"].([]any); ok {
		p = alts[0].(map[string]any) // the list form; the text form is checked by TestAnswersFile
	}
	switch q.Type {
	case knowledge.TypeOne:
		// The values, each followed by its former ids (aliases), which answers may still use.
		var want []string
		for _, c := range q.Values {
			want = append(want, c.ID)
			want = append(want, c.Aliases...)
		}
		if got := toStrings(p["enum"]); !slices.Equal(got, want) {
			return fmt.Sprintf("enum %v, values and aliases %v", got, want)
		}
	case knowledge.TypeMulti:
		if p["type"] != "array" {
			return "not an array"
		}
		if got := toStrings(p["items"].(map[string]any)["enum"]); !slices.Equal(got, q.ValueIDs()) {
			return fmt.Sprintf("items %v, values %v", got, q.ValueIDs())
		}
		if !sameLimit(p["minItems"], q.Min, 0) || !sameLimit(p["maxItems"], q.Max, -1) {
			return fmt.Sprintf("minItems %v maxItems %v; question min %v max %v", p["minItems"], p["maxItems"], deref(q.Min), deref(q.Max))
		}
	case knowledge.TypeBool:
		if p["type"] != "boolean" {
			return fmt.Sprintf("type %v, want boolean", p["type"])
		}
	case knowledge.TypeInt:
		if p["type"] != "integer" || !sameLimit(p["minimum"], q.Min, -1) || !sameLimit(p["maximum"], q.Max, -1) {
			return fmt.Sprintf("type %v minimum %v maximum %v; question min %v max %v", p["type"], p["minimum"], p["maximum"], deref(q.Min), deref(q.Max))
		}
	default:
		return "unknown question type " + q.Type
	}
	return ""
}

// sameLimit reports whether a schema limit matches a question's min or max; a missing limit
// equals unset, and a schema limit equal to none (0 for minItems) stands for no limit.
func sameLimit(schemaVal any, q *int, none int) bool {
	if schemaVal == nil {
		return q == nil || *q == none
	}
	f, ok := schemaVal.(float64)
	if !ok {
		return false
	}
	if q == nil {
		return int(f) == none
	}
	return int(f) == *q
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// Each schema's $id is where the file lives in the repository (editors and validators fetch
// it), and the report schema's title names the schema_version its const requires, the one the
// report package writes.
func TestSchemaIDsAndVersion(t *testing.T) {
	const base = "https://raw.githubusercontent.com/stackadvisor/stackadvisor/main/pkg/schema/"
	for _, name := range schema.Names {
		data, err := schema.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			ID         string `json:"$id"`
			Title      string `json:"title"`
			Properties struct {
				Version struct {
					Const int `json:"const"`
				} `json:"schema_version"`
			} `json:"properties"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if want := base + name + ".schema.json"; doc.ID != want {
			t.Errorf("%s: $id %q, want %q", name, doc.ID, want)
		}
		if _, err := os.Stat(name + ".schema.json"); err != nil {
			t.Errorf("%s: the $id names a file that is not in pkg/schema: %v", name, err)
		}
		if name == "report" {
			if doc.Properties.Version.Const != report.SchemaVersion {
				t.Errorf("report schema const %d, the report writes %d", doc.Properties.Version.Const, report.SchemaVersion)
			}
			if want := fmt.Sprintf("schema version %d", report.SchemaVersion); !strings.Contains(doc.Title, want) {
				t.Errorf("report schema title %q does not name %q", doc.Title, want)
			}
		}
	}
}

// The project files of the tests validate against the config schema, and a key it does not
// know does not.
func TestConfigSchema(t *testing.T) {
	data, err := schema.Get("config")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for text, valid := range map[string]bool{
		"rules: [policy/]\nanswers: {categories: [sandbox], tenancy: untrusted}\nadr: docs/adr\n": true,
		"rules: [/etc]\n": false,
		"colour: blue\n":  false,
		"adr: C:/adr\n":   false,
	} {
		var v any
		if err := yaml.Unmarshal([]byte(text), &v); err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(stringKeys(v)); (err == nil) != valid {
			t.Errorf("%q: valid %v, want %v (%v)", text, err == nil, valid, err)
		}
	}
}
