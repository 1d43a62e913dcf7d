package knowledge

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// decodeRaw reads a YAML value as an answer to q (used for defaults and answers files).
func (q *Question) decodeRaw(n *yaml.Node) (Value, error) {
	switch q.Type {
	case TypeMulti:
		var vals []string
		switch {
		case n.Kind == yaml.SequenceNode:
			for _, c := range n.Content {
				if c.Kind != yaml.ScalarNode || c.ShortTag() == "!!null" {
					return Value{}, fmt.Errorf("expected a list of values (%s)", strings.Join(q.ValueIDs(), ", "))
				}
				vals = append(vals, c.Value)
			}
		case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
			vals = splitList(n.Value)
		default:
			return Value{}, fmt.Errorf("expected a list of values (%s)", strings.Join(q.ValueIDs(), ", "))
		}
		return q.ParseList(vals)
	case TypeBool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			return Value{}, fmt.Errorf("expected true or false")
		}
		b, _ := parseBool(n, n.Value)
		return Value{Type: TypeBool, Bool: b}, nil
	case TypeInt:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			return Value{}, fmt.Errorf("expected a whole number%s", q.rangeText())
		}
		return q.ParseInt(n.Value)
	default:
		if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
			return Value{}, fmt.Errorf("expected one of %s", strings.Join(q.ValueIDs(), ", "))
		}
		return q.ParseOne(n.Value)
	}
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseOne checks a value of a one question.
func (q *Question) ParseOne(s string) (Value, error) {
	c := q.Choice(s)
	if c == nil {
		return Value{}, i18n.Errorf("err.not-allowed", limits.Excerpt(s), strings.Join(q.ValueIDs(), ", "))
	}
	return Value{Type: TypeOne, Str: c.ID}, nil // a former id reads as today's
}

// ParseList checks the values of a multi question: each allowed, no repeats, at most Max.
// The values are kept in the question's order, so equal answers compare equal.
func (q *Question) ParseList(vals []string) (Value, error) {
	var clean []string
	for _, s := range vals {
		for _, p := range splitList(s) {
			c := q.Choice(p)
			if c == nil {
				return Value{}, q.notAllowed(p)
			}
			if !slices.Contains(clean, c.ID) {
				clean = append(clean, c.ID)
			}
		}
	}
	if q.Min != nil && len(clean) < *q.Min {
		return Value{}, i18n.Errorf("err.at-least", *q.Min, strings.Join(q.ValueIDs(), ", "))
	}
	if q.Max != nil && len(clean) > *q.Max {
		return Value{}, i18n.Errorf("err.at-most", *q.Max, len(clean), strings.Join(clean, ", "))
	}
	ordered := []string{}
	for _, c := range q.Values {
		if slices.Contains(clean, c.ID) {
			ordered = append(ordered, c.ID)
		}
	}
	return Value{Type: TypeMulti, List: ordered}, nil
}

// notAllowed is the error for a value the question does not have: the allowed values, or,
// for a question of candidate ids (too many to list), the nearest id or where to find them.
func (q *Question) notAllowed(s string) error {
	if q.ValuesFrom == "" {
		return i18n.Errorf("err.not-allowed", limits.Excerpt(s), strings.Join(q.ValueIDs(), ", "))
	}
	if near := Closest(s, q.ValueIDs()); near != "" {
		return i18n.Errorf("err.not-candidate-near", limits.Excerpt(s), near)
	}
	return i18n.Errorf("err.not-candidate", limits.Excerpt(s))
}

// ParseInt checks a value of an int question against its min and max.
func (q *Question) ParseInt(s string) (Value, error) {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	if errors.Is(err, strconv.ErrRange) {
		return Value{}, i18n.Errorf("err.int-too-large", limits.Excerpt(strings.TrimSpace(s)), q.rangeText())
	}
	if err != nil {
		return Value{}, i18n.Errorf("err.not-int", limits.Excerpt(s), q.rangeText())
	}
	return q.CheckInt(i)
}

// CheckInt checks an integer against the question's min and max.
func (q *Question) CheckInt(i int) (Value, error) {
	if (q.Min != nil && i < *q.Min) || (q.Max != nil && i > *q.Max) {
		return Value{}, i18n.Errorf("err.int-range", i, q.rangeText())
	}
	return Value{Type: TypeInt, Int: i}, nil
}

// rangeText says the question's bounds after "a whole number" (in the message's language).
func (q *Question) rangeText() any {
	switch {
	case q.Min != nil && q.Max != nil:
		return &i18n.Msg{Key: "err.range-from-to", Args: []any{*q.Min, *q.Max}}
	case q.Min != nil:
		return &i18n.Msg{Key: "err.range-min", Args: []any{*q.Min}}
	case q.Max != nil:
		return &i18n.Msg{Key: "err.range-max", Args: []any{*q.Max}}
	}
	return ""
}

// ParseAnswers reads an answers file (YAML or JSON): a mapping from question ids to values.
// Problems carry the file's positions.
func (b *Base) ParseAnswers(name string, data []byte) (Answers, error) {
	var probs Problems
	root := parseYAML(name, data, &probs)
	if root == nil {
		return nil, probs
	}
	return b.parseAnswers(name, root, probs)
}

// ParseAnswersNode reads answers from a node of a larger YAML document (a scenario's
// answers:), so that problems carry the positions of the document.
func (b *Base) ParseAnswersNode(name string, root *yaml.Node) (Answers, error) {
	var probs Problems
	d := &decoder{file: name, probs: &probs}
	if !d.checkNode(root) {
		return nil, probs
	}
	return b.parseAnswers(name, root, probs)
}

func (b *Base) parseAnswers(name string, root *yaml.Node, probs Problems) (Answers, error) {
	d := &decoder{file: name, probs: &probs}
	out := Answers{}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "an answers file is a mapping from question ids to answers, found %s", kindName(root))
		return nil, probs
	}
	ids := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		ids[i] = q.ID
	}
	decodeKeyed(d, root, func(key string, pos Pos, val *yaml.Node) {
		q := b.questions[key]
		if q == nil {
			if near := Closest(key, ids); near != "" {
				probs.addf(pos, "unknown question %q; did you mean %q?", key, near)
			} else {
				probs.addf(pos, "unknown question %q; known questions: %s", key, strings.Join(ids, ", "))
			}
			return
		}
		if val.Kind == yaml.SequenceNode {
			for _, c := range val.Content {
				if !d.checkNode(c) {
					return
				}
			}
		}
		v, err := q.decodeRaw(val)
		if err != nil {
			d.errorf(val, "%s: %v", key, err)
			return
		}
		out[key] = v
	})
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

// Resolve returns the effective answers: the given ones, checked, with defaults filled in.
// default_add conditions are evaluated on the effective answers to the other questions.
func (b *Base) Resolve(given Answers) (Answers, error) {
	out := Answers{}
	for id, v := range given {
		q := b.questions[id]
		if q == nil {
			return nil, fmt.Errorf("unknown question %q", limits.Excerpt(id))
		}
		if v.Type != q.Type {
			return nil, fmt.Errorf("answer to %q has type %s, expected %s", limits.Excerpt(id), v.Type, q.Type)
		}
		out[id] = v
	}
	for _, q := range b.Questions {
		if _, ok := out[q.ID]; !ok && len(q.DefaultAdd) == 0 {
			out[q.ID] = q.DefaultValue
		}
	}
	// Defaults that depend on other answers come last, each after those it depends on (the
	// loader rejects cycles), so every condition sees the answers it names. A question the
	// order lacks still gets its default, after them.
	pending := b.defaultAddOrder
	for _, q := range b.Questions {
		if len(q.DefaultAdd) > 0 && !slices.Contains(b.defaultAddOrder, q) {
			pending = append(slices.Clip(pending), q)
		}
	}
	if err := b.checkCurrent(out[QCurrent]); err != nil {
		return nil, err
	}
	for _, q := range pending {
		if _, ok := out[q.ID]; ok {
			continue
		}
		v := q.DefaultValue
		list := slices.Clone(v.List)
		for _, da := range q.DefaultAdd {
			if da.When.Holds(out) {
				list = append(list, da.Add...)
			}
		}
		nv, err := q.ParseList(list)
		if err != nil {
			return nil, fmt.Errorf("default of %q: %w", q.ID, err)
		}
		out[q.ID] = nv
	}
	// Today's parts are ranked in their categories: a category not asked for explicitly joins
	// the default ones when a part of it runs today.
	if _, asked := given[QCategories]; !asked {
		if cq := b.questions[QCategories]; cq != nil {
			list := slices.Clone(out[QCategories].List)
			for _, id := range out[QCurrent].List {
				if c := b.candidates[id]; c != nil && !slices.Contains(list, c.Category) {
					list = append(list, c.Category)
				}
			}
			if len(list) > len(out[QCategories].List) {
				nv, err := cq.ParseList(list)
				if err != nil {
					return nil, fmt.Errorf("default of %q: %w", QCategories, err)
				}
				out[QCategories] = nv
			}
		}
	}
	return out, nil
}

// checkCurrent refuses two of today's parts in one category, or an id that is no candidate.
func (b *Base) checkCurrent(v Value) error {
	byCat := map[string]string{}
	for _, id := range v.List {
		c := b.candidates[id]
		if c == nil {
			return b.questions[QCurrent].notAllowed(id)
		}
		if prev, ok := byCat[c.Category]; ok {
			return i18n.Errorf("err.current-twice", c.Category, prev, id)
		}
		byCat[c.Category] = id
	}
	return nil
}

// Closest returns the candidate nearest to s by edit distance when it is close enough to be
// a likely typo (at most a third of s's length), else "".
func Closest(s string, candidates []string) string {
	best, bestD := "", len(s)/3+1
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" {
		return best
	}
	// A longer name of a candidate ("kata-containers", "gvisor-runsc"), or a shorter one
	// ("h100" for nvidia-h100): the one candidate whose id is a whole dash-separated part at the
	// start or end of what was typed, or the other way round.
	var part string
	for _, c := range candidates {
		longer := len(c) >= 3 && (strings.HasPrefix(s, c+"-") || strings.HasSuffix(s, "-"+c))
		shorter := len(s) >= 3 && (strings.HasPrefix(c, s+"-") || strings.HasSuffix(c, "-"+s))
		if longer || shorter {
			if part != "" {
				return "" // more than one: no single suggestion
			}
			part = c
		}
	}
	return part
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
