package knowledge

import "go.yaml.in/yaml/v3"

// Precompiled returns the base of embedded_gen.go with its positions applied, or nil when the
// file registers none.
func Precompiled() (*Base, error) {
	if precompiled == nil {
		return nil, nil
	}
	b := precompiled()
	return b.Positioned(), applyPositions(precompiled(), precompiledPositions)
}

// ApplyPositions is applyPositions, for tests.
var ApplyPositions = applyPositions

// ZeroPositions clears every position of b, as the generated literals leave them.
func ZeroPositions(b *Base) {
	walkPositions(b, func(p *Pos) { *p = Pos{} }, func(n *yaml.Node) { n.Line, n.Column = 0, 0 })
}
