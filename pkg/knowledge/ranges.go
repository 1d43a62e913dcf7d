package knowledge

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

// Every number a rule file gives is checked against the range declared with its field: a
// `range` struct tag in interval notation, "[lo,hi]" with "(" or ")" for an open end (the
// strict decoder reads it; on a list or a mapping it bounds each element). Attribute values
// are bounded by their attribute's sign (AttrSigns). The bounds keep every sum and product
// the engine forms finite: a weight of 1e308 passes YAML, but the sum of two overflows.
// rules/README.md, "Number ranges", lists them; a test keeps that table and the tags in step.

// numRange is a closed or half-open interval of allowed values.
type numRange struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// parseRange reads a range tag. A malformed tag is a programming mistake, so it panics (the
// first load of the embedded rules finds it).
func parseRange(tag string) numRange {
	bad := func() numRange { panic(fmt.Sprintf("knowledge: malformed range tag %q", tag)) }
	if len(tag) < 5 {
		return bad()
	}
	var r numRange
	switch tag[0] {
	case '[':
	case '(':
		r.loOpen = true
	default:
		return bad()
	}
	switch tag[len(tag)-1] {
	case ']':
	case ')':
		r.hiOpen = true
	default:
		return bad()
	}
	lo, hi, ok := strings.Cut(tag[1:len(tag)-1], ",")
	if !ok {
		return bad()
	}
	var err1, err2 error
	r.lo, err1 = strconv.ParseFloat(strings.TrimSpace(lo), 64)
	r.hi, err2 = strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if err1 != nil || err2 != nil || !(r.lo < r.hi) || math.IsInf(r.lo, 0) || math.IsInf(r.hi, 0) {
		return bad()
	}
	return r
}

// holds reports whether f lies in the range (never for NaN or ±Inf).
func (r numRange) holds(f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return false
	}
	if f < r.lo || f > r.hi || (r.loOpen && f == r.lo) || (r.hiOpen && f == r.hi) {
		return false
	}
	return true
}

// String says the range in words: "from 0 to 1", "above 0 and at most 1000".
func (r numRange) String() string {
	lo, hi := formatBound(r.lo), formatBound(r.hi)
	switch {
	case r.loOpen && r.hiOpen:
		return "above " + lo + " and below " + hi
	case r.loOpen:
		return "above " + lo + " and at most " + hi
	case r.hiOpen:
		return "from " + lo + " to below " + hi
	}
	return "from " + lo + " to " + hi
}

// Interval is the range in interval notation, as rules/README.md shows it.
func (r numRange) Interval() string {
	open, closeB := "[", "]"
	if r.loOpen {
		open = "("
	}
	if r.hiOpen {
		closeB = ")"
	}
	return open + formatBound(r.lo) + ", " + formatBound(r.hi) + closeB
}

// formatBound writes a number as short as it reads back: 1000, 0.001, 1e15, 1e308.
func formatBound(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if m, e, ok := strings.Cut(s, "e"); ok {
		sign := ""
		if e[0] == '-' {
			sign = "-"
		}
		s = m + "e" + sign + strings.TrimLeft(e[1:], "0")
	}
	return s
}

// checkRange reports every number of v (decoded from n) outside rng: v is a float64 or int,
// a pointer to one, or a list or mapping of them.
func (d *decoder) checkRange(n *yaml.Node, v reflect.Value, rng numRange, key string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			d.checkRange(n, v.Elem(), rng, key)
		}
	case reflect.Float64:
		if f := v.Float(); !rng.holds(f) {
			d.rangeErrorf(n, "%s must be a number %s; found %s", key, rng, formatBound(f))
		}
	case reflect.Int:
		if i := v.Int(); !rng.holds(float64(i)) {
			d.rangeErrorf(n, "%s must be a whole number %s; found %d", key, rng, i)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode || v.Len() != len(n.Content) {
			return // a decoding problem, already reported
		}
		for i, item := range n.Content {
			d.checkRange(item, v.Index(i), rng, key)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if ev := v.MapIndex(reflect.ValueOf(k)); ev.IsValid() {
				d.checkRange(n.Content[i+1], ev, rng, fmt.Sprintf("%s of %q", key, k))
			}
		}
	}
}

func (d *decoder) rangeErrorf(n *yaml.Node, format string, args ...any) {
	if d.ranges == nil {
		d.errorf(n, format, args...)
		return
	}
	d.ranges.add(d.pos(n), fmt.Sprintf(format, args...))
}

// Attribute signs: what kind of quantity a number attribute is (key sign:). Board power,
// memory, throughput and start-up time are physical quantities, a price is never below 0;
// a year or a score has no sign constraint beyond the common bound.
const (
	SignAny         = ""
	SignPositive    = "positive"     // above 0: a divisor, a throughput, a size
	SignNonNegative = "non-negative" // 0 or more: a price, a power, a time
)

// MaxAttrMagnitude bounds every number attribute's value and range: far above any figure of
// the rules (a price in CNY is below 10^6), far enough below the largest float64 that
// differences, ratios and logarithms of two values stay finite.
const MaxAttrMagnitude = 1e15

// AttrSigns maps each sign an attribute may declare to the range of its values.
var AttrSigns = map[string]numRange{
	SignAny:         {lo: -MaxAttrMagnitude, hi: MaxAttrMagnitude},
	SignPositive:    {lo: 0, hi: MaxAttrMagnitude, loOpen: true},
	SignNonNegative: {lo: 0, hi: MaxAttrMagnitude},
}

var signNames = []string{SignPositive, SignNonNegative}

// RangeDoc is one declared range, for rules/README.md: the key as a path ("scoring.
// priority_boost", "criteria[].weight") and its interval.
type RangeDoc struct {
	Key, Interval string
}

// DeclaredRanges lists every range declared on a rule-file field, in the order of the
// file's keys, then the attribute values by sign.
func DeclaredRanges() []RangeDoc {
	var out []RangeDoc
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "" || tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			key := name
			if path != "" {
				key = path + "." + name
			}
			if r := f.Tag.Get("range"); r != "" {
				k := key
				switch f.Type.Kind() {
				case reflect.Slice:
					k += "[]"
				case reflect.Map:
					k += ".*"
				}
				out = append(out, RangeDoc{Key: k, Interval: parseRange(r).Interval()})
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft.Kind() == reflect.Slice && reflect.PointerTo(ft).Implements(nodeDecoderType):
				walk(ft.Elem(), key+".NAME") // a mapping keyed by name (attributes)
			case ft.Kind() == reflect.Slice:
				walk(ft.Elem(), key+"[]")
			case ft.Kind() == reflect.Map:
				walk(ft.Elem(), key+".*")
			default:
				walk(ft, key)
			}
		}
	}
	walk(reflect.TypeOf(file{}), "")
	for _, s := range append([]string{SignAny}, signNames...) {
		label := "attribute value, sign: " + s
		if s == SignAny {
			label = "attribute value (number, level), no sign"
		}
		out = append(out, RangeDoc{Key: label, Interval: AttrSigns[s].Interval()})
	}
	return out
}

var nodeDecoderType = reflect.TypeOf((*nodeDecoder)(nil)).Elem()

// rangeOf is the range declared with a struct field, if any.
func rangeOf(f reflect.StructField) *numRange {
	tag := f.Tag.Get("range")
	if tag == "" {
		return nil
	}
	r := parseRange(tag)
	return &r
}

// checkSign tells a sign an attribute may declare.
func checkSign(sign string) bool { return slices.Contains(signNames, sign) || sign == SignAny }

// signWord names a declared sign in a message: ` (sign: positive)`.
func signWord(sign string) string {
	if sign == SignAny {
		return ""
	}
	return " (sign: " + sign + ")"
}

// valuePos is the position of an attribute's value (where the number is written), else of
// its key.
func valuePos(av *AttrValue) Pos {
	if n := av.Value.Node; n != nil {
		return Pos{File: av.Pos.File, Line: n.Line, Col: n.Column}
	}
	return av.Pos
}

// derivable tells a derived attribute whose inputs the candidate sets: when its value is
// missing, the problem was reported with the input that made it so.
func derivable(a *Attribute, c *Candidate) bool {
	return a.Derive != nil && len(a.Derive.Ratio) == 2 && c.Attr(a.Derive.Ratio[0]) != nil && c.Attr(a.Derive.Ratio[1]) != nil
}

// notFinite explains why a YAML float is refused when it is one: .nan and .inf are floats to
// YAML, and a literal such as 1e999 is beyond float64.
func notFinite(n *yaml.Node) string {
	if n == nil || n.ShortTag() != "!!float" && n.ShortTag() != "!!int" {
		// YAML reads a number beyond float64, such as 1e999, as a string.
		if _, err := strconv.ParseFloat(n.Value, 64); !errors.Is(err, strconv.ErrRange) {
			return ""
		}
	}
	return " (a finite number is needed: not NaN, not infinite, not beyond ±1.8e308)"
}

// numExcerpt is a value as an error quotes it: at most limits.ExcerptRunes characters.
func numExcerpt(s string) string {
	if r := []rune(s); len(r) > limits.ExcerptRunes {
		return string(r[:limits.ExcerptRunes]) + "…"
	}
	return s
}

// numbersInRange tells whether every number of a decoded struct (ptr points to it) lies in
// its declared range, looking into lists, mappings and nested structs. The checks that relate
// a value to others (a rule's points and max_rule_points, say) skip values already reported
// out of range, and an overlay's scoring block out of range is not applied: either would
// repeat one mistake as many problems.
func numbersInRange(ptr any) bool {
	return valueInRange(reflect.ValueOf(ptr), nil)
}

func valueInRange(v reflect.Value, rng *numRange) bool {
	switch v.Kind() {
	case reflect.Pointer:
		return v.IsNil() || valueInRange(v.Elem(), rng)
	case reflect.Float64:
		return rng == nil || rng.holds(v.Float())
	case reflect.Int:
		return rng == nil || rng.holds(float64(v.Int()))
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if !valueInRange(v.Index(i), rng) {
				return false
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if !valueInRange(it.Value(), rng) {
				return false
			}
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(Condition{}) || v.Type() == reflect.TypeOf(Raw{}) {
			return true
		}
		fields, _ := structFields(v.Type())
		for _, f := range fields {
			if !valueInRange(v.Field(f.index), f.rng) {
				return false
			}
		}
	}
	return true
}

// RangesTable is the Markdown table of DeclaredRanges that rules/README.md shows.
func RangesTable() string {
	var b strings.Builder
	b.WriteString("| key | allowed |\n| --- | --- |\n")
	for _, r := range DeclaredRanges() {
		fmt.Fprintf(&b, "| `%s` | %s |\n", r.Key, r.Interval)
	}
	return b.String()
}
