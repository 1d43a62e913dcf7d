package cli

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stackadvisor/stackadvisor/pkg/detect"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// stackRunner answers the command probes as a K3s cluster with L40S cards would.
type stackRunner map[string]string

func (r stackRunner) Run(_ context.Context, name string, args ...string) ([]byte, error) {
	if out, ok := r[strings.Join(append([]string{name}, args...), " ")]; ok {
		return []byte(out), nil
	}
	return nil, detect.ErrNotFound
}

var k3sWithL40S = stackRunner{
	"kubectl version -o json":                           `{"serverVersion": {"gitVersion": "v1.31.4+k3s1"}}`,
	"kubectl get nodes -o json":                         `{"items": [{"metadata": {"labels": {}}, "status": {"nodeInfo": {"kubeletVersion": "v1.31.4+k3s1", "containerRuntimeVersion": "containerd://1.7.23-k3s2"}}}]}`,
	"kubectl get runtimeclass -o json":                  `{"items": []}`,
	"nvidia-smi --query-gpu=name --format=csv,noheader": "NVIDIA L40S\n",
}

func stackProbe(t *testing.T, extra ...string) *detect.Result {
	t.Helper()
	r := detect.Probe(fstest.MapFS{"proc/1/comm": {Data: []byte("systemd\n")}}, i18n.For("en"),
		detect.WithCommands(detect.Commands{Runner: k3sWithL40S}))
	for i, f := range r.Findings {
		if f.Question == detect.QuestionCurrent {
			r.Findings[i].Value.List = append(f.Value.List, extra...)
			return r
		}
	}
	t.Fatalf("no current finding: %+v, warnings %q", r.Findings, r.Warnings)
	return nil
}

func detectedCurrent(used []report.Detected) *report.Detected {
	for i := range used {
		if used[i].Question == detect.QuestionCurrent {
			return &used[i]
		}
	}
	return nil
}

// Flags win per category: the detected parts fill only the categories the user's current
// does not name; an id the base does not know is dropped; the report shows what was added.
func TestApplyDetectedCurrent(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	q := b.Question(detect.QuestionCurrent)
	if q == nil {
		// Until the base has the question, the finding is left unused.
		given := knowledge.Answers{}
		used, _ := applyDetected(b, given, stackProbe(t))
		if _, ok := given[detect.QuestionCurrent]; ok || detectedCurrent(used) != nil {
			t.Errorf("a base without current got %v, %+v", given, used)
		}
		return
	}
	l40s := "nvidia-l40s from nvidia-smi (1 × NVIDIA L40S)"
	k3s := "k3s from kubectl get nodes (kubelet v1.31.4+k3s1, containerd://1.7.23-k3s2)"
	for _, tc := range []struct {
		name     string
		mine     []string // the user's current; nil: not given
		want     []string // the answer
		added    []string // what the report says was detected (nil: nothing)
		evidence string
	}{
		{"none given", nil, []string{"containerd", "k3s", "nvidia-l40s"}, []string{"containerd", "k3s", "nvidia-l40s"},
			"k3s and containerd from kubectl get nodes (kubelet v1.31.4+k3s1, containerd://1.7.23-k3s2); " + l40s},
		{"the engine given", []string{"docker"}, []string{"docker", "k3s", "nvidia-l40s"}, []string{"k3s", "nvidia-l40s"}, k3s + "; " + l40s},
		{"engine and orchestrator given", []string{"podman", "podman-quadlet"}, []string{"podman", "podman-quadlet", "nvidia-l40s"}, []string{"nvidia-l40s"}, l40s},
		{"every category given", []string{"docker", "kubernetes", "nvidia-h100"}, []string{"docker", "kubernetes", "nvidia-h100"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			given := knowledge.Answers{}
			if tc.mine != nil {
				v, err := q.ParseList(tc.mine)
				if err != nil {
					t.Fatal(err)
				}
				given[detect.QuestionCurrent] = v
			}
			used, _ := applyDetected(b, given, stackProbe(t, "no-such-part"))
			if got := given[detect.QuestionCurrent].List; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("current %q, want %q", got, tc.want)
			}
			d := detectedCurrent(used)
			switch {
			case tc.added == nil && d != nil:
				t.Errorf("reported %+v", *d)
			case tc.added != nil && d == nil:
				t.Errorf("nothing reported")
			case d != nil && (!reflect.DeepEqual(d.Value, tc.added) || d.Evidence != tc.evidence):
				t.Errorf("reported %q (%q), want %q (%q)", d.Value, d.Evidence, tc.added, tc.evidence)
			}
			if _, err := b.Resolve(given); err != nil {
				t.Errorf("the answers do not resolve: %v", err)
			}
		})
	}
}

func TestCommandProbesSwitch(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want bool
	}{
		{nil, true},
		{[]string{"STACKADVISOR_DETECT_COMMANDS=0"}, false},
		{[]string{"STACKADVISOR_DETECT_ROOT=/tmp/fake"}, false},
		{[]string{"STACKADVISOR_DETECT_ROOT=/tmp/fake", "STACKADVISOR_DETECT_COMMANDS=1"}, true},
		{[]string{"STACKADVISOR_DETECT_COMMANDS=1", "STACKADVISOR_DETECT_COMMANDS=0"}, false}, // the last wins
	} {
		if got := commandProbes(&Streams{Env: tc.env}); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.env, got, tc.want)
		}
	}
}
