package knowledge

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The embedded rule files are also stored pre-parsed (rules/compiled.bin, made by
// `go generate ./rules`): the YAML node trees in a compact binary form, so a process does not
// spend most of its start-up in the YAML parser. Each tree is keyed by the sha256 of its file;
// a stale or missing entry falls back to parsing the YAML, and a test fails while the file is
// out of date.

const compiledMagic = "stackadvisor-nodes-v3\n"

// CompileNodes encodes the parsed node trees of files (which must parse without problems and
// use no anchors or aliases).
func CompileNodes(files []File) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(compiledMagic)
	putUvarint(&buf, uint64(len(files)))
	for _, f := range files {
		var probs Problems
		root := parseYAML(f.Name, f.Data, &probs)
		if root == nil {
			return nil, probs
		}
		sum := sha256.Sum256(f.Data)
		buf.Write(sum[:])
		putUvarint(&buf, uint64(countNodes(root)))
		if err := encodeNode(&buf, root); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return buf.Bytes(), nil
}

func countNodes(n *yaml.Node) int {
	c := 1
	for _, x := range n.Content {
		c += countNodes(x)
	}
	return c
}

func putUvarint(buf *bytes.Buffer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	buf.Write(b[:binary.PutUvarint(b[:], v)])
}

func putString(buf *bytes.Buffer, s string) {
	putUvarint(buf, uint64(len(s)))
	buf.WriteString(s)
}

func encodeNode(buf *bytes.Buffer, n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return errors.New("anchors and aliases cannot be compiled")
	}
	buf.WriteByte(byte(n.Kind))
	putUvarint(buf, uint64(n.Style))
	putUvarint(buf, uint64(n.Line))
	putUvarint(buf, uint64(n.Column))
	// The tag as the parser left it, so the decoded node is the parsed node, field for field.
	putString(buf, n.Tag)
	putString(buf, n.Value)
	putUvarint(buf, uint64(len(n.Content)))
	for _, c := range n.Content {
		if err := encodeNode(buf, c); err != nil {
			return err
		}
	}
	return nil
}

// compiledTrees decodes compiled node trees, keyed by the sha256 of their source files. The
// nodes of a tree, their child lists and their strings come from a few large allocations
// (strings share one copy of the data): thousands of small ones dominated a cold start.
// data is a string so that the embedded file is used in place, not copied.
func compiledTrees(data string) (map[[32]byte]*yaml.Node, error) {
	if !strings.HasPrefix(data, compiledMagic) {
		return nil, errors.New("not a compiled rules file")
	}
	r := &nodeReader{data: data[len(compiledMagic):]}
	n := r.uvarint()
	out := map[[32]byte]*yaml.Node{}
	for i := uint64(0); i < n && r.err == nil; i++ {
		var sum [32]byte
		copy(sum[:], r.take(32))
		count := r.uvarint()
		if count == 0 || count > uint64(len(r.data)) {
			r.fail()
			break
		}
		r.nodes = make([]yaml.Node, count)
		r.kids = make([]*yaml.Node, count)
		out[sum] = r.node(0)
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}

type nodeReader struct {
	data  string
	nodes []yaml.Node  // slab for the current tree's nodes
	kids  []*yaml.Node // slab for the current tree's child lists
	err   error
}

func (r *nodeReader) fail() {
	if r.err == nil {
		r.err = errors.New("corrupt compiled rules file")
	}
	r.data = ""
}

func (r *nodeReader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.data) == 0 {
			r.fail()
			return 0
		}
		b := r.data[0]
		r.data = r.data[1:]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *nodeReader) take(n int) string {
	if n < 0 || n > len(r.data) {
		r.fail()
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *nodeReader) node(depth int) *yaml.Node {
	if len(r.data) == 0 || depth > 1000 || len(r.nodes) == 0 {
		r.fail()
		return &yaml.Node{}
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	n.Kind = yaml.Kind(r.data[0])
	r.data = r.data[1:]
	n.Style = yaml.Style(r.uvarint())
	n.Line = int(r.uvarint())
	n.Column = int(r.uvarint())
	n.Tag = r.take(int(r.uvarint()))
	n.Value = r.take(int(r.uvarint()))
	count := r.uvarint()
	if count > uint64(len(r.kids)) {
		r.fail()
		return n
	}
	if count == 0 {
		return n // no children: Content stays nil, as the YAML parser leaves it
	}
	n.Content = r.kids[:count:count]
	r.kids = r.kids[count:]
	for i := range n.Content {
		if r.err != nil {
			break
		}
		n.Content[i] = r.node(depth + 1)
	}
	return n
}
