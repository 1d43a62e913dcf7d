package knowledge

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// The embedded rule files are also stored pre-parsed (rules/compiled.bin, made by
// `go generate ./rules`): the YAML node trees in a compact binary form, so a process does not
// spend most of its start-up in the YAML parser. Each tree is keyed by the sha256 of its file;
// a stale or missing entry falls back to parsing the YAML, and a test fails while the file is
// out of date.

const compiledMagic = "stackadvisor-nodes-v1\n"

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
		if err := encodeNode(&buf, root); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return buf.Bytes(), nil
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
	// The resolved tag, so the decoded node answers ShortTag() as the parsed one does.
	tag := ""
	if n.Kind == yaml.ScalarNode {
		tag = n.ShortTag()
	}
	putString(buf, tag)
	putString(buf, n.Value)
	putUvarint(buf, uint64(len(n.Content)))
	for _, c := range n.Content {
		if err := encodeNode(buf, c); err != nil {
			return err
		}
	}
	return nil
}

// compiledTrees decodes compiled node trees, keyed by the sha256 of their source files.
func compiledTrees(data []byte) (map[[32]byte]*yaml.Node, error) {
	if !bytes.HasPrefix(data, []byte(compiledMagic)) {
		return nil, errors.New("not a compiled rules file")
	}
	r := &nodeReader{data: data[len(compiledMagic):]}
	n := r.uvarint()
	out := map[[32]byte]*yaml.Node{}
	for i := uint64(0); i < n && r.err == nil; i++ {
		var sum [32]byte
		copy(sum[:], r.bytes(32))
		out[sum] = r.node(0)
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}

type nodeReader struct {
	data []byte
	err  error
}

func (r *nodeReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated compiled rules file")
	}
	r.data = nil
}

func (r *nodeReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *nodeReader) bytes(n int) []byte {
	if n < 0 || n > len(r.data) {
		r.fail()
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *nodeReader) string() string { return string(r.bytes(int(r.uvarint()))) }

func (r *nodeReader) node(depth int) *yaml.Node {
	if len(r.data) == 0 || depth > 1000 {
		r.fail()
		return &yaml.Node{}
	}
	n := &yaml.Node{Kind: yaml.Kind(r.data[0])}
	r.data = r.data[1:]
	n.Style = yaml.Style(r.uvarint())
	n.Line = int(r.uvarint())
	n.Column = int(r.uvarint())
	n.Tag = r.string()
	n.Value = r.string()
	count := r.uvarint()
	if count > uint64(len(r.data)) {
		r.fail()
		return n
	}
	n.Content = make([]*yaml.Node, 0, count)
	for i := uint64(0); i < count && r.err == nil; i++ {
		n.Content = append(n.Content, r.node(depth+1))
	}
	return n
}
