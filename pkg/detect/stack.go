package detect

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// QuestionCurrent is the question the command probes answer: the parts that run today, at
// most one candidate id per category. A base without it leaves the finding unused.
const QuestionCurrent = "current"

// The categories of today's parts, in the order of the answer's list.
const (
	catEngine       = "engine"
	catOrchestrator = "orchestrator"
	catSandbox      = "sandbox"
	catGPU          = "gpu"
)

var stackCategories = []string{catEngine, catOrchestrator, catSandbox, catGPU}

// Commands makes Probe read today's stack off the usual tools too: docker, podman, kubectl,
// runsc, kata-runtime, nvidia-smi, npu-smi and rocm-smi, each optional, time-boxed and never
// fatal. The zero value runs the real programs with the package's bounds.
type Commands struct {
	Runner  Runner          // nil: ExecRunner{}
	Timeout time.Duration   // of each command; 0: CommandTimeout
	Budget  time.Duration   // of all of them together; 0: CommandsBudget
	Context context.Context // nil: context.Background()
}

// Option adds to what Probe reads.
type Option func(*options)

type options struct{ commands *Commands }

// WithCommands makes Probe run the command probes as c says and answer QuestionCurrent.
func WithCommands(c Commands) Option { return func(o *options) { o.commands = &c } }

// part is one of today's parts.
type part struct{ id, category string }

// source is what one command showed: the parts it gives and, in the probe's language, the
// details that show them.
type source struct {
	parts  []part
	cmd    string // the command, as the evidence names it
	detail string
}

// evidenceItem is a source as the evidence cites it: the parts taken from it.
type evidenceItem struct {
	ids         []string
	cmd, detail string
}

// probeOut is what one chain of commands found; each chain writes only its own.
type probeOut struct {
	sources  []source
	warnings []string
}

type prober struct {
	r       *Result
	runner  Runner
	ctx     context.Context // ends with the budget
	timeout time.Duration
	budget  time.Duration
}

// The command names the evidence and warnings use.
const (
	cmdDockerVersion = "docker version"
	cmdDockerInfo    = "docker info"
	cmdPodmanInfo    = "podman info"
	cmdKubeVersion   = "kubectl version"
	cmdKubeNodes     = "kubectl get nodes"
	cmdKubeRC        = "kubectl get runtimeclass"
	cmdRunsc         = "runsc --version"
	cmdKata          = "kata-runtime --version"
	cmdNvidiaSMI     = "nvidia-smi"
	cmdNpuSMI        = "npu-smi info"
	cmdRocmSMI       = "rocm-smi"
)

// stack runs the command probes and adds the current finding and their warnings.
func (r *Result) stack(c Commands) {
	p := &prober{r: r, runner: c.Runner, timeout: c.Timeout, budget: c.Budget}
	if p.runner == nil {
		p.runner = ExecRunner{}
	}
	if p.timeout <= 0 {
		p.timeout = CommandTimeout
	}
	if p.budget <= 0 {
		p.budget = CommandsBudget
	}
	parent := c.Context
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithTimeout(parent, p.budget)
	defer cancel()
	p.ctx = ctx

	// The chains run side by side; within one, a command runs only when the one before it
	// answered (the host's sandboxes are asked only when the cluster showed none). Warnings
	// come in the order of the chains below; parts in the order of precedence after them.
	var docker, podman, kube, host, nvidia, npu, rocm probeOut
	var wg sync.WaitGroup
	for _, f := range []func(){
		func() { p.docker(&docker) },
		func() { p.podman(&podman) },
		func() {
			if !p.kube(&kube) {
				p.hostSandbox(&host)
			}
		},
		func() { p.nvidia(&nvidia) },
		func() { p.npu(&npu) },
		func() { p.rocm(&rocm) },
	} {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
	for _, o := range []*probeOut{&docker, &podman, &kube, &host, &nvidia, &npu, &rocm} {
		r.Warnings = append(r.Warnings, o.warnings...)
	}
	// Precedence within a category: the cluster kubectl points at before this host (its
	// node runtime before the host's engine), Docker before Podman, NVIDIA, Huawei, AMD.
	var sources []source
	for _, o := range []*probeOut{&kube, &docker, &podman, &host, &nvidia, &npu, &rocm} {
		sources = append(sources, o.sources...)
	}
	r.choose(sources)
}

// choose takes, per category, the part of the first source that gives one (warning when a
// later source names another), and writes the current finding with its evidence.
func (r *Result) choose(sources []source) {
	winner := map[string]int{} // category -> index of the source
	var ids []string
	for _, cat := range stackCategories {
		first := -1
		for i, s := range sources {
			for _, pt := range s.parts {
				if pt.category != cat {
					continue
				}
				if first < 0 {
					first = i
					ids = append(ids, pt.id)
					winner[cat] = i
					continue
				}
				if won := partOf(sources[first], cat); pt.id != won {
					r.warn("detect.stack-conflict", won, sources[first].cmd, pt.id, s.cmd, cat)
				}
			}
		}
	}
	if len(ids) == 0 {
		return
	}
	// One evidence item per source used, in the order of the categories it gives.
	cited := map[int]bool{}
	for _, cat := range stackCategories {
		i, ok := winner[cat]
		if !ok || cited[i] {
			continue
		}
		cited[i] = true
		item := evidenceItem{cmd: sources[i].cmd, detail: sources[i].detail}
		for _, pt := range sources[i].parts { // as the source names them: "k3s and containerd"
			if j, ok := winner[pt.category]; ok && j == i {
				item.ids = append(item.ids, pt.id)
			}
		}
		r.current = append(r.current, item)
	}
	r.Findings = append(r.Findings, Finding{QuestionCurrent, knowledge.Value{Type: knowledge.TypeMulti, List: ids}, r.CurrentEvidence(ids)})
}

func partOf(s source, cat string) string {
	for _, pt := range s.parts {
		if pt.category == cat {
			return pt.id
		}
	}
	return ""
}

// CurrentEvidence is the evidence of the detected parts among ids, each named with the
// command it came from, in the probe's language: what to show when only some of the detected
// parts are used (the user's flags already name the others). "" when none of ids was detected.
func (r *Result) CurrentEvidence(ids []string) string {
	var out []string
	for _, e := range r.current {
		var kept []string
		for _, id := range e.ids {
			if slices.Contains(ids, id) {
				kept = append(kept, id)
			}
		}
		if len(kept) == 0 {
			continue
		}
		out = append(out, r.loc.Tf("detect.stack-from", r.and(kept), e.cmd, e.detail))
	}
	return strings.Join(out, r.tr("detect.stack-join"))
}

// and joins items as "a", "a and b", "a, b and c".
func (r *Result) and(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return r.loc.Tf("detect.stack-and", r.loc.List(items[:len(items)-1]), items[len(items)-1])
}

// run runs one command of a chain. It returns the output when the command answered; else it
// adds the warning (none for a program that is not installed) and returns false.
func (p *prober) run(out *probeOut, cmd, name string, args ...string) ([]byte, bool) {
	ctx, cancel := context.WithTimeout(p.ctx, p.timeout)
	defer cancel()
	b, err := p.runner.Run(ctx, name, args...)
	var ee *ExitError
	switch {
	case err == nil:
		return b, true
	case errors.Is(err, ErrNotFound):
	case p.ctx.Err() != nil:
		p.warn(out, "detect.stack-budget", cmd, p.budget.String())
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
		p.warn(out, "detect.stack-timeout", cmd, p.timeout.String())
	case errors.As(err, &ee):
		p.warn(out, "detect.stack-exit", cmd, ee.Code)
	case errors.Is(err, ErrTooLarge):
		p.warn(out, "detect.stack-too-large", cmd, CommandOutputBytes>>20)
	default:
		p.warn(out, "detect.stack-failed", cmd, clean(unwrap(err).Error()))
	}
	return nil, false
}

func (p *prober) warn(out *probeOut, key string, args ...any) {
	out.warnings = append(out.warnings, p.r.loc.Tf(key, args...))
}

func (p *prober) unparsable(out *probeOut, cmd string) { p.warn(out, "detect.stack-unparsable", cmd) }

// decode reads one JSON document; text after it makes it unreadable.
func decode(b []byte, v any) bool {
	d := json.NewDecoder(bytes.NewReader(b))
	return d.Decode(v) == nil && !d.More()
}

// docker: an engine answering `docker version` is docker (or Podman behind podman-docker's
// socket), and an active Swarm in `docker info` is docker-swarm.
func (p *prober) docker(out *probeOut) {
	b, ok := p.run(out, cmdDockerVersion, "docker", "version", "--format", "{{json .}}")
	if !ok {
		return
	}
	var v struct {
		Client *struct {
			OsArch string `json:"OsArch"`
		} `json:"Client"`
		Server *struct {
			Platform struct {
				Name string `json:"Name"`
			} `json:"Platform"`
			Version    string `json:"Version"`
			Components []struct {
				Name    string `json:"Name"`
				Version string `json:"Version"`
			} `json:"Components"`
		} `json:"Server"`
	}
	if !decode(b, &v) || (v.Client == nil && v.Server == nil) {
		p.unparsable(out, cmdDockerVersion)
		return
	}
	if v.Server == nil {
		// podman-docker's docker is podman, whose version has a client only (OsArch is its
		// key): podman info answers for it. Docker's own client says its engine is away.
		if v.Client == nil || v.Client.OsArch == "" {
			p.warn(out, "detect.stack-no-engine", cmdDockerVersion)
		}
		return
	}
	s := v.Server
	engine, podman := "", strings.Contains(strings.ToLower(s.Platform.Name), "podman")
	for _, c := range s.Components {
		switch {
		case strings.Contains(strings.ToLower(c.Name), "podman"):
			podman, engine = true, c.Version
		case c.Name == "Engine":
			engine = c.Version
		}
	}
	if engine == "" {
		engine = s.Version
	}
	if engine == "" {
		p.unparsable(out, cmdDockerVersion)
		return
	}
	if podman {
		out.sources = append(out.sources, source{[]part{{"podman", catEngine}}, cmdDockerVersion, p.r.loc.Tf("detect.stack-podman-engine", clean(engine))})
		return
	}
	out.sources = append(out.sources, source{[]part{{"docker", catEngine}}, cmdDockerVersion, p.r.loc.Tf("detect.stack-docker-engine", clean(engine))})
	b, ok = p.run(out, cmdDockerInfo, "docker", "info", "--format", "{{json .}}")
	if !ok {
		return
	}
	var info struct {
		Swarm *struct {
			LocalNodeState string `json:"LocalNodeState"`
		} `json:"Swarm"`
	}
	if !decode(b, &info) {
		p.unparsable(out, cmdDockerInfo)
		return
	}
	if info.Swarm != nil && info.Swarm.LocalNodeState == "active" {
		out.sources = append(out.sources, source{[]part{{"docker-swarm", catOrchestrator}}, cmdDockerInfo, p.r.tr("detect.stack-swarm")})
	}
}

// podman: `podman info` answering with a version is podman.
func (p *prober) podman(out *probeOut) {
	b, ok := p.run(out, cmdPodmanInfo, "podman", "info", "--format", "json")
	if !ok {
		return
	}
	var v struct {
		Version *struct {
			Version string `json:"Version"`
		} `json:"version"`
	}
	if !decode(b, &v) || v.Version == nil || v.Version.Version == "" {
		p.unparsable(out, cmdPodmanInfo)
		return
	}
	out.sources = append(out.sources, source{[]part{{"podman", catEngine}}, cmdPodmanInfo, p.r.loc.Tf("detect.stack-podman", clean(v.Version.Version))})
}

// kube reads the cluster kubectl points at: the distribution and node runtime from its nodes
// (or the distribution from the server's version when the nodes cannot be listed), sandboxes
// from its RuntimeClasses. It reports whether it found a sandbox.
func (p *prober) kube(out *probeOut) bool {
	b, ok := p.run(out, cmdKubeVersion, "kubectl", "version", "-o", "json")
	if !ok {
		return false
	}
	var v struct {
		ServerVersion *struct {
			GitVersion string `json:"gitVersion"`
		} `json:"serverVersion"`
	}
	if !decode(b, &v) {
		p.unparsable(out, cmdKubeVersion)
		return false
	}
	if v.ServerVersion == nil {
		return false // a client without a cluster
	}
	if b, ok := p.run(out, cmdKubeNodes, "kubectl", "get", "nodes", "-o", "json"); !ok || !p.nodes(out, b) {
		id, managed := serverDistribution(v.ServerVersion.GitVersion)
		detail := p.r.loc.Tf("detect.stack-server", clean(v.ServerVersion.GitVersion))
		if managed != "" {
			detail += p.r.loc.Tf("detect.stack-managed", managed)
		}
		out.sources = append(out.sources, source{[]part{{id, catOrchestrator}}, cmdKubeVersion, detail})
	}
	b, ok = p.run(out, cmdKubeRC, "kubectl", "get", "runtimeclass", "-o", "json")
	if !ok {
		return false
	}
	return p.runtimeClasses(out, b)
}

type kubeNode struct {
	Metadata struct {
		Labels map[string]string `json:"labels"`
	} `json:"metadata"`
	Status struct {
		NodeInfo struct {
			KubeletVersion          string `json:"kubeletVersion"`
			ContainerRuntimeVersion string `json:"containerRuntimeVersion"`
			OSImage                 string `json:"osImage"`
		} `json:"nodeInfo"`
	} `json:"status"`
}

// nodes reads `kubectl get nodes -o json`; false when it shows no node (the caller falls back
// on the server's version).
func (p *prober) nodes(out *probeOut, b []byte) bool {
	var list struct {
		Items *[]kubeNode `json:"items"`
	}
	if !decode(b, &list) || list.Items == nil {
		p.unparsable(out, cmdKubeNodes)
		return false
	}
	if len(*list.Items) == 0 {
		return false
	}
	dists, runtimes := map[string]int{}, map[string]int{}
	unknown := map[string]bool{}
	for _, n := range *list.Items {
		id, managed := nodeDistribution(n)
		dists[id+"\x00"+managed]++
		if rt := runtimeOf(n.Status.NodeInfo.ContainerRuntimeVersion); rt != "" {
			runtimes[rt]++
		} else if v := n.Status.NodeInfo.ContainerRuntimeVersion; v != "" {
			scheme, _, _ := strings.Cut(v, "://")
			unknown[clean(scheme)] = true
		}
	}
	if len(unknown) > 0 {
		p.warn(out, "detect.stack-unknown-runtime", cmdKubeNodes, p.firstFew(sortedKeys(unknown)))
	}
	dist, all := mostCommon(dists)
	id, managed, _ := strings.Cut(dist, "\x00")
	if len(all) > 1 {
		var names []string
		for _, d := range all {
			n, _, _ := strings.Cut(d, "\x00")
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		if len(names) > 1 {
			p.warn(out, "detect.stack-mixed", cmdKubeNodes, catOrchestrator, p.r.loc.List(names), id)
		}
	}
	rt, allRT := mostCommon(runtimes)
	if len(allRT) > 1 {
		p.warn(out, "detect.stack-mixed", cmdKubeNodes, catEngine, p.r.loc.List(allRT), rt)
	}
	// The details quote a node that shows both the distribution and the runtime taken.
	var quoted kubeNode
	for _, n := range *list.Items {
		d, m := nodeDistribution(n)
		if d == id && m == managed && (rt == "" || runtimeOf(n.Status.NodeInfo.ContainerRuntimeVersion) == rt) {
			quoted = n
			break
		}
	}
	info := quoted.Status.NodeInfo
	parts := []part{{id, catOrchestrator}}
	var detail string
	if rt != "" {
		parts = append(parts, part{rt, catEngine})
		detail = p.r.loc.Tf("detect.stack-nodes", clean(info.KubeletVersion), clean(info.ContainerRuntimeVersion))
	} else {
		detail = p.r.loc.Tf("detect.stack-kubelet", clean(info.KubeletVersion))
	}
	if managed != "" {
		detail += p.r.loc.Tf("detect.stack-managed", managed)
	}
	out.sources = append(out.sources, source{parts, cmdKubeNodes, detail})
	return true
}

// nodeDistribution names the distribution a node belongs to, and the managed service it is
// part of ("" for none).
func nodeDistribution(n kubeNode) (id, managed string) {
	kubelet, labels := n.Status.NodeInfo.KubeletVersion, n.Metadata.Labels
	has := func(l string) bool { _, ok := labels[l]; return ok }
	osImage := strings.ToLower(n.Status.NodeInfo.OSImage)
	rhcos := strings.Contains(osImage, "rhcos") || strings.Contains(osImage, "red hat enterprise linux coreos")
	switch {
	case strings.Contains(kubelet, "+k3s"):
		return "k3s", ""
	case strings.Contains(kubelet, "+rke2"):
		return "rke2", ""
	case has("node.openshift.io/os_id"), has("node-role.kubernetes.io/master") && rhcos:
		return "openshift", ""
	case has("eks.amazonaws.com/nodegroup"), strings.Contains(kubelet, "-eks-"):
		return "kubernetes", "Amazon EKS"
	case has("cloud.google.com/gke-nodepool"), strings.Contains(kubelet, "-gke."):
		return "kubernetes", "Google GKE"
	case has("kubernetes.azure.com/cluster"):
		return "kubernetes", "Azure AKS"
	}
	return "kubernetes", ""
}

// serverDistribution is what the API server's version alone tells (OpenShift's does not).
func serverDistribution(v string) (id, managed string) {
	switch {
	case strings.Contains(v, "+k3s"):
		return "k3s", ""
	case strings.Contains(v, "+rke2"):
		return "rke2", ""
	case strings.Contains(v, "-eks-"):
		return "kubernetes", "Amazon EKS"
	case strings.Contains(v, "-gke."):
		return "kubernetes", "Google GKE"
	}
	return "kubernetes", ""
}

// runtimeOf maps a node's containerRuntimeVersion ("containerd://1.7.23-k3s2") to an engine.
func runtimeOf(v string) string {
	scheme, _, ok := strings.Cut(v, "://")
	if !ok {
		return ""
	}
	switch scheme {
	case "containerd":
		return "containerd"
	case "cri-o":
		return "cri-o"
	case "docker":
		return "docker"
	}
	return ""
}

// runtimeClasses reads `kubectl get runtimeclass -o json`: a handler runsc (gVisor's; GKE
// Sandbox names it gvisor) is gvisor, one starting with kata is kata. With several, the first
// handler by name decides.
func (p *prober) runtimeClasses(out *probeOut, b []byte) bool {
	var list struct {
		Items *[]struct {
			Handler string `json:"handler"`
		} `json:"items"`
	}
	if !decode(b, &list) || list.Items == nil {
		p.unparsable(out, cmdKubeRC)
		return false
	}
	var handlers []string
	for _, rc := range *list.Items {
		if sandboxOfHandler(rc.Handler) != "" && !slices.Contains(handlers, clean(rc.Handler)) {
			handlers = append(handlers, clean(rc.Handler))
		}
	}
	if len(handlers) == 0 {
		return false
	}
	sort.Strings(handlers)
	detail := p.r.loc.Tf("detect.stack-handler", handlers[0])
	if len(handlers) > 1 {
		detail = p.r.loc.Tf("detect.stack-handlers", p.r.loc.List(handlers), handlers[0])
	}
	out.sources = append(out.sources, source{[]part{{sandboxOfHandler(handlers[0]), catSandbox}}, cmdKubeRC, detail})
	return true
}

func sandboxOfHandler(h string) string {
	switch {
	case h == "runsc", h == "gvisor":
		return "gvisor"
	case strings.HasPrefix(h, "kata"):
		return "kata"
	}
	return ""
}

// hostSandbox reads the sandboxes installed on this host, when the cluster showed none:
// runsc is gvisor, kata-runtime is kata; with both, kata-runtime comes first by name.
func (p *prober) hostSandbox(out *probeOut) {
	var found []source
	if b, ok := p.run(out, cmdKata, "kata-runtime", "--version"); ok {
		// "kata-runtime  : 3.2.0" and then the commit and OCI specs
		line := firstLine(b)
		name, version, _ := strings.Cut(line, ":")
		if strings.TrimSpace(name) != "kata-runtime" || strings.TrimSpace(version) == "" {
			p.unparsable(out, cmdKata)
		} else {
			found = append(found, source{[]part{{"kata", catSandbox}}, cmdKata, "kata-runtime " + clean(version)})
		}
	}
	if b, ok := p.run(out, cmdRunsc, "runsc", "--version"); ok {
		// "runsc version release-20240513.0" and then the spec
		line := firstLine(b)
		if !strings.HasPrefix(line, "runsc version ") {
			p.unparsable(out, cmdRunsc)
		} else {
			found = append(found, source{[]part{{"gvisor", catSandbox}}, cmdRunsc, clean(line)})
		}
	}
	if len(found) == 0 {
		return
	}
	s := found[0]
	if len(found) > 1 {
		s.detail = p.r.loc.Tf("detect.stack-also", s.detail, found[1].parts[0].id, found[1].cmd)
	}
	out.sources = append(out.sources, s)
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(line)
}

// A card table maps a model's token in a tool's name for it to a candidate. Tokens match
// whole (between non-alphanumeric characters, so "L4" is not found in "L40S" nor "H200" in
// "GH200"), the longest first.
type cardToken struct{ token, id string }

var nvidiaCards = []cardToken{
	{"H100", "nvidia-h100"}, {"H200", "nvidia-h200"}, {"A100", "nvidia-a100"}, {"H20", "nvidia-h20"},
	{"L40S", "nvidia-l40s"}, {"L4", "nvidia-l4"}, {"B200", "nvidia-b200"},
	{"RTX PRO 6000", "nvidia-rtx-pro-6000"}, {"ORIN", "nvidia-jetson-orin"},
}

var amdCards = []cardToken{{"MI300X", "amd-mi300x"}, {"MI325X", "amd-mi325x"}, {"MI355X", "amd-mi355x"}}

func matchCard(name string, table []cardToken) string {
	u := strings.ToUpper(name)
	best, bestLen := "", 0
	for _, c := range table {
		for i := 0; ; {
			j := strings.Index(u[i:], c.token)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(c.token)
			if (start == 0 || !alnum(u[start-1])) && (end == len(u) || !alnum(u[end])) && len(c.token) > bestLen {
				best, bestLen = c.id, len(c.token)
			}
			i = start + 1
		}
	}
	return best
}

func alnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// card is one card a tool lists: its name and the candidate it is ("" for none).
type card struct{ name, id string }

// cards takes the most common known model among a tool's cards, with a warning for the names
// no candidate matches and one when several models are present. It returns the model's id,
// how many cards it has and the first one's name; "" when none is known.
func (p *prober) cards(out *probeOut, cmd string, cards []card) (id string, n int, name string) {
	counts, first := map[string]int{}, map[string]string{}
	unknown := map[string]bool{}
	for _, c := range cards {
		if c.id == "" {
			unknown[clean(c.name)] = true
			continue
		}
		counts[c.id]++
		if _, ok := first[c.id]; !ok {
			first[c.id] = c.name
		}
	}
	if len(unknown) > 0 {
		p.warn(out, "detect.stack-unknown-card", cmd, p.firstFew(sortedKeys(unknown)))
	}
	if len(counts) == 0 {
		return "", 0, ""
	}
	id, all := mostCommon(counts)
	if len(all) > 1 {
		p.warn(out, "detect.stack-mixed", cmd, catGPU, p.r.loc.List(all), id)
	}
	return id, counts[id], first[id]
}

// addCards adds the GPU source of a tool's cards, named by model and count.
func (p *prober) addCards(out *probeOut, cmd string, cards []card) {
	if id, n, name := p.cards(out, cmd, cards); id != "" {
		out.sources = append(out.sources, source{[]part{{id, catGPU}}, cmd, p.r.loc.Tf("detect.stack-cards", n, clean(name))})
	}
}

// nvidia: `nvidia-smi --query-gpu=name --format=csv,noheader` prints one name a line
// ("NVIDIA L40S").
func (p *prober) nvidia(out *probeOut) {
	b, ok := p.run(out, cmdNvidiaSMI, "nvidia-smi", "--query-gpu=name", "--format=csv,noheader")
	if !ok {
		return
	}
	var names []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			names = append(names, line)
		}
	}
	if len(names) == 0 || !printableText(b) {
		p.unparsable(out, cmdNvidiaSMI)
		return
	}
	var cards []card
	for _, n := range names {
		cards = append(cards, card{n, matchCard(n, nvidiaCards)})
	}
	p.addCards(out, cmdNvidiaSMI, cards)
}

// npuRow is the first row of an NPU (or of one of its chips) in `npu-smi info`'s table:
// "| 0     910B3               | OK            | 94.2        41  ...". The chip rows below it
// have a number where the name is, and are left out.
var npuRow = regexp.MustCompile(`^\|\s*(\d+)\s+([A-Za-z0-9][A-Za-z0-9_.-]*)\s*\|\s*[A-Za-z]+\s*\|`)

// npu reads `npu-smi info`. Its names: 910B1…910B4 for the 910B (huawei-ascend); 310P1…310P3
// for the 310P; on Atlas A3 (the 910C) "Ascend910" with two chips per NPU, each chip a row of
// its own under the same NPU number. A lone "Ascend910" (an older 910) matches no candidate.
func (p *prober) npu(out *probeOut) {
	b, ok := p.run(out, cmdNpuSMI, "npu-smi", "info")
	if !ok {
		return
	}
	rows := map[string]int{} // NPU number -> rows
	var order []string
	names := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		m := npuRow.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil || strings.Trim(m[2], "0123456789") == "" {
			continue
		}
		if rows[m[1]] == 0 {
			order = append(order, m[1])
		}
		rows[m[1]]++
		names[m[1]] = m[2]
	}
	if len(order) == 0 {
		p.unparsable(out, cmdNpuSMI)
		return
	}
	var cards []card
	for _, n := range order {
		id := ascendID(names[n])
		if id == "" && strings.EqualFold(names[n], "Ascend910") && rows[n] >= 2 {
			id = "huawei-ascend-910c" // the A3 layout: two chips under one NPU number
		}
		cards = append(cards, card{names[n], id})
	}
	id, count, name := p.cards(out, cmdNpuSMI, cards)
	if id == "" {
		return
	}
	detail := p.r.loc.Tf("detect.stack-cards", count, clean(name))
	if strings.EqualFold(name, "Ascend910") {
		detail = p.r.loc.Tf("detect.stack-a3", count) // why a bare Ascend910 is the 910C
	}
	out.sources = append(out.sources, source{[]part{{id, catGPU}}, cmdNpuSMI, detail})
}

func ascendID(name string) string {
	u := strings.ToUpper(name)
	switch {
	case strings.HasPrefix(u, "910B"), strings.HasPrefix(u, "ASCEND910B"):
		return "huawei-ascend"
	case strings.HasPrefix(u, "910C"), strings.HasPrefix(u, "ASCEND910C"), strings.HasPrefix(u, "ASCEND910_93"):
		return "huawei-ascend-910c"
	case strings.HasPrefix(u, "310P"), strings.HasPrefix(u, "ASCEND310P"):
		return "huawei-ascend-310p"
	}
	return ""
}

// rocm reads `rocm-smi --showproductname --json`: an object per card ("card0"), whose
// "Card Series" (or "Card series", by version) names the model ("AMD Instinct MI300X").
func (p *prober) rocm(out *probeOut) {
	b, ok := p.run(out, cmdRocmSMI, "rocm-smi", "--showproductname", "--json")
	if !ok {
		return
	}
	var doc map[string]json.RawMessage
	if !decode(b, &doc) {
		p.unparsable(out, cmdRocmSMI)
		return
	}
	var cards []card
	for _, key := range sortedKeys(doc) {
		if !strings.HasPrefix(key, "card") {
			continue
		}
		var fields map[string]any
		if json.Unmarshal(doc[key], &fields) != nil {
			continue
		}
		// The model's token may be in the series or the model field; the series names it.
		name, found := "", ""
		for _, k := range sortedKeys(fields) {
			s, ok := fields[k].(string)
			if !ok {
				continue
			}
			if strings.EqualFold(k, "Card Series") {
				name = s
			}
			if found == "" && matchCard(s, amdCards) != "" {
				found = s
			}
		}
		if found != "" {
			name = found
		}
		if name == "" {
			continue
		}
		cards = append(cards, card{name, matchCard(name, amdCards)})
	}
	if len(cards) == 0 {
		p.unparsable(out, cmdRocmSMI)
		return
	}
	p.addCards(out, cmdRocmSMI, cards)
}

// mostCommon is the key with the highest count (ties: the first by name) and all keys by name.
func mostCommon(counts map[string]int) (string, []string) {
	all := sortedKeys(counts)
	best := ""
	for _, k := range all {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	return best, all
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printableText reports whether b is text (no NUL or other control bytes but tab and line
// ends): a tool's garbage is not read as names.
func printableText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
	}
	return true
}

// clean makes a value read off a tool safe to quote in evidence and warnings: printable
// ASCII only (others become '?'), spaces collapsed, at most cleanRunes characters. Nothing a
// tool prints is shown but such short values (a version, a card's name).
func clean(s string) string {
	const cleanRunes = 64
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '\t':
			space = true
			continue
		case r < 0x20 || r >= 0x7f:
			r = '?'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		if b.Len() >= cleanRunes {
			return b.String() + "…"
		}
	}
	return b.String()
}

// shownNames is how many names a warning quotes from a tool's output; the rest are counted.
const shownNames = 3

// firstFew lists at most shownNames of names (each already cleaned) and says how many more
// there are: a tool's output, however long, never floods the report.
func (p *prober) firstFew(names []string) string {
	if len(names) <= shownNames {
		return p.r.loc.List(names)
	}
	return p.r.loc.Tf("detect.stack-and-more", p.r.loc.List(names[:shownNames]), len(names)-shownNames)
}
