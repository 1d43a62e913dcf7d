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
	"report.weak-evidence":            {"Rests on %s figure: %s %s (counted at %d %% of its distance from neutral).", "依据的是%s数据：%s %s（只计其偏离中性值部分的 %d%%）。"},
	"report.weak-rule":                {"Rests on %s claim: rule %s counts %s of its %s points.", "依据的是%s说法：规则 %s 只计 %s 分（原为 %s 分）。"},
	"stack.adr-title":                 {"Container stack: choose %s", "整体方案选型：%s"},
	"stack.adr-title-none":            {"Container stack (%s): no combination works together", "整体方案（%s）：没有可以兼容的组合"},
	"stack.adr-context-text":          {"Which stack (%s) should the platform use, as one set of parts that work together? The requirements, as answered:", "平台应选用哪一套（%s）能相互配合的整体方案？需求如下："},
	"stack.adr-compatible":            {"The parts must work together (rules/compatibility.yaml: requires, bundles, conflicts, works-with)", "各部分必须能相互配合（rules/compatibility.yaml：requires、bundles、conflicts、works-with）"},
	"stack.adr-chosen":                {"Chosen option: \"%s\" (score %.1f), because:", "选定方案：“%s”（得分 %.1f），理由："},
	"stack.alternative":               {"The alternative you named", "你指定的替代方案"},
	"stack.alt-excluded":              {"%s cannot be in the stack: the answers exclude it in its own category.", "%s 不能进入整体方案：按这些回答，它在自己的类别中就已被排除。"},
	"stack.alt-ruled-out":             {"%s does not work with the rest of the recommended stack:", "%s 与推荐方案的其余部分不兼容："},
	"stack.alt-same":                  {"With %s the stack is %s and scores %s, as much as the recommendation: either will do.", "换上 %s 后整套方案为 %s，得 %s 分，与推荐方案相当，两者皆可。"},
	"stack.alt-lower":                 {"With %s the stack is %s and scores %s, %s below the recommendation:", "换上 %s 后整套方案为 %s，得 %s 分，比推荐方案低 %s 分："},
	"stack.none-ranked":               {"Fewer than two categories have candidates left, so there is no stack.", "剩下候选的类别不足两个，因此没有整体方案。"},
	"stack.how-scored":                {"Score: the parts' mean score %s (a part in a role counts as its role says) + compatibility points %s = %s ('stackadvisor help scores').", "得分：各部分平均分 %s（担任某一角色的部分按该角色的权重计）+ 兼容性加减分 %s = %s（见 'stackadvisor help scores'）。"},
	"stack.whatif":                    {"Answers that would change the stack:", "会改变整体方案的回答："},
	"stack.whatif-none":               {"no compatible stack", "没有可兼容的方案"},
	"current.title":                   {"Today", "目前"},
	"current.keep-path-keep":          {" Keeping it takes work under your answers: an effort of %s (%s).", "在你的回答下，继续使用它也需要一些工作：工作量 %s（%s）。"},
	"current.keep-steps":              {"To keep %s:", "要继续使用 %s："},
	"current.keep-steps-more":         {"To keep %s: %d steps; --details lists them with their risk and sources.", "要继续使用 %s：共 %d 步；--details 列出各步骤及其风险和来源。"},
	"current.keep-path":               {" Keeping %s would cost %s too, under your answers (%s), so the move only has to beat the difference.", "在你的回答下，保留 %s 也要付出 %s（%s），因此迁移只需超过两者之差即可。"},
	"current.stack-together":          {"Move %s: today's parts do not work together.", "迁移 %s：目前的组件彼此不兼容。"},
	"current.stack-together-keeping":  {"Keep %s; move %s: today's parts do not work together.", "保留 %s；迁移 %s：目前的组件彼此不兼容。"},
	"current.stack-close":             {" A close call: the best move and staying are within a point or two once the moves are paid for.", "这是个接近的判断：扣除迁移成本后，迁移与保持现状只差一两分。"},
	"current.switch-bundled":          {"Switch from %s to %s: %s points here, and it comes with %s (no move of its own).", "从 %s 切换到 %s：本类别得分 %s，它随 %s 一起提供，无需单独迁移。"},
	"current.must-switch-bundled":     {"Must switch from %s: %s %s comes with %s (no move of its own).", "必须替换 %s：%s %s 随 %s 一起提供，无需单独迁移。"},
	"current.not-first":               {" %s ranks first here, but the move to it nets %s against %s.", "本类别排第一的是 %s，但迁移到它的净收益为 %s，低于这里的 %s。"},
	"current.close":                   {" A close call: the gain and the cost are %s points apart.", "这是个接近的判断：收益与成本只差 %s 分。"},
	"current.effort-change":           {", and %s for %s", "，另有 %s 用于%s"},
	"current.switch-follows":          {"Switch from %s to %s: it goes with the stack's move to %s, which does not work with today's part; %s.", "从 %s 切换到 %s：整体方案改用了 %s，它与目前的组件不兼容；%s。"},
	"current.owned":                   {"Runs today, so it stays, but buy no more of it: %s", "目前在用，可以继续使用，但不要再采购：%s"},
	"current.effort-replacement":      {", of which %s for %s", "，其中 %s 用于%s"},
	"current.keep-next-purchase":      {"Keep %s: %s scores %s more, which does not pay for %s. Consider it for the next purchase.", "保留 %s：%s 高 %s 分，抵不上%s。下次采购时可以考虑它。"},
	"current.whatif-pays":             {" The move would pay once %s weighs %s× what it weighs now.", "若「%s」的权重变为现在的 %s 倍，迁移就值得。"},
	"current.whatif-stops":            {" The move would stop paying once %s weighs %s× what it weighs now.", "若「%s」的权重变为现在的 %s 倍，迁移就不再值得。"},
	"current.x-pays":                  {"From today's %s: %s points here for %s; the move pays.", "从目前的 %s 迁移过来：本类别得分 %s，需要%s；值得迁移。"},
	"current.x-no-pay":                {"From today's %s: %s points here for %s; the move does not pay.", "从目前的 %s 迁移过来：本类别得分 %s，需要%s；不值得迁移。"},
	"current.x-move":                  {"From today's %s: %s.", "从目前的 %s 迁移过来：%s。"},
	"current.effort":                  {"a move of effort %s (%s)", "迁移工作量 %s（%s）"},
	"current.effort-default":          {"a move of effort %s (the default: no migration in the rules covers it)", "迁移工作量 %s（默认值：规则中没有覆盖这次迁移的条目）"},
	"current.keep-first":              {"Keep %s: it is first here.", "保留 %s：它在本类别排第一。"},
	"current.keep-behind":             {"Keep %s: %s scores %s more, which does not pay for %s.", "保留 %s：%s 高 %s 分，抵不上%s。"},
	"current.keep-stack":              {"Keep %s: the recommended stack keeps it (on its own, %s scores %s more, for %s).", "保留 %s：推荐的整体方案保留它（单看本类别，%s 高 %s 分，需要%s）。"},
	"current.switch":                  {"Switch from %s to %s: %s points for %s.", "从 %s 切换到 %s：得分 %s，需要%s。"},
	"current.switch-stack":            {"Switch from %s to %s with the recommended stack: %s points here, for %s.", "随推荐的整体方案从 %s 切换到 %s：本类别得分 %s，需要%s。"},
	"current.must-switch":             {"Must switch from %s: %s Move to %s, %s.", "必须替换 %s：%s 改用 %s，%s。"},
	"current.must-switch-nowhere":     {"Must switch from %s: %s No candidate of the category is left.", "必须替换 %s：%s 本类别已没有可用的候选项。"},
	"current.no-stack":                {"no compatible stack holds it with today's other parts.", "没有兼容的整体方案能把它和目前的其他组件放在一起。"},
	"current.move":                    {"%s → %s", "%s → %s"},
	"current.stack-keep":              {"Keep today's stack: %s.", "保留目前的方案：%s。"},
	"current.stack-switch":            {"Move %s: the stack scores %s more, and the moves cost %s of its points.", "迁移 %s：整体方案得分提高 %s，迁移成本折合其 %s 分。"},
	"current.stack-switch-keeping":    {"Keep %s; move %s: the stack scores %s more, and the moves cost %s of its points.", "保留 %s；迁移 %s：整体方案得分提高 %s，迁移成本折合其 %s 分。"},
	"current.stack-must":              {"Move %s: your answers rule out %s.", "迁移 %s：你的回答排除了 %s。"},
	"current.stack-must-keeping":      {"Keep %s; move %s: your answers rule out %s.", "保留 %s；迁移 %s：你的回答排除了 %s。"},
	"current.steps":                   {"Steps from %s to %s:", "从 %s 迁移到 %s 的步骤："},
	"current.tools":                   {"Tools: %s", "工具：%s"},
	"current.risk":                    {"Risk: %s", "风险：%s"},
	"current.sources":                 {"Sources: %s", "来源：%s"},
	"current.sources-title":           {"Sources:", "来源："},
	"current.bundled":                 {"%s → %s comes with %s: no move of its own (remove %[1]s from the nodes once it runs).", "%s → %s 随 %s 一起提供，无需单独迁移（待其运行后从节点上移除 %[1]s）。"},
	"current.steps-more":              {"%s → %s: %d steps; --details lists them with their risk and sources.", "%s → %s：共 %d 步；--details 列出各步骤及其风险和来源。"},
	"current.steps-more-tools":        {"%s → %s: %d steps (tools: %s); --details lists them with their risk and sources.", "%s → %s：共 %d 步（工具：%s）；--details 列出各步骤及其风险和来源。"},
	"stack.title":                     {"Recommended stack", "推荐的整体方案"},
	"stack.none":                      {"No combination of the candidates left works together:", "剩下的候选组合在一起都无法兼容："},
	"stack.part":                      {"%s: %s (#%d on its own, %s)", "%s：%s（单独排第 %d，%s 分）"},
	"report.c-context":                {"When %s: %s (%s)", "当 %s 时：%s（%s）"},
	"stack.part-past-cap":             {"; %s before the 100 cap, which counts in the stack", "；封顶 100 分之前为 %s 分，整体方案按此计"},
	"report.not-applied":              {"Your priority %[1]s does not apply to %[2]s: no criterion or rule here measures it, so it changes nothing in this ranking.", "你的优先级“%[1]s”不适用于%[2]s：这里没有衡量它的标准或规则，因此它不影响本排名。"},
	"report.not-applied-many":         {"Your priorities %[1]s do not apply to %[2]s: no criterion or rule here measures them, so they change nothing in this ranking.", "你的优先级“%[1]s”不适用于%[2]s：这里没有衡量它们的标准或规则，因此它们不影响本排名。"},
	"report.role-table-stack":         {"%[1]s leads this table, but the stack uses %[2]s: with the stack's other parts it scores higher (see the stack's notes).", "%[1]s 在本表中排第一，但推荐方案采用 %[2]s：与方案中其他部分搭配时得分更高（见方案中的说明）。"},
	"report.role-table":               {"Ranked as %[1]s's %[2]s, the role the recommended stack gives this category; on its own %[3]s ranks first (%[4]s).", "按在推荐方案中担任 %[1]s 的%[2]s来排名；单独排名时 %[3]s 排第一（%[4]s 分）。"},
	"stack.part-role":                 {"%[1]s: %[2]s as %[3]s's %[4]s, %[5]s (#%[6]d on its own, %[7]s)", "%[1]s：%[2]s 作为 %[3]s 的%[4]s，%[5]s 分（单独排第 %[6]d，%[7]s 分）"},
	"stack.runner-up":                 {"Runner-up: %s (%s)", "备选：%s（%s 分）"},
	"stack.swap-ruled-out":            {"%[1]s ranks first for %[2]s on its own, but it does not work with the rest of this stack, so %[3]s takes its place.", "%[1]s 单独看在%[2]s中排第一，但它与这套方案的其他部分不兼容，因此由 %[3]s 代替。"},
	"stack.swap-costs":                {"%[1]s ranks first for %[2]s on its own, but the best stack with it, %[6]s, scores %[3]s, below %[5]s with %[4]s.", "%[1]s 单独看在%[2]s中排第一，但含有它的最佳方案（%[6]s）只得 %[3]s 分，低于选用 %[4]s 时的 %[5]s 分。"},
	"stack.swap-costs-net":            {"%[1]s ranks first for %[2]s on its own, but the best stack with it, %[6]s, nets %[3]s after its moves from today's parts, below %[5]s with %[4]s.", "%[1]s 单独看在%[2]s中排第一，但含有它的最佳方案（%[6]s）扣除从目前组件迁移的成本后只得 %[3]s 分，低于选用 %[4]s 时的 %[5]s 分。"},
	"stack.runner-up-net":             {"Runner-up: %s (%s; %s after its moves)", "备选：%s（%s 分；扣除迁移成本后 %s 分）"},
	"report.rule-title":               {"rule %s", "规则 %s"},
	"report.x-rule-trust":             {"%s: counts %d %%", "%s：只计 %d%%"},
	"report.grade.report-only":        {"a report-only", "仅有报告给出的"},
	"report.grade.unverified":         {"an unverified", "未经证实的"},
	"report.weak-evidence-line":       {"Weak evidence, counted only part way ('stackadvisor help evidence'): %s.", "证据较弱、只计入一部分的数据（见 'stackadvisor help evidence'）：%s。"},
	"report.weak-evidence-item":       {"%s %s (%s)", "%s %s（%s）"},
	"report.grade-name.report-only":   {"report only", "仅报告给出"},
	"report.grade-name.unverified":    {"unverified", "未经证实"},
	"report.list-sep":                 {", ", "、"},
	"report.label-colon":              {": ", "："},
	"report.candidate":                {"Candidate", "候选"},
	"report.score":                    {"Score", "得分"},
	"report.excluded":                 {"Excluded", "已排除"},
	"report.none-left":                {"No candidate is left after the exclusions below.", "经过以下排除后，没有剩余的候选。"},
	"report.correction":               {"Correction", "更正"},
	"report.unverified":               {"Unverified", "未经证实"},
	"report.report-says":              {"the report says: %s", "报告称：%s"},
	"report.through":                  {" (up to %d)", "（至 %d）"},
	"report.or-more":                  {" (or more)", "（或更多）"},
	"report.colon":                    {":", "："},
	"report.verified":                 {"The sources say: %s", "经核实：%s"},
	"report.source":                   {"source", "来源"},
	"report.more-reasons":             {"… %d more reasons (-f json lists them all)", "… 另有 %d 条理由（-f json 列出全部）"},
	"report.corrections-also":         {"Corrections also apply to: %s (see -f json).", "以下候选也有更正：%s（见 -f json）。"},
	"report.more-reason":              {"… %d more reason (-f json lists it)", "… 另有 %d 条理由（-f json 列出）"},
	"report.more-corrections":         {"… %d more corrections (-f json lists them all)", "… 另有 %d 条更正（-f json 列出全部）"},
	"report.more-correction":          {"… %d more correction (-f json lists it)", "… 另有 %d 条更正（-f json 列出）"},
	"report.x-excluded":               {"Excluded for these answers by:", "在这些回答下被以下规则排除："},
	"report.x-readmit":                {"Changing one answer readmits it:", "改变以下任一回答即可重新纳入："},
	"report.x-no-readmit":             {"No single answer change readmits it.", "改变任何单个回答都无法重新纳入。"},
	"report.x-would-score":            {"Without the exclusion it would score %.1f:", "若不排除，其得分为 %.1f："},
	"report.x-ranked":                 {"Ranked %d of %d with a score of %.1f:", "在 %[2]d 个候选中排名第 %[1]d，得分 %.1[3]f："},
	"report.x-criterion":              {"Criterion", "评分标准"},
	"report.x-value":                  {"Value", "取值"},
	"report.x-weight":                 {"Weight", "权重"},
	"report.x-normalised":             {"Normalised", "归一化"},
	"report.x-points":                 {"Points", "分数"},
	"report.x-criteria-sum":           {"Criteria", "标准合计"},
	"report.x-adjustments":            {"Rule adjustments", "规则调整"},
	"report.x-rules":                  {"Rules that touched it:", "影响它的规则："},
	"report.x-notes":                  {"What the values measure:", "这些取值衡量的是什么："},
	"report.c-attribute":              {"Attribute", "属性"},
	"report.c-report-differs":         {"Where the report differs or gives no figure:", "报告数据不同或未给出之处："},
	"report.c-sources":                {"Sources:", "来源："},
	"report.reweighted":               {"%s weighs ×%s here: %s", "「%s」的权重在此乘以 %s：%s"},
	"report.what-if":                  {"Would change the pick:", "以下改动会改变首选："},
	"record.none-left":                {"no candidate is left in %s", "%s 已没有剩余候选"},
	"record.no-stack":                 {"no compatible stack is left", "已没有兼容的技术栈"},
	"record.now-possible":             {"the record had no pick (no compatible stack, or no candidate left); today there is one", "记录时没有可选结果（没有兼容的技术栈，或没有剩余候选）；如今有了"},
	"record.removed":                  {"%s is no longer a candidate", "%s 已不再是候选"},
	"record.verdict":                  {"today's %s: the record said %s, now %s.", "目前的 %s：记录时为%s，现在为%s。"},
	"record.verdict-none":             {"no verdict", "没有结论"},
	"record.verdict-keep":             {"keep", "保留"},
	"record.verdict-switch":           {"switch", "切换"},
	"record.verdict-must-switch":      {"must switch", "必须替换"},
	"record.verdict-switch-to":        {"switch to %s", "切换到 %s"},
	"record.verdict-must-switch-to":   {"must switch to %s", "必须替换为 %s"},
	"record.excluded":                 {"%s is now excluded by %s: %s", "%s 现已被 %s 排除：%s"},
	"record.new-candidate":            {"%s was added to the knowledge base since the record", "%s 是记录之后加入知识库的候选"},
	"record.figure":                   {"%s, %s: %s → %s", "%s 的「%s」：%s → %s"},
	"record.weight":                   {"the weight of %s: %s → %s", "「%s」的权重：%s → %s"},
	"record.rule-added":               {"rule %s now applies to %s (%s): %s", "规则 %s 现在作用于 %s（%s）：%s"},
	"record.rule-gone":                {"rule %s no longer applies to %s", "规则 %s 不再作用于 %s"},
	"record.scores":                   {"the scores moved: %s and %s traded places", "分数变化：%s 与 %s 交换了位置"},
	"robust.line":                     {"%s: %s comes first in %s of %d plausible weightings and values", "%s：在 %[4]d 组合理的权重与取值中，%[2]s 有 %[3]s 排名第一"},
	"robust.other":                    {"%s in %s", "%s %s"},
	"robust.stack-line":               {"%s: the best stack in %s of %d plausible weightings and values", "%s：在 %[3]d 组合理的权重与取值中，有 %[2]s 仍是最佳组合"},
	"robust.others-rare":              {"%d more below 1 %%", "另有 %d 个低于 1 %%"},
	"robust.end":                      {". ", "。"},
	"robust.always":                   {"No plausible weighting or value changes it.", "任何合理的权重与取值都不改变它。"},
	"robust.decisive-more":            {"The weight of %s decides it: more of it favours %s.", "决定因素是「%s」的权重：调高它有利于 %s。"},
	"robust.decisive-less":            {"The weight of %s decides it: less of it favours %s.", "决定因素是「%s」的权重：调低它有利于 %s。"},
	"robust.label.robust":             {"Robust", "稳健"},
	"robust.label.contested":          {"Contested", "有争议"},
	"robust.label.fragile":            {"Fragile", "脆弱"},
	"robust.title":                    {"Robustness", "稳健性"},
	"robust.weight-title":             {"Would change the pick (one criterion's weight):", "以下单项权重改动会改变首选："},
	"robust.weight-change":            {"%s weighted ×%s (%s → %s of the weights) → %s", "「%s」权重 ×%s（占比 %s → %s）→ %s"},
	"robust.weight-drop":              {"%s left out (%s of the weights → none) → %s", "不考虑「%s」（占比 %s → 0）→ %s"},
	"report.md-title":                 {"Container stack recommendation", "容器技术栈选型建议"},
	"report.md-generated":             {"stackadvisor %s · knowledge base %s as of %s (`%s`)", "stackadvisor %s · 知识库 %s，截至 %s（`%s`）"},
	"report.md-generated-plain":       {"stackadvisor %s · knowledge base %s as of %s (%s)", "stackadvisor %s · 知识库 %s，截至 %s（%s）"},
	"report.score-bar":                {"Score bar", "得分条"},
	"report.value-unknown":            {"unknown", "未知"},
	"report.stale-base":               {"The knowledge base (%s) was last checked on %s, %d months ago: prices, export rules and releases may have moved since. `stackadvisor rules changelog` lists what each version changed; a newer stackadvisor brings a newer base.", "知识库（%s）最近一次核对是在 %s，距今已 %d 个月：价格、出口规则和版本可能已有变化。`stackadvisor rules changelog` 列出每个版本的改动；更新 stackadvisor 即可获得更新的知识库。"},
	"report.md-answers":               {"Answers", "回答"},
	"report.md-question":              {"Question", "问题"},
	"report.md-answer":                {"Answer", "回答"},
	"report.adr-title":                {"%s: choose %s", "%s选型：%s"},
	"report.adr-title-none":           {"%s: no candidate meets the constraints", "%s选型：没有满足约束的候选"},
	"report.adr-context":              {"Context and Problem Statement", "背景与问题"},
	"report.adr-context-text":         {"Which %s should the platform use? The requirements, as answered:", "平台应选用哪种%s？需求如下："},
	"report.adr-drivers":              {"Decision Drivers", "决策因素"},
	"report.adr-priorities":           {"Priorities", "优先考虑"},
	"report.adr-constraint":           {"Constraint", "约束"},
	"report.adr-options":              {"Considered Options", "备选方案"},
	"report.adr-excluded":             {"excluded", "已排除"},
	"report.adr-outcome":              {"Decision Outcome", "决策结果"},
	"report.adr-chosen":               {"Chosen option: \"%s\" (score %.1f), because:", "选定方案：“%s”（得分 %.1f），理由："},
	"report.adr-consequences":         {"Consequences", "影响"},
	"report.adr-good":                 {"Good, because", "好处："},
	"report.adr-bad":                  {"Bad, because", "代价："},
	"report.adr-neutral":              {"Neutral: the report was corrected here:", "说明：此处对报告做了更正："},
	"report.adr-more":                 {"More Information", "更多信息"},
	"report.adr-reproduce":            {"Reproduce the recommendation:", "复现此建议："},
	"report.warn-not-applicable-when": {"--%s=%s was ignored: it applies only when %s.", "--%s=%s 已忽略：它只在 %s 时适用。"},
	"report.warn-not-applicable":      {"--%s=%s does not apply to these answers (its category or topic was not chosen) and was ignored.", "--%s=%s 不适用于当前回答（未选择相应类别或主题），已忽略。"},
	"report.warn-too-strict":          {"--%s=%s alone excludes every candidate of %s: no candidate can meet it.", "仅 --%s=%s 一项就排除了%s的全部候选：没有候选能满足。"},
	"report.warn-current-not-ranked":  {"today's %s gets no verdict: %s is not among the categories asked for (add %s to --categories)", "目前的 %s 没有得到结论：%s 不在所选类别中（请把 %s 加入 --categories）"},
	"report.detected":                 {"Detected on this machine", "在本机检测到"},
	"report.warning":                  {"Warning", "警告"},
	"report.yes":                      {"yes", "是"},
	"report.no":                       {"no", "否"},
	// Conditions as a person reads them (pkg/knowledge): %k is the key, %v the operand
	"cond.is":          {"%k is %v", "%k 为 %v"},
	"cond.not":         {"%k is not %v", "%k 不为 %v"},
	"cond.in":          {"%k is one of %v", "%k 为 %v 之一"},
	"cond.not-in":      {"%k is none of %v", "%k 不为 %v 中任何一个"},
	"cond.has":         {"%k includes %v", "%k 含 %v"},
	"cond.has-all":     {"%k includes all of %v", "%k 同时含 %v"},
	"cond.has-any":     {"%k includes any of %v", "%k 含 %v 中任一"},
	"cond.lacks":       {"%k includes none of %v", "%k 不含 %v 中任何一个"},
	"cond.empty-true":  {"%k is empty", "%k 为空"},
	"cond.empty-false": {"%k is not empty", "%k 不为空"},
	"cond.gt":          {"%k is above %v", "%k 大于 %v"},
	"cond.gte":         {"%k is at least %v", "%k 不小于 %v"},
	"cond.lt":          {"%k is below %v", "%k 小于 %v"},
	"cond.lte":         {"%k is at most %v", "%k 不大于 %v"},
	"cond.always":      {"always", "总是"},
	"cond.answer":      {"the answer to %v", "「%v」的回答"},
	"cond.list-sep":    {", ", "、"},
	"cond.and":         {" and ", "，且 "},
	"cond.or":          {" or ", " 或 "},
	"cond.group":       {"(%v)", "（%v）"},
	// Commands (pkg/cli)
	"cli.default-add":             {"+ %[2]s when %[1]s", "%[1]s 时加上 %[2]s"},
	"cli.values-sep":              {",", "、"},
	"cli.none":                    {"none", "无"},
	"cli.defaults-lead":           {" ", "；"},
	"cli.defaults-sep":            {"; ", "；"},
	"cli.test-summary":            {"%d scenarios: %d passed, %d failed.", "%d 个场景：%d 个通过，%d 个失败。"},
	"cli.test-summary-one":        {"%d scenario: %d passed, %d failed.", "%d 个场景：%d 个通过，%d 个失败。"},
	"err.not-allowed":             {"%q is not allowed; allowed values: %s", "不允许 %q；允许的取值：%s"},
	"err.not-candidate":           {"%q is not a candidate; see 'stackadvisor list' for the ids", "%q 不是候选项；ID 见 'stackadvisor list'"},
	"err.not-candidate-near":      {"%q is not a candidate; did you mean %q?", "%q 不是候选项；是否想用 %q？"},
	"err.current-twice":           {"current names two parts of the category %s, %s and %s; name at most one per category", "current 在类别 %s 中给出了两个组件：%s 和 %s；每个类别最多一个"},
	"err.at-least":                {"choose at least %d of: %s", "请至少从以下各项中选择 %d 项：%s"},
	"err.at-most":                 {"at most %d values may be chosen, found %d (%s)", "最多只能选择 %d 项，实际为 %d 项（%s）"},
	"err.int-too-large":           {"%s is too large; allowed: a whole number%s", "%s 太大；允许：整数%s"},
	"err.not-int":                 {"%q is not a whole number%s", "%q 不是整数%s"},
	"err.int-range":               {"%d is out of range; allowed: a whole number%s", "%d 超出范围；允许：整数%s"},
	"err.range-from-to":           {" from %d to %d", "，范围 %d 到 %d"},
	"err.range-min":               {" of at least %d", "，至少为 %d"},
	"err.range-max":               {" of at most %d", "，至多为 %d"},
	"err.unknown-candidate-near":  {"unknown candidate %q; did you mean %q?", "未知的候选 %q；你是指 %q 吗？"},
	"err.unknown-candidate":       {"unknown candidate %q; candidates: %s", "未知的候选 %q；可用的候选：%s"},
	"err.unknown-category":        {"unknown category %q; categories: %s", "未知的类别 %q；可用的类别：%s"},
	"err.lang":                    {"--lang %q is not supported; allowed: en, zh", "不支持 --lang %q；允许：en、zh"},
	"err.format":                  {"--format %q is not supported; allowed: %s", "不支持 --format %q；允许：%s"},
	"err.unknown-flag":            {"unknown flag: %s", "未知的参数：%s"},
	"err.unknown-command":         {"unknown command %q", "未知的命令 %q"},
	"err.unknown-command-near":    {"unknown command %q; did you mean %q?", "未知的命令 %q；你是指 %q 吗？"},
	"err.date":                    {"--date %q is not a date; use YYYY-MM-DD", "--date %q 不是日期；请用 YYYY-MM-DD 格式"},
	"err.record-category":         {"--categories does not include %s, the category of the record", "--categories 不包含记录所属的类别 %s"},
	"err.stack-record":            {"a stack record needs two or more categories; give them with --categories (e.g. --categories engine,orchestrator,sandbox)", "整体方案的记录需要两个或更多类别；请用 --categories 给出（例如 --categories engine,orchestrator,sandbox）"},
	"err.no-records":              {"no decision records found in %s; records written by 'stackadvisor adr' end with a stackadvisor:record block", "在 %s 中没有找到决策记录；由 'stackadvisor adr' 写出的记录以 stackadvisor:record 块结尾"},
	"err.compare-categories":      {"%s (%s) and %s (%s) are in different categories; compare candidates of one category", "%s（%s）和 %s（%s）属于不同类别；请比较同一类别的候选"},
	"err.named-twice":             {"%s is named twice", "%s 被列出了两次"},
	"err.jq-timeout":              {"--jq-timeout %s is negative; give a duration such as 30s, or 0 for no limit", "--jq-timeout %s 为负数；请给出时长（如 30s），或用 0 表示不限"},
	"err.jq-format":               {"--jq filters JSON; it cannot be used with -f %s", "--jq 用于筛选 JSON，不能与 -f %s 一起使用"},
	"err.samples":                 {"--samples %d is out of range; use 1 to %d (the rules' default: scoring.robustness.samples)", "--samples %d 超出范围；请用 1 到 %d（规则的默认值见 scoring.robustness.samples）"},
	"err.seed":                    {"--seed %d is negative; use a whole number of 0 or more", "--seed %d 为负数；请用 0 或更大的整数"},
	"err.shell":                   {"unknown shell %q; completion scripts exist for bash, zsh, fish and powershell", "未知的 shell %q；补全脚本支持 bash、zsh、fish 和 powershell"},
	"err.no-args":                 {"%s takes no arguments, found %q; a boolean flag takes its value with = (--rootless=false)", "%s 不接受参数，却收到了 %q；布尔参数的取值要用 = 给出（--rootless=false）"},
	"err.since":                   {"--since: %q is not a knowledge-base version; versions: %s", "--since：%q 不是知识库版本；可用的版本：%s"},
	"err.schema":                  {"unknown schema %q; allowed: %s", "未知的 schema %q；允许：%s"},
	"err.save-stdout":             {"--save %s would mix the answers with the report on standard output; give the answers a file of their own", "--save %s 会让回答与报告混在标准输出中；请为回答另给一个文件"},
	"err.save-same":               {"--save and -o name the same file, %s; the report would replace the answers", "--save 与 -o 指向同一个文件 %s；报告会覆盖回答"},
	"err.args":                    {"%s takes %s, found %d; %s", "%s 需要 %s，实际为 %d 个；%s"},
	"err.args-exactly":            {"%d %s", "%d 个%s"},
	"err.args-at-least":           {"at least %d %s", "至少 %d 个%s"},
	"err.args-at-most":            {"at most %d %s", "至多 %d 个%s"},
	"err.what-category":           {"category", "类别"},
	"err.what-category-folder":    {"category and folder", "参数（类别和文件夹）"},
	"err.what-records":            {"record file or folder", "记录文件或文件夹"},
	"err.what-candidates":         {"candidate ids", "候选 id"},
	"err.what-candidate":          {"candidate id", "候选 id"},
	"err.what-directory":          {"directory", "目录"},
	"err.what-scenarios":          {"scenario file or directory", "场景文件或目录"},
	"err.what-schema":             {"schema name", "schema 名称"},
	"err.hint-adr":                {"'stackadvisor list' shows the categories; 'adr new' and 'adr check' are its subcommands", "'stackadvisor list' 列出各类别；'adr new' 和 'adr check' 是它的子命令"},
	"err.hint-adr-new":            {"e.g. 'stackadvisor adr new sandbox docs/adr'", "例如 'stackadvisor adr new sandbox docs/adr'"},
	"err.hint-adr-check":          {"e.g. 'stackadvisor adr check docs/adr'", "例如 'stackadvisor adr check docs/adr'"},
	"err.hint-list":               {"'stackadvisor list' shows them", "'stackadvisor list' 会列出它们"},
	"err.hint-list-all":           {"'stackadvisor list' without one shows them all", "不带参数的 'stackadvisor list' 会列出全部"},
	"err.hint-export":             {"give the directory to write the files into", "请给出写入文件的目录"},
	"err.hint-scenarios":          {"give the scenario files or their directory", "请给出场景文件或其所在目录"},
	"err.hint-schema":             {"the names are report, rules, answers and config", "名称为 report、rules、answers 和 config"},
	"detect.gpus-present":         {"GPUs present: %s", "检测到 GPU：%s"},
	"err.invalid-rules":           {"invalid rules: %v", "规则无效：%v"},
	"err.invalid-rules-many":      {"invalid rules (%d problems):\n%v", "规则无效（%d 个问题）：\n%v"},
	"err.rule-files-problem":      {"the rule files have 1 problem", "规则文件有 1 个问题"},
	"err.rule-files-problems":     {"the rule files have %d problems", "规则文件有 %d 个问题"},
	"err.cannot-write-output":     {"cannot write the output: %v", "无法写入输出：%v"},
	"err.broken-pipe":             {"cannot write %s: its reader went away before the end (broken pipe)", "无法写入 %s：读取方在结束前已退出（管道已断开）"},
	"err.bad-answers":             {"bad answers file: %v", "回答文件有误：%v"},
	"err.bad-answers-many":        {"bad answers file:\n%v", "回答文件有误：\n%v"},
	"err.record-overlays":         {"the record was made with the overlays %s; give them with --rules (or --record-rules to load the record's own)", "该记录生成时使用了覆盖规则 %s；请用 --rules 给出它们（或用 --record-rules 加载记录自带的）"},
	"err.help-topic":              {"no command or help topic %q; there are: %s", "没有名为 %q 的命令或帮助主题；可用的有：%s"},
	"err.config-unreadable":       {"cannot read the project file: %v", "无法读取项目文件：%v"},
	"err.config-invalid":          {"invalid project file %s: %s", "项目文件 %s 无效：%s"},
	"err.config-path":             {"%s: %s %s: %v", "%s：%s %s：%v"},
	"err.config-path-plain":       {"a path of plain text is allowed", "只允许纯文本路径"},
	"err.config-path-relative":    {"a path relative to the project file's folder is allowed", "只允许相对于项目文件所在文件夹的路径"},
	"err.config-path-inside":      {"the path leaves the repository; a project file names only paths inside it", "该路径离开了仓库；项目文件只能指向仓库内的路径"},
	"flag.config":                 {"the project file to use instead of the .stackadvisor.yaml found from the working folder up to the repository's top", "使用的项目文件，代替从当前文件夹向上直到仓库顶层找到的 .stackadvisor.yaml"},
	"flag.no-config":              {"use no project file", "不使用项目文件"},
	"err.no-records-folder":       {"no folder of decision records: give it, or set adr: in %s", "没有决策记录所在的文件夹：请给出它，或在 %s 中设置 adr:"},
	"report.adr-nygard-context":   {"Context", "背景"},
	"report.adr-nygard-decision":  {"Decision", "决策"},
	"err.template":                {"--template %q is not a layout; allowed: madr, nygard", "--template %q 不是可用的格式；允许：madr、nygard"},
	"flag.template":               {"the record's layout: madr (MADR, read by log4brains) or nygard (adr-tools' \"# N. Title\", \"## Status\" …)", "记录的格式：madr（MADR，log4brains 可读取）或 nygard（adr-tools 的 \"# N. 标题\"、\"## Status\" …）"},
	"err.path":                    {"%s: %v", "%s：%v"},
	"err.os-not-exist":            {"no such file or folder", "文件或文件夹不存在"},
	"err.os-permission":           {"permission denied", "没有权限"},
	"err.os-is-dir":               {"is a folder", "是文件夹"},
	"err.os-not-dir":              {"a part of the path is not a folder", "路径中有一部分不是文件夹"},
	"err.cannot-read":             {"cannot read %v", "无法读取 %v"},
	"err.cannot-read-the":         {"cannot read the %v: %v", "无法读取%v：%v"},
	"err.cannot-read-named":       {"cannot read %v %s: %v", "无法读取%v %s：%v"},
	"err.cannot-write":            {"cannot write %s: %v", "无法写入 %s：%v"},
	"err.cannot-create":           {"cannot create %v", "无法创建 %v"},
	"err.files-rules":             {"rules", "规则"},
	"err.files-scenarios":         {"scenarios", "场景"},
	"err.no-rule-files":           {"no .yaml rule files in %s", "%s 中没有 .yaml 规则文件"},
	"err.no-scenario-files":       {"no .yaml scenario files in %s", "%s 中没有 .yaml 场景文件"},
	"err.answers-unreadable":      {"cannot read the answers file: %v", "无法读取回答文件：%v"},
	"err.interrupted":             {"interrupted; nothing was written", "已中断；没有写入任何内容"},
	"err.no-free-number":          {"could not find a free record number in %s", "在 %s 中找不到可用的记录编号"},
	"err.adr-dir-loop":            {"%s is a symbolic link loop; adr new takes the folder of the records", "%s 是循环的符号链接；adr new 需要记录所在的文件夹"},
	"err.adr-dir-kind":            {"%s is %s; adr new takes the folder of the records", "%s 是%s；adr new 需要记录所在的文件夹"},
	"err.adr-dir-dangling":        {"%s is a symbolic link to a folder that does not exist; adr new takes the folder of the records", "%s 是指向不存在文件夹的符号链接；adr new 需要记录所在的文件夹"},
	"err.decisions-stale":         {"%d of %d decisions would not stand today (%d changed, %d invalid); -f json says why, with sources and the knowledge-base changes since", "%d/%d 项决策按今天的知识库已不成立（%d 项改变，%d 项无效）；-f json 会说明原因、来源及此后知识库的变化"},
	"err.scenarios-failed":        {"%d of %d scenarios failed", "%d/%d 个场景未通过"},
	"err.no-candidate-left":       {"no candidate is left in %s after the exclusions; the report lists why each was excluded", "排除之后 %s 中没有剩下的候选；报告列出了每个候选被排除的原因"},
	"err.see-help":                {"; see '%s --help'", "；请参阅 '%s --help'"},
	"cli.validate-ok":             {"%d rule files, no problems.", "%d 个规则文件，没有问题。"},
	"cli.validate-ok-overlay":     {"%d rule files of yours, on top of the %d built-in ones: no problems.", "你的 %d 个规则文件（叠加在 %d 个内置规则文件之上）：没有问题。"},
	"cli.validate-ok-overlay-one": {"%d rule file of yours, on top of the %d built-in ones: no problems.", "你的 %d 个规则文件（叠加在 %d 个内置规则文件之上）：没有问题。"},
	"cli.unknown-revision":        {"unknown revision", "修订未知"},
	"cli.modified":                {" (modified)", "（有未提交的修改）"},
	"cli.exported":                {"%d rule files written to %s.", "已把 %d 个规则文件写入 %s。"},
	"cli.version-kb":              {" (%s %s as of %s, %s)", "（%s %s，截至 %s，%s）"},
	"cli.version-line-kb":         {"%s %s, as of %s (%s)", "%s %s，截至 %s (%s)"},
	"cli.knowledge-base":          {"knowledge base", "知识库"},
	"cli.equivalent":              {"The same answers as a command:", "等价的命令："},
	"cli.wizard-line-mode":        {"This terminal cannot draw the full-screen form (%s); the questions are asked line by line.", "此终端无法绘制全屏表单（%s）；改为逐行提问。"},
	"cli.term-dumb":               {"TERM=dumb", "TERM=dumb"},
	"cli.term-unset":              {"TERM is not set", "未设置 TERM"},
	"cli.term-no-size":            {"its size cannot be read", "无法读取其尺寸"},
	// Command help (pkg/cli): help.<command path>.short|long, flag.<name>
	"help.root.short": {"Choose a container stack: engine, orchestrator, sandbox, GPU and WebAssembly runtime", "选择容器技术栈：容器引擎、编排器、沙箱、GPU 与 WebAssembly 运行时"},
	"help.root.long": {`stackadvisor recommends a container stack from your requirements. Its knowledge
base (embedded in the binary) encodes the selection guidance of a container-technology
report, corrected where primary sources show the report to be wrong or dated. Every score
comes with its reasons and every fact with its source.`, `stackadvisor 根据你的需求推荐容器技术栈。它的知识库（内嵌在程序中）收录了一份容器技术
报告中的选型建议，并在一手资料表明报告有误或已过时之处加以更正。每个得分都附有理由，
每条事实都注明来源。`},
	"help.recommend.short": {"Rank the candidates of each category for your answers", "按你的回答为每个类别的候选排序"},
	"help.recommend.long": {`Rank the candidates of each requested category (engine, orchestrator, sandbox, gpu,
wasm-runtime) for the answers given as flags or in an answers file. Unanswered questions
take their defaults; 'stackadvisor recommend' alone gives the recommendation for a small
datacenter cluster running web services.

Each question is a flag. Lists take commas or repeated flags (--workloads a,b or
--workloads a --workloads b); booleans take --flag or --flag=false.`, `按照以参数或回答文件给出的回答，为所请求的每个类别（engine、orchestrator、sandbox、gpu、
wasm-runtime）的候选排序。未回答的问题取默认值；只运行 'stackadvisor recommend' 得到的是
运行 Web 服务的小型数据中心集群的建议。

每个问题都是一个参数。列表用逗号分隔或重复给出（--workloads a,b 或
--workloads a --workloads b）；布尔值写作 --flag 或 --flag=false。`},
	"help.recommend.example": {`  # The default answers, on one screen
  stackadvisor recommend

  # Untrusted code on hosts without /dev/kvm: which sandbox?
  stackadvisor recommend --categories sandbox --tenancy untrusted --kvm none

  # The full dossier: every candidate, the corrections of the report, each exclusion and its source
  stackadvisor recommend --details

  # Three teams on Docker Swarm today: keep or move, what a move costs, the steps
  stackadvisor recommend --current docker,docker-swarm,runc --tenancy multi-team --scale medium

  # Domestic accelerators only, autonomy first, as JSON for another program
  stackadvisor recommend --categories gpu --domestic --priorities autonomy -f json

  # Answers kept in a file, one of them overridden
  stackadvisor recommend --answers answers.yaml --scale large -o report.json -f json`, `  # 默认回答，在一屏内给出
  stackadvisor recommend

  # 主机上没有 /dev/kvm，要运行不可信代码：选哪种沙箱？
  stackadvisor recommend --categories sandbox --tenancy untrusted --kvm none

  # 完整报告：每个候选、对报告的更正、每项排除及其来源
  stackadvisor recommend --details

  # 三个团队目前在用 Docker Swarm：保留还是迁移、迁移成本、迁移步骤
  stackadvisor recommend --current docker,docker-swarm,runc --tenancy multi-team --scale medium

  # 只考虑国产加速卡，自主可控优先，输出 JSON 供其他程序使用
  stackadvisor recommend --categories gpu --domestic --priorities autonomy -f json

  # 回答保存在文件中，并覆盖其中一项
  stackadvisor recommend --answers answers.yaml --scale large -o report.json -f json`},
	"help.wizard.short": {"Answer the questions interactively, then get the report", "以交互方式回答问题，然后得到报告"},
	"help.wizard.long": {`Ask the questions one topic at a time in the terminal (the GPU and WebAssembly pages
appear only when those categories are chosen), then print the same report as
'stackadvisor recommend' and the equivalent recommend command, so the answers can be
scripted. The form draws on standard error: 'wizard -f json > out.json' leaves clean JSON.

--accessible (or ACCESSIBLE=1) asks with plain numbered prompts read line by line, for
screen readers and for scripts: a number picks an option (in a list it toggles one, and 0
or an empty line confirms); an empty line keeps the value shown; at the end of input the
remaining questions keep their current values (from --answers, or the defaults).`, `在终端中按主题逐页提问（只有选择了 GPU 和 WebAssembly 类别时才出现相应页面），然后输出与
'stackadvisor recommend' 相同的报告以及等价的 recommend 命令，便于把回答写进脚本。表单画在
标准错误上：'wizard -f json > out.json' 得到的是干净的 JSON。

--accessible（或 ACCESSIBLE=1）改用逐行读取的编号提示，供读屏软件和脚本使用：输入数字选择
一项（在列表中则切换一项，输入 0 或空行确认）；空行保留显示的值；输入结束时，其余问题保留
当前值（来自 --answers 或默认值）。`},
	"help.explain.short": {"Why a candidate scored what it did, or why it was excluded", "候选为何得到这个分数，或为何被排除"},
	"help.explain.long": {`Show one candidate under the given answers: its score breakdown criterion by criterion
(weight × normalised value = points), every rule that touched it with its reason, source and
file, and, when it is excluded, the rules that excluded it and the single answer changes that
would readmit it. Takes the same answer flags as recommend.`, `在给定的回答下展示一个候选：逐项标准的得分构成（权重 × 归一化取值 = 分数），影响它的每条
规则及其理由、来源和文件；若它被排除，则列出排除它的规则，以及能让它重新入选的单项回答改动。
接受与 recommend 相同的回答参数。`},
	"help.adr.short": {"Write a decision (one category, or the whole stack) as an Architecture Decision Record (MADR)", "把一项决策（某一类别或整套方案）写成架构决策记录（MADR）"},
	"help.adr.long": {`Write an Architecture Decision Record in the MADR layout for one category's decision:
status (proposed), the context from your answers, the decision drivers (priorities and hard
constraints), the options considered with their scores, the outcome with its reasons, the
consequences (good, bad, and where the report was corrected), and the exact recommend command
and knowledge-base digest that reproduce it. 'adr stack' records the recommended stack across
the categories asked for instead; 'adr check' re-checks committed records; 'adr new' numbers the
next file. Takes the same answer flags as recommend; -o creates missing folders (docs/adr/…).`, `按 MADR 格式为一个类别的决策写一份架构决策记录：状态（提议）、来自你的回答的背景、决策因素
（优先项与硬性约束）、带得分的备选方案、结果及理由、影响（好处、代价，以及报告被更正之处），
以及能复现它的 recommend 命令和知识库摘要。'adr stack' 则记录所问各类别的推荐整套方案；
'adr check' 重新核对已提交的记录；'adr new' 为下一份文件编号。接受与 recommend 相同的回答参数；
-o 会创建缺少的文件夹（docs/adr/…）。`},
	"help.compare.short":        {"Candidates of one category side by side, every value with its source", "并排比较同一类别的候选，每个取值都注明来源"},
	"help.show.short":           {"One candidate: summary, attributes with sources, corrections", "一个候选：简介、带来源的属性、更正"},
	"help.list.short":           {"The candidates of every category, or of one", "所有类别（或某一类别）的候选"},
	"help.questions.short":      {"Every question: flag, type, allowed values, default and help", "所有问题：参数、类型、可选值、默认值与说明"},
	"help.rules.short":          {"Work with rule files", "处理规则文件"},
	"help.rules.validate.short": {"Check rule files: one file:line:col: message per problem", "检查规则文件：每个问题一行 file:line:col: message"},
	"help.rules.validate.long": {`Check rule files as stackadvisor loads them: each PATH (a directory of *.yaml files or a
file) is an overlay on the embedded base, in the order given, like --rules. Without PATH the
embedded base is checked. Every problem is printed as file:line:col: message; the exit code is
2 when there is any. Notes (an overlay's text without Chinese, which falls back to English)
are printed as file:line:col: note: message and do not fail the check. -f json gives
{"valid", "files", "problems": [{file, line, col, message}], "notes": [...]} for editors and CI.`, `按 stackadvisor 加载规则的方式检查规则文件：每个 PATH（一个含 *.yaml 文件的目录或一个文件）
都是叠加在内嵌知识库之上的一层，按给出的顺序叠加，与 --rules 相同。不给 PATH 时检查内嵌知识库。
每个问题输出为 file:line:col: message；有任何问题时退出码为 2。提示（叠加层中缺少中文的文本，
会回退为英文）输出为 file:line:col: note: message，不会使检查失败。-f json 输出
{"valid", "files", "problems": [{file, line, col, message}], "notes": [...]}，供编辑器和 CI 使用。`},
	"help.rules.changelog.short": {"What each version of the embedded knowledge base changed", "内嵌知识库每个版本的改动"},
	"help.rules.changelog.long": {`Print rules/CHANGELOG.md, the changes of each version of the embedded knowledge base: figures
corrected, rules changed, candidates and questions added. With --since, only the versions after
the one given (the version a decision record or an old report names).`, `输出 rules/CHANGELOG.md，即内嵌知识库每个版本的改动：更正的数据、修改的规则、新增的候选与问题。
使用 --since 时，只列出给定版本（决策记录或旧报告中写明的版本）之后的版本。`},
	"flag.changelog-since":    {"only the versions after this one (e.g. 2026.12.03)", "只列出此版本之后的版本（例如 2026.12.03）"},
	"cli.changelog-none":      {"No change since %s: it is the current version.", "自 %s 以来没有改动：它就是当前版本。"},
	"help.rules.export.short": {"Write the embedded rule files into a folder, to read them while writing an overlay", "把内嵌的规则文件写入一个文件夹，便于编写叠加层时查阅"},
	"help.rules.export.long": {`Write the embedded rule files (questions.yaml, scoring.yaml and one file per category) into
DIR, created if missing; files of the same name are replaced. An overlay refers to their ids:
attributes and their types, criteria and their weights and priorities, candidates, facts and
rules. 'stackadvisor schema rules' prints their format as a JSON Schema, every key described.`, `把内嵌的规则文件（questions.yaml、scoring.yaml 以及每个类别一个文件）写入 DIR（不存在则创建），
同名文件会被替换。叠加层引用其中的 id：属性及其类型、评分标准及其权重和优先项、候选、事实和规则。
格式见 'stackadvisor schema rules'（JSON Schema，每个键都有说明）。`},
	"help.rules.test.short": {"Run scenario files against the rules: a line per scenario, exit 1 on a failure", "用场景文件测试规则：每个场景一行，有失败时退出码为 1"},
	"help.rules.test.long": {`Run scenario files — answers, and what the ranking must then show — against the embedded
knowledge base with the --rules overlays on top, the way an organisation tests its policy
(as kyverno test or opa test do). Each PATH is a scenario file or a directory of them
(*.yaml, in name order). The format is that of the base's own tests: name, answers, and per
category top, top_in, excluded, not_excluded, order, rules, corrections, empty.

Prints PASS or FAIL per scenario, with every failed expectation below it, then a summary;
the exit code is 1 when a scenario fails and 2 when a scenario file cannot be read.
-f json gives {"passed", "failed", "scenarios": [{file, name, passed, failures}]}.`, `在内嵌知识库加上 --rules 叠加层之上运行场景文件（一组回答，以及排名随之必须呈现的结果），
就像组织测试自己的策略那样（类似 kyverno test 或 opa test）。每个 PATH 是一个场景文件或
包含场景文件的目录（*.yaml，按文件名顺序）。格式与知识库自身的测试相同：name、answers，
以及每个类别的 top、top_in、excluded、not_excluded、order、rules、corrections、empty。

每个场景输出 PASS 或 FAIL，下面列出每条未满足的期望，最后是汇总；有场景失败时退出码为 1，
场景文件无法读取时为 2。-f json 输出 {"passed", "failed", "scenarios": [{file, name, passed, failures}]}。`},
	"help.schema.short": {"Print a JSON Schema (draft 2020-12): of the report, a rule file or an answers file", "输出报告、规则文件或回答文件的 JSON Schema（draft 2020-12）"},
	"help.schema.long": {`Print the JSON Schema of the JSON report (-f json), of a rule file or of an answers file.
Editors use the rule and answers schemas for completion and checks, e.g. with the YAML
language server: # yaml-language-server: $schema=rules.schema.json`, `输出 JSON 报告（-f json）、规则文件或回答文件的 JSON Schema。编辑器可借助规则和回答的
Schema 做补全和检查，例如配合 YAML 语言服务器：# yaml-language-server: $schema=rules.schema.json`},
	"help.version.short":     {"The tool's version and revision, and the knowledge base's version and digest", "工具的版本与修订，以及知识库的版本与摘要"},
	"help.environment.short": {"The environment variables stackadvisor reads", "stackadvisor 读取的环境变量"},
	"help.environment.long": {`Environment variables stackadvisor reads (a flag wins over each):

STACKADVISOR_RULES
  Overlays on the embedded rules, as a path list (':' between paths, ';' on Windows), loaded before those of --rules.

LC_ALL, LC_MESSAGES, LANG
  The language when --lang is not given: the first of them that is set decides; a value starting with "zh" means Chinese, any other English.

COLUMNS
  The width to wrap to when the output is not a terminal (80 otherwise); a terminal's own width wins.

NO_COLOR, CLICOLOR_FORCE, TERM
  NO_COLOR (any value) turns colours off, as --no-color does; CLICOLOR_FORCE (any value but 0) keeps them in a pipe or a file; TERM says how many colours the terminal has (TERM=dumb: none).

ACCESSIBLE
  Any value: the wizard asks with numbered plain-text prompts, as --accessible does, for screen readers.

STACKADVISOR_TODAY
  The day of the run (YYYY-MM-DD) for the knowledge base's age check, to reproduce a report that warned about it.

STACKADVISOR_DETECT_ROOT
  The folder --detect reads instead of / (tests point it at a fake machine).

STACKADVISOR_DETECT_COMMANDS
  0: --detect does not run docker, podman, kubectl or the GPU tools to read what runs today (--current); 1: it does, even with STACKADVISOR_DETECT_ROOT set. Unset: it does unless STACKADVISOR_DETECT_ROOT is set.

Nothing else from the environment changes what stackadvisor writes: the same answers give the same bytes on any machine.`, `stackadvisor 读取的环境变量（对应的命令行参数优先）：

STACKADVISOR_RULES
  叠加在内嵌规则之上的规则，路径列表（路径之间用 ':' 分隔，Windows 上用 ';'），在 --rules 给出的规则之前加载。

LC_ALL、LC_MESSAGES、LANG
  未给出 --lang 时决定语言：以第一个已设置的为准；以 "zh" 开头表示中文，其他值表示英文。

COLUMNS
  输出不是终端时的换行宽度（否则为 80）；终端自己的宽度优先。

NO_COLOR、CLICOLOR_FORCE、TERM
  NO_COLOR（任意值）关闭颜色，同 --no-color；CLICOLOR_FORCE（除 0 以外的任意值）在管道或文件中也保留颜色；TERM 说明终端支持多少种颜色（TERM=dumb：不使用颜色）。

ACCESSIBLE
  任意值：向导改用带编号的纯文本提问（同 --accessible），便于屏幕阅读器使用。

STACKADVISOR_TODAY
  运行当天的日期（YYYY-MM-DD），用于知识库时效检查，以便复现曾经提示过期的报告。

STACKADVISOR_DETECT_ROOT
  --detect 读取的文件夹，代替 /（测试时指向一台模拟的机器）。

STACKADVISOR_DETECT_COMMANDS
  0：--detect 不运行 docker、podman、kubectl 及 GPU 工具来读取目前在用的组件（--current）；1：运行，即使设置了 STACKADVISOR_DETECT_ROOT。未设置时：除非设置了 STACKADVISOR_DETECT_ROOT，否则运行。

除此之外，环境不会改变 stackadvisor 的输出：同样的回答在任何机器上得到相同的字节。`},
	"help.formatting.short": {"Output formats, files, colours and widths", "输出格式、文件、颜色与宽度"},
	"help.formatting.long": {`Every command that prints a document takes -f/--format and -o/--output:

  -f table     for a person (the default): on a terminal, colours and its width; piped or
               redirected, no escape codes and 80 columns (COLUMNS to change it)
  -f json      for programs: the report document, its schema printed by
               'stackadvisor schema report'; field names never change within a schema version
  -f yaml      the same document as YAML
  -f markdown  a report to commit or paste into a pull request (recommend)
  -f html      one self-contained page, no scripts or external files (recommend)
  -o FILE      write to FILE instead of standard output: written whole or not at all (a
               temporary file renamed into place), never half
  --jq EXPR    filter the JSON with a jq expression, as gh does (-f json only)
  --details    the full dossier in the table: every candidate's reasons, caveats,
               corrections and the excluded candidates (recommend)

The same input gives the same bytes: no timestamps, maps in a fixed order. Colours follow
NO_COLOR, CLICOLOR_FORCE and --no-color ('stackadvisor help environment').`, `凡是输出文档的命令都接受 -f/--format 和 -o/--output：

  -f table     供人阅读（默认）：在终端中使用颜色和终端宽度；输出到管道或文件时不含转义序列，
               宽 80 列（可用 COLUMNS 修改）
  -f json      供程序使用：报告文档，其 schema 由 'stackadvisor schema report' 输出；同一
               schema 版本内字段名不变
  -f yaml      同一文档的 YAML 形式
  -f markdown  可提交或粘贴到合并请求中的报告（recommend）
  -f html      一个自包含的网页，不含脚本或外部文件（recommend）
  -o FILE      写入 FILE 而不是标准输出：要么完整写入，要么不写（先写临时文件再改名），
               绝不会只写一半
  --jq EXPR    用 jq 表达式筛选 JSON，与 gh 相同（仅限 -f json）
  --details    表格中列出完整的资料：每个候选的理由、注意事项、更正以及被排除的候选（recommend）

相同的输入得到相同的字节：没有时间戳，映射按固定顺序输出。颜色遵循 NO_COLOR、CLICOLOR_FORCE
和 --no-color（见 'stackadvisor help environment'）。`},
	"help.exit-codes.short":           {"What the exit codes mean", "退出码的含义"},
	"help.evidence.short":             {"Evidence grades: how much a figure counts, by what stands behind it", "证据等级：一项数据按其依据计入多少"},
	"help.evidence.grade.spec":        {"vendor or project documentation: datasheets, docs, release notes", "厂商或项目文档：规格书、文档、发布说明"},
	"help.evidence.grade.measured":    {"a reproducible measurement, with the method written beside it", "可复现的实测，并写明测量方法"},
	"help.evidence.grade.third-party": {"a review, benchmark or survey by others", "他人的评测、基准测试或调查"},
	"help.evidence.grade.report-only": {"only the seed report says so; no other source was found", "只有种子报告这样说，未找到其他来源"},
	"help.evidence.grade.unverified":  {"checked and not confirmed, or a figure of unknown origin", "经核查未能证实，或来源不明的数据"},
	"help.evidence.long": {`Every value a score rests on carries the kind of evidence behind it, and counts by it:

  grade        counts  means
%s

A value better than neutral (%s) counts only that share of its advantage: a weak figure helps a
candidate part of the way, never more. A value at or below neutral counts in full: weak evidence
never makes a bad figure look better. A figure no source gives is "unknown": it counts neutral,
and a limit you set (memory, budget, start-up time) leaves the candidate out, since it cannot be
shown to meet it. A rule's bonus that rests on weak evidence adds the same share of its points;
a penalty counts in full.

Where you see it: "? Weak evidence, counted only part way" under a candidate (--details),
'stackadvisor show ID' and 'stackadvisor compare' print every value's grade and source, and the
JSON report has breakdown[].grade and .trust and ranking[].evidence.`, `评分所依据的每个数值都标明其证据类型，并按类型计入：

  等级         计入    含义
%s

优于中性值（%s）的数值只按上表比例计入其优势：证据较弱的数据只能部分帮助候选，不会更多。
等于或低于中性值的数值按原样全额计入：证据弱绝不会让差的数据显得更好。没有任何来源给出的数据记为
“未知”：按中性值计；若你设定了限制（显存、预算、启动时间），该候选会被排除，因为无法证明它满足限制。
依赖弱证据的规则加分同样只按比例计入；扣分全额计入。

在哪里看到：候选下方的“证据较弱、只计入一部分的数据”（--details）；'stackadvisor show ID' 和
'stackadvisor compare' 列出每个数值的证据等级和来源；JSON 报告中有 breakdown[].grade、.trust 和
ranking[].evidence。`},
	"help.robustness.draws":          {"%d draws.", "共抽样 %d 次。"},
	"help.robustness.draws-adaptive": {"Up to %d draws, stopped after a multiple of %d once the\n     pick's share is known to within ±%s and more draws could not change its label.", "最多抽样 %d 次；每抽满 %d 次检查一次，一旦首选排名第一的比例已精确到 ±%s 以内、\n     且更多抽样不会改变其结论，就停止抽样。"},
	"help.robustness.short":          {"Robust, contested, fragile: how much a pick can take", "稳健、有争议、脆弱：首选能经受多大变动"},
	"help.robustness.long": {`A score rests on weights and on figures, and neither is exact. After ranking, stackadvisor asks
how much each pick can take (stochastic multicriteria acceptability analysis, SMAA-2):

  1. %s In each, every criterion's weight is multiplied by a factor drawn evenly from
     1 ± %s (then the weights are normalised again), and every scored value moves within the
     spread of its evidence grade, on the criterion's 0..1 scale:
     %s.
  2. Rule points stay as the rules give them; the candidates are ranked again.

  Robust     the pick comes first in at least %s of the draws
  Contested  in at least %s
  Fragile    less often

The report names the rival that most often takes the pick's place and the criterion whose
weight decides between them. The recommended stack gets the same treatment: how often it keeps
the best score among its finalists (its runners-up and the best stacks that hold each
category's own first choice).

The draws come from a generator seeded with %d: the same answers give the same numbers on
every machine. --seed and --samples change them. --what-if adds every single answer change
that changes a pick, and per criterion the smallest change of its weight (up to ×%s, or down
to nothing) that does.`, `评分依赖权重和数据，而两者都不精确。排序之后，stackadvisor 会检验每个首选能经受多大变动
（随机多准则可接受性分析，SMAA-2）：

  1. %s每次把每项标准的权重乘以在 1 ± %s 之间均匀抽取的系数（再重新归一化），
     并让每个评分数值在其证据等级的波动范围内变动（按该标准 0..1 的刻度）：
     %s。
  2. 规则加减分保持不变；候选重新排序。

  稳健    首选在至少 %s 的抽样中排名第一
  有争议  在至少 %s 的抽样中排名第一
  脆弱    更少

报告会指出最常取代首选的对手，以及决定两者胜负的那项标准的权重。推荐的整体方案也做同样的检验：
它在各轮抽样中有多少次在候选方案（其后备方案，以及包含各类别单独首选的最佳方案）中保持最高得分。

抽样使用种子为 %d 的生成器：同样的回答在任何机器上都给出同样的数字。--seed 和 --samples 可改变它们。
--what-if 会列出每个会改变首选的单项回答改动，以及每项标准改变首选所需的最小权重变化（最多 ×%s，
或降到零）。`},
	"help.scores.short": {"How a score and the stack's score are made", "单项得分与整体方案得分如何计算"},
	"help.scores.long": {`A candidate's score, 0 to 100:

  criteria   each criterion's weight × the candidate's value on it, scaled 0..1 from the worst to
             the best candidate (or by the attribute's own scale), summed. The weights are the
             rule files'; a priority you choose multiplies the weights of its criteria by %s, and
             an answer may reweight a criterion (shown as "⚖ … weighs ×f here"). A criterion that
             measures only a need you did not state (FIPS, a microcontroller port) counts nothing.
  rules      points of the rules your answers trigger, each at most ±%s, together clamped to ±%s.
  needs      a hard need (a GPU in the sandbox, a memory floor, no export licence) is not a
             weight: it leaves the candidate out, and 'explain ID' names the answer that would
             readmit it.

A criterion on which a candidate's value reaches %s on its 0..1 scale is listed as its strength.

The recommended stack, when two or more categories are asked for: the %d best candidates of each
category are combined; a stack's score is the weighted mean of its parts' scores, each scored in
the role the stack gives it (an engine as Kubernetes's node runtime), plus the points of the
compatibility rules between its parts (a part at the 100 cap counts what it earned past it,
as it does in its category); pairs a rule rules out are never combined. The %d
runners-up follow it, and each category whose own first choice is not in the stack says why.
'stackadvisor explain stack' shows the arithmetic.`, `候选的得分为 0 到 100：

  标准    每项标准的权重 × 候选在该标准上的取值（按从最差到最佳候选缩放到 0..1，或按属性自身的刻度），
          再求和。权重来自规则文件；你选择的优先项会把相应标准的权重乘以 %s，某些回答会重新调整
          某项标准的权重（显示为“⚖ … 在此按 ×f 计”）。只衡量你未提出的需求的标准（FIPS、微控制器移植）
          不计分。
  规则    你的回答触发的规则加减分，每条最多 ±%s，合计限制在 ±%s 以内。
  需求    硬性需求（沙箱内需要 GPU、显存下限、没有出口许可）不是权重：不满足的候选会被排除，
          'explain ID' 会说明哪项回答改动可以让它重新入选。

候选在某项标准上的取值（0..1 刻度）达到 %s 时，该标准会列为它的长处。

请求两个及以上类别时给出推荐的整体方案：组合每个类别得分最高的 %d 个候选；方案得分是各部分得分的
加权平均（每个部分按方案赋予它的角色评分，例如作为 Kubernetes 节点运行时的引擎），再加上各部分之间
兼容性规则的加减分（达到 100 分上限的部分按封顶前的得分计，与类别内排序一致）；规则排除的组合不会出现。其后列出 %d 个后备方案，对于单独首选未进入方案的类别，
会说明原因。'stackadvisor explain stack' 显示具体算式。`},
	"help.report.short": {"The seed report, its corrections, and where every fact comes from", "种子报告、对它的更正，以及每项事实的来源"},
	"help.report.long": {`stackadvisor's rules encode the selection guidance of a Chinese container-technology report
dated 2025-10-19 (its sections 技术选型建议 and 技术选型参考, and its comparison tables), statement
by statement. That report is "the report" the output speaks of.

Its claims that matter, and what it left out, were checked against primary sources, %d facts:
  %s.
Where the report is wrong or dated, the tool follows the verified value and tells you where it
applies:

  ≠ Correction: the report says … The sources say … (source)

Every value, fact and rule names its source: a URL, or "report: <section>" where only the
report says so (graded report-only; 'stackadvisor help evidence'). 'stackadvisor show ID' lists
a candidate's values with their sources, --details every correction and exclusion.

The knowledge base is version %s, its facts checked as of %s
('stackadvisor version'). A run more than six months later says so in one line; 'stackadvisor rules changelog' lists what
changed from one version to the next.`, `stackadvisor 的规则逐条编码了一份日期为 2025-10-19 的中文容器技术报告中的选型指导（其“技术选型建议”
和“技术选型参考”两节以及各对比表）。输出中所说的“报告”即指这份报告。

报告中重要的论断及其未涉及的内容都已对照一手来源核查，共 %d 项事实：
  %s。
报告有误或已过时之处，工具采用核实后的数值，并在相关之处告诉你：

  ≠ 更正：报告称…… 来源显示……（来源）

每个数值、事实和规则都注明来源：一个 URL，或在只有报告这样说时写作“report: <章节>”（证据等级为
report-only；见 'stackadvisor help evidence'）。'stackadvisor show ID' 列出候选的各项数值及其来源，
--details 列出全部更正和排除项。

知识库版本为 %s，事实核查截至 %s（'stackadvisor version'）。
若运行时距此已超过六个月，报告会用一行说明；'stackadvisor rules changelog' 列出各版本之间的变化。`},
	"help.report.verdict.wrong":      {"%d wrong", "%d 项有误"},
	"help.report.verdict.dated":      {"%d dated", "%d 项已过时"},
	"help.report.verdict.partly":     {"%d partly right", "%d 项部分正确"},
	"help.report.verdict.unverified": {"%d not confirmed", "%d 项未能证实"},
	"help.report.verdict.correct":    {"%d confirmed", "%d 项得到证实"},
	"help.limits.short":              {"What the advice can and cannot tell you", "这些建议能说明什么、不能说明什么"},
	"help.limits.long": {`What stackadvisor's advice is, and is not:

  - It ranks the candidates its rules know, for the answers you give; a product it does not
    list is not judged, and an answer you leave at its default is taken as that default.
  - Its figures are published ones (datasheets, docs, measurements others made, a few of its
    own, each with its method), not measurements of your workloads. Test before you buy.
  - Prices are estimates in CNY from public sources; export rules, support terms and licences
    change. Facts were last checked as of %s: see 'stackadvisor help report'.
  - A close call is called close: read the robustness line ('stackadvisor help robustness')
    before you treat a first place as settled.
  - It does not probe your machines unless you ask (--detect reads /dev/kvm, systemd and GPUs,
    on this machine only) and it never sends anything anywhere.
  - Your organisation's own rules go on top of the built-in ones with --rules DIR.`, `stackadvisor 的建议是什么、不是什么：

  - 它只对其规则认识的候选、按你给出的回答排序；未列出的产品不作评判，你未修改的回答按默认值处理。
  - 其数据是公开数据（规格书、文档、他人的实测，以及少量自测并写明方法），而不是对你的业务负载的
    测量。采购前请先测试。
  - 价格是根据公开来源估算的人民币价格；出口管制、支持条款和许可协议会变化。事实核查截至 %s：
    见 'stackadvisor help report'。
  - 势均力敌的结果会如实标明：在把第一名视为定论之前，请先看稳健性那一行（'stackadvisor help robustness'）。
  - 除非你要求，它不会探测你的机器（--detect 只读取本机的 /dev/kvm、systemd 和 GPU），
    也从不向任何地方发送数据。
  - 你的组织自己的规则可通过 --rules DIR 叠加在内置规则之上。`},
	"help.exit-codes.long": {`Exit codes of stackadvisor:

  0    success
  1    runtime failure (writing the report or answers); a failed
       'rules test' scenario; 'adr check': a recorded decision changed or is invalid
  2    usage error: unknown flag or value, an answers or rule file that is missing, unreadable or invalid
  3    a requested category has no candidate left after exclusions (the report is still printed)
  70   internal error: a bug in stackadvisor (please report it); no temporary file is left behind
  130  interrupted (SIGINT, Ctrl-C)
  143  terminated (SIGTERM)

An interrupted or failed run leaves the file named by -o or --save as it was. When the reader
of the output goes away (stackadvisor … | head -1), the run ends quietly with 0.

Errors are printed on standard error as one sentence that names what was wrong and what is
allowed.`, `stackadvisor 的退出码：

  0    成功
  1    运行失败（写入报告或回答时出错）；'rules test' 有场景失败；
       'adr check'：有已记录的决策改变或无效
  2    用法错误：未知的参数或取值；回答文件或规则文件缺失、无法读取或无效
  3    所请求的某个类别在排除之后没有剩余候选（报告仍会输出）
  70   内部错误：stackadvisor 的缺陷（请报告）；不会留下临时文件
  130  被中断（SIGINT，Ctrl-C）
  143  被终止（SIGTERM）

被中断或失败的运行不会改动 -o 或 --save 指定的文件。输出的读取方离开时
（stackadvisor … | head -1），运行安静地结束，退出码为 0。

错误以一句话输出到标准错误，说明哪里出错以及允许的取值。`},
	"help.completion.short":       {"Generate the autocompletion script for the specified shell", "为指定的 shell 生成自动补全脚本"},
	"help.help.short":             {"Help about any command", "查看任意命令的帮助"},
	"help.usage":                  {"Usage:", "用法："},
	"help.aliases":                {"Aliases:", "别名："},
	"help.examples":               {"Examples:", "示例："},
	"help.commands":               {"Available Commands:", "可用命令："},
	"help.flags":                  {"Flags:", "参数："},
	"help.global-flags":           {"Global Flags:", "全局参数："},
	"help.topics":                 {"Additional help topics:", "其他帮助主题："},
	"help.more":                   {`Use "%s [command] --help" for more information about a command.`, `运行 "%s [command] --help" 查看某个命令的详细说明。`},
	"help.flag-default":           {"(default %s)", "（默认 %s）"},
	"help.see-topic":              {"'%s help %s'", "'%s help %s'"},
	"flag.help":                   {"help for %s", "显示 %s 的帮助"},
	"flag.version":                {"version for %s", "显示 %s 的版本"},
	"flag.lang":                   {"language of the output: en or zh (default from LC_ALL, LC_MESSAGES or LANG)", "输出语言：en 或 zh（默认取自 LC_ALL、LC_MESSAGES 或 LANG）"},
	"flag.no-color":               {"never use color (also: NO_COLOR, or output that is not a terminal)", "不使用颜色（设置 NO_COLOR 或输出不是终端时同样如此）"},
	"flag.rules":                  {"add an organisation's rule files (a directory or a file) on top of the embedded ones; repeatable (also: STACKADVISOR_RULES, a path list)", "在内嵌规则之上叠加组织自己的规则文件（目录或文件）；可重复（也可用 STACKADVISOR_RULES，路径列表）"},
	"flag.format":                 {"output format: %s", "输出格式：%s"},
	"flag.output":                 {"write to this file instead of standard output (- is standard output); a regular file is replaced atomically, a device or FIFO written in place", "写入该文件而不是标准输出（- 表示标准输出）；普通文件以原子方式替换，设备或 FIFO 原地写入"},
	"flag.jq":                     {"filter the JSON output with a jq expression (implies -f json); strings print raw", "用 jq 表达式过滤 JSON 输出（隐含 -f json）；字符串按原样输出"},
	"flag.jq-timeout":             {"stop a --jq filter that runs longer than this (0: no limit)", "--jq 过滤器运行超过该时长即停止（0 表示不限）"},
	"flag.details":                {"the table in full: every ranked candidate's reasons and corrections, and each exclusion with its source (the default is the answer on one screen)", "完整表格：列出每个候选的理由与更正，以及每项排除及其来源（默认只在一屏内给出答案）"},
	"report.more-ranked":          {"… %d more ranked: --details lists them", "……另有 %d 个候选：--details 列出全部"},
	"report.also":                 {"Also here: %s. --details shows them, explain ID shows one candidate.", "此外还有：%s。--details 会全部列出，explain ID 可查看单个候选。"},
	"report.also-corrections":     {"%d corrections to the report", "%d 处对报告的更正"},
	"report.also-correction":      {"1 correction to the report", "1 处对报告的更正"},
	"report.also-weak":            {"%d weak figures", "%d 个证据较弱的数值"},
	"report.also-weak-one":        {"1 weak figure", "1 个证据较弱的数值"},
	"report.also-excluded":        {"%d excluded", "%d 个被排除"},
	"report.also-reasons":         {"%d more reasons and warnings", "另有 %d 条理由与提醒"},
	"flag.what-if":                {"list, per category, every single answer change that would change the top pick", "按类别列出会改变首选的每一项单独回答改动"},
	"flag.detect":                 {"fill unanswered questions from this machine: /dev/kvm, systemd, GPUs, and what runs today (--current) from docker, podman, kubectl and the GPU tools", "用本机情况填写未回答的问题：/dev/kvm、systemd、GPU，并通过 docker、podman、kubectl 和 GPU 工具读取目前在用的组件（--current）"},
	"flag.answers":                {"read answers from a YAML or JSON file (flags override it)", "从 YAML 或 JSON 文件读取回答（参数优先）"},
	"flag.wizard.answers":         {"pre-fill the form from a YAML or JSON answers file", "用 YAML 或 JSON 回答文件预先填写表单"},
	"flag.save":                   {"write the answers to this file (an answers file for recommend --answers)", "把回答写入该文件（供 recommend --answers 使用的回答文件）"},
	"flag.wizard.detect":          {"pre-fill unanswered questions from this machine: /dev/kvm, systemd, GPUs", "用本机情况预先填写未回答的问题：/dev/kvm、systemd、GPU"},
	"flag.accessible":             {"plain line-by-line prompts for screen readers (also: ACCESSIBLE=1)", "为读屏软件提供逐行的纯文本提示（也可用 ACCESSIBLE=1）"},
	"flag.samples":                {"draw exactly this many weightings and values in the robustness analysis (default: up to the rules' scoring.robustness.samples, 2000, stopping once the pick's share is known well enough)", "稳健性分析恰好抽取这么多组权重与取值（默认：最多抽取规则中的 scoring.robustness.samples 即 2000 组，首选的比例足够精确时提前停止）"},
	"flag.seed":                   {"the seed of the robustness analysis's draws (default: the rules' scoring.robustness.seed); the same seed gives the same numbers", "稳健性分析抽样的随机种子（默认取规则中的 scoring.robustness.seed）；相同种子得到相同结果"},
	"help.adr-new.short":          {"Write a numbered decision record (NNNN-title.md) into a folder", "在目录中写入带编号的决策记录（NNNN-标题.md）"},
	"help.adr-new.long":           {"Writes the decision record of a category, or of the stack, as the next numbered file of DIR (0001-…, 0002-…, as adr-tools and log4brains number them), and prints its path. The record ends with a machine-readable block (answers, knowledge-base version and digest, overlays, the picks) that 'adr check' re-runs. An existing record is never overwritten.", "将某一类别（或整个技术栈）的决策记录写为 DIR 中下一个编号的文件（0001-…、0002-…，与 adr-tools 和 log4brains 的编号方式相同），并打印其路径。记录末尾附有机器可读的区块（回答、知识库版本与摘要、覆盖规则、所选候选），供 'adr check' 重新运行。不会覆盖已有记录。"},
	"help.adr-check.short":        {"Re-run decision records against today's knowledge base; exit 1 if one would change", "用当前知识库重新运行决策记录；若有决策改变则以 1 退出"},
	"help.adr-check.long":         {"Reads the stackadvisor block of each record (files, or the .md files of folders; files without a block in a folder are skipped) and re-runs it with today's knowledge base and the overlays given with --rules (or STACKADVISOR_RULES). A record is untrusted input, so the overlays written in it are not read unless you pass --record-rules, and never when --rules is given: then only a path relative to the repository's top level (the nearest folder with .git above the record, else the record's folder) that stays inside it, symbolic links followed, and is a regular file or a folder of them is loaded; anything else makes the record invalid, and problems in those overlays are counted, not quoted. A record made with overlays and checked without either flag is invalid and says so. One line per record: unchanged; changed (old → new pick, and why: a figure corrected, a candidate added, a rule or weight changed, a policy exclusion, with sources in -f json, and the knowledge-base changelog entries since the record); or invalid (its answers no longer validate, or its block or overlays are not acceptable). Exit code 1 when any decision changed or is invalid, 0 otherwise: run it in CI.", "读取每份记录中的 stackadvisor 区块（文件，或目录中的 .md 文件；目录中没有区块的文件会被跳过），用当前知识库和 --rules（或 STACKADVISOR_RULES）指定的覆盖规则重新运行。记录属于不可信输入，因此除非给出 --record-rules，否则不会读取记录中写明的覆盖规则；给出 --rules 时也绝不读取。使用 --record-rules 时，只加载相对于仓库顶层（记录所在目录向上最近的含 .git 的目录，否则为记录所在目录）、跟随符号链接后仍在仓库内、且为普通文件或普通文件目录的路径；其他情况记录无效，这些覆盖规则中的问题只计数、不引用内容。用覆盖规则生成的记录若在检查时两个选项都未给出，则判为无效并说明原因。每份记录一行：未变；已变（旧 → 新的首选及原因：数据更正、新增候选、规则或权重变化、政策排除，-f json 给出来源以及记录之后的知识库变更日志）；或无效（其回答已无法通过校验，或其区块或覆盖规则不可接受）。若有决策改变或无效则退出码为 1，否则为 0：可在 CI 中运行。"},
	"cli.adr-check-unchanged":     {"%s: unchanged (%s: %s)", "%s：未变（%s：%s）"},
	"cli.robust-progress":         {"Drawing %d weightings for each of %d categories to test the picks' robustness…", "正在为 %[2]d 个类别各抽取 %[1]d 组权重，检验首选的稳健性……"},
	"cli.adr-check-score":         {"%s %.1f → %.1f", "%s %.1f → %.1f"},
	"cli.adr-check-kb":            {"knowledge base %s → %s", "知识库 %s → %s"},
	"cli.adr-check-changed":       {"%s: changed (%s: %s → %s)", "%s：已变（%s：%s → %s）"},
	"cli.adr-check-more":          {"; %d more reasons in -f json", "；另有 %d 条原因见 -f json"},
	"cli.adr-check-log":           {"; %d knowledge-base changes since the record", "；记录之后知识库有 %d 项变更"},
	"cli.adr-check-invalid":       {"%s: invalid: %s", "%s：无效：%s"},
	"flag.record-rules":           {"load the overlays a record names (relative paths inside its repository only) when no --rules is given; without it such a record is invalid", "未给出 --rules 时加载记录中写明的覆盖规则（仅限仓库内的相对路径）；不加此选项时这类记录判为无效"},
	"flag.date":                   {"the decision's date for the record's metadata under its title (YYYY-MM-DD); none by default, so the record is reproducible", "写入记录标题下元数据的决策日期（YYYY-MM-DD）；默认不写，使记录可以复现"},
	"flag.q.one-of":               {" — one of %s", " — 取值之一：%s"},
	"flag.q.any-of":               {" — any of %s, comma-separated or repeated", " — 可多选：%s，用逗号分隔或重复给出"},
	"flag.q.candidate-ids":        {" — candidate ids, at most one per category, comma-separated (stackadvisor list)", " — 候选项 ID，每个类别最多一个，用逗号分隔（见 stackadvisor list）"},
	"flag.q.at-most":              {", at most %d", "，最多 %d 项"},
	"flag.q.default-plus":         {" [default: %s, plus values that follow from other answers]", " [默认：%s，另加由其他回答推出的值]"},
	"flag.q.default-none":         {" [default: none]", " [默认：无]"},
	"flag.q.default":              {" [default: %s]", " [默认：%s]"},
	"help.completion.shell.short": {"Generate the autocompletion script for %s", "生成 %s 的自动补全脚本"},
	"help.completion.long": {`Generate the autocompletion script for stackadvisor for the specified shell.
See each sub-command's help for details on how to use the generated script.`, `为指定的 shell 生成 stackadvisor 的自动补全脚本。
生成的脚本如何使用，见各子命令的帮助。`},
	"help.completion.shell.long": {`Generate the autocompletion script for %[1]s. Load it in the current session with

  source <(stackadvisor completion %[1]s)

or write it where your shell reads completions at start-up (see your shell's manual); the
release archives carry it in completions/stackadvisor.%[1]s.`, `生成 %[1]s 的自动补全脚本。在当前会话中加载：

  source <(stackadvisor completion %[1]s)

或写到 shell 启动时读取补全脚本的位置（见 shell 的手册）；发布包的 completions/stackadvisor.%[1]s
中也带有该脚本。`},
	"flag.no-descriptions": {"disable completion descriptions", "补全时不显示说明"},
	// Detection of the machine (pkg/detect)
	"detect.kvm-open":        {"/dev/kvm can be opened", "/dev/kvm 可以打开"},
	"detect.kvm-missing":     {"/dev/kvm does not exist", "/dev/kvm 不存在"},
	"detect.kvm-unopenable":  {"/dev/kvm exists but cannot be opened (%v); kvm stays unknown", "/dev/kvm 存在但无法打开（%v）；kvm 仍为不确定"},
	"detect.comm-unreadable": {"cannot read /proc/1/comm (%v); systemd not detected", "无法读取 /proc/1/comm（%v）；未检测 systemd"},
	"detect.pid1":            {"PID 1 is %s", "1 号进程是 %s"},
	"detect.pci-unlistable":  {"cannot list /sys/bus/pci/devices (%v); GPUs not detected", "无法列出 /sys/bus/pci/devices（%v）；未检测 GPU"},
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
	"wizard.today-part":       {"%s today", "%s（目前在用）"},
	"wizard.none-yet":         {"none / not yet", "无 / 尚未使用"},
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
