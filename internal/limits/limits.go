// Package limits holds every bound the tool puts on what it reads, in one place. Decision
// records, answers files, overlays and wizard input are untrusted (SECURITY.md); each limit
// keeps a mistaken or hostile input from costing unbounded time or memory, and every error
// that hits one names it. README.md's "Limits" table lists these constants; a test
// (TestReadmeLimitsTable in pkg/cli) checks that the table and the code agree.
package limits

const (
	// FileBytes is the largest rule, answers or scenario file read.
	FileBytes = 1 << 20
	// RecordBytes is the largest decision record (Markdown with its record block) read.
	RecordBytes = 1 << 20
	// OverlayBytes is the most rule-file bytes read for all overlays of one base together
	// (every --rules path and STACKADVISOR_RULES, or the overlays a record names).
	OverlayBytes = 8 << 20
	// FolderFiles is the most files taken from one folder: rule files of an overlay folder,
	// records of a folder given to adr check.
	FolderFiles = 1000
	// CategoryCandidates is the most candidates one category may have (the embedded base has
	// at most a few dozen). Memory grows faster than the candidates: a category of 5 000 took
	// 200 MB to recommend, 20 000 took 1.4 GB; 2 000 take about 80 MB (BENCHMARKS.md). The stack
	// search takes at most StackCandidates of them.
	CategoryCandidates = 2000
	// CategoryRules is the most rules one category may have.
	CategoryRules = 1000
	// RobustnessDraws bounds the robustness analysis of one category: draws × ranked candidates
	// × criteria (the default 2 000 draws of the embedded base's largest category, 26 GPUs on 9
	// criteria, are about 470 000). Past it the draws are cut, and the report says how many
	// were made.
	RobustnessDraws = 20_000_000
	// CriterionReweights is the most reweights one criterion may have: each factor is within
	// 0.1..10, so the weight stays finite and above 0 whichever of them hold together.
	CriterionReweights = 8
	// CompatRules is the most compatibility rules of a base.
	CompatRules = 2000
	// StackCandidates is the most candidates of one category the stack search combines:
	// scoring's top_k, and the search over every candidate when the top_k hold no compatible
	// stack, are cut to it (the search's tables grow with its square).
	StackCandidates = 200
	// StackBeam is the most partial stacks the stack search keeps after each category
	// (scoring's beam is cut to it).
	StackBeam = 1000
	// Problems is the most problems printed for one load; the rest are counted ("and N more").
	Problems = 50
	// ExcerptRunes is the most characters of a file's text quoted in an error, control
	// characters removed.
	ExcerptRunes = 60
	// WizardLineBytes is the longest line the accessible wizard reads as one answer.
	WizardLineBytes = 4 << 10
	// JQMemoryBytes bounds the heap a --jq filter may build up.
	JQMemoryBytes = 256 << 20
)
