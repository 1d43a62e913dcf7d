package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &cli.Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb, Env: []string{"NO_COLOR=1", "LANG=C.UTF-8"}}
	code = cli.Main(args, s)
	return out.String(), errb.String(), code
}

// equivalentArgs extracts the arguments of the recommend command the wizard prints last.
func equivalentArgs(t *testing.T, stderr string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(last, "stackadvisor recommend") {
		t.Fatalf("the wizard did not end with the equivalent command:\n%s", stderr)
	}
	return strings.Fields(last)[1:]
}

// TestWizardEqualsRecommend checks, for several answer sets typed into the accessible wizard,
// that its JSON report equals, byte for byte, the one of the recommend command it prints.
func TestWizardEqualsRecommend(t *testing.T) {
	today := strings.Repeat("\n", promptsBeforeToday(t)) // every question before today's parts keeps its value
	cases := map[string]struct {
		input string
		want  string // a flag the equivalent command must contain
		not   string // and one it must not
	}{
		"all defaults": {input: "", want: "stackadvisor recommend", not: "--current"},
		"nothing today": {
			// every question kept; engine, orchestrator and sandbox today: none, chosen or kept
			input: today + "1\n\n1\n",
			want:  "stackadvisor recommend", not: "--current",
		},
		"docker and swarm today": {
			// every question kept; engine today: Docker Engine (2); orchestrator today: Docker
			// Swarm mode (4); sandbox today: none (kept)
			input: today + "2\n4\n\n",
			want:  "stackadvisor recommend --current=docker,docker-swarm",
		},
		"untrusted without kvm": {
			// categories, workloads, environment, scale, k8s, tenancy=untrusted, priorities,
			// rootless, systemd, kvm=none
			input: "0\n0\n\n\n\n3\n0\n\n\n2\n",
			want:  "--tenancy=untrusted --kvm=none",
		},
		"gpu for ai training, domestic": {
			// categories +gpu, workloads +ai-training -web-services, environment cloud,
			// scale large, k8s expert, tenancy multi-team, priorities autonomy+cost,
			// rootless yes, systemd no, kvm available, confidential no, budget 0, app code,
			// air-gapped, FIPS, baseline and vendor support as default, gpu memory 64,
			// sharing yes, domestic yes, cuda none, price 0
			input: "4\n0\n5\n1\n0\n1\n4\n3\n2\n7\n5\n0\ny\nn\n1\nn\n\n\n\n\n\n\n64\ny\ny\n3\n\n",
			want:  "--domestic",
		},
		"edge wasm": {
			// categories: only wasm-runtime; workloads +edge-functions; environment edge;
			// then defaults; wasm host rust, AI yes
			input: "1\n2\n3\n5\n0\n8\n0\n3\n\n\n\n0\n\n\n\n\n\n2\ny\n",
			want:  "--categories=wasm-runtime",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			wizOut, wizErr, code := runCLI(t, c.input, "wizard", "--accessible", "-f", "json")
			if code != 0 {
				t.Fatalf("wizard exit %d:\n%s", code, wizErr)
			}
			args := equivalentArgs(t, wizErr)
			command := strings.Join(append([]string{"stackadvisor"}, args...), " ")
			if !strings.Contains(command, c.want) {
				t.Errorf("equivalent command %v lacks %q", args, c.want)
			}
			if c.not != "" && strings.Contains(command, c.not) {
				t.Errorf("equivalent command %v has %q", args, c.not)
			}
			recOut, recErr, code := runCLI(t, "", append(args, "-f", "json")...)
			if code != 0 {
				t.Fatalf("recommend %v exit %d: %s", args, code, recErr)
			}
			if wizOut != recOut {
				t.Errorf("wizard and %v differ:\n--- wizard\n%s\n--- recommend\n%s", args, wizOut, recOut)
			}
		})
	}
}

func TestWizardSaveRoundTrip(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "answers.yaml")
	input := "0\n0\n\n4\n\n3\n1\n0\ny\n"
	wizOut, wizErr, code := runCLI(t, input, "wizard", "--accessible", "-f", "json", "--save", saved)
	if code != 0 {
		t.Fatalf("wizard exit %d:\n%s", code, wizErr)
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scale: large\n", "tenancy: untrusted\n", "priorities: [security]\n", "rootless: true\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("saved answers lack %q:\n%s", want, data)
		}
	}
	recOut, recErr, code := runCLI(t, "", "recommend", "--answers", saved, "-f", "json")
	if code != 0 {
		t.Fatalf("recommend --answers exit %d: %s", code, recErr)
	}
	if recOut != wizOut {
		t.Errorf("recommend --answers %s differs from the wizard's report", saved)
	}
	// The saved file pre-fills the wizard: accepting everything gives the same report.
	againOut, againErr, code := runCLI(t, "", "wizard", "--accessible", "-f", "json", "--answers", saved)
	if code != 0 || againOut != wizOut {
		t.Errorf("wizard --answers %s: exit %d, same report %v\n%s", saved, code, againOut == wizOut, againErr)
	}
}

// promptsBeforeToday counts the prompts the accessible wizard shows, every question kept,
// before the page of what runs today.
func promptsBeforeToday(t *testing.T) int {
	t.Helper()
	_, stderr, code := runCLI(t, "", "wizard", "--accessible", "-f", "json")
	before, _, found := strings.Cut(stderr, "== What runs today ==")
	if code != 0 || !found {
		t.Fatalf("wizard exit %d, no page of what runs today:\n%s", code, stderr)
	}
	// At the end of input each prompt ends its line unanswered.
	return len(regexp.MustCompile(`(?m)^(Enter a |\[y/n).*: $`).FindAllString(before, -1))
}

// TestWizardCurrentPerCategory: what runs today is asked as one choice per category asked
// for, none first; the choices make --current, saved and read back (preselected) unchanged.
func TestWizardCurrentPerCategory(t *testing.T) {
	n := promptsBeforeToday(t)
	if n < 10 {
		t.Fatalf("only %d prompts before today's parts", n)
	}
	dir := t.TempDir()
	saved := filepath.Join(dir, "answers.yaml")
	input := strings.Repeat("\n", n) + "2\n4\n\n"
	wizOut, wizErr, code := runCLI(t, input, "wizard", "--accessible", "-f", "json", "--save", saved)
	if code != 0 {
		t.Fatalf("wizard exit %d:\n%s", code, wizErr)
	}
	_, page, _ := strings.Cut(wizErr, "== What runs today ==")
	for _, want := range []string{
		"What do you run today?",
		"\nContainer engine today\n1. * none / not yet\n2.   Docker Engine\n",
		"\nOrchestrator today\n 1. * none / not yet\n 2.   Kubernetes\n",
		"\nSandboxed runtime today\n 1. * none / not yet\n",
		"Enter a number from 1 to 7 (empty keeps none / not yet): ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("today's page lacks %q:\n%s", want, page)
		}
	}
	// Only the categories asked for: not the GPU, not WebAssembly runtimes.
	for _, not := range []string{"GPU / accelerator today", "WebAssembly runtime today", "NVIDIA"} {
		if strings.Contains(page, not) {
			t.Errorf("today's page has %q:\n%s", not, page)
		}
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\ncurrent: [docker, docker-swarm]\n") {
		t.Errorf("saved answers lack today's parts:\n%s", data)
	}
	recOut, recErr, code := runCLI(t, "", "recommend", "--current", "docker,docker-swarm", "-f", "json")
	if code != 0 || recOut != wizOut {
		t.Errorf("recommend --current docker,docker-swarm: exit %d, same report %v\n%s", code, recOut == wizOut, recErr)
	}
	// The saved file pre-fills the wizard: today's parts are preselected, and accepting
	// everything gives the same report and command.
	againOut, againErr, code := runCLI(t, "", "wizard", "--accessible", "-f", "json", "--answers", saved)
	if code != 0 || againOut != wizOut {
		t.Errorf("wizard --answers %s: exit %d, same report %v\n%s", saved, code, againOut == wizOut, againErr)
	}
	for _, want := range []string{"2. * Docker Engine", " 4. * Docker Swarm mode", "(empty keeps Docker Engine)"} {
		if !strings.Contains(againErr, want) {
			t.Errorf("the prefilled part is not preselected (%q):\n%s", want, againErr)
		}
	}
	if args := equivalentArgs(t, againErr); !slices.Contains(args, "--current=docker,docker-swarm") {
		t.Errorf("equivalent command %v", args)
	}

	// A prefilled part of a category not asked for by default brings its category (as in
	// recommend) and is shown there; choosing none takes it out.
	gpu := filepath.Join(dir, "gpu.yaml")
	if err := os.WriteFile(gpu, []byte("current: [nvidia-h100]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, gpuErr, code := runCLI(t, "", "wizard", "--accessible", "-f", "json", "--answers", gpu)
	if code != 0 || !strings.Contains(gpuErr, "GPU / accelerator today\n") || !strings.Contains(gpuErr, "* NVIDIA H100") {
		t.Errorf("wizard --answers %s: exit %d, the GPU part not shown preselected:\n%s", gpu, code, gpuErr)
	}
	if args := equivalentArgs(t, gpuErr); !slices.Contains(args, "--current=nvidia-h100") {
		t.Errorf("equivalent command %v", args)
	}
}
