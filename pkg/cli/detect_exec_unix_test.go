//go:build unix

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/detect"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// fakeKubectl puts, alone on PATH, a kubectl that answers as a K3s cluster and, when it runs
// at all, leaves a mark in the returned file.
func fakeKubectl(t *testing.T) (mark string) {
	t.Helper()
	cat, err := exec.LookPath("cat")
	if err != nil {
		t.Skip("no cat on PATH")
	}
	bin, data := t.TempDir(), t.TempDir()
	for _, d := range []string{bin, data, filepath.Dir(bin), filepath.Dir(data)} {
		if err := os.Chmod(d, 0o755); err != nil { // the tests pass as root and as nobody
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"version.json": `{"clientVersion": {"gitVersion": "v1.31.4"}, "serverVersion": {"gitVersion": "v1.31.4+k3s1"}}`,
		"nodes.json":   `{"apiVersion": "v1", "kind": "List", "items": [{"metadata": {"name": "edge-01", "labels": {"node.kubernetes.io/instance-type": "k3s"}}, "status": {"nodeInfo": {"kubeletVersion": "v1.31.4+k3s1", "containerRuntimeVersion": "containerd://1.7.23-k3s2", "osImage": "Ubuntu 24.04.1 LTS"}}}]}`,
		"rc.json":      `{"apiVersion": "v1", "kind": "List", "items": [{"handler": "runsc", "metadata": {"name": "gvisor"}}]}`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(data, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mark = filepath.Join(data, "ran")
	script := "#!/bin/sh\n: > '" + mark + "'\ncase \"$*\" in\n" +
		"'version -o json') exec " + cat + " '" + filepath.Join(data, "version.json") + "' ;;\n" +
		"'get nodes -o json') exec " + cat + " '" + filepath.Join(data, "nodes.json") + "' ;;\n" +
		"'get runtimeclass -o json') exec " + cat + " '" + filepath.Join(data, "rc.json") + "' ;;\n" +
		"*) exit 64 ;;\nesac\n"
	path := filepath.Join(bin, "kubectl")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(path, "version", "-o", "json").Run(); err != nil {
		t.Skipf("cannot run a script from %s: %v", bin, err)
	}
	if err := os.Remove(mark); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	return mark
}

// recommend --detect reads today's stack off kubectl when asked to, through the real exec
// path, and reports it; with only a fake tree it never runs the machine's tools.
func TestDetectCurrentEndToEnd(t *testing.T) {
	mark := fakeKubectl(t)
	root := t.TempDir()
	run := func(args []string, env ...string) map[string]any {
		t.Helper()
		var out, errb bytes.Buffer
		code := Main(append([]string{"recommend", "--detect", "-f", "json"}, args...),
			&Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: append([]string{"NO_COLOR=1", "STACKADVISOR_DETECT_ROOT=" + root}, env...)})
		if code != ExitOK && code != ExitNoCandidate {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		var doc map[string]any
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		return doc
	}
	ran := func() bool {
		_, err := os.Stat(mark)
		os.Remove(mark)
		return err == nil
	}

	// A fake tree alone: the command probes stay off.
	doc := run(nil)
	if ran() {
		t.Fatal("kubectl ran with STACKADVISOR_DETECT_ROOT set")
	}
	if strings.Contains(toJSON(t, doc["detected"]), `"current"`) {
		t.Errorf("current detected with the command probes off: %s", toJSON(t, doc["detected"]))
	}
	doc = run(nil, "STACKADVISOR_DETECT_COMMANDS=0")
	if ran() {
		t.Fatal("kubectl ran with STACKADVISOR_DETECT_COMMANDS=0")
	}
	if strings.Contains(toJSON(t, doc["detected"]), `"current"`) {
		t.Errorf("current detected with STACKADVISOR_DETECT_COMMANDS=0: %s", toJSON(t, doc["detected"]))
	}

	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if b.Question(detect.QuestionCurrent) == nil {
		// Until the base has the question, the probes run and their finding is left unused.
		doc = run(nil, "STACKADVISOR_DETECT_COMMANDS=1")
		if !ran() {
			t.Fatal("kubectl did not run")
		}
		if strings.Contains(toJSON(t, doc["detected"]), `"current"`) {
			t.Errorf("current detected without the question: %s", toJSON(t, doc["detected"]))
		}
		return
	}

	// Asked for: the cluster's parts fill the categories --current does not name.
	doc = run([]string{"--current", "docker"}, "STACKADVISOR_DETECT_COMMANDS=1")
	if !ran() {
		t.Fatal("kubectl did not run")
	}
	answers, _ := doc["answers"].(map[string]any)
	if got := toJSON(t, answers["current"]); got != `["docker","k3s","gvisor"]` {
		t.Errorf("answers.current %s", got)
	}
	want := `{"evidence":"k3s from kubectl get nodes (kubelet v1.31.4+k3s1, containerd://1.7.23-k3s2); gvisor from kubectl get runtimeclass (handler runsc)","question":"current","value":["k3s","gvisor"]}`
	if got := toJSON(t, doc["detected"]); !strings.Contains(got, want) {
		t.Errorf("detected %s\nwant it to hold %s", got, want)
	}
	if w := toJSON(t, doc["warnings"]); strings.Contains(w, "kubectl") {
		t.Errorf("warnings %s", w)
	}
}

func toJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
