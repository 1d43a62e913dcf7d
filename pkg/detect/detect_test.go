package detect_test

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stackadvisor/stackadvisor/pkg/detect"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

func findings(r *detect.Result) map[string]string {
	out := map[string]string{}
	for _, f := range r.Findings {
		out[f.Question] = f.Value.String()
	}
	return out
}

func TestGPUHost(t *testing.T) {
	r := detect.Probe(os.DirFS("../../testdata/detect/gpu-host"), i18n.For("en"))
	want := map[string]string{"kvm": "available", "systemd": "true"}
	if got := findings(r); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	// The Huawei NIC (class 0x02) and the Intel NIC are not accelerators.
	if !reflect.DeepEqual(r.GPUs, []string{"Huawei (Ascend)"}) {
		t.Errorf("GPUs %v", r.GPUs)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %v", r.Warnings)
	}
}

func TestContainer(t *testing.T) {
	r := detect.Probe(os.DirFS("../../testdata/detect/container"), i18n.For("en"))
	want := map[string]string{"kvm": "none", "systemd": "false"}
	if got := findings(r); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(r.GPUs) != 0 || len(r.Warnings) != 0 {
		t.Errorf("GPUs %v, warnings %v", r.GPUs, r.Warnings)
	}
}

// denyFS refuses some paths, as /dev/kvm without the kvm group or a hardened /proc would.
type denyFS struct {
	fs.FS
	deny map[string]bool
}

func (d denyFS) Open(name string) (fs.File, error) {
	if d.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

func TestUnreadablePathsWarnAndLeaveAnswersAlone(t *testing.T) {
	m := fstest.MapFS{
		"dev/kvm":                            {Data: nil},
		"proc/self/status":                   {Data: []byte("Uid:\t1000\t1000\t1000\t1000\n")},
		"proc/1/comm":                        {Data: []byte("systemd\n")},
		"sys/bus/pci/devices/a/vendor":       {Data: []byte("0x10de\n")},
		"sys/bus/pci/devices/a/class":        {Data: []byte("0x030200\n")},
		"sys/bus/pci/devices/b/vendor":       {Data: []byte("0xcabc\n")},
		"sys/bus/pci/devices/c/vendor-other": {Data: []byte("x")},
	}
	r := detect.Probe(denyFS{m, map[string]bool{"dev/kvm": true, "proc/1/comm": true}}, i18n.For("en"))
	got := findings(r)
	if _, ok := got["kvm"]; ok {
		t.Errorf("an unopenable /dev/kvm must leave kvm unanswered: %v", got)
	}
	if _, ok := got["systemd"]; ok {
		t.Errorf("an unreadable /proc/1/comm must leave systemd unanswered: %v", got)
	}
	if _, ok := got["rootless"]; ok {
		t.Errorf("the tool's own uid decided --rootless: %v", got)
	}
	if len(r.Warnings) != 2 || !strings.Contains(r.Warnings[0], "/dev/kvm exists but cannot be opened (permission denied)") {
		t.Errorf("warnings %q", r.Warnings)
	}
	if !reflect.DeepEqual(r.GPUs, []string{"Cambricon", "NVIDIA"}) {
		t.Errorf("GPUs %v", r.GPUs)
	}
}

func TestEmptyFS(t *testing.T) {
	r := detect.Probe(fstest.MapFS{}, i18n.For("en"))
	if got := findings(r); got["kvm"] != "none" || len(got) != 1 {
		t.Errorf("findings %v", got)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "systemd not detected") {
		t.Errorf("warnings %q", r.Warnings)
	}
}
