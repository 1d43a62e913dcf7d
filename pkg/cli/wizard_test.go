package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
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
	cases := map[string]struct {
		input string
		want  string // a flag the equivalent command must contain
	}{
		"all defaults": {input: "", want: "stackadvisor recommend"},
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
			if !strings.Contains(strings.Join(append([]string{"stackadvisor"}, args...), " "), c.want) {
				t.Errorf("equivalent command %v lacks %q", args, c.want)
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
