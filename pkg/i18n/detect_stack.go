package i18n

// The words of --detect's command probes (pkg/detect/stack.go): what today's stack was read
// from, and why a command told nothing. Merged into the catalog when the package starts.
var detectStackCatalog = map[string][2]string{
	// Evidence of the current answer: "k3s and containerd from kubectl get nodes (kubelet …)"
	"detect.stack-and-more":        {"%s and %d more", "%s 等（另有 %d 个）"},
	"detect.stack-from":            {"%s from %s (%s)", "%s，来自 %s（%s）"},
	"detect.stack-and":             {"%s and %s", "%s 和 %s"},
	"detect.stack-join":            {"; ", "；"},
	"detect.stack-docker-engine":   {"Docker Engine %s", "Docker Engine %s"},
	"detect.stack-podman-engine":   {"Podman Engine %s, through the Docker API", "Podman Engine %s，经由 Docker API"},
	"detect.stack-swarm":           {"Swarm active", "Swarm 处于 active 状态"},
	"detect.stack-podman":          {"Podman %s", "Podman %s"},
	"detect.stack-nodes":           {"kubelet %s, %s", "kubelet %s，%s"},
	"detect.stack-kubelet":         {"kubelet %s", "kubelet %s"},
	"detect.stack-server":          {"server %s; the nodes were not listed", "服务端 %s；未能列出节点"},
	"detect.stack-managed":         {"; a managed service, %s", "；托管服务 %s"},
	"detect.stack-handler":         {"handler %s", "handler 为 %s"},
	"detect.stack-handlers":        {"handlers %s; %s comes first by name", "handler 有 %s；按名称取第一个 %s"},
	"detect.stack-also":            {"%[1]s; also %[2]s from %[3]s, second by name", "%[1]s；另有来自 %[3]s 的 %[2]s，按名称排在其后"},
	"detect.stack-cards":           {"%d × %s", "%d × %s"},
	"detect.stack-a3":              {"%d × Ascend910 with two chips each, the layout of Atlas A3 (Ascend 910C)", "%d 个 Ascend910，每个两颗芯片，即 Atlas A3（昇腾 910C）的布局"},
	"detect.stack-conflict":        {"%[1]s from %[2]s and %[3]s from %[4]s both answer for %[5]s; current takes %[1]s", "%[5]s 有两个答案：来自 %[2]s 的 %[1]s 和来自 %[4]s 的 %[3]s；current 取 %[1]s"},
	"detect.stack-mixed":           {"%s shows several %s parts (%s); current takes %s, the most common", "%s 显示了多个 %s 组件（%s）；current 取最常见的 %s"},
	"detect.stack-unknown-card":    {"%s shows cards no candidate matches (%s); gpu not detected from them", "%s 显示的加速卡（%s）没有对应的候选；未据此检测 gpu"},
	"detect.stack-unknown-runtime": {"%s shows container runtimes no candidate matches (%s)", "%s 显示的容器运行时（%s）没有对应的候选"},
	// Why a command told nothing: never fatal, the other answers stand.
	"detect.stack-timeout":    {"%s did not answer within %s; what it shows was not detected", "%s 在 %s 内没有响应；未检测它所显示的信息"},
	"detect.stack-budget":     {"%s did not finish within the %s all the command probes may take; what it shows was not detected", "%s 未能在全部命令探测的总时限 %s 内完成；未检测它所显示的信息"},
	"detect.stack-exit":       {"%s failed (exit status %d); what it shows was not detected", "%s 执行失败（退出状态 %d）；未检测它所显示的信息"},
	"detect.stack-failed":     {"%s could not run (%s); what it shows was not detected", "%s 无法运行（%s）；未检测它所显示的信息"},
	"detect.stack-too-large":  {"%s wrote more than %d MiB; what it shows was not detected", "%s 的输出超过 %d MiB；未检测它所显示的信息"},
	"detect.stack-unparsable": {"%s gave output stackadvisor cannot read; what it shows was not detected", "无法读取 %s 的输出；未检测它所显示的信息"},
	"detect.stack-no-engine":  {"%s answered without an engine (is the Docker daemon running?); engine not detected from it", "%s 没有返回引擎信息（Docker 守护进程是否在运行？）；未从中检测引擎"},
}

func init() {
	for k, v := range detectStackCatalog {
		if _, ok := catalog[k]; ok {
			panic("i18n: " + k + " is in the catalog twice")
		}
		catalog[k] = v
	}
}
