package knowledge

import (
	"encoding/binary"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Positions (file:line:col) are kept out of the generated Go base (embedded_gen.go): a rule
// added near the top of a file moves every position below it, and the generated file would
// change on every one of those lines. The generator stores them instead as one encoded string,
// in the order walkPositions visits them, and the precompiled base gets them back from
// Positioned. Scoring never reads a position; only what points a person at the YAML (explain)
// does, so a run that does not need them does not pay for them (a walk of the whole base).

var nodeType = reflect.TypeOf(yaml.Node{})

var (
	// precompiledPositions, when set (by embedded_gen.go), is the position table of the
	// precompiled base.
	precompiledPositions string
	positionsOnce        sync.Once
)

// Positioned returns b with its positions filled in. Bases loaded from YAML have them already;
// the precompiled embedded base gets them on the first call. Call it before reading the Pos of
// anything in a base you did not load yourself.
func (b *Base) Positioned() *Base {
	if precompiled != nil && b == precompiled() {
		positionsOnce.Do(func() {
			if applyPositions(b, precompiledPositions) == nil {
				return
			}
			// The table does not fit (a generated file stale against the loader's code, which
			// TestEmbeddedGoUpToDate catches): take the positions from the YAML instead. When
			// even those do not fit, the base is stale too and positions stay empty.
			if files, err := EmbeddedFiles(); err == nil {
				if loaded, err := Load(files); err == nil {
					if table, err := EncodePositions(loaded); err == nil {
						_ = applyPositions(b, table)
					}
				}
			}
		})
	}
	return b
}

// walkPositions calls pos for every Pos and node for every yaml.Node reachable from b through
// exported fields, each once, in a fixed order: fields in declaration order, slices in order,
// maps by sorted key.
func walkPositions(b *Base, pos func(*Pos), node func(*yaml.Node)) {
	seen := make(map[uintptr]bool, 2048)
	plans := map[reflect.Type]*walkPlan{}
	var walk func(v reflect.Value, p *walkPlan)
	walk = func(v reflect.Value, p *walkPlan) {
		if !p.holds {
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem(), p.elem)
		case reflect.Struct:
			switch p.typ {
			case posType:
				pos(v.Addr().Interface().(*Pos))
			case nodeType:
				n := v.Addr().Interface().(*yaml.Node)
				node(n)
				for _, c := range n.Content {
					walk(reflect.ValueOf(c), p.kids)
				}
			default:
				for i, f := range p.fields {
					walk(v.Field(f), p.fieldPlans[i])
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), p.elem)
			}
		case reflect.Map:
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				walk(v.MapIndex(k), p.elem)
			}
		}
	}
	walk(reflect.ValueOf(b), planFor(reflect.TypeOf(b), plans))
}

// walkPlan is what walkPositions needs to know of a type, worked out once per walk: whether it
// can reach a position at all (most of the base cannot: strings, numbers, maps of scores), and
// which fields to follow.
type walkPlan struct {
	typ        reflect.Type
	holds      bool
	elem       *walkPlan // of a pointer, slice, array or map
	kids       *walkPlan // of a yaml.Node's children
	fields     []int
	fieldPlans []*walkPlan
}

func planFor(t reflect.Type, plans map[reflect.Type]*walkPlan) *walkPlan {
	if p, ok := plans[t]; ok {
		return p
	}
	p := &walkPlan{typ: t, holds: true} // a recursive type is assumed to hold positions meanwhile
	plans[t] = p
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		p.elem = planFor(t.Elem(), plans)
		p.holds = p.elem.holds
	case reflect.Map:
		p.elem = planFor(t.Elem(), plans)
		p.holds = p.elem.holds && t.Key().Kind() == reflect.String
	case reflect.Struct:
		switch t {
		case posType:
		case nodeType:
			p.kids = planFor(reflect.TypeOf(&yaml.Node{}), plans)
		default:
			for i := 0; i < t.NumField(); i++ {
				if f := t.Field(i); f.IsExported() {
					if fp := planFor(f.Type, plans); fp.holds {
						p.fields = append(p.fields, i)
						p.fieldPlans = append(p.fieldPlans, fp)
					}
				}
			}
			p.holds = len(p.fields) > 0
		}
	default:
		p.holds = false
	}
	return p
}

// EncodePositions encodes every position of b (see walkPositions): the file names, then per
// position its file (0 for a YAML node, which carries no file), line and column, as uvarints.
func EncodePositions(b *Base) (string, error) {
	var files []string
	index := map[string]int{}
	var entries []byte
	put := func(v int) { entries = binary.AppendUvarint(entries, uint64(v)) }
	var err error
	walkPositions(b, func(p *Pos) {
		i, ok := index[p.File]
		if !ok {
			files = append(files, p.File)
			i = len(files)
			index[p.File] = i
		}
		if p.Line < 0 || p.Col < 0 {
			err = errors.New("a negative position cannot be encoded")
		}
		put(i)
		put(p.Line)
		put(p.Col)
	}, func(n *yaml.Node) {
		put(0)
		put(n.Line)
		put(n.Column)
	})
	var out []byte
	out = binary.AppendUvarint(out, uint64(len(files)))
	for _, f := range files {
		out = binary.AppendUvarint(out, uint64(len(f)))
		out = append(out, f...)
	}
	return string(append(out, entries...)), err
}

var errPositionTable = errors.New("the position table does not fit the base")

// applyPositions sets the positions of b from a table made by EncodePositions for the same
// base. A table that does not fit (a generated file stale against the loader's code, which a
// test catches) is an error and changes nothing.
func applyPositions(b *Base, table string) error {
	data := table
	next := func() int {
		var v uint64
		for shift := uint(0); shift < 35 && len(data) > 0; shift += 7 {
			c := data[0]
			data = data[1:]
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				return int(v)
			}
		}
		data = ""
		return -1
	}
	n := next()
	if n < 0 || n > len(data) {
		return errPositionTable
	}
	files := make([]string, n+1)
	for i := 1; i <= n; i++ {
		l := next()
		if l < 0 || l > len(data) {
			return errPositionTable
		}
		files[i], data = data[:l], data[l:]
	}
	var ps []*Pos
	var ns []*yaml.Node
	var order []bool // true: a Pos
	walkPositions(b, func(p *Pos) { ps, order = append(ps, p), append(order, true) },
		func(nd *yaml.Node) { ns, order = append(ns, nd), append(order, false) })
	type entry struct{ file, line, col int }
	entries := make([]entry, len(order))
	for i, isPos := range order {
		e := entry{next(), next(), next()}
		if e.line < 0 || e.col < 0 || (isPos && (e.file < 1 || e.file > n)) || (!isPos && e.file != 0) {
			return errPositionTable
		}
		entries[i] = e
	}
	if len(data) != 0 {
		return errPositionTable
	}
	pi, ni := 0, 0
	for i, isPos := range order {
		e := entries[i]
		if isPos {
			*ps[pi] = Pos{File: files[e.file], Line: e.line, Col: e.col}
			pi++
		} else {
			ns[ni].Line, ns[ni].Column = e.line, e.col
			ni++
		}
	}
	return nil
}
