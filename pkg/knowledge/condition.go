package knowledge

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

func reflectValue(ptr any) reflect.Value { return reflect.ValueOf(ptr).Elem() }

// Operators of conditions and targets: a small closed set, documented in rules/README.md.
const (
	OpIs      = "is"
	OpNot     = "not"
	OpIn      = "in"
	OpNotIn   = "not_in"
	OpHas     = "has"
	OpLacks   = "lacks"
	OpHasAny  = "has_any"
	OpHasNone = "has_none"
	OpEmpty   = "empty"
	OpGt      = "gt"
	OpGte     = "gte"
	OpLt      = "lt"
	OpLte     = "lte"
)

var allOps = []string{OpIs, OpNot, OpIn, OpNotIn, OpHas, OpLacks, OpHasAny, OpHasNone, OpEmpty, OpGt, OpGte, OpLt, OpLte}

// Condition is a conjunction of terms on the answers, plus an optional any_of.
type Condition struct {
	Pos   Pos
	Terms []*Term
	AnyOf []*Condition
	set   bool
}

// Term is one matcher: a key (question id or attribute name), an operator and an operand.
type Term struct {
	Pos     Pos // position of the key
	Key     string
	Op      string // as written; "" for the scalar and list shorthands
	Operand Raw
	// Answer names the question whose answer is the operand ({answer: id}), in targets.
	Answer string

	op   string   // resolved operator
	strs []string // literal operand values
	nums []float64
}

// Mentions tells whether a term of the condition (or of one of its any_of) names value as
// an operand of question.
func (c *Condition) Mentions(question, value string) bool {
	for _, t := range c.Terms {
		if t.Key == question && slices.Contains(t.strs, value) {
			return true
		}
	}
	for _, a := range c.AnyOf {
		if a.Mentions(question, value) {
			return true
		}
	}
	return false
}

func (c *Condition) decodeNode(d *decoder, n *yaml.Node) {
	c.Pos = d.pos(n)
	c.set = true
	decodeKeyed(d, n, func(key string, pos Pos, val *yaml.Node) {
		if key == "any_of" {
			if val.Kind != yaml.SequenceNode {
				d.errorf(val, "any_of expects a list of conditions, found %s", kindName(val))
				return
			}
			if len(val.Content) == 0 {
				d.errorf(val, "any_of needs at least one condition (an empty any_of could never hold)")
				return
			}
			for _, item := range val.Content {
				sub := &Condition{}
				if d.checkNode(item) {
					sub.decodeNode(d, item)
					c.AnyOf = append(c.AnyOf, sub)
				}
			}
			return
		}
		c.Terms = append(c.Terms, decodeTerm(d, key, pos, val))
	})
}

// IsEmpty reports whether the condition always holds.
func (c *Condition) IsEmpty() bool { return c == nil || (len(c.Terms) == 0 && len(c.AnyOf) == 0) }

// where is the attribute part of a target.
type where []*Term

func (w *where) decodeNode(d *decoder, n *yaml.Node) {
	decodeKeyed(d, n, func(key string, pos Pos, val *yaml.Node) {
		*w = append(*w, decodeTerm(d, key, pos, val))
	})
}

func decodeTerm(d *decoder, key string, pos Pos, val *yaml.Node) *Term {
	t := &Term{Pos: pos, Key: key}
	if val.Kind == yaml.MappingNode {
		if len(val.Content) != 2 {
			d.errorf(val, "a matcher has exactly one operator (one of %s)", strings.Join(allOps, ", "))
			return t
		}
		op, operand := val.Content[0], val.Content[1]
		if !d.checkNode(op) {
			return t
		}
		t.Op = op.Value
		if !slices.Contains(allOps, t.Op) {
			hint := ""
			if near := Closest(t.Op, allOps); near != "" {
				hint = fmt.Sprintf("; did you mean %q?", near)
			}
			d.errorf(op, "unknown operator %q; allowed: %s%s", t.Op, strings.Join(allOps, ", "), hint)
			t.Op = ""
			return t
		}
		if operand.Kind == yaml.MappingNode {
			if len(operand.Content) == 2 && operand.Content[0].Value == "answer" && operand.Content[1].Kind == yaml.ScalarNode {
				t.Answer = operand.Content[1].Value
				t.Operand.Node = operand
				return t
			}
			d.errorf(operand, "an operand is a value, a list of values or {answer: <question id>}")
			return t
		}
		t.Operand.decodeNode(d, operand)
		return t
	}
	t.Operand.decodeNode(d, val)
	return t
}

// Value is an answer to one question.
type Value struct {
	Type string // a question type
	Str  string
	List []string
	Bool bool
	Int  int
}

// String formats the value as a flag would take it.
func (v Value) String() string {
	switch v.Type {
	case TypeMulti:
		return strings.Join(v.List, ",")
	case TypeBool:
		return strconv.FormatBool(v.Bool)
	case TypeInt:
		return strconv.Itoa(v.Int)
	}
	return v.Str
}

// Any returns the value as a plain Go value (string, []string, bool or int) for encoding.
func (v Value) Any() any {
	switch v.Type {
	case TypeMulti:
		if v.List == nil {
			return []string{}
		}
		return v.List
	case TypeBool:
		return v.Bool
	case TypeInt:
		return v.Int
	}
	return v.Str
}

// Equal reports whether two values are the same answer.
func (v Value) Equal(o Value) bool {
	return v.Type == o.Type && v.Str == o.Str && v.Bool == o.Bool && v.Int == o.Int && slices.Equal(v.List, o.List)
}

// Answers maps question ids to answers.
type Answers map[string]Value

// Holds reports whether the condition holds for the answers. Terms on questions without an
// answer do not hold.
func (c *Condition) Holds(a Answers) bool {
	if c == nil {
		return true
	}
	for _, t := range c.Terms {
		v, ok := a[t.Key]
		if !ok || !t.matchAnswer(v) {
			return false
		}
	}
	if len(c.AnyOf) > 0 {
		for _, sub := range c.AnyOf {
			if sub.Holds(a) {
				return true
			}
		}
		return false
	}
	return true
}

func (t *Term) matchAnswer(v Value) bool {
	switch v.Type {
	case TypeMulti:
		return matchList(t.op, v.List, t.strs)
	case TypeInt:
		return matchNum(t.op, float64(v.Int), t.nums)
	case TypeBool:
		return matchStr(t.op, strconv.FormatBool(v.Bool), t.strs)
	}
	return matchStr(t.op, v.Str, t.strs)
}

// Matches reports whether the candidate meets every term of the target's where (and is named
// by ids, when ids are given).
func (tg *Target) Matches(c *Candidate, a Answers) bool {
	m := tg.Bind(a)
	return m.Matches(c)
}

// Excludes is Matches for an exclude rule (Matcher.Excludes).
func (tg *Target) Excludes(c *Candidate, a Answers) bool {
	m := tg.Bind(a)
	return m.Excludes(c)
}

// Matcher is a target with its {answer: …} operands resolved against one set of answers, to
// match many candidates without resolving them again for each.
type Matcher struct {
	tg      *Target
	answers Answers     // a candidate's contexts that hold under them give its values (AttrIn)
	bound   []boundTerm // by index into tg.Where; nil when no operand is an answer
	never   bool        // an {answer: …} operand names a question without an answer
}

type boundTerm struct {
	strs []string
	nums []float64
}

// Bind resolves the target's operands against the answers. It allocates only for targets
// with {answer: …} operands.
func (tg *Target) Bind(a Answers) Matcher {
	m := Matcher{tg: tg, answers: a}
	for i, t := range tg.Where {
		if t.Answer == "" {
			continue
		}
		if m.bound == nil {
			m.bound = make([]boundTerm, len(tg.Where))
			for j, u := range tg.Where {
				m.bound[j] = boundTerm{strs: u.strs, nums: u.nums}
			}
		}
		v, ok := a[t.Answer]
		if !ok {
			m.never = true
		}
		switch v.Type {
		case TypeInt:
			m.bound[i].nums = []float64{float64(v.Int)}
		case TypeMulti:
			m.bound[i].strs = v.List
		case TypeBool:
			m.bound[i].strs = []string{strconv.FormatBool(v.Bool)}
		default:
			m.bound[i].strs = []string{v.Str}
		}
	}
	return m
}

// Matches reports whether the candidate meets every term (and is named by the ids, when the
// target gives ids). An unknown value meets no term.
func (m *Matcher) Matches(c *Candidate) bool { return m.matches(c, false) }

// Excludes is Matches for an exclude rule: an unknown value meets a comparison with a number
// (gt, gte, lt, lte) and a negation (not, not_in, lacks, has_none), since a need stated as a
// bound (a memory floor, a budget, a start-up budget) or as "must be X" (an edge module on a
// device) cannot be shown to be met; it still meets no other term.
func (m *Matcher) Excludes(c *Candidate) bool { return m.matches(c, true) }

func (m *Matcher) matches(c *Candidate, unknownBounds bool) bool {
	if m.never || (len(m.tg.IDs) > 0 && !slices.Contains(m.tg.IDs, c.ID)) {
		return false
	}
	for i, t := range m.tg.Where {
		av := c.AttrIn(t.Key, m.answers)
		if av == nil {
			return false
		}
		if av.Unknown {
			if unknownBounds && (t.op == OpGt || t.op == OpGte || t.op == OpLt || t.op == OpLte ||
				t.op == OpNot || t.op == OpNotIn || t.op == OpLacks || t.op == OpHasNone) {
				continue
			}
			return false
		}
		strs, nums := t.strs, t.nums
		if m.bound != nil {
			strs, nums = m.bound[i].strs, m.bound[i].nums
		}
		if !matchAttr(av, t.op, strs, nums) {
			return false
		}
	}
	return true
}

func matchAttr(av *AttrValue, op string, strs []string, nums []float64) bool {
	switch av.Attr.Type {
	case AttrLevel, AttrNumber:
		return matchNum(op, av.Num, nums)
	case AttrBool:
		return matchStr(op, strconv.FormatBool(av.Bool), strs)
	case AttrList:
		return matchList(op, av.List, strs)
	}
	return matchStr(op, av.Str, strs)
}

func matchStr(op, v string, operand []string) bool {
	switch op {
	case OpIs, OpIn:
		return slices.Contains(operand, v)
	case OpNot, OpNotIn:
		return !slices.Contains(operand, v)
	}
	return false
}

func matchList(op string, v, operand []string) bool {
	hasAny := func() bool {
		for _, o := range operand {
			if slices.Contains(v, o) {
				return true
			}
		}
		return false
	}
	switch op {
	case OpHas:
		for _, o := range operand {
			if !slices.Contains(v, o) {
				return false
			}
		}
		return true
	case OpHasAny:
		return hasAny()
	case OpLacks, OpHasNone:
		return !hasAny()
	case OpEmpty:
		return (len(v) == 0) == (len(operand) == 1 && operand[0] == "true")
	}
	return false
}

func matchNum(op string, v float64, operand []float64) bool {
	if len(operand) == 0 {
		return false
	}
	switch op {
	case OpIs, OpIn:
		return slices.Contains(operand, v)
	case OpNot, OpNotIn:
		return !slices.Contains(operand, v)
	case OpGt:
		return v > operand[0]
	case OpGte:
		return v >= operand[0]
	case OpLt:
		return v < operand[0]
	case OpLte:
		return v <= operand[0]
	}
	return false
}

// opsFor lists the operators allowed on a question or attribute type, and the operator the
// scalar and list shorthands stand for.
func opsFor(typ string) (ops []string, scalarOp, listOp string) {
	switch typ {
	case TypeMulti, AttrList:
		return []string{OpHas, OpLacks, OpHasAny, OpHasNone, OpEmpty}, OpHas, OpHasAny
	case TypeInt, AttrLevel, AttrNumber:
		return []string{OpIs, OpNot, OpIn, OpNotIn, OpGt, OpGte, OpLt, OpLte}, OpIs, OpIn
	case TypeBool: // also AttrBool
		return []string{OpIs, OpNot}, OpIs, ""
	}
	return []string{OpIs, OpNot, OpIn, OpNotIn}, OpIs, OpIn
}

// compileTerm resolves a term's operator and checks its operand against the allowed values.
// kind describes what is matched ("question", "attribute"), typ its type, allowed its values
// (nil when free). questions is used to check {answer: id} operands; canon, when not nil,
// maps a question value's former id to today's.
func compileTerm(probs *Problems, t *Term, kind, typ string, allowed []string, questions map[string]*Question, canon func(string) string) {
	// A term with a mistake is left uncompiled (no operator), so that later checks, such as
	// the search for contradictions, do not reason from half of its operand.
	before := probs.Total()
	defer func() {
		if probs.Total() > before {
			t.op = ""
		}
	}()
	ops, scalarOp, listOp := opsFor(typ)
	if t.Operand.Node == nil && t.Answer == "" {
		return // already reported while decoding
	}
	pos := t.Pos
	if t.Operand.Node != nil {
		pos = Pos{File: t.Pos.File, Line: t.Operand.Node.Line, Col: t.Operand.Node.Column}
	}
	op := t.Op
	if op == "" {
		if t.Operand.Node.Kind == yaml.SequenceNode {
			op = listOp
		} else {
			op = scalarOp
		}
		if op == "" {
			probs.addf(pos, "%s %q is %s: give one value, not a list", kind, t.Key, typ)
			return
		}
	}
	if !slices.Contains(ops, op) {
		probs.addf(t.Pos, "operator %q does not apply to %s %q of type %s; allowed: %s", op, kind, t.Key, typ, strings.Join(ops, ", "))
		return
	}
	t.op = op
	numeric := typ == TypeInt || typ == AttrLevel || typ == AttrNumber
	if t.Answer != "" && op == OpEmpty {
		probs.add(pos, "empty takes true or false, not an answer")
		return
	}
	if t.Answer != "" {
		q, ok := questions[t.Answer]
		if !ok {
			probs.addf(pos, "unknown question %q in {answer: …}; known questions: %s", t.Answer, strings.Join(sortedKeys(questions), ", "))
			return
		}
		if numeric != (q.Type == TypeInt) {
			probs.addf(pos, "cannot compare %s %q (%s) with the answer to %q (%s)", kind, t.Key, typ, t.Answer, q.Type)
		}
		return
	}
	vals, isList, ok := t.Operand.scalars()
	if !ok {
		probs.addf(pos, "the operand of %q must be a value or a list of values", t.Key)
		return
	}
	single := op == OpIs || op == OpNot || op == OpGt || op == OpGte || op == OpLt || op == OpLte || op == OpEmpty
	if single && isList {
		probs.addf(pos, "operator %q takes one value, not a list", op)
		return
	}
	if op == OpEmpty {
		if vals[0] != "true" && vals[0] != "false" {
			probs.add(pos, "empty takes true or false")
		}
		t.strs = vals
		return
	}
	for _, v := range vals {
		switch {
		case numeric:
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				probs.addf(pos, "%s %q is numeric; %q is not a number", kind, t.Key, v)
				continue
			}
			t.nums = append(t.nums, f)
		case typ == TypeBool || typ == AttrBool:
			if v != "true" && v != "false" {
				probs.addf(pos, "%s %q is true or false; %q is neither", kind, t.Key, v)
				continue
			}
			t.strs = append(t.strs, v)
		default:
			if canon != nil {
				v = canon(v) // a value's former id (an alias) reads as today's
			}
			if allowed != nil && !slices.Contains(allowed, v) {
				probs.addf(pos, "%q is not a value of %s %q; allowed: %s", v, kind, t.Key, strings.Join(allowed, ", "))
				continue
			}
			t.strs = append(t.strs, v)
		}
	}
}

// Thresholds lists the numbers the condition compares the answer to question id with.
func (c *Condition) Thresholds(id string) []int {
	if c == nil {
		return nil
	}
	var out []int
	for _, t := range c.Terms {
		if t.Key == id {
			for _, n := range t.nums {
				out = append(out, int(n))
			}
		}
	}
	for _, sub := range c.AnyOf {
		out = append(out, sub.Thresholds(id)...)
	}
	return out
}

// AnswerAttributes lists the attributes the target compares with the answer to question id.
func (tg *Target) AnswerAttributes(id string) []string {
	var out []string
	for _, t := range tg.Where {
		if t.Answer == id {
			out = append(out, t.Key)
		}
	}
	return out
}

// Questions adds to set the ids of the questions the condition looks at.
func (c *Condition) Questions(set map[string]bool) {
	if c == nil {
		return
	}
	for _, t := range c.Terms {
		set[t.Key] = true
	}
	for _, sub := range c.AnyOf {
		sub.Questions(set)
	}
}

// Questions lists the questions whose answers can change the category's scores: those its
// rules' conditions and targets look at, and priorities when a criterion names one.
func (c *Category) Questions() map[string]bool {
	set := map[string]bool{}
	for _, r := range c.Rules {
		r.When.Questions(set)
		for _, t := range r.Target.Where {
			if t.Answer != "" {
				set[t.Answer] = true
			}
		}
	}
	for _, cr := range c.Criteria {
		if len(cr.Priorities) > 0 {
			set[QPriorities] = true
		}
		for _, rw := range cr.Reweight {
			rw.When.Questions(set)
		}
	}
	return set
}

// Operators lists the operators of the condition language, in the order of rules/README.md.
func Operators() []string { return slices.Clone(allOps) }
