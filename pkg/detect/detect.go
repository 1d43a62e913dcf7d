// Package detect reads facts of the machine it runs on — /dev/kvm, systemd as
// PID 1, GPUs by PCI vendor — to fill answers the user did not give (--detect). Everything is
// read through an fs.FS rooted at "/", so tests run against fake /dev, /proc and /sys trees.
// It never needs root and never fails: an unreadable path leaves the answer alone, with a
// warning.
//
// With WithCommands it also reads today's stack (the current question) off the usual tools —
// docker, podman, kubectl, runsc, kata-runtime, nvidia-smi, npu-smi, rocm-smi — found on PATH,
// each run without a shell, time-boxed, its output bounded and never shown (stack.go).
package detect

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Vendor is a GPU maker known by its PCI vendor id.
type Vendor struct {
	ID       string // PCI vendor id, lower-case hex without 0x
	Name     string
	Domestic bool
}

// Vendors are the accelerator makers detected by PCI vendor id (source: the PCI ID
// repository, https://pci-ids.ucw.cz, as used by GPUStack's runtime detection). Biren is
// missing: no verified PCI vendor id was found for it.
var Vendors = []Vendor{
	{"10de", "NVIDIA", false},
	{"19e5", "Huawei (Ascend)", true},
	{"cabc", "Cambricon", true},
	{"1ed5", "Moore Threads", true},
	{"1e3e", "Iluvatar CoreX", true},
	{"1d94", "Hygon (DCU)", true},
}

// Finding is one detected answer with its evidence.
type Finding struct {
	Question string
	Value    knowledge.Value
	Evidence string
}

// Result is what the machine tells.
type Result struct {
	Findings []Finding
	GPUs     []string // names of the GPU makers present
	Warnings []string
	loc      i18n.Localizer // of Evidence and Warnings
	current  []evidenceItem // the sources of the current finding (CurrentEvidence)
}

// Lang is the language of the evidence and warnings.
func (r *Result) Lang() string { return r.loc.Lang }

// Probe reads the machine through root (an fs.FS of "/"), writing evidence and warnings in
// loc's language; WithCommands adds today's stack read off the usual tools.
func Probe(root fs.FS, loc i18n.Localizer, opts ...Option) *Result {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	r := &Result{loc: loc}
	r.kvm(root)
	// Not --rootless: whether this process runs as root says nothing about whether the
	// platform's containers must run without root (a CI job runs the tool as root).
	r.systemd(root)
	r.gpus(root)
	if o.commands != nil {
		r.stack(*o.commands)
	}
	return r
}

// warn adds a warning in the probe's language (key: a catalog key).
func (r *Result) warn(key string, args ...any) {
	r.Warnings = append(r.Warnings, r.loc.Tf(key, args...))
}

// tr is a text of the catalog in the probe's language.
func (r *Result) tr(key string) string { return r.loc.T(key) }

func (r *Result) kvm(root fs.FS) {
	f, err := root.Open("dev/kvm")
	switch {
	case err == nil:
		f.Close()
		r.Findings = append(r.Findings, Finding{knowledge.QKVM, knowledge.Value{Type: knowledge.TypeOne, Str: knowledge.KVMAvailable}, r.tr("detect.kvm-open")})
	case errors.Is(err, fs.ErrNotExist):
		r.Findings = append(r.Findings, Finding{knowledge.QKVM, knowledge.Value{Type: knowledge.TypeOne, Str: knowledge.KVMNone}, r.tr("detect.kvm-missing")})
	default:
		// Present but not openable (e.g. not in the kvm group): the hosts may well have it.
		r.warn("detect.kvm-unopenable", unwrap(err))
	}
}

func (r *Result) systemd(root fs.FS) {
	data, err := fs.ReadFile(root, "proc/1/comm")
	if err != nil {
		r.warn("detect.comm-unreadable", unwrap(err))
		return
	}
	comm := strings.TrimSpace(string(data))
	r.Findings = append(r.Findings, Finding{knowledge.QSystemd, knowledge.Value{Type: knowledge.TypeBool, Bool: comm == "systemd"},
		fmt.Sprintf(r.tr("detect.pid1"), comm)})
}

func (r *Result) gpus(root fs.FS) {
	found := map[string]bool{}
	if _, err := fs.Stat(root, "dev/nvidia0"); err == nil {
		found["NVIDIA"] = true
	}
	entries, err := fs.ReadDir(root, "sys/bus/pci/devices")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		r.warn("detect.pci-unlistable", unwrap(err))
	}
	for _, e := range entries {
		data, err := fs.ReadFile(root, path.Join("sys/bus/pci/devices", e.Name(), "vendor"))
		if err != nil {
			continue // a device without a readable vendor is skipped
		}
		id := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(string(data))), "0x")
		for _, v := range Vendors {
			if v.ID == id && isAccelerator(root, e.Name(), v) {
				found[v.Name] = true
			}
		}
	}
	for name := range found {
		r.GPUs = append(r.GPUs, name)
	}
	sort.Strings(r.GPUs)
}

// isAccelerator keeps display and processing devices (PCI class 0x03 or 0x12) of a vendor
// that also makes other devices (Huawei and NVIDIA make NICs and bridges too).
func isAccelerator(root fs.FS, dev string, v Vendor) bool {
	data, err := fs.ReadFile(root, path.Join("sys/bus/pci/devices", dev, "class"))
	if err != nil {
		return true // no class to check: trust the vendor
	}
	class := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(string(data))), "0x")
	return strings.HasPrefix(class, "03") || strings.HasPrefix(class, "12")
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
