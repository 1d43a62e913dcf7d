package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
)

// MaxFileSize is the largest rule or answers file accepted. Rule files are user input; a limit
// keeps a mistaken or hostile file from costing unbounded time and memory.
const MaxFileSize = 1 << 20

// ReadLimited reads r up to one byte past limits.FileBytes and no further, so a huge file, a
// device such as /dev/zero or an endless pipe costs bounded memory. The loaders report a file
// of that length as over the limit, with its name and position. sizeHint, when above 0, is the
// expected size (from a stat), read into one allocation of that size instead of a growing one.
func ReadLimited(r io.Reader, sizeHint int64) ([]byte, error) {
	return safefile.ReadAll(r, sizeHint, limits.FileBytes)
}

// ReadFileLimited is ReadLimited on the named file of fsys, which must be a regular file: it is
// checked before it is opened and again once open, so a named pipe or a device is refused
// (safefile.NotRegularError naming it as name) instead of read.
func ReadFileLimited(fsys fs.FS, name string) ([]byte, error) {
	return readFileLimited(fsys, name, name)
}

// readFileLimited is ReadFileLimited naming the file shown in errors.
func readFileLimited(fsys fs.FS, name, shown string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &safefile.NotRegularError{Path: shown, Mode: info.Mode()}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &safefile.NotRegularError{Path: shown, Mode: info.Mode()}
	}
	return ReadLimited(f, info.Size())
}

// nodeDecoder is implemented by types that read themselves from a YAML node.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node)
}

// decoder turns a yaml.Node tree into Go values strictly: unknown keys, duplicate keys, wrong
// types, missing required keys, anchors and aliases are all problems with a position. It
// records problems and carries on, so one run reports every mistake in a file.
type decoder struct {
	file  string
	probs *Problems
	// overlay files may leave out the Chinese of a text: it falls back to English, and the
	// omission is a note (notes), not a problem.
	overlay bool
	notes   *Problems
	// ranges, when set, collects numbers outside their declared range apart from probs: such
	// a file is decoded in full, so its references are still checked in the same run.
	ranges *Problems
}

// optionalZh tells whether a missing or empty zh of a Text is a note rather than a problem.
func (d *decoder) optionalZh(t reflect.Type, key string) bool {
	return d.overlay && d.notes != nil && key == "zh" && t == textType
}

var textType = reflect.TypeOf(Text{})

const noteNoZh = "no Chinese text (zh): under --lang zh the English is shown"

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.probs.addf(Pos{File: d.file, Line: n.Line, Col: n.Column}, format, args...)
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

var (
	posType      = reflect.TypeOf(Pos{})
	yamlLineRe   = lazyRegexp(`line (\d+)(?:, column (\d+))?: (.*)$`)
	yamlPrefixRe = lazyRegexp(`^yaml: `)
)

// parseYAML parses data into a document node. Syntax errors come back as one problem with the
// position yaml reports.
func parseYAML(file string, data []byte, probs *Problems) *yaml.Node {
	if len(data) > MaxFileSize {
		probs.add(Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("the file is larger than the limit of 1 MiB (%d bytes)", MaxFileSize))
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	if err == nil && doc.Kind != 0 {
		var extra yaml.Node
		if dec.Decode(&extra) == nil {
			probs.add(Pos{File: file, Line: extra.Line, Col: extra.Column}, "only one YAML document is allowed per file")
			return nil
		}
	}
	if err != nil {
		msg := yamlPrefixRe().ReplaceAllString(err.Error(), "")
		line, col := 1, 1
		if m := yamlLineRe().FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			if m[2] != "" {
				col, _ = strconv.Atoi(m[2])
			}
			msg = m[3]
			// yaml reports a parser error at the 0-based line where the enclosing block starts.
			if strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found undefined tag") {
				line++
				msg += " (in the block that starts on this line)"
			}
		}
		probs.add(Pos{File: file, Line: line, Col: col}, "YAML syntax error: "+yamlMessage(msg))
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		probs.add(Pos{File: file, Line: 1, Col: 1}, "file is empty")
		return nil
	}
	return doc.Content[0]
}

// yamlMessage is a message of the YAML parser as an error may show it: a few name the input
// between quotes (an unknown anchor 'name', a value `text` that does not fit its tag), which is
// cut to an excerpt; control characters are removed from the rest.
func yamlMessage(msg string) string {
	if i := strings.IndexAny(msg, "'`"); i >= 0 {
		if j := strings.LastIndexByte(msg, msg[i]); j > i {
			msg = msg[:i+1] + limits.Excerpt(msg[i+1:j]) + msg[j:]
		}
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, msg)
}

// checkNode rejects anchors and aliases, which rule files never need and which can make a
// small file expand without bound.
func (d *decoder) checkNode(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "YAML aliases (*%s) are not allowed", limits.Excerpt(n.Value))
		return false
	}
	if n.Anchor != "" {
		d.errorf(n, "YAML anchors (&%s) are not allowed", limits.Excerpt(n.Anchor))
		return false
	}
	return true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "nothing (null)"
		}
		return fmt.Sprintf("%q", limits.Excerpt(n.Value))
	}
	return "something else"
}

type fieldInfo struct {
	index    int
	name     string
	required bool
	// rng is the range declared with the field (tag range:, see ranges.go), or nil.
	rng *numRange
}

type structInfo struct {
	fields   []fieldInfo
	posIndex int
}

// structCache holds structFields by type: the fields of a type never change, and reading
// tags by reflection for every decoded value was a tenth of a large load.
var structCache sync.Map // reflect.Type → structInfo

func structFields(t reflect.Type) ([]fieldInfo, int) {
	if si, ok := structCache.Load(t); ok {
		return si.(structInfo).fields, si.(structInfo).posIndex
	}
	fields, pos := readStructFields(t)
	structCache.Store(t, structInfo{fields, pos})
	return fields, pos
}

func readStructFields(t reflect.Type) ([]fieldInfo, int) {
	var fields []fieldInfo
	posIndex := -1
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == posType && f.Name == "Pos" {
			posIndex = i
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fields = append(fields, fieldInfo{index: i, name: name, required: opts == "required", rng: rangeOf(f)})
	}
	return fields, posIndex
}

// decode reads n into v (an addressable value).
func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if !d.checkNode(n) {
		return
	}
	if v.CanAddr() {
		if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
			nd.decodeNode(d, n)
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem())
	case reflect.Struct:
		d.decodeStruct(n, v)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "expected a list, found %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if d.probs.full() {
				// The file will not load: its items are only checked and counted, each
				// decoded value dropped at once rather than kept in a list of junk.
				d.decode(item, reflect.New(v.Type().Elem()).Elem())
				continue
			}
			d.decode(item, s.Index(i))
		}
		if d.probs.full() {
			return
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "expected a mapping, found %s", kindName(n))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if !d.checkNode(k) {
				continue
			}
			if seen[k.Value] {
				d.errorf(k, "duplicate key %q", k.Value)
				continue
			}
			seen[k.Value] = true
			ev := reflect.New(v.Type().Elem()).Elem()
			d.decode(val, ev)
			m.SetMapIndex(reflect.ValueOf(k.Value), ev)
		}
		v.Set(m)
	case reflect.String:
		if s, ok := d.scalar(n); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if s, ok := d.scalar(n); ok {
			b, err := parseBool(n, s)
			if err != nil {
				d.errorf(n, "expected true or false, found %q", s)
				return
			}
			v.SetBool(b)
		}
	case reflect.Int:
		if s, ok := d.scalar(n); ok {
			i, err := strconv.Atoi(s)
			if err != nil || n.ShortTag() != "!!int" {
				d.errorf(n, "expected a whole number, found %q", s)
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Float64:
		if s, ok := d.scalar(n); ok {
			f, err := parseNumber(n, s)
			if err != nil {
				if why := notFinite(n); why != "" {
					// A number, but not a finite one: like a number out of range, the file is
					// still decoded in full (the field is NaN, which numbersInRange refuses).
					d.rangeErrorf(n, "expected a number, found %q%s", numExcerpt(s), why)
					v.SetFloat(math.NaN())
					return
				}
				d.errorf(n, "expected a number, found %q", numExcerpt(s))
				return
			}
			v.SetFloat(f)
		}
	default:
		d.errorf(n, "internal: cannot decode into %s", v.Type())
	}
}

// problemCount counts the problems so far, out-of-range numbers included.
func (d *decoder) problemCount() int {
	n := len(*d.probs)
	if d.ranges != nil {
		n += len(*d.ranges)
	}
	return n
}

func (d *decoder) scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		d.errorf(n, "expected a single value, found %s", kindName(n))
		return "", false
	}
	if r, ok := controlIn(n.Value); ok {
		d.errorf(n, "the text holds the control character U+%04X; rule files hold printable text, line breaks and tabs (a control character in a report could rewrite what a terminal shows)", r)
	}
	return n.Value, true
}

// controlIn finds a character a rule file's text may not hold: a control character other than
// a line break or tab (carriage return, backspace, escape, DEL, the C1 controls such as U+009B)
// or a bidirectional override, which would make a terminal show what the text does not say.
func controlIn(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E || r == 0x200F:
			return r, true
		}
	}
	return 0, false
}

func parseBool(n *yaml.Node, s string) (bool, error) {
	if n != nil && n.ShortTag() != "!!bool" {
		return false, fmt.Errorf("not a bool")
	}
	switch strings.ToLower(s) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("not a bool")
}

func parseNumber(n *yaml.Node, s string) (float64, error) {
	if n != nil {
		if t := n.ShortTag(); t != "!!int" && t != "!!float" {
			return 0, fmt.Errorf("not a number")
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	fields, posIndex := structFields(v.Type())
	if posIndex >= 0 {
		v.Field(posIndex).Set(reflect.ValueOf(d.pos(n)))
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "expected a mapping, found %s", kindName(n))
		return
	}
	seen := make([]bool, len(fields)) // by index into fields
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.checkNode(k) {
			continue
		}
		idx := slices.IndexFunc(fields, func(f fieldInfo) bool { return f.name == k.Value })
		if idx < 0 {
			names := make([]string, len(fields))
			for j, f := range fields {
				names[j] = f.name
			}
			hint := ""
			if n.Style&yaml.FlowStyle != 0 && strings.Contains(k.Value, " ") {
				hint = " (a text with a comma inside {…} must be quoted)"
			} else if near := Closest(k.Value, names); near != "" {
				hint = fmt.Sprintf("; did you mean %q?", near)
			}
			d.errorf(k, "unknown key %q; allowed keys here: %s%s", k.Value, strings.Join(names, ", "), hint)
			continue
		}
		if seen[idx] {
			d.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[idx] = true
		fv := v.Field(fields[idx].index)
		nProbs := d.problemCount()
		d.decode(val, fv)
		if rng := fields[idx].rng; rng != nil && d.problemCount() == nProbs {
			d.checkRange(val, fv, *rng, k.Value)
		}
		if fields[idx].required && fv.Kind() == reflect.String && strings.TrimSpace(fv.String()) == "" && val.Kind == yaml.ScalarNode {
			if d.optionalZh(v.Type(), k.Value) {
				d.notes.add(d.pos(val), noteNoZh)
				continue
			}
			d.errorf(val, "%q must not be empty", k.Value)
		}
	}
	for i, f := range fields {
		if f.required && !seen[i] {
			if d.optionalZh(v.Type(), f.name) {
				d.notes.add(d.pos(n), noteNoZh)
				continue
			}
			d.errorf(n, "missing required key %q", f.name)
		}
	}
}

// Raw keeps a YAML value whose type depends on a declaration elsewhere (an attribute's value,
// a question's default); it is interpreted during validation.
type Raw struct {
	Node *yaml.Node
}

func (r *Raw) decodeNode(d *decoder, n *yaml.Node) {
	var check func(*yaml.Node) bool
	check = func(x *yaml.Node) bool {
		if !d.checkNode(x) {
			return false
		}
		for _, c := range x.Content {
			if !check(c) {
				return false
			}
		}
		return true
	}
	if check(n) {
		r.Node = n
	}
}

// IsSet reports whether a value was given.
func (r Raw) IsSet() bool { return r.Node != nil }

// scalars returns the raw strings of a scalar or a list of scalars.
func (r Raw) scalars() (vals []string, isList bool, ok bool) {
	n := r.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return nil, false, false
		}
		return []string{n.Value}, false, true
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.ShortTag() == "!!null" {
				return nil, true, false
			}
			vals = append(vals, c.Value)
		}
		return vals, true, true
	}
	return nil, false, false
}

// Strings returns the literal values of a scalar or list (nil for anything else).
func (r Raw) Strings() []string {
	if r.Node == nil {
		return nil
	}
	vals, _, _ := r.scalars()
	return vals
}
