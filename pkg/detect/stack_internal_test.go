package detect

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

func TestCardNames(t *testing.T) {
	for name, want := range map[string]string{
		"NVIDIA L40S":           "nvidia-l40s",
		"NVIDIA L4":             "nvidia-l4",
		"NVIDIA L40":            "", // no candidate; not the L4
		"NVIDIA H20":            "nvidia-h20",
		"NVIDIA H200":           "nvidia-h200",
		"NVIDIA H200 NVL":       "nvidia-h200",
		"NVIDIA GH200 480GB":    "", // Grace Hopper, not the H200
		"NVIDIA H100 80GB HBM3": "nvidia-h100",
		"NVIDIA H100 PCIe":      "nvidia-h100",
		"NVIDIA A100-SXM4-80GB": "nvidia-a100",
		"NVIDIA A100 80GB PCIe": "nvidia-a100",
		"NVIDIA B200":           "nvidia-b200",
		"NVIDIA GB200":          "",
		"NVIDIA RTX PRO 6000 Blackwell Server Edition": "nvidia-rtx-pro-6000",
		"NVIDIA RTX 6000 Ada Generation":               "",
		"Orin (nvgpu)":                                 "nvidia-jetson-orin",
		"Tesla V100-SXM2-32GB":                         "",
	} {
		if got := matchCard(name, nvidiaCards); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{
		"AMD Instinct MI300X OAM": "amd-mi300x",
		"AMD Instinct MI300X":     "amd-mi300x",
		"AMD Instinct MI300A":     "",
		"AMD Instinct MI325X":     "amd-mi325x",
		"AMD Instinct MI355X":     "amd-mi355x",
		"AMD Instinct MI250X":     "",
	} {
		if got := matchCard(name, amdCards); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{
		"910B3": "huawei-ascend", "910B4-1": "huawei-ascend", "910B1": "huawei-ascend",
		"Ascend910_9382": "huawei-ascend-910c", "910C": "huawei-ascend-910c",
		"310P3": "huawei-ascend-310p", "310P1": "huawei-ascend-310p",
		"Ascend910": "", "910ProB": "", "310B1": "", "910A": "",
	} {
		if got := ascendID(name); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"  v1.31.4+k3s1 ":            "v1.31.4+k3s1",
		"NVIDIA\tL40S  x":            "NVIDIA L40S x",
		"a\x1b]0;title\x07b":         "a?]0;title?b",
		"昇腾":                         "??",
		strings.Repeat("x", 100):     strings.Repeat("x", 64) + "…",
		"containerd://1.7.23-k3s2\n": "containerd://1.7.23-k3s2",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBoundedBuffer(t *testing.T) {
	b := &boundedBuffer{max: 5}
	for _, p := range []string{"abc", "def", "ghi"} {
		if n, err := b.Write([]byte(p)); n != len(p) || err != nil {
			t.Fatalf("Write: %d, %v", n, err)
		}
	}
	if string(b.buf) != "abcde" || !b.over {
		t.Errorf("kept %q, over %v", b.buf, b.over)
	}
}

// fakeRunner answers from a table by the command line; a program it does not have is not
// installed. It records what was run; the probes run side by side, so under a lock.
type fakeRunner struct {
	out map[string]string
	mu  sync.Mutex
	ran []string
}

func (f *fakeRunner) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	line := strings.Join(append([]string{name}, args...), " ")
	f.mu.Lock()
	f.ran = append(f.ran, line)
	f.mu.Unlock()
	if out, ok := f.out[line]; ok {
		return []byte(out), nil
	}
	for l := range f.out {
		if strings.HasPrefix(l, name+" ") {
			return nil, &ExitError{Code: 2}
		}
	}
	return nil, ErrNotFound
}

func node(kubelet, runtime string, labels ...string) string {
	var l []string
	for _, s := range labels {
		l = append(l, `"`+s+`": ""`)
	}
	return `{"metadata": {"labels": {` + strings.Join(l, ", ") + `}}, "status": {"nodeInfo": {"kubeletVersion": "` + kubelet + `", "containerRuntimeVersion": "` + runtime + `", "osImage": "Ubuntu 24.04.1 LTS"}}}`
}

func probeWith(out map[string]string) (*Result, *fakeRunner) {
	f := &fakeRunner{out: out}
	r := Probe(fstest.MapFS{"proc/1/comm": {Data: []byte("systemd\n")}}, i18n.For("en"), WithCommands(Commands{Runner: f, Timeout: time.Second}))
	return r, f
}

func currentOf(r *Result) []string {
	for _, f := range r.Findings {
		if f.Question == QuestionCurrent {
			return f.Value.List
		}
	}
	return nil
}

// The runner is injectable: the probes ask it for exactly these command lines.
func TestCommandsAskedOfTheRunner(t *testing.T) {
	_, f := probeWith(map[string]string{})
	want := []string{
		"docker version --format {{json .}}", "podman info --format json", "kubectl version -o json",
		"kata-runtime --version", "runsc --version", "nvidia-smi --query-gpu=name --format=csv,noheader",
		"npu-smi info", "rocm-smi --showproductname --json",
	}
	got := append([]string(nil), f.ran...)
	if !sameSet(got, want) {
		t.Errorf("ran %q, want %q", got, want)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// Nodes that disagree: the most common distribution and runtime, with a warning; GKE and AKS
// are kubernetes, managed.
func TestNodesThatDisagree(t *testing.T) {
	version := `{"serverVersion": {"gitVersion": "v1.30.5-gke.1014001"}}`
	nodes := `{"items": [` + strings.Join([]string{
		node("v1.30.5-gke.1014001", "containerd://1.7.22", "cloud.google.com/gke-nodepool"),
		node("v1.30.5-gke.1014001", "containerd://1.7.22", "cloud.google.com/gke-nodepool"),
		node("v1.30.5-gke.1014001", "docker://24.0.7", "cloud.google.com/gke-nodepool"),
		node("v1.30.5", "remote://1.0"),
	}, ", ") + `]}`
	r, _ := probeWith(map[string]string{
		"kubectl version -o json":          version,
		"kubectl get nodes -o json":        nodes,
		"kubectl get runtimeclass -o json": `{"items": [{"handler": "gvisor"}]}`,
	})
	if got := currentOf(r); !reflect.DeepEqual(got, []string{"containerd", "kubernetes", "gvisor"}) {
		t.Errorf("current %q", got)
	}
	want := []string{
		"kubectl get nodes shows container runtimes no candidate matches (remote)",
		"kubectl get nodes shows several engine parts (containerd, docker); current takes containerd, the most common",
	}
	if !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
	if e := r.CurrentEvidence([]string{"kubernetes", "gvisor"}); e != "kubernetes from kubectl get nodes (kubelet v1.30.5-gke.1014001, containerd://1.7.22; a managed service, Google GKE); gvisor from kubectl get runtimeclass (handler gvisor)" {
		t.Errorf("evidence of a part %q", e)
	}
	if e := r.CurrentEvidence([]string{"docker"}); e != "" {
		t.Errorf("evidence of nothing detected %q", e)
	}
	// AKS by its label.
	r, _ = probeWith(map[string]string{
		"kubectl version -o json":   `{"serverVersion": {"gitVersion": "v1.30.6"}}`,
		"kubectl get nodes -o json": `{"items": [` + node("v1.30.6", "containerd://1.7.22-1", "kubernetes.azure.com/cluster") + `]}`,
	})
	if _, e := currentList(r); !strings.Contains(e, "a managed service, Azure AKS") {
		t.Errorf("AKS: %q", e)
	}
}

func currentList(r *Result) ([]string, string) {
	for _, f := range r.Findings {
		if f.Question == QuestionCurrent {
			return f.Value.List, f.Evidence
		}
	}
	return nil, ""
}

// Cards of several makers: NVIDIA's first, with a warning.
func TestCardsOfSeveralMakers(t *testing.T) {
	r, _ := probeWith(map[string]string{
		"nvidia-smi --query-gpu=name --format=csv,noheader": "NVIDIA H20\n",
		"rocm-smi --showproductname --json":                 `{"card0": {"Card series": "AMD Instinct MI325X"}}`,
	})
	if got := currentOf(r); !reflect.DeepEqual(got, []string{"nvidia-h20"}) {
		t.Errorf("current %q", got)
	}
	if want := []string{"nvidia-h20 from nvidia-smi and amd-mi325x from rocm-smi both answer for gpu; current takes nvidia-h20"}; !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// A podman-docker shim (docker is podman, without an engine of its own) says nothing; an
// engine behind Podman's Docker API is podman.
func TestDockerThatIsPodman(t *testing.T) {
	r, _ := probeWith(map[string]string{
		"docker version --format {{json .}}": `{"Client":{"APIVersion":"4.9.3","Version":"4.9.3","GoVersion":"go1.22.2","GitCommit":"","BuiltTime":"Thu Jan  1 00:00:00 1970","Built":0,"OsArch":"linux/amd64","Os":"linux"}}`,
	})
	if got := currentOf(r); got != nil || len(r.Warnings) != 0 {
		t.Errorf("current %q, warnings %q", got, r.Warnings)
	}
	r, _ = probeWith(map[string]string{
		"docker version --format {{json .}}": `{"Client":{"Platform":{"Name":""},"Version":"27.3.1"},"Server":{"Platform":{"Name":""},"Components":[{"Name":"Podman Engine","Version":"5.2.3","Details":{"APIVersion":"5.2.3"}}],"Version":"5.2.3","ApiVersion":"1.41"}}`,
	})
	if _, e := currentList(r); e != "podman from docker version (Podman Engine 5.2.3, through the Docker API)" {
		t.Errorf("evidence %q", e)
	}
}

func TestBoundsAreNamed(t *testing.T) {
	if CommandTimeout != 2*time.Second || CommandOutputBytes != 1<<20 || CommandsBudget < CommandTimeout {
		t.Errorf("timeout %v, budget %v, output %d", CommandTimeout, CommandsBudget, CommandOutputBytes)
	}
}
