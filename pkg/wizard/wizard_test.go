package wizard_test

import (
	"bytes"
	"context"
	"fmt"
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

// TestCurrentOnePartPerCategory: the question whose values are the candidates (what runs
// today) holds one choice per category of the base, none at first; only the categories the
// answers request are asked, and its value is the chosen parts of those, category by category.
func TestCurrentOnePartPerCategory(t *testing.T) {
	b := base(t)
	w, err := wizard.New(b, i18n.For("en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	cur := field(w, knowledge.QCurrent)
	if len(cur.Parts) != len(b.Categories) {
		t.Fatalf("%d parts for %d categories", len(cur.Parts), len(b.Categories))
	}
	defaults, _ := b.Resolve(nil)
	for i, p := range cur.Parts {
		if p.Category != b.Categories[i] || p.ID != "" {
			t.Errorf("part %d: category %s, id %q; want %s, none", i, p.Category.ID, p.ID, b.Categories[i].ID)
		}
		if asked := slices.Contains(defaults[knowledge.QCategories].List, p.Category.ID); cur.Shown(p.Category.ID) != asked {
			t.Errorf("part of %s shown %v, asked by default %v", p.Category.ID, !asked, asked)
		}
	}
	if v, err := cur.Value(); err != nil || len(v.List) != 0 {
		t.Errorf("nothing chosen: %v, %v", v, err)
	}
	// Choose the last candidate of every category, in reverse order: the value keeps the
	// categories' order and leaves out those not asked.
	var want []string
	for i := len(cur.Parts) - 1; i >= 0; i-- {
		p := cur.Parts[i]
		p.ID = p.Category.Candidates[len(p.Category.Candidates)-1].ID
	}
	for _, p := range cur.Parts {
		if cur.Shown(p.Category.ID) {
			want = append(want, p.ID)
		}
	}
	if len(want) == 0 || len(want) == len(cur.Parts) {
		t.Fatalf("the test needs a category not asked by default (asked: %v)", want)
	}
	if v, _ := cur.Value(); !slices.Equal(v.List, want) {
		t.Errorf("value %v, want %v", v.List, want)
	}
	a, err := w.Answers()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a[knowledge.QCurrent].List, want) {
		t.Errorf("answer %v, want %v", a[knowledge.QCurrent], want)
	}
	// Asking for every category shows every part; choosing a part does not change which
	// categories are asked.
	field(w, knowledge.QCategories).Multi = b.Question(knowledge.QCategories).ValueIDs()
	for _, p := range cur.Parts {
		if !cur.Shown(p.Category.ID) {
			t.Errorf("part of %s hidden with every category asked", p.Category.ID)
		}
	}
	if v, _ := cur.Value(); len(v.List) != len(cur.Parts) {
		t.Errorf("value %v with every category asked", v.List)
	}
}

// TestCurrentPrefill: prefilled parts are preselected and kept; a part of a category not
// asked by default brings its category, as in recommend, and one of a category the answers
// leave out is still shown, so that accepting everything keeps it.
func TestCurrentPrefill(t *testing.T) {
	b := base(t)
	defaults, _ := b.Resolve(nil)
	var in, out *knowledge.Category // a category asked by default, and one not
	for _, c := range b.Categories {
		if slices.Contains(defaults[knowledge.QCategories].List, c.ID) {
			in = cmpOr(in, c)
		} else {
			out = cmpOr(out, c)
		}
	}
	ids := []string{in.Candidates[1].ID, out.Candidates[0].ID}
	prefill := knowledge.Answers{knowledge.QCurrent: {Type: knowledge.TypeMulti, List: ids}}
	w, err := wizard.New(b, i18n.For("en"), prefill)
	if err != nil {
		t.Fatal(err)
	}
	cur := field(w, knowledge.QCurrent)
	for _, p := range cur.Parts {
		want := ""
		switch p.Category {
		case in:
			want = ids[0]
		case out:
			want = ids[1]
		}
		if p.ID != want {
			t.Errorf("part of %s: %q, want %q", p.Category.ID, p.ID, want)
		}
	}
	if !cur.Shown(out.ID) || !slices.Contains(w.Current()[knowledge.QCategories].List, out.ID) {
		t.Errorf("a prefilled part of %s does not bring its category", out.ID)
	}
	a, err := w.Answers()
	if err != nil {
		t.Fatal(err)
	}
	if !a[knowledge.QCurrent].Equal(prefill[knowledge.QCurrent]) {
		t.Errorf("answer %v, want the prefilled %v", a[knowledge.QCurrent], ids)
	}
	// None for that part: the category leaves the default ones, but its choice stays on the
	// page (what is asked follows the other answers, not this one).
	cur.Parts[slices.IndexFunc(cur.Parts, func(p *wizard.Part) bool { return p.Category == out })].ID = ""
	if !cur.Shown(out.ID) || slices.Contains(w.Current()[knowledge.QCategories].List, out.ID) {
		t.Errorf("part of %s: shown %v; categories %v", out.ID, cur.Shown(out.ID), w.Current()[knowledge.QCategories].List)
	}

	// Categories given explicitly without the prefilled part's category: the part is shown.
	prefill[knowledge.QCategories] = knowledge.Value{Type: knowledge.TypeMulti, List: []string{in.ID}}
	w, err = wizard.New(b, i18n.For("en"), prefill)
	if err != nil {
		t.Fatal(err)
	}
	cur = field(w, knowledge.QCurrent)
	for _, p := range cur.Parts {
		if want := p.Category == in || p.Category == out; cur.Shown(p.Category.ID) != want {
			t.Errorf("part of %s shown %v", p.Category.ID, !want)
		}
	}
	if a, _ := w.Answers(); !a[knowledge.QCurrent].Equal(prefill[knowledge.QCurrent]) {
		t.Errorf("answer %v, want the prefilled %v", a[knowledge.QCurrent], ids)
	}
}

func cmpOr(a, b *knowledge.Category) *knowledge.Category {
	if a != nil {
		return a
	}
	return b
}

// todayPrompts drives the accessible wizard, every question before today's parts kept, with
// the lines after, and returns the answers and what today's page showed.
func todayPrompts(t *testing.T, lang, after string) (knowledge.Answers, string) {
	t.Helper()
	today := page(newWizard(t, lang), "today").Topic.Title.In(lang)
	_, all := run(t, lang, "")
	before, _, found := strings.Cut(all, "== "+today+" ==")
	if !found {
		t.Fatalf("no page %q:\n%s", today, all)
	}
	// At the end of input each prompt ends its line unanswered.
	n := len(regexp.MustCompile(`(?m)[:：] ?$`).FindAllString(before, -1))
	a, out := run(t, lang, strings.Repeat("\n", n)+after)
	_, shown, _ := strings.Cut(out, "== "+today+" ==")
	return a, shown
}

func newWizard(t *testing.T, lang string) *wizard.Wizard {
	t.Helper()
	w, err := wizard.New(base(t), i18n.For(lang), nil)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestAccessibleCurrent: in the accessible mode each category asked for gets its own numbered
// choice, none first and kept by an empty line; a bad number is asked again.
func TestAccessibleCurrent(t *testing.T) {
	b := base(t)
	defaults, _ := b.Resolve(nil)
	var asked []*knowledge.Category
	for _, c := range b.Categories {
		if slices.Contains(defaults[knowledge.QCategories].List, c.ID) {
			asked = append(asked, c)
		}
	}
	if len(asked) < 3 {
		t.Fatalf("the test needs three categories asked by default, not %d", len(asked))
	}
	// First category: its first candidate; second: none (kept); third: a bad number, then
	// its second candidate.
	a, shown := todayPrompts(t, "en", "2\n\n99\n3\n")
	want := []string{asked[0].Candidates[0].ID, asked[2].Candidates[1].ID}
	if got := a[knowledge.QCurrent].List; !slices.Equal(got, want) {
		t.Errorf("current %v, want %v", got, want)
	}
	for _, c := range asked {
		block := c.Title.En + " today\n"
		if !strings.Contains(shown, block) {
			t.Errorf("no choice %q:\n%s", block, shown)
		}
	}
	for _, c := range b.Categories {
		if !slices.Contains(asked, c) && strings.Contains(shown, c.Title.En+" today") {
			t.Errorf("a choice for %s, which is not asked", c.ID)
		}
	}
	if !strings.Contains(shown, "1. * none / not yet\n") || !strings.Contains(shown, "(empty keeps none / not yet): ") {
		t.Errorf("none is not the first, chosen, choice:\n%s", shown)
	}
	if n := len(asked[2].Candidates) + 1; !strings.Contains(shown, fmt.Sprintf("Enter a number from 1 to %d.\n", n)) {
		t.Errorf("a bad number is not refused:\n%s", shown)
	}

	// In Chinese: the category's title and none in Chinese.
	a, shown = todayPrompts(t, "zh", "")
	if len(a[knowledge.QCurrent].List) != 0 {
		t.Errorf("empty lines chose %v", a[knowledge.QCurrent])
	}
	for _, want := range []string{asked[0].Title.Zh + "（目前在用）\n", "1. * 无 / 尚未使用\n"} {
		if !strings.Contains(shown, want) {
			t.Errorf("zh page lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "today") || strings.Contains(shown, "none / not yet") {
		t.Errorf("English in the zh page:\n%s", shown)
	}
}

// TestFormCurrent draws the full-screen form's page of what runs today (the form built from
// that page alone) with a prefilled part: a note with the question, then a select per category
// asked for, the focused one listing its choices and the others showing theirs; it then picks
// with the keys and checks the answer.
func TestFormCurrent(t *testing.T) {
	b := base(t)
	defaults, _ := b.Resolve(nil)
	var asked []*knowledge.Category
	for _, c := range b.Categories {
		if slices.Contains(defaults[knowledge.QCategories].List, c.ID) {
			asked = append(asked, c)
		}
	}
	first, second := asked[0], asked[1]
	prefill := knowledge.Answers{knowledge.QCurrent: {Type: knowledge.TypeMulti, List: []string{first.Candidates[1].ID}}}
	w, err := wizard.New(b, i18n.For("en"), prefill)
	if err != nil {
		t.Fatal(err)
	}
	w.Pages = []*wizard.Page{page(w, "today")}
	out := &syncBuffer{}
	pr, pw := io.Pipe()
	defer pw.Close()
	type result struct {
		a   knowledge.Answers
		err error
	}
	done := make(chan result, 1)
	go func() {
		a, err := w.Run(context.Background(), wizard.Options{In: pr, Out: out, Width: 100, Height: 40, NoColor: true})
		done <- result{a, err}
	}()
	screen := func() string { return ansi.Strip(out.String()) }
	deadline := time.Now().Add(20 * time.Second)
	drawn := func() bool { // the help, and the page (a first frame may come before it)
		s := screen()
		return strings.Contains(s, "filter") && strings.Contains(s, asked[len(asked)-1].Title.En+" today")
	}
	for time.Now().Before(deadline) && !drawn() {
		time.Sleep(20 * time.Millisecond)
	}
	s := screen()
	none := "none / not yet"
	for _, want := range []string{
		b.Question(knowledge.QCurrent).Label.En,
		first.Title.En + " today",
		"> " + first.Candidates[1].Name,              // the prefilled part, under the cursor
		first.Candidates[0].Name,                     // the focused select lists its choices
		second.Title.En + " today\n  " + none + "\n", // the others show their choice only
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, second.Candidates[0].Name) {
		t.Errorf("a select without the focus lists its choices:\n%s", s)
	}
	for _, c := range b.Categories {
		if !slices.Contains(asked, c) && strings.Contains(s, c.Title.En+" today") {
			t.Errorf("a choice for %s, which is not asked:\n%s", c.ID, s)
		}
	}
	// Down to the next candidate, next; down to the second's first candidate, next; then
	// next through the rest, which submits. A key is sent once the last one shows: huh moves
	// to the next field by a command, which a key already read would overtake.
	press := func(key, shows string) {
		t.Helper()
		if _, err := io.WriteString(pw, key); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(20 * time.Second); shows != "" && !strings.Contains(screen(), shows); {
			if time.Now().After(deadline) {
				t.Fatalf("after %q, no %q:\n%s", key, shows, screen())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	press("j", "> "+first.Candidates[2].Name)
	press("\r", second.Candidates[1].Name)
	press("j", "> "+second.Candidates[0].Name)
	for i := 2; i < len(asked); i++ {
		press("\r", asked[i].Candidates[1].Name)
	}
	press("\r", "")
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		want := []string{first.Candidates[2].ID, second.Candidates[0].ID}
		if got := r.a[knowledge.QCurrent].List; !slices.Equal(got, want) {
			t.Errorf("current %v, want %v", got, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the form did not finish:\n%s", screen())
	}
}
