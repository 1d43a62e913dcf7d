package engine

import "github.com/stackadvisor/stackadvisor/pkg/knowledge"

// ScoreWeighted exposes scoreWeighted to the tests.
func ScoreWeighted(b *knowledge.Base, cat *knowledge.Category, answers knowledge.Answers, unexcluded string, mul []float64, role *knowledge.Role) *CategoryResult {
	return scoreWeighted(b, cat, answers, unexcluded, mul, role)
}

// ScoreRole exposes scoreRole to the tests.
var ScoreRole = scoreRole
