// Package knowledge holds the knowledge base: the questions, the categories with their
// candidates, attributes, criteria, facts and rules. It loads the YAML rule files strictly,
// validates every reference with file:line:col positions, and evaluates conditions on answers.
package knowledge

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// Pos is a position in a rule or answers file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	if p.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Problem is one mistake found in a file.
type Problem struct {
	Pos Pos
	Msg string
	// More, when above 0, makes this the last entry of a load's problems: it stands for the
	// More problems found past the first limits.Problems, counted but not kept, and reads
	// "and N more problems".
	More int
}

func (p Problem) String() string {
	if p.More > 0 && p.Msg == "" {
		return fmt.Sprintf("and %d more problems", p.More)
	}
	if s := p.Pos.String(); s != "" {
		return s + ": " + p.Msg
	}
	return p.Msg
}

// Problems collects the mistakes of a load; as an error it prints one per line. It keeps the
// first limits.Problems of them; past those it only counts, in one last entry (Problem.More),
// so a file of a million mistakes costs bounded memory and prints a bounded report.
type Problems []Problem

func (ps *Problems) add(pos Pos, msg string) {
	if ps.full() {
		ps.addMore(1)
		return
	}
	*ps = append(*ps, Problem{Pos: pos, Msg: msg})
}

// addf adds a problem whose message is format with args, the strings quoted with %q cut to
// an excerpt (problemf); once the problems are full, it only counts, without formatting.
func (ps *Problems) addf(pos Pos, format string, args ...any) {
	if ps.full() {
		ps.addMore(1)
		return
	}
	*ps = append(*ps, Problem{Pos: pos, Msg: problemf(format, args...)})
}

// full tells whether the problems kept have reached limits.Problems: another is only counted.
func (ps Problems) full() bool { return len(ps) >= limits.Problems }

// addMore counts n problems that are not kept.
func (ps *Problems) addMore(n int) {
	if n <= 0 {
		return
	}
	if k := len(*ps); k > 0 && (*ps)[k-1].More > 0 {
		(*ps)[k-1].More += n
		return
	}
	*ps = append(*ps, Problem{More: n})
}

// merge adds the problems of other (kept and counted) to ps.
func (ps *Problems) merge(other Problems) {
	for _, p := range other {
		if p.More > 0 {
			ps.addMore(p.More)
		} else {
			ps.add(p.Pos, p.Msg)
		}
	}
}

// Total is the number of problems found: those kept and those only counted.
func (ps Problems) Total() int {
	n := len(ps)
	if n > 0 && ps[n-1].More > 0 {
		n += ps[n-1].More - 1
	}
	return n
}

// problemf formats a problem's message: limits.Sprintf, which quotes every string of a %q
// verb (text from a user's file) as a short excerpt.
func problemf(format string, args ...any) string { return limits.Sprintf(format, args...) }

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sorted returns the problems by file, line and column, so reports are stable.
func (ps Problems) sorted() Problems { return ps.sortedAs("problems") }

// sortedAs is sorted, the entry that counts those not kept saying "and N more <noun>".
func (ps Problems) sortedAs(noun string) Problems {
	out := append(Problems(nil), ps...)
	var more *Problem
	if n := len(out); n > 0 && out[n-1].More > 0 {
		p := out[n-1]
		p.Msg = fmt.Sprintf("and %d more %s", p.More, noun)
		more, out = &p, out[:n-1]
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if more != nil {
		out = append(out, *more)
	}
	return out
}

// Text is a user-visible text in English and Chinese.
type Text struct {
	Pos Pos
	En  string `yaml:"en,required"`
	Zh  string `yaml:"zh,required"`
}

// In returns the text in lang ("en" or "zh"), falling back to English.
func (t Text) In(lang string) string {
	if lang == "zh" && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// The questions the code itself reads, beyond what rules say about them: every base must
// define the first two; detection answers the rest.
const (
	// QCategories lists the categories to rank; its values are the category ids.
	QCategories = "categories"
	// QPriorities lists the priorities that raise criteria weights.
	QPriorities = "priorities"
	// QKVM says whether /dev/kvm is available on the hosts (values KVMAvailable, KVMNone, …).
	QKVM = "kvm"
	// QCurrent lists what runs today, at most one candidate per category (its values are the
	// candidate ids: values_from candidates).
	QCurrent = "current"
	// QRootless asks for rootless containers; QSystemd whether systemd manages the hosts.
	QRootless = "rootless"
	QSystemd  = "systemd"
	// CategoryGPU is the category detection adds when it finds a GPU.
	CategoryGPU = "gpu"
)

// Values of QKVM that detection gives.
const (
	KVMAvailable = "available"
	KVMNone      = "none"
)

// Langs are the languages every text must exist in.
var Langs = []string{"en", "zh"}

// file is the shape shared by every rule file; which sections are allowed depends on the file.
type file struct {
	Pos        Pos
	Version    string         `yaml:"version"`
	AsOf       string         `yaml:"as_of"`
	Scoring    *Scoring       `yaml:"scoring"`
	Topics     []*Topic       `yaml:"topics"`
	Questions  []*Question    `yaml:"questions"`
	Category   string         `yaml:"category"`
	Title      *Text          `yaml:"title"`
	Attributes attributeDecls `yaml:"attributes"`
	Criteria   []*Criterion   `yaml:"criteria"`
	Candidates []*Candidate   `yaml:"candidates"`
	Facts      []*Fact        `yaml:"facts"`
	Rules      []*Rule        `yaml:"rules"`
	Roles      []*Role        `yaml:"roles"`
	Overrides  []*Override    `yaml:"overrides"`
	// Compatibility states how candidates of different categories fit in one stack.
	Compatibility []*Compat `yaml:"compatibility"`
	// Migrations say what a move from one candidate to another costs (rules/migrations.yaml).
	Migrations []*Migration `yaml:"migrations"`
	// Replacement is what every move in the category costs besides its migration (a category
	// file's; an overlay may set it for its category).
	Replacement *Replacement `yaml:"replacement"`
	name        string
	node        *yaml.Node
	layer       int // 0: the base; 1, 2, …: the overlays in the order given
}

// Override replaces attribute values of an existing candidate (from an overlay); each new
// value carries its own source.
type Override struct {
	Pos        Pos
	Candidate  string     `yaml:"candidate,required"`
	Attributes attrValues `yaml:"attributes,required"`
}

// Scoring holds the global scoring knobs (see rules/README.md).
type Scoring struct {
	Pos               Pos
	PriorityBoost     float64 `yaml:"priority_boost,required" range:"[1,1000]"`
	MaxRulePoints     float64 `yaml:"max_rule_points,required" range:"(0,1000]"`
	MaxAdjust         float64 `yaml:"max_adjust,required" range:"(0,1000]"`
	StrengthThreshold float64 `yaml:"strength_threshold,required" range:"(0,1]"`
	// Trust is, per evidence grade, how much of a value's advantage over Neutral its criterion
	// counts: 1 counts the value as it is, 0.5 halfway towards neutral. A value below neutral
	// counts in full whatever its grade: weak evidence never helps a candidate.
	Trust map[string]float64 `yaml:"trust" range:"[0,1]"`
	// Neutral is the normalised value (0..1) a value of no trust would count as.
	Neutral float64 `yaml:"neutral" range:"[0,1]"`
	// Stack bounds the search for the recommended stack across categories.
	Stack *StackKnobs `yaml:"stack"`
	// Robustness sets the sampling that tells how robust each pick is (SMAA-2).
	Robustness *RobustKnobs `yaml:"robustness"`
	// Migration sets what a move costs when no migration covers it (rules/migrations.yaml).
	Migration *MigrationKnobs `yaml:"migration"`
}

// RobustKnobs set the stochastic multicriteria acceptability analysis (rules/README.md,
// "Robustness"): Samples draws from a generator seeded with Seed; in each draw every
// criterion's weight is multiplied by a factor drawn evenly from [1−WeightSpread,
// 1+WeightSpread] (then the weights are normalised again), and every scored value moves by
// up to ±ValueSpread[grade] on its criterion's 0..1 scale ("default" for a value without a
// grade). A pick first in at least Robust of the draws is robust, in at least Contested
// contested, and fragile below; Show candidates are listed.
type RobustKnobs struct {
	Pos          Pos
	Samples      int                `yaml:"samples,required" range:"[1,1e6]"`
	Seed         int                `yaml:"seed" range:"[0,9e18]"`
	WeightSpread float64            `yaml:"weight_spread,required" range:"[0,1)"`
	ValueSpread  map[string]float64 `yaml:"value_spread,required" range:"[0,1]"`
	Robust       float64            `yaml:"robust,required" range:"(0,1]"`
	Contested    float64            `yaml:"contested,required" range:"(0,1]"`
	Show         int                `yaml:"show,required" range:"[1,1000]"`
	// MaxFactor bounds the weight what-if: it looks for the smallest change of one
	// criterion's weight, up to MaxFactor times or down to nothing, that changes the pick.
	MaxFactor float64 `yaml:"max_factor,required" range:"(1,1000]"`
	// Precision, when above 0, lets the draws stop before Samples: after every MinSamples
	// draws, once the half-width of the pick's share's 95 % interval (Agresti–Coull) is at
	// most Precision and the interval lies within one label's band (Settled). 0: always
	// Samples draws.
	Precision  float64 `yaml:"precision" range:"[0,1]"`
	MinSamples int     `yaml:"min_samples" range:"[0,1e6]"`
	// MinLosses is how many draws the pick must have lost, when it lost any, before the draws
	// may stop: the rival is read off those draws.
	MinLosses int `yaml:"min_losses" range:"[0,1e6]"`
}

// Settled reports whether won of drawn draws (won may count shares of tied draws) tell the
// pick's share precisely enough to stop drawing: drawn is a whole number of MinSamples, the
// pick lost no draw or at least MinLosses, the interval's half-width is at most Precision, and
// the interval does not reach across the Robust or Contested threshold. Never with a
// Precision of 0.
func (k *RobustKnobs) Settled(won float64, drawn int) bool {
	step := max(1, k.MinSamples)
	if k.Precision <= 0 || drawn < step || drawn%step != 0 {
		return false
	}
	if lost := float64(drawn) - won; lost > 0 && lost < float64(k.MinLosses) {
		return false
	}
	// Agresti–Coull: two successes and two failures added; z = 2. Every product is converted
	// before it is added (no fused multiply-add: the same decision on every platform).
	n := float64(drawn + 4)
	p := float64(won+2) / n
	half := float64(2 * math.Sqrt(float64(p*(1-p))/n))
	if half > k.Precision {
		return false
	}
	lo, hi := p-half, p+half
	for _, t := range []float64{k.Robust, k.Contested} {
		if lo < t && hi >= t {
			return false
		}
	}
	return true
}

// Spread is how far a value of the given grade may move in a draw.
func (k *RobustKnobs) Spread(grade string) float64 {
	if s, ok := k.ValueSpread[grade]; ok {
		return s
	}
	return k.ValueSpread[SpreadDefault]
}

// SpreadDefault is the value_spread key of values without an evidence grade.
const SpreadDefault = "default"

// MaxSamples bounds robustness samples (flags and rule files alike).
const MaxSamples = 1_000_000

// StackKnobs bound the stack search: the TopK candidates of each category are combined, the
// Beam best partial stacks are kept after each category, and RunnersUp stacks follow the best.
type StackKnobs struct {
	Pos       Pos
	TopK      int `yaml:"top_k,required" range:"[1,1000]"`
	Beam      int `yaml:"beam,required" range:"[1,1000]"`
	RunnersUp int `yaml:"runners_up,required" range:"[0,100]"`
}

// Evidence grades of an attribute value, strongest first.
const (
	GradeSpec       = "spec"        // vendor or project documentation
	GradeMeasured   = "measured"    // a reproducible measurement, with its method
	GradeThirdParty = "third-party" // a review, benchmark or article by others
	GradeReportOnly = "report-only" // only the report says so
	GradeUnverified = "unverified"  // checked and not confirmed, or a figure of unknown origin
)

// Grades lists the evidence grades, strongest first.
var Grades = []string{GradeSpec, GradeMeasured, GradeThirdParty, GradeReportOnly, GradeUnverified}

// WeakerGrade is the weaker of two grades: the grade of a value computed from both. A missing
// grade ("") is weaker than any.
func WeakerGrade(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	if slices.Index(Grades, b) > slices.Index(Grades, a) {
		return b
	}
	return a
}

// Weak tells a grade below third-party: the value is scored with its trust discount and the
// report says so beside the pick.
func Weak(grade string) bool { return grade == GradeReportOnly || grade == GradeUnverified }

// Topic is a group of questions (a page of the wizard).
type Topic struct {
	Pos      Pos
	ID       string     `yaml:"id,required"`
	Title    Text       `yaml:"title,required"`
	ShowWhen *Condition `yaml:"show_when"`
}

// Question types.
const (
	TypeOne   = "one"
	TypeMulti = "multi"
	TypeBool  = "bool"
	TypeInt   = "int"
)

// Question is one question of the questionnaire; flags, wizard fields and answers-file keys
// are generated from it.
type Question struct {
	Pos        Pos
	ID         string        `yaml:"id,required"`
	Topic      string        `yaml:"topic,required"`
	Type       string        `yaml:"type,required"`
	Values     []*Choice     `yaml:"values"`
	Default    Raw           `yaml:"default,required"`
	DefaultAdd []*DefaultAdd `yaml:"default_add"`
	Max        *int          `yaml:"max" range:"[-9e18,9e18]"`
	Min        *int          `yaml:"min" range:"[-9e18,9e18]"`
	ShowWhen   *Condition    `yaml:"show_when"`
	// ValuesFrom "candidates" makes the values every candidate's id, filled by the loader
	// (overlays' candidates included) instead of listed: the question current.
	ValuesFrom string `yaml:"values_from"`
	Label      Text   `yaml:"label,required"`
	Help       Text   `yaml:"help,required"`

	// DefaultValue is the static default, decoded for the question's type.
	DefaultValue Value
}

// Choice is an allowed value of a one or multi question.
type Choice struct {
	Pos   Pos
	ID    string `yaml:"id,required"`
	Label Text   `yaml:"label,required"`
	Help  *Text  `yaml:"help"`
	// Aliases are former ids of the value, still accepted wherever an answer or a condition
	// names it (flags, answers files, rule conditions) and read as ID: --cuda required was
	// renamed source. Never shown, never written.
	Aliases []string `yaml:"aliases"`
}

// DefaultAdd adds values to a multi question's default when a condition holds.
type DefaultAdd struct {
	Pos  Pos
	When Condition `yaml:"when,required"`
	Add  []string  `yaml:"add,required"`
}

// ValueIDs lists the allowed values of a one or multi question.
func (q *Question) ValueIDs() []string {
	ids := make([]string, len(q.Values))
	for i, c := range q.Values {
		ids[i] = c.ID
	}
	return ids
}

// Choice returns the allowed value with the given id or former id (an alias), or nil.
func (q *Question) Choice(id string) *Choice {
	for _, c := range q.Values {
		if c.ID == id {
			return c
		}
	}
	for _, c := range q.Values {
		if slices.Contains(c.Aliases, id) {
			return c
		}
	}
	return nil
}

// Attribute types.
const (
	AttrLevel  = "level"
	AttrNumber = "number"
	AttrBool   = "bool"
	AttrEnum   = "enum"
	AttrList   = "list"
	AttrText   = "text"
)

// Attribute declares a property candidates of a category have.
type Attribute struct {
	Pos    Pos
	Name   string
	Type   string    `yaml:"type,required"`
	Range  []float64 `yaml:"range" range:"[-1e15,1e15]"`
	Better string    `yaml:"better"`
	Scale  string    `yaml:"scale"`
	Unit   string    `yaml:"unit"`
	// Sign says what kind of quantity a number or level attribute is: positive (above 0: a
	// throughput, a size, a divisor), non-negative (0 or more: a price, a power, a time) or
	// absent (any sign). Every value also stays within ±MaxAttrMagnitude (AttrSigns).
	Sign   string             `yaml:"sign"`
	Values []string           `yaml:"values"`
	Scores map[string]float64 `yaml:"scores" range:"[0,1]"`
	Labels map[string]*Text   `yaml:"labels"`
	Title  Text               `yaml:"title,required"`
	// Derive makes a number attribute the ratio of two others of the same candidate, computed
	// by the loader (price per TFLOP from price and TFLOPS): candidates do not set it.
	Derive *Derive `yaml:"derive"`
}

// Derive says how the loader computes a derived attribute: Ratio names the numerator and the
// denominator, both number or level attributes of the category.
type Derive struct {
	Pos   Pos
	Ratio []string `yaml:"ratio,required"`
}

// LabelText is how a report shows a value of an enum or list attribute: its label (said
// later in the report's language) when the attribute gives labels, else the value itself.
func (a *Attribute) LabelText(value string) i18n.Text {
	if t := a.Labels[value]; t != nil {
		return i18n.Of(*t)
	}
	return i18n.Lit(value)
}

// attributeDecls keeps attribute declarations in file order.
type attributeDecls []*Attribute

func (a *attributeDecls) decodeNode(d *decoder, n *yaml.Node) {
	decodeKeyed(d, n, func(name string, pos Pos, val *yaml.Node) {
		attr := &Attribute{}
		d.decode(val, reflectValue(attr))
		attr.Name = name
		attr.Pos = pos
		*a = append(*a, attr)
	})
}

// Criterion is one part of the base score: an attribute with a weight.
type Criterion struct {
	Pos        Pos
	ID         string   `yaml:"id,required"`
	Attribute  string   `yaml:"attribute"` // required, except when an overlay changes a base criterion
	Weight     float64  `yaml:"weight,required" range:"[0.001,1000]"`
	Priorities []string `yaml:"priorities"`
	// Reweight multiplies the weight when an answer makes the criterion matter more or less
	// (from a Go host no runtime's Component Model is within reach, so standards weigh less).
	Reweight []*Reweight `yaml:"reweight"`
	// Paid says what the criterion measures that the part running today has already paid for
	// (setting it up and learning it, the price of cards owned): today's part counts at its best
	// on it, so that a move is not credited with a cost that no longer lies ahead.
	Paid *Text `yaml:"paid"`

	Attr *Attribute
	// Overlay is set when the criterion (its weight) comes from an overlay (--rules).
	Overlay bool
}

// Reweight multiplies a criterion's weight by Factor when When holds, for the reason Because.
type Reweight struct {
	Pos     Pos
	When    Condition `yaml:"when,required"`
	Factor  float64   `yaml:"factor,required" range:"[0,10]"` // 0: the criterion does not count (a need not asked for)
	Because Text      `yaml:"because,required"`
	Source  string    `yaml:"source,required"`
	// Overlay is set when the reweight comes from an overlay (--rules); Pos.File names it.
	Overlay bool
}

// Candidate is one option of a category.
type Candidate struct {
	Pos        Pos
	ID         string     `yaml:"id,required"`
	Name       string     `yaml:"name,required"`
	NameZh     string     `yaml:"name_zh"` // for a descriptive name ("Full virtual machine"); product names need none
	Summary    Text       `yaml:"summary,required"`
	Attributes attrValues `yaml:"attributes,required"`
	Facts      []string   `yaml:"facts"`
	// Contexts are what the candidate is in a setting the answers name: in a public cloud
	// Kubernetes is the provider's managed service, not kubeadm. The first context whose
	// condition holds that sets an attribute gives its value (AttrIn).
	Contexts []*Context `yaml:"contexts"`

	Category string
	// Overlay is set when the candidate comes from an overlay (--rules), not the base.
	Overlay bool
	// Corrections are the facts, named by the candidate or its attributes, whose verdict shows
	// the report to be wrong, dated, only partly right or unverified; in file order.
	Corrections []*Fact
	// Compat lists the compatibility rules about this candidate (Compat.Candidate), in order.
	Compat []*Compat
}

// Named is the candidate's name as a text said later (name_zh in Chinese when given).
func (c *Candidate) Named() i18n.Text { return i18n.Pair(c.Name, c.NameZh) }

// Context is the candidate in one setting: its id (for the report), the condition on the
// answers that makes it so, what it means for the user, and the attribute values that change.
type Context struct {
	Pos        Pos
	ID         string     `yaml:"id,required"`
	When       Condition  `yaml:"when,required"`
	Note       Text       `yaml:"note,required"`
	Attributes attrValues `yaml:"attributes,required"`
}

// AttrIn returns the candidate's value of an attribute under the answers: the first context
// that holds and sets it, else its own value (nil when it has none).
func (c *Candidate) AttrIn(name string, a Answers) *AttrValue {
	for _, ctx := range c.Contexts {
		if !ctx.When.Holds(a) {
			continue
		}
		for _, av := range ctx.Attributes {
			if av.Name == name {
				return av
			}
		}
	}
	return c.Attr(name)
}

// ContextsIn lists the candidate's contexts whose condition holds under the answers.
func (c *Candidate) ContextsIn(a Answers) []*Context {
	var out []*Context
	for _, ctx := range c.Contexts {
		if ctx.When.Holds(a) {
			out = append(out, ctx)
		}
	}
	return out
}

// Attr returns the candidate's value of an attribute, or nil.
func (c *Candidate) Attr(name string) *AttrValue {
	for _, a := range c.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// ValueUnknown is what a rule file writes for a value no source gives (number, level, bool and
// enum attributes): `value: unknown`, graded unverified, with a note of where it was looked for.
const ValueUnknown = "unknown"

// AttrValue is a candidate's value of one attribute, with its source.
type AttrValue struct {
	Pos   Pos
	Name  string
	Value Raw `yaml:"value,required"`
	// ValueZh is a text attribute's value in Chinese, where it says more than names and
	// numbers ("1.37 (2026-08-26); the report describes 1.31").
	ValueZh string `yaml:"value_zh"`
	Source  string `yaml:"source,required"`
	// Grade is the kind of evidence behind the value (Grades); required where a criterion
	// scores the attribute. Method says how a measured value was measured.
	Grade  string `yaml:"grade"`
	Method *Text  `yaml:"method"`
	Fact   string `yaml:"fact"`
	Note   *Text  `yaml:"note"`

	Attr *Attribute
	// Derived marks a value the loader computed (Attribute.Derive); its grade is the weaker of
	// its inputs' grades.
	Derived bool
	// Unknown marks a value no source gives (value: unknown, graded unverified): it scores
	// neutral, matches no rule's where, and a ratio derived from it is unknown too.
	Unknown bool
	Num     float64  // level, number
	Bool    bool     // bool
	Str     string   // enum, text
	List    []string // list
}

// Display is the value as text, without unit.
func (v *AttrValue) Display() string {
	if v.Unknown {
		return ValueUnknown
	}
	switch v.Attr.Type {
	case AttrLevel, AttrNumber:
		return formatNumber(v.Num)
	case AttrBool:
		if v.Bool {
			return "yes"
		}
		return "no"
	case AttrList:
		return strings.Join(v.List, ", ")
	}
	return v.Str
}

func formatNumber(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

type attrValues []*AttrValue

func (a *attrValues) decodeNode(d *decoder, n *yaml.Node) {
	decodeKeyed(d, n, func(name string, pos Pos, val *yaml.Node) {
		v := &AttrValue{}
		d.decode(val, reflectValue(v))
		v.Name = name
		v.Pos = pos
		*a = append(*a, v)
	})
}

// Fact verdicts.
const (
	VerdictCorrect    = "correct"
	VerdictPartly     = "partly"
	VerdictDated      = "dated"
	VerdictWrong      = "wrong"
	VerdictUnverified = "unverified"
)

// Fact is a claim of the report checked against primary sources.
type Fact struct {
	Pos        Pos
	ID         string `yaml:"id,required"`
	Verdict    string `yaml:"verdict,required"`
	ReportSays Text   `yaml:"report_says,required"`
	Verified   Text   `yaml:"verified,required"`
	Source     string `yaml:"source,required"`
	// Checked is the day the fact was last checked against its source (YYYY-MM-DD).
	Checked string `yaml:"checked,required"`
	// When limits the fact to readers whose answers meet it (a correction about sales to China
	// is news to a buyer there, noise elsewhere); nil means every reader.
	When *Condition `yaml:"when"`
}

// AppliesTo reports whether the fact is shown for the answers; nil answers (a listing with no
// questionnaire, such as show) see every fact.
func (f *Fact) AppliesTo(a Answers) bool { return a == nil || f.When.IsEmpty() || f.When.Holds(a) }

// IsCorrection reports whether the fact departs from the report (or could not confirm it).
func (f *Fact) IsCorrection() bool { return f.Verdict != VerdictCorrect }

// Rule effects.
const (
	EffectExclude = "exclude"
	EffectAdjust  = "adjust"
	EffectCaveat  = "caveat"
)

// Rule is a piece of guidance: when the answers meet a condition, exclude, adjust or caveat
// the candidates its target matches.
type Rule struct {
	Pos     Pos
	ID      string    `yaml:"id,required"`
	When    Condition `yaml:"when"`
	Effect  string    `yaml:"effect,required"`
	Points  float64   `yaml:"points" range:"[-1000,1000]"`
	Target  Target    `yaml:"target,required"`
	Because Text      `yaml:"because,required"`
	Source  string    `yaml:"source,required"`
	// Grade is the evidence an adjust rule rests on (Grades): a bonus resting on weak evidence
	// counts only its trust. Absent: the bonus counts in full.
	Grade string `yaml:"grade"`
	// Roles limits the rule to the roles of its category's candidates it names (Role.ID, or
	// RoleAlone for the category ranked on its own). Absent: the rule applies in every role.
	Roles []string `yaml:"roles"`
	// Buying marks an exclusion that stands in the way of buying the candidate (a price limit,
	// an export licence): it does not remove the part that runs today (the answer current),
	// which is already owned; that part keeps it as a caveat ("buy no more").
	Buying bool `yaml:"buying"`

	Category string
	// Overlay is set when the rule comes from an overlay (--rules); Pos.File names the file.
	Overlay bool
}

// Target selects candidates of a category by id and by attribute.
type Target struct {
	Pos   Pos
	IDs   []string `yaml:"ids"`
	Where where    `yaml:"where"`
}

// Category is one decision: its attributes, criteria, candidates, facts and rules.
type Category struct {
	ID         string
	Title      Text
	Attributes []*Attribute
	Criteria   []*Criterion
	Candidates []*Candidate
	Rules      []*Rule
	// Roles are the parts a candidate of this category can play in a stack, each given by
	// candidates of another category (an engine is a node runtime under Kubernetes, a host
	// engine under Compose); in a stack the candidate is scored in its role.
	Roles []*Role
	// Replacement, when set, is what every move between the category's candidates costs on top
	// of its migration: moving off cards replaces hardware that works.
	Replacement *Replacement
	Pos         Pos
}

// Replacement is the effort every move in a category adds to its migration's, and why.
type Replacement struct {
	Pos     Pos
	Effort  float64 `yaml:"effort,required" range:"(0,1000]"`
	Because Text    `yaml:"because,required"`
	Source  string  `yaml:"source,required"`
	// Change, optional, adds its effort when the two candidates differ on an enum attribute
	// (a PCIe card to a module on a multi-GPU baseboard needs new servers).
	Change *ReplacementChange `yaml:"change"`
}

// ReplacementChange is the effort a move adds when From and To differ on Attribute.
type ReplacementChange struct {
	Pos       Pos
	Attribute string  `yaml:"attribute,required"`
	Effort    float64 `yaml:"effort,required" range:"(0,1000]"`
	Because   Text    `yaml:"because,required"`
	Source    string  `yaml:"source,required"`
}

// RoleAlone names, in a rule's roles, the category ranked on its own: asked for alone, or in
// a stack where no candidate gives it a role.
const RoleAlone = "alone"

// Role is a part a category's candidates play in a stack, given by candidates of another
// category (Under). In that role the criteria weigh as Weights says (a criterion not named
// keeps its weight; 0 leaves it out), and only the rules that name the role, or name none,
// apply.
type Role struct {
	Pos     Pos
	ID      string             `yaml:"id,required"`
	Title   Text               `yaml:"title,required"`
	Under   []string           `yaml:"under,required"`
	Weights map[string]float64 `yaml:"weights" range:"[0,1000]"`
	// StackWeight is how much the part counts in the stack's score when it plays this role
	// (absent: 1, as much as any part). A part another part chooses for it (the engine under an
	// orchestrator) counts less, so its own lead never outweighs the part it serves.
	StackWeight float64 `yaml:"stack_weight" range:"[0.1,1]"`
	Because     Text    `yaml:"because,required"`
	Source      string  `yaml:"source,required"`

	// By is the category of the candidates that give the role.
	By string
}

// Role returns the role the candidate giver gives this category's candidates, or nil.
func (c *Category) Role(giver string) *Role {
	for _, r := range c.Roles {
		if slices.Contains(r.Under, giver) {
			return r
		}
	}
	return nil
}

// InStack is how much a part in the role counts in a stack's score (StackWeight, 1 when
// absent); a part in no role (nil) counts 1.
func (r *Role) InStack() float64 {
	if r == nil || r.StackWeight == 0 {
		return 1
	}
	return r.StackWeight
}

// Weight is the weight the role gives criterion id, and whether it sets one (a nil role
// sets none).
func (r *Role) Weight(id string) (float64, bool) {
	if r == nil {
		return 0, false
	}
	w, ok := r.Weights[id]
	return w, ok
}

// PriorityNamed tells whether the category gives the priority any say: a criterion it
// raises, or a rule or reweight whose condition names it. A priority the category does not
// name changes nothing there, and the report says so.
func (c *Category) PriorityNamed(p string) bool {
	for _, cr := range c.Criteria {
		if slices.Contains(cr.Priorities, p) {
			return true
		}
		for _, rw := range cr.Reweight {
			if rw.When.Mentions(QPriorities, p) {
				return true
			}
		}
	}
	for _, r := range c.Rules {
		if r.When.Mentions(QPriorities, p) {
			return true
		}
	}
	return false
}

// AppliesIn tells whether the rule applies in the role (nil: the category on its own).
func (r *Rule) AppliesIn(role *Role) bool {
	if len(r.Roles) == 0 {
		return true
	}
	id := RoleAlone
	if role != nil {
		id = role.ID
	}
	return slices.Contains(r.Roles, id)
}

// Attribute returns the declaration of an attribute, or nil.
func (c *Category) Attribute(name string) *Attribute {
	for _, a := range c.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Candidate returns the candidate with the given id, or nil.
func (c *Category) Candidate(id string) *Candidate {
	for _, cand := range c.Candidates {
		if cand.ID == id {
			return cand
		}
	}
	return nil
}

// decodeKeyed walks a mapping whose keys are names, keeping file order.
func decodeKeyed(d *decoder, n *yaml.Node, each func(name string, pos Pos, val *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "expected a mapping, found %s", kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.checkNode(k) || !d.checkNode(val) {
			continue
		}
		if seen[k.Value] {
			d.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		each(k.Value, d.pos(k), val)
	}
}
