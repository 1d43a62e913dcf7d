package wizard_test

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/wizard"
)

func base(t *testing.T) *knowledge.Base {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func page(w *wizard.Wizard, topic string) *wizard.Page {
	for _, p := range w.Pages {
		if p.Topic.ID == topic {
			return p
		}
	}
	return nil
}

func field(w *wizard.Wizard, id string) *wizard.Field {
	for _, f := range w.Fields {
		if f.Question.ID == id {
			return f
		}
	}
	return nil
}

func TestPagesFollowTopicsAndShowWhen(t *testing.T) {
	b := base(t)
	w, err := wizard.New(b, i18n.For("en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Fields) != len(b.Questions) {
		t.Fatalf("%d fields for %d questions", len(w.Fields), len(b.Questions))
	}
	var topics []string
	for _, p := range w.Pages {
		topics = append(topics, p.Topic.ID)
	}
	// The sites question shows only at the edge: a page of its own, last of the workload topic.
	// How function instances start is asked only for functions, snapshots only with a start-up budget, the code a sandbox runs only for the
	// sandbox category, Docker inside CI jobs only for CI workloads: a page each. The training
	// framework is asked only for AI training, where the card goes only at the edge or on a
	// workstation: a page each in the GPU topic.
	// The regulated-platform questions (air-gapped, FIPS, baseline, vendor support) show only
	// when an orchestrator is asked for: a page of their own, last of the security topic.
	// The headquarters question shows only for a buyer outside China or not stated, the
	// export-licence question only for a buyer in China or headquartered there: a page each,
	// last of the GPU topic.
	// What runs today is asked last, on a page of its own.
	if want := []string{"workload", "workload", "security", "security", "security", "security", "security", "security", "gpu", "gpu", "gpu", "gpu", "gpu", "wasm", "today"}; !slices.Equal(topics, want) {
		t.Fatalf("pages %v, want %v (one per topic and show_when: questions sharing a show_when share a page)", topics, want)
	}
	gpu, wasm := page(w, "gpu"), page(w, "wasm")
	if w.Visible(gpu) || w.Visible(wasm) {
		t.Errorf("GPU and Wasm pages visible with the default categories")
	}
	cats := field(w, "categories")
	cats.Multi = append(cats.Multi, "gpu")
	if !w.Visible(gpu) || w.Visible(wasm) {
		t.Errorf("choosing gpu must show the GPU page only")
	}
	answers, err := w.Answers()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := answers["cuda"]; !ok {
		t.Errorf("a shown GPU page answers cuda")
	}
	if _, ok := answers["wasm-host"]; ok {
		t.Errorf("a hidden page must not answer wasm-host")
	}
}

func TestDefaultsAndPrefill(t *testing.T) {
	b := base(t)
	prefill := knowledge.Answers{
		"workloads": {Type: knowledge.TypeMulti, List: []string{"ai-training"}},
		"kvm":       {Type: knowledge.TypeOne, Str: "none"},
	}
	w, err := wizard.New(b, i18n.For("en"), prefill)
	if err != nil {
		t.Fatal(err)
	}
	if got := field(w, "kvm").One; got != "none" {
		t.Errorf("kvm prefilled %q", got)
	}
	if got := field(w, "tenancy").One; got != "single-team" {
		t.Errorf("tenancy default %q", got)
	}
	// The categories default follows the prefilled workloads: AI training adds gpu.
	if got := field(w, "categories").Multi; !slices.Contains(got, "gpu") {
		t.Errorf("categories %v lack gpu for ai-training", got)
	}
	if !w.Visible(page(w, "gpu")) {
		t.Errorf("GPU page hidden although gpu is a category")
	}
}

// run drives the accessible form with piped lines and returns the answers and the prompts.
func run(t *testing.T, lang, input string) (knowledge.Answers, string) {
	t.Helper()
	w, err := wizard.New(base(t), i18n.For(lang), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	a, err := w.Run(context.Background(), wizard.Options{In: strings.NewReader(input), Out: &out, Accessible: true})
	if err != nil {
		t.Fatal(err)
	}
	return a, out.String()
}

func TestAccessibleRunEnforcesLimitAndShowsGPU(t *testing.T) {
	// categories: add gpu; workloads: keep; environment, scale, k8s: defaults; tenancy:
	// untrusted; priorities: four picks, the fourth refused; then defaults (rootless, systemd,
	// kvm, confidential, start-up budget, app code, air-gapped, FIPS, baseline, vendor
	// support); GPU: 80 GB.
	input := "4\n0\n0\n\n\n\n3\n1\n2\n3\n4\n0\n\n\n\n\n\n\n\n\n\n\n80\n"
	a, out := run(t, "en", input)
	if !strings.Contains(out, "At most 3 may be chosen; deselect one first.") {
		t.Errorf("the limit of 3 priorities was not enforced:\n%s", out)
	}
	if got := a["priorities"].List; !slices.Equal(got, []string{"security", "startup", "performance"}) {
		t.Errorf("priorities %v", got)
	}
	if a["tenancy"].Str != "untrusted" {
		t.Errorf("tenancy %v", a["tenancy"])
	}
	if !strings.Contains(out, "== GPU and accelerators ==") || a["gpu-memory-gb"].Int != 80 {
		t.Errorf("GPU page not asked or answered (gpu-memory-gb %v):\n%s", a["gpu-memory-gb"], out)
	}
	if strings.Contains(out, "== WebAssembly ==") {
		t.Errorf("the WebAssembly page was asked without the category")
	}
	for _, help := range []string{"Untrusted code needs isolation stronger than Linux namespaces."} {
		if !strings.Contains(out, help) {
			t.Errorf("help text %q not shown", help)
		}
	}
}

func TestAccessibleRunInChinese(t *testing.T) {
	_, out := run(t, "zh", "")
	for _, want := range []string{"== 工作负载与规模 ==", "需要为哪些类别做选型？", "容器引擎", "== 安全与隔离 ==", "需要机密计算（TEE）吗？"} {
		if !strings.Contains(out, want) {
			t.Errorf("zh form lacks %q", want)
		}
	}
	if strings.Contains(out, "Which decisions do you need?") {
		t.Errorf("English label in the zh form")
	}
	// The prompts themselves are in Chinese too, not only the questions.
	for _, want := range []string{"输入 1 到", "确认", "最多选择 3 项。", "[y/n，留空保留“否”]"} {
		if !strings.Contains(out, want) {
			t.Errorf("zh prompts lack %q", want)
		}
	}
	for _, english := range []string{"Enter a", "Confirm", "Choose up to", "empty keeps", "[y/N]", "[Y/n]"} {
		if strings.Contains(out, english) {
			t.Errorf("English prompt text %q in the zh form", english)
		}
	}
}

// TestAccessiblePromptsRecover: bad input gets a message in the wizard's language and the
// question again; an empty line keeps the value shown, and confirms a list.
func TestAccessiblePromptsRecover(t *testing.T) {
	// categories: "x" (bad), then empty (confirm the defaults); workloads: 9 (out of range),
	// then 0; environment: 7 (out of range), then 2; scale, k8s: empty; tenancy: 3;
	// priorities: empty; rootless: "maybe" (bad), then y; systemd: empty; kvm: 2;
	// confidential: empty; startup budget: -5 (bad), then 300.
	input := "x\n\n9\n0\n7\n2\n\n\n3\n\nmaybe\ny\n\n2\n\n-5\n300\n"
	a, out := run(t, "en", input)
	for _, msg := range []string{"Enter a number from 0 to 5.", "Enter a number from 0 to 8.", "Enter a number from 1 to", "Answer y (yes) or n (no).", "Enter a whole number of at least 0."} {
		if !strings.Contains(out, msg) {
			t.Errorf("no %q in:\n%s", msg, out)
		}
	}
	if a["rootless"].Bool != true || a["kvm"].Str != "none" || a["startup-budget-ms"].Int != 300 || a["tenancy"].Str != "untrusted" {
		t.Errorf("answers after recovering: rootless %v, kvm %v, budget %v, tenancy %v", a["rootless"], a["kvm"], a["startup-budget-ms"], a["tenancy"])
	}
	full, _ := base(t).Resolve(nil)
	if v, given := a["categories"]; given && !v.Equal(full["categories"]) {
		t.Errorf("an empty line changed categories: %v", v)
	}
	_, zh := run(t, "zh", "x\n")
	if !strings.Contains(zh, "请输入 0 到 5 之间的数字。") {
		t.Errorf("the zh form's error is not in Chinese:\n%s", zh)
	}
}

func TestEndOfInputKeepsDefaults(t *testing.T) {
	a, _ := run(t, "en", "")
	full, err := base(t).Resolve(nil)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range a {
		if !v.Equal(full[id]) {
			t.Errorf("%s = %v, want the default %v", id, v, full[id])
		}
	}
}

// Categories left as they were follow the workloads, as recommend's default does: choosing
// AI training brings in the GPU page and the gpu category.
func TestUntouchedCategoriesFollowWorkloads(t *testing.T) {
	b := base(t)
	w, err := wizard.New(b, i18n.For("en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	field(w, "workloads").Multi = []string{"ai-training"}
	if !w.Visible(page(w, "gpu")) {
		t.Errorf("the GPU page must appear for AI training with untouched categories")
	}
	a, err := w.Answers()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a["categories"]; ok {
		t.Errorf("untouched categories must not be an explicit answer: %v", a["categories"])
	}
	full, _ := b.Resolve(a)
	if !slices.Contains(full["categories"].List, "gpu") {
		t.Errorf("categories %v lack gpu", full["categories"].List)
	}
	// A changed selection is the person's choice and stays as chosen.
	field(w, "categories").Multi = []string{"engine"}
	if a, _ := w.Answers(); !slices.Equal(a["categories"].List, []string{"engine"}) {
		t.Errorf("chosen categories %v", a["categories"])
	}
}

// drawForm runs the full-screen form on a 100×40 window until its first page is drawn (the
// categories question's label and the key help are on the screen; at most 20 s, as a race run on
// a busy machine can take seconds) and returns what it drew.
func drawForm(t *testing.T, lang string, noColor bool) string {
	t.Helper()
	b := base(t)
	w, err := wizard.New(b, i18n.For(lang), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe() // input that stays open until the form is cancelled
	defer pw.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = w.Run(ctx, wizard.Options{In: pr, Out: out, Width: 100, Height: 40, NoColor: noColor})
	}()
	label := b.Question("categories").Label.In(lang)
	help := map[string]string{"en": "toggle", "zh": "切换"}[lang]
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if screen := ansi.Strip(out.String()); strings.Contains(screen, label) && strings.Contains(screen, help) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	return out.String()
}

// syncBuffer is a bytes.Buffer the form may write while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestNoColorForm draws the full-screen form where colour is forced (CLICOLOR_FORCE, a
// 256-colour TERM) and checks that NoColor leaves no colour in it, while the default draws
// some: the form honours --no-color and NO_COLOR like the reports do.
func TestNoColorForm(t *testing.T) {
	t.Setenv("CLICOLOR_FORCE", "1")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "")
	draw := func(noColor bool) string { return drawForm(t, "en", noColor) }
	colour := regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-7]|38;[25];[0-9;]+|9[0-7])m`)
	if got := draw(false); !colour.MatchString(got) {
		t.Fatalf("the form drew no colour even where colour is forced (%q): the test cannot tell", got)
	}
	if got := draw(true); colour.MatchString(got) {
		t.Errorf("NoColor form has colour: %q", colour.FindString(got))
	}
}

// TestKeyHelpInChinese: every key binding's help in the zh form is translated (the keys stay).
func TestKeyHelpInChinese(t *testing.T) {
	screen := ansi.Strip(drawForm(t, "zh", true))
	if !strings.Contains(screen, "下移") || !strings.Contains(screen, "切换") {
		t.Errorf("the zh form's key help is not in Chinese:\n%s", screen)
	}
	for _, english := range []string{" up", " down", " toggle", " next", " submit"} {
		if strings.Contains(screen, english) {
			t.Errorf("English key help %q in the zh form", english)
		}
	}
}

// longLine reads as n bytes of "x", then a newline and rest, without holding them.
type longLine struct {
	n    int
	rest string
}

func (l *longLine) Read(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		for i := range k {
			p[i] = 'x'
		}
		l.n -= k
		return k, nil
	}
	if l.rest == "" {
		return 0, io.EOF
	}
	k := copy(p, "\n"+l.rest)
	l.rest = l.rest[max(0, k-1):]
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// TestAccessibleLineLimit: a line longer than limits.WizardLineBytes is refused with a
// sentence that names the limit, without being held in memory, and the question is asked
// again; a line of exactly the limit is an answer.
func TestAccessibleLineLimit(t *testing.T) {
	const tooLong = "longer than the limit of 4 KiB"
	if limits.WizardLineBytes != 4<<10 {
		t.Fatalf("the test's message assumes 4 KiB")
	}
	// categories: a 256 MiB line (refused), then empty (the defaults); workloads: 0.
	w, err := wizard.New(base(t), i18n.For("en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	a, err := w.Run(context.Background(), wizard.Options{In: &longLine{n: 256 << 20, rest: "\n0\n"}, Out: &out, Accessible: true})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), tooLong); got != 1 {
		t.Errorf("%d times %q in:\n%.2000s", got, tooLong, out.String())
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 32<<20 {
		t.Errorf("reading a line of 256 MiB allocated %d MiB", allocated>>20)
	}
	full, _ := base(t).Resolve(nil)
	if !a["categories"].Equal(full["categories"]) && a["categories"].Type != "" {
		t.Errorf("categories after the refused line: %v", a["categories"])
	}

	// Exactly at the limit (the newline aside): an answer, here blank, keeping the defaults.
	_, at := run(t, "en", strings.Repeat(" ", limits.WizardLineBytes)+"\n")
	if strings.Contains(at, tooLong) {
		t.Errorf("a line of exactly WizardLineBytes was refused")
	}
	_, over := run(t, "en", strings.Repeat(" ", limits.WizardLineBytes+1)+"\n")
	if !strings.Contains(over, tooLong) {
		t.Errorf("a line of WizardLineBytes+1 was taken")
	}
}
