//go:build unix

package detect_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/detect"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// fakeTools puts small shell scripts, alone, on PATH: each answers the arguments it is given
// with a canned output (a fixture of testdata/stack), an exit status or a hang. The probes
// then run them through the real exec path.
type fakeTools struct {
	t              *testing.T
	bin, data      string
	cat, sleep, hd string // absolute paths of the helpers the scripts use (PATH has only bin)
}

func newFakeTools(t *testing.T) *fakeTools {
	t.Helper()
	f := &fakeTools{t: t}
	for _, h := range []struct {
		name string
		to   *string
	}{{"cat", &f.cat}, {"sleep", &f.sleep}, {"head", &f.hd}} {
		p, err := exec.LookPath(h.name)
		if err != nil {
			t.Skipf("no %s on PATH: %v", h.name, err)
		}
		if *h.to, err = filepath.Abs(p); err != nil {
			t.Fatal(err)
		}
	}
	// Readable and runnable by anyone: the tests pass as root and as an unprivileged user.
	f.bin, f.data = t.TempDir(), t.TempDir()
	for _, d := range []string{f.bin, f.data, filepath.Dir(f.bin), filepath.Dir(f.data)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", f.bin)
	// A temporary folder mounted noexec cannot hold the fake tools.
	f.script("stackadvisor-probe-check", "exit 0")
	if err := exec.Command(filepath.Join(f.bin, "stackadvisor-probe-check")).Run(); err != nil {
		t.Skipf("cannot run a script from %s: %v", f.bin, err)
	}
	return f
}

// script writes bin/name running body.
func (f *fakeTools) script(name, body string) {
	f.t.Helper()
	path := filepath.Join(f.bin, name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Chmod(path, 0o755); err != nil { // whatever the umask
		f.t.Fatal(err)
	}
}

// tool writes a script for name that runs cases[args] for its arguments joined by spaces,
// and exits 64 for any other arguments.
func (f *fakeTools) tool(name string, cases map[string]string) {
	f.t.Helper()
	var b strings.Builder
	b.WriteString("case \"$*\" in\n")
	for args, body := range cases {
		b.WriteString("'" + args + "') " + body + " ;;\n")
	}
	b.WriteString("*) exit 64 ;;\nesac")
	f.script(name, b.String())
}

// out is a script body printing the fixture testdata/stack/name and exiting with code.
func (f *fakeTools) out(name string, code int) string {
	f.t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "stack", name))
	if err != nil {
		f.t.Fatal(err)
	}
	path := filepath.Join(f.data, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		f.t.Fatal(err)
	}
	if code == 0 {
		return "exec " + f.cat + " '" + path + "'"
	}
	return f.cat + " '" + path + "'; exit " + strconv.Itoa(code)
}

// raw is a script body printing data (written as a file) and exiting 0.
func (f *fakeTools) raw(name string, data []byte) string {
	f.t.Helper()
	path := filepath.Join(f.data, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
	return "exec " + f.cat + " '" + path + "'"
}

// hang is a script body that never answers in time; the sleep is a child of the shell, so
// killing the shell leaves the pipe held open (the runner must not wait for it).
func (f *fakeTools) hang() string { return f.sleep + " 5" }

func (f *fakeTools) kubectl(version, nodes, runtimeClasses string) {
	f.tool("kubectl", map[string]string{
		"version -o json":          version,
		"get nodes -o json":        nodes,
		"get runtimeclass -o json": runtimeClasses,
	})
}

// probeStack runs the probes on a machine whose files tell nothing more.
func probeStack(t *testing.T, lang string, c detect.Commands) *detect.Result {
	t.Helper()
	root := fstest.MapFS{"proc/1/comm": {Data: []byte("systemd\n")}}
	return detect.Probe(root, i18n.For(lang), detect.WithCommands(c))
}

// current is the current finding's list and evidence ("", nil when there is none).
func current(r *detect.Result) ([]string, string) {
	for _, f := range r.Findings {
		if f.Question == detect.QuestionCurrent {
			return f.Value.List, f.Evidence
		}
	}
	return nil, ""
}

func TestStackFromTools(t *testing.T) {
	for _, tc := range []struct {
		name     string
		setup    func(f *fakeTools)
		list     []string
		evidence string
		warnings []string
	}{
		{
			name: "K3s cluster: k3s and its containerd",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("k3s-version.json", 0), f.out("k3s-nodes.json", 0), f.out("k3s-runtimeclass.json", 0))
			},
			list:     []string{"containerd", "k3s"},
			evidence: "k3s and containerd from kubectl get nodes (kubelet v1.31.4+k3s1, containerd://1.7.23-k3s2)",
		},
		{
			name: "kubeadm cluster with CRI-O",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("kubeadm-version.json", 0), f.out("kubeadm-crio-nodes.json", 0), f.out("runtimeclass-none.json", 0))
			},
			list:     []string{"cri-o", "kubernetes"},
			evidence: "kubernetes and cri-o from kubectl get nodes (kubelet v1.30.4, cri-o://1.30.4)",
		},
		{
			name: "EKS: kubernetes, managed",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("eks-version.json", 0), f.out("eks-nodes.json", 0), f.out("runtimeclass-none.json", 0))
			},
			list:     []string{"containerd", "kubernetes"},
			evidence: "kubernetes and containerd from kubectl get nodes (kubelet v1.30.4-eks-a737599, containerd://1.7.22; a managed service, Amazon EKS)",
		},
		{
			name: "OpenShift",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("openshift-version.json", 0), f.out("openshift-nodes.json", 0), f.out("runtimeclass-none.json", 0))
			},
			list:     []string{"cri-o", "openshift"},
			evidence: "openshift and cri-o from kubectl get nodes (kubelet v1.28.6+6216ea1, cri-o://1.28.3-5.rhaos4.15.git9b0b0d4.el9)",
		},
		{
			name: "nodes not listable: the server's version tells the distribution",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("k3s-version.json", 0), "exit 1", f.out("runtimeclass-none.json", 0))
			},
			list:     []string{"k3s"},
			evidence: "k3s from kubectl version (server v1.31.4+k3s1; the nodes were not listed)",
			warnings: []string{"kubectl get nodes failed (exit status 1); what it shows was not detected"},
		},
		{
			name: "kubectl without a cluster",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("kubectl-client-only.json", 1), "exit 70", "exit 70")
			},
			warnings: []string{"kubectl version failed (exit status 1); what it shows was not detected"},
		},
		{
			name: "Docker with Swarm active",
			setup: func(f *fakeTools) {
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version.json", 0), "info --format {{json .}}": f.out("docker-info-swarm.json", 0)})
			},
			list:     []string{"docker", "docker-swarm"},
			evidence: "docker from docker version (Docker Engine 27.3.1); docker-swarm from docker info (Swarm active)",
		},
		{
			name: "Docker without Swarm",
			setup: func(f *fakeTools) {
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version.json", 0), "info --format {{json .}}": f.out("docker-info.json", 0)})
			},
			list:     []string{"docker"},
			evidence: "docker from docker version (Docker Engine 27.3.1)",
		},
		{
			name: "Podman only",
			setup: func(f *fakeTools) {
				f.tool("podman", map[string]string{"info --format json": f.out("podman-info.json", 0)})
			},
			list:     []string{"podman"},
			evidence: "podman from podman info (Podman 4.9.3)",
		},
		{
			name: "Docker and Podman: docker, with a warning naming both",
			setup: func(f *fakeTools) {
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version.json", 0), "info --format {{json .}}": f.out("docker-info.json", 0)})
				f.tool("podman", map[string]string{"info --format json": f.out("podman-info.json", 0)})
			},
			list:     []string{"docker"},
			evidence: "docker from docker version (Docker Engine 27.3.1)",
			warnings: []string{"docker from docker version and podman from podman info both answer for engine; current takes docker"},
		},
		{
			name: "RuntimeClasses with runsc and kata: the first handler by name",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("kubeadm-version.json", 0), f.out("kubeadm-crio-nodes.json", 0), f.out("runtimeclass-sandboxes.json", 0))
				f.script("runsc", "exit 70") // the cluster answered: the host's are not asked
			},
			list:     []string{"cri-o", "kubernetes", "kata"},
			evidence: "kubernetes and cri-o from kubectl get nodes (kubelet v1.30.4, cri-o://1.30.4); kata from kubectl get runtimeclass (handlers kata-clh, kata-qemu, runsc; kata-clh comes first by name)",
		},
		{
			name: "runsc and kata-runtime on the host",
			setup: func(f *fakeTools) {
				f.tool("runsc", map[string]string{"--version": "echo 'runsc version release-20240513.0'; echo 'spec: 1.1.0-rc.1'"})
				f.tool("kata-runtime", map[string]string{"--version": "echo 'kata-runtime  : 3.2.0'; echo '   commit   : 2a8fd6d'; echo '   OCI specs: 1.0.2-dev'"})
			},
			list:     []string{"kata"},
			evidence: "kata from kata-runtime --version (kata-runtime 3.2.0; also gvisor from runsc --version, second by name)",
		},
		{
			name: "runsc on the host",
			setup: func(f *fakeTools) {
				f.tool("runsc", map[string]string{"--version": "echo 'runsc version release-20240513.0'"})
			},
			list:     []string{"gvisor"},
			evidence: "gvisor from runsc --version (runsc version release-20240513.0)",
		},
		{
			name: "nvidia-smi with L40S cards (not the L4)",
			setup: func(f *fakeTools) {
				f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": f.out("nvidia-smi-l40s.csv", 0)})
			},
			list:     []string{"nvidia-l40s"},
			evidence: "nvidia-l40s from nvidia-smi (4 × NVIDIA L40S)",
		},
		{
			name: "nvidia-smi with a card no candidate matches",
			setup: func(f *fakeTools) {
				f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": f.out("nvidia-smi-mixed.csv", 0)})
			},
			list:     []string{"nvidia-h100"},
			evidence: "nvidia-h100 from nvidia-smi (2 × NVIDIA H100 80GB HBM3)",
			warnings: []string{"nvidia-smi shows cards no candidate matches (NVIDIA GH200 480GB); gpu not detected from them"},
		},
		{
			name:     "npu-smi with 910B3",
			setup:    func(f *fakeTools) { f.tool("npu-smi", map[string]string{"info": f.out("npu-smi-910b3.txt", 0)}) },
			list:     []string{"huawei-ascend"},
			evidence: "huawei-ascend from npu-smi info (8 × 910B3)",
		},
		{
			name:     "npu-smi on Atlas A3",
			setup:    func(f *fakeTools) { f.tool("npu-smi", map[string]string{"info": f.out("npu-smi-a3.txt", 0)}) },
			list:     []string{"huawei-ascend-910c"},
			evidence: "huawei-ascend-910c from npu-smi info (4 × Ascend910 with two chips each, the layout of Atlas A3 (Ascend 910C))",
		},
		{
			name:     "npu-smi with 310P3",
			setup:    func(f *fakeTools) { f.tool("npu-smi", map[string]string{"info": f.out("npu-smi-310p3.txt", 0)}) },
			list:     []string{"huawei-ascend-310p"},
			evidence: "huawei-ascend-310p from npu-smi info (2 × 310P3)",
		},
		{
			name: "rocm-smi with MI300X",
			setup: func(f *fakeTools) {
				f.tool("rocm-smi", map[string]string{"--showproductname --json": f.out("rocm-smi-mi300x.json", 0)})
			},
			list:     []string{"amd-mi300x"},
			evidence: "amd-mi300x from rocm-smi (8 × AMD Instinct MI300X OAM)",
		},
		{
			name: "a K3s cluster from a Docker host with L40S cards: the cluster's engine",
			setup: func(f *fakeTools) {
				f.kubectl(f.out("k3s-version.json", 0), f.out("k3s-nodes.json", 0), f.out("k3s-runtimeclass.json", 0))
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version.json", 0), "info --format {{json .}}": f.out("docker-info.json", 0)})
				f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": f.out("nvidia-smi-l40s.csv", 0)})
			},
			list:     []string{"containerd", "k3s", "nvidia-l40s"},
			evidence: "k3s and containerd from kubectl get nodes (kubelet v1.31.4+k3s1, containerd://1.7.23-k3s2); nvidia-l40s from nvidia-smi (4 × NVIDIA L40S)",
			warnings: []string{"containerd from kubectl get nodes and docker from docker version both answer for engine; current takes containerd"},
		},
		{
			name: "a tool that exits 1",
			setup: func(f *fakeTools) {
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version-no-daemon.json", 1)})
			},
			warnings: []string{"docker version failed (exit status 1); what it shows was not detected"},
		},
		{
			name: "docker answering without an engine",
			setup: func(f *fakeTools) {
				f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version-no-daemon.json", 0)})
			},
			warnings: []string{"docker version answered without an engine (is the Docker daemon running?); engine not detected from it"},
		},
		{
			name: "garbage output",
			setup: func(f *fakeTools) {
				f.kubectl(f.raw("garbage", []byte("\x00\x01{\"serverVersion\": \x1b[31m")), "exit 70", "exit 70")
				f.tool("podman", map[string]string{"info --format json": "echo 'Error: not json at all'"})
				f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": f.raw("binary", []byte("NVIDIA \x00\x07\x1b]0;pwned\x07"))})
				f.tool("rocm-smi", map[string]string{"--showproductname --json": "echo '{\"card0\": {\"Card Series\": \"AMD'"})
				f.tool("npu-smi", map[string]string{"info": "echo 'dcmi module initialize failed. ret is -8005'"})
			},
			warnings: []string{
				"podman info gave output stackadvisor cannot read; what it shows was not detected",
				"kubectl version gave output stackadvisor cannot read; what it shows was not detected",
				"nvidia-smi gave output stackadvisor cannot read; what it shows was not detected",
				"npu-smi info gave output stackadvisor cannot read; what it shows was not detected",
				"rocm-smi gave output stackadvisor cannot read; what it shows was not detected",
			},
		},
		{
			name: "output over the bound",
			setup: func(f *fakeTools) {
				f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": "exec " + f.hd + " -c 2000000 /dev/zero"})
			},
			warnings: []string{"nvidia-smi wrote more than 1 MiB; what it shows was not detected"},
		},
		{
			name:  "none of the tools",
			setup: func(f *fakeTools) {},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeTools(t)
			tc.setup(f)
			r := probeStack(t, "en", detect.Commands{})
			list, evidence := current(r)
			if !reflect.DeepEqual(list, tc.list) || evidence != tc.evidence {
				t.Errorf("current %q\n  evidence %q\nwant %q\n  evidence %q", list, evidence, tc.list, tc.evidence)
			}
			if !reflect.DeepEqual(r.Warnings, tc.warnings) {
				t.Errorf("warnings\n  %q\nwant\n  %q", r.Warnings, tc.warnings)
			}
			for _, w := range r.Warnings {
				if strings.ContainsAny(w, "\x00\x07\x1b") || strings.Contains(w, "pwned") {
					t.Errorf("a tool's output reached a warning: %q", w)
				}
			}
		})
	}
}

// A tool that hangs is killed after the timeout, with a warning, and the others still answer;
// the probe does not wait for a child the tool left holding its output.
func TestStackToolThatHangs(t *testing.T) {
	f := newFakeTools(t)
	f.kubectl(f.hang(), "exit 70", "exit 70")
	f.tool("podman", map[string]string{"info --format json": f.out("podman-info.json", 0)})
	start := time.Now()
	r := probeStack(t, "en", detect.Commands{Timeout: 300 * time.Millisecond})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the probes took %v", d)
	}
	if list, _ := current(r); !reflect.DeepEqual(list, []string{"podman"}) {
		t.Errorf("current %q", list)
	}
	want := []string{"kubectl version did not answer within 300ms; what it shows was not detected"}
	if !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// All the command probes together end within their budget, whatever each may take.
func TestStackBudget(t *testing.T) {
	f := newFakeTools(t)
	f.kubectl(f.hang(), "exit 70", "exit 70")
	f.tool("docker", map[string]string{"version --format {{json .}}": f.hang()})
	f.tool("nvidia-smi", map[string]string{"--query-gpu=name --format=csv,noheader": f.hang()})
	start := time.Now()
	r := probeStack(t, "en", detect.Commands{Budget: 400 * time.Millisecond})
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("the probes took %v, over their budget", d)
	}
	want := []string{
		"docker version did not finish within the 400ms all the command probes may take; what it shows was not detected",
		"kubectl version did not finish within the 400ms all the command probes may take; what it shows was not detected",
		"nvidia-smi did not finish within the 400ms all the command probes may take; what it shows was not detected",
	}
	if !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
	if list, _ := current(r); list != nil {
		t.Errorf("current %q", list)
	}
}

// The evidence and the warnings come in the probe's language.
func TestStackInChinese(t *testing.T) {
	f := newFakeTools(t)
	f.kubectl(f.out("k3s-version.json", 0), f.out("k3s-nodes.json", 0), f.out("k3s-runtimeclass.json", 0))
	f.tool("docker", map[string]string{"version --format {{json .}}": f.out("docker-version-no-daemon.json", 1)})
	r := probeStack(t, "zh", detect.Commands{})
	_, evidence := current(r)
	if want := "k3s 和 containerd，来自 kubectl get nodes（kubelet v1.31.4+k3s1，containerd://1.7.23-k3s2）"; evidence != want {
		t.Errorf("evidence %q, want %q", evidence, want)
	}
	if want := []string{"docker version 执行失败（退出状态 1）；未检测它所显示的信息"}; !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// The real runner: no shell (arguments reach the program as given), standard input empty.
func TestExecRunner(t *testing.T) {
	f := newFakeTools(t)
	f.script("args", `for a in "$@"; do echo "[$a]"; done; `+f.cat)
	out, err := detect.ExecRunner{}.Run(t.Context(), "args", "{{json .}}", "a b", "$HOME;x")
	if err != nil {
		t.Fatal(err)
	}
	if want := "[{{json .}}]\n[a b]\n[$HOME;x]\n"; string(out) != want {
		t.Errorf("output %q, want %q (standard input must be empty)", out, want)
	}
	if _, err := (detect.ExecRunner{}).Run(t.Context(), "no-such-tool"); !errors.Is(err, detect.ErrNotFound) {
		t.Errorf("a missing tool: %v", err)
	}
	f.script("fails", "exit 3")
	var ee *detect.ExitError
	if _, err := (detect.ExecRunner{}).Run(t.Context(), "fails"); !errors.As(err, &ee) || ee.Code != 3 {
		t.Errorf("exit 3: %v", err)
	}
}

// A tool that timed out goes with everything it started: the children in its process group are
// killed too, not left running (as root, a kubectl credential plugin could linger).
func TestStackTimeoutKillsChildren(t *testing.T) {
	f := newFakeTools(t)
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	f.kubectl(f.sleep+" 30 & echo $! > '"+pidFile+"'; "+f.sleep+" 30", "exit 70", "exit 70")
	probeStack(t, "en", detect.Commands{Timeout: 300 * time.Millisecond})
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	alive := func() bool { // a zombie (killed, not yet reaped by its new parent) counts as gone
		if syscall.Kill(pid, 0) != nil {
			return false
		}
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return true // no /proc: the signal test said it exists
		}
		_, rest, _ := strings.Cut(string(stat), ") ")
		return !strings.HasPrefix(rest, "Z")
	}
	deadline := time.Now().Add(2 * time.Second)
	for alive() {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the tool's child %d still runs after the timeout", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
