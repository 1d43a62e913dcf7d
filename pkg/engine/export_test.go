package engine

// ScoreWeighted exposes scoreWeighted to the tests.
var ScoreWeighted = scoreWeighted
