// Package i18n is the one catalog of the user interface's own words — report labels, wizard
// prompts, detection notes, command help — in English and Chinese. The knowledge base's texts
// (rules, candidates, questions) carry their own two languages; everything else is here, so a
// test can check that every text exists in both and that every key the code asks for exists.
package i18n

import "fmt"

// Langs are the languages of the interface.
var Langs = []string{"en", "zh"}

// T returns the text of key in lang ("zh" for Chinese, anything else English). A key that is
// not in the catalog comes back as itself, which TestCatalogKeysExist prevents.
func T(lang, key string) string {
	m, ok := catalog[key]
	if !ok {
		return key
	}
	if lang == "zh" {
		return m[1]
	}
	return m[0]
}

// Tf formats the text of key in lang with args.
func Tf(lang, key string, args ...any) string { return fmt.Sprintf(T(lang, key), args...) }

// Keys lists the catalog's keys, for tests.
func Keys() []string {
	out := make([]string, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	return out
}

// catalog maps a key (area.name) to its English and Chinese.
var catalog = map[string][2]string{
	// Reports (pkg/report)
	"report.list-sep":            {", ", "、"},
	"report.label-colon":         {": ", "："},
	"report.candidate":           {"Candidate", "候选"},
	"report.score":               {"Score", "得分"},
	"report.excluded":            {"Excluded", "已排除"},
	"report.none-left":           {"No candidate is left after the exclusions below.", "经过以下排除后，没有剩余的候选。"},
	"report.correction":          {"Correction", "更正"},
	"report.unverified":          {"Unverified", "未经证实"},
	"report.report-says":         {"the report says: %s", "报告称：%s"},
	"report.through":             {" (up to %d)", "（至 %d）"},
	"report.or-more":             {" (or more)", "（或更多）"},
	"report.colon":               {":", "："},
	"report.verified":            {"The sources say: %s", "经核实：%s"},
	"report.source":              {"source", "来源"},
	"report.more-reasons":        {"… %d more reasons (-f json lists them all)", "… 另有 %d 条理由（-f json 列出全部）"},
	"report.corrections-also":    {"Corrections also apply to: %s (see -f json).", "以下候选也有更正：%s（见 -f json）。"},
	"report.more-reason":         {"… %d more reason (-f json lists it)", "… 另有 %d 条理由（-f json 列出）"},
	"report.more-corrections":    {"… %d more corrections (-f json lists them all)", "… 另有 %d 条更正（-f json 列出全部）"},
	"report.more-correction":     {"… %d more correction (-f json lists it)", "… 另有 %d 条更正（-f json 列出）"},
	"report.x-excluded":          {"Excluded for these answers by:", "在这些回答下被以下规则排除："},
	"report.x-readmit":           {"Changing one answer readmits it:", "改变以下任一回答即可重新纳入："},
	"report.x-no-readmit":        {"No single answer change readmits it.", "改变任何单个回答都无法重新纳入。"},
	"report.x-would-score":       {"Without the exclusion it would score %.1f:", "若不排除，其得分为 %.1f："},
	"report.x-ranked":            {"Ranked %d of %d with a score of %.1f:", "在 %[2]d 个候选中排名第 %[1]d，得分 %.1[3]f："},
	"report.x-criterion":         {"Criterion", "评分标准"},
	"report.x-value":             {"Value", "取值"},
	"report.x-weight":            {"Weight", "权重"},
	"report.x-normalised":        {"Normalised", "归一化"},
	"report.x-points":            {"Points", "分数"},
	"report.x-criteria-sum":      {"Criteria", "标准合计"},
	"report.x-adjustments":       {"Rule adjustments", "规则调整"},
	"report.x-rules":             {"Rules that touched it:", "影响它的规则："},
	"report.c-attribute":         {"Attribute", "属性"},
	"report.c-report-differs":    {"Where the report differs or gives no figure:", "报告数据不同或未给出之处："},
	"report.c-sources":           {"Sources:", "来源："},
	"report.what-if":             {"Would change the pick:", "以下改动会改变首选："},
	"report.md-title":            {"Container stack recommendation", "容器技术栈选型建议"},
	"report.md-generated":        {"stackadvisor %s · knowledge base %s (`%s`)", "stackadvisor %s · 知识库 %s（`%s`）"},
	"report.md-generated-plain":  {"stackadvisor %s · knowledge base %s (%s)", "stackadvisor %s · 知识库 %s（%s）"},
	"report.md-answers":          {"Answers", "回答"},
	"report.md-question":         {"Question", "问题"},
	"report.md-answer":           {"Answer", "回答"},
	"report.adr-title":           {"%s: choose %s", "%s选型：%s"},
	"report.adr-title-none":      {"%s: no candidate meets the constraints", "%s选型：没有满足约束的候选"},
	"report.adr-context":         {"Context and Problem Statement", "背景与问题"},
	"report.adr-context-text":    {"Which %s should the platform use? The requirements, as answered:", "平台应选用哪种%s？需求如下："},
	"report.adr-drivers":         {"Decision Drivers", "决策因素"},
	"report.adr-priorities":      {"Priorities", "优先考虑"},
	"report.adr-constraint":      {"Constraint", "约束"},
	"report.adr-options":         {"Considered Options", "备选方案"},
	"report.adr-excluded":        {"excluded", "已排除"},
	"report.adr-outcome":         {"Decision Outcome", "决策结果"},
	"report.adr-chosen":          {"Chosen option: \"%s\" (score %.1f), because:", "选定方案：“%s”（得分 %.1f），理由："},
	"report.adr-consequences":    {"Consequences", "影响"},
	"report.adr-good":            {"Good, because", "好处："},
	"report.adr-bad":             {"Bad, because", "代价："},
	"report.adr-neutral":         {"Neutral: the report was corrected here:", "说明：此处对报告做了更正："},
	"report.adr-more":            {"More Information", "更多信息"},
	"report.adr-reproduce":       {"Reproduce the recommendation:", "复现此建议："},
	"report.warn-not-applicable": {"--%s=%s does not apply to these answers (its category or topic was not chosen) and was ignored.", "--%s=%s 不适用于当前回答（未选择相应类别或主题），已忽略。"},
	"report.warn-too-strict":     {"--%s=%s alone excludes every candidate of %s: no candidate can meet it.", "仅 --%s=%s 一项就排除了%s的全部候选：没有候选能满足。"},
	"report.detected":            {"Detected on this machine", "在本机检测到"},
	"report.warning":             {"Warning", "警告"},
	"report.yes":                 {"yes", "是"},
	"report.no":                  {"no", "否"},
	// Commands (pkg/cli)
	"cli.default-add":      {"+ %[2]s when %[1]s", "%[1]s 时加上 %[2]s"},
	"cli.values-sep":       {",", "、"},
	"cli.none":             {"none", "无"},
	"cli.defaults-lead":    {" ", "；"},
	"cli.defaults-sep":     {"; ", "；"},
	"cli.test-summary":     {"%d scenarios: %d passed, %d failed.", "%d 个场景：%d 个通过，%d 个失败。"},
	"cli.test-summary-one": {"%d scenario: %d passed, %d failed.", "%d 个场景：%d 个通过，%d 个失败。"},
	"cli.validate-ok":      {"%d rule files, no problems.", "%d 个规则文件，没有问题。"},
	"cli.unknown-revision": {"unknown revision", "修订未知"},
	"cli.modified":         {" (modified)", "（有未提交的修改）"},
	"cli.knowledge-base":   {"knowledge base", "知识库"},
	"cli.equivalent":       {"The same answers as a command:", "等价的命令："},
	// Detection of the machine (pkg/detect)
	"detect.kvm-open":          {"/dev/kvm can be opened", "/dev/kvm 可以打开"},
	"detect.kvm-missing":       {"/dev/kvm does not exist", "/dev/kvm 不存在"},
	"detect.kvm-unopenable":    {"/dev/kvm exists but cannot be opened (%v); kvm stays unknown", "/dev/kvm 存在但无法打开（%v）；kvm 仍为不确定"},
	"detect.status-unreadable": {"cannot read /proc/self/status (%v); rootless not detected", "无法读取 /proc/self/status（%v）；未检测 rootless"},
	"detect.uid":               {"running as uid %s", "以 uid %s 运行"},
	"detect.status-no-uid":     {"no Uid line in /proc/self/status; rootless not detected", "/proc/self/status 中没有 Uid 行；未检测 rootless"},
	"detect.comm-unreadable":   {"cannot read /proc/1/comm (%v); systemd not detected", "无法读取 /proc/1/comm（%v）；未检测 systemd"},
	"detect.pid1":              {"PID 1 is %s", "1 号进程是 %s"},
	"detect.pci-unlistable":    {"cannot list /sys/bus/pci/devices (%v); GPUs not detected", "无法列出 /sys/bus/pci/devices（%v）；未检测 GPU"},
	// The wizard (pkg/wizard): its own prompts, and huh's key help
	"wizard.yes":              {"Yes", "是"},
	"wizard.no":               {"No", "否"},
	"wizard.at-least":         {"Choose at least %d.", "至少选择 %d 项。"},
	"wizard.pick":             {"Enter a number from 1 to %d (empty keeps %s): ", "输入 1 到 %d 之间的数字（留空保留“%s”）："},
	"wizard.pick-bad":         {"Enter a number from 1 to %d.", "请输入 1 到 %d 之间的数字。"},
	"wizard.toggle":           {"Enter a number from 1 to %d to select or deselect; 0 or empty confirms: ", "输入 1 到 %d 之间的数字以选中或取消；输入 0 或留空确认："},
	"wizard.toggle-bad":       {"Enter a number from 0 to %d.", "请输入 0 到 %d 之间的数字。"},
	"wizard.confirm":          {"Confirm", "确认"},
	"wizard.up-to":            {"Choose up to %d.", "最多选择 %d 项。"},
	"wizard.any":              {"Choose any number.", "可以选择任意多项。"},
	"wizard.too-many":         {"At most %d may be chosen; deselect one first.", "最多只能选择 %d 项，请先取消一项。"},
	"wizard.yes-no":           {"[y/n, empty keeps %s]: ", "[y/n，留空保留“%s”]："},
	"wizard.yes-no-bad":       {"Answer y (yes) or n (no).", "请回答 y（是）或 n（否）。"},
	"wizard.number":           {"Enter a whole number (empty keeps %s): ", "输入整数（留空保留 %s）："},
	"wizard.number-min":       {"Enter a whole number of at least %d.", "请输入不小于 %d 的整数。"},
	"wizard.number-max":       {"Enter a whole number of at most %d.", "请输入不大于 %d 的整数。"},
	"wizard.number-both":      {"Enter a whole number from %d to %d.", "请输入 %d 到 %d 之间的整数。"},
	"wizard.number-any":       {"Enter a whole number.", "请输入整数。"},
	"wizard.key.filter":       {"filter", "筛选"},
	"wizard.key.last":         {"last", "最后"},
	"wizard.key.go to end":    {"go to end", "到末尾"},
	"wizard.key.new line":     {"new line", "换行"},
	"wizard.key.select all":   {"select all", "全选"},
	"wizard.key.select none":  {"select none", "全不选"},
	"wizard.key.½ page down":  {"½ page down", "下翻半页"},
	"wizard.key.½ page up":    {"½ page up", "上翻半页"},
	"wizard.key.complete":     {"complete", "补全"},
	"wizard.key.open editor":  {"open editor", "打开编辑器"},
	"wizard.key.confirm":      {"confirm", "确认"},
	"wizard.key.next":         {"next", "下一项"},
	"wizard.key.open":         {"open", "打开"},
	"wizard.key.select":       {"select", "选择"},
	"wizard.key.submit":       {"submit", "提交"},
	"wizard.key.clear filter": {"clear filter", "清除筛选"},
	"wizard.key.close":        {"close", "关闭"},
	"wizard.key.set filter":   {"set filter", "完成筛选"},
	"wizard.key.first":        {"first", "最前"},
	"wizard.key.go to start":  {"go to start", "到开头"},
	"wizard.key.back":         {"back", "返回"},
	"wizard.key.No":           {"No", "否"},
	"wizard.key.Yes":          {"Yes", "是"},
	"wizard.key.page down":    {"page down", "下一页"},
	"wizard.key.page up":      {"page up", "上一页"},
	"wizard.key.toggle":       {"toggle", "切换"},
	"wizard.key.left":         {"left", "左"},
	"wizard.key.right":        {"right", "右"},
	"wizard.key.up":           {"up", "上移"},
	"wizard.key.down":         {"down", "下移"},
	"wizard.key.quit":         {"quit", "退出"},
}
