// Package rules embeds the YAML knowledge base (see README.md in this folder).
package rules

import "embed"

// FS holds the embedded rule files.
//
//go:embed *.yaml
var FS embed.FS

// After a rule file changes, `go generate ./rules` (or `make generate`) rewrites
// pkg/knowledge/embedded_gen.go, the validated base compiled to Go; a test fails until it does.
// The generator builds with the tag stackadvisor_nogen, which leaves the old generated file
// out, so a generated file that no longer compiles never stops its own regeneration.
//
//go:generate go run -tags stackadvisor_nogen ../internal/tools/genbase -o ../pkg/knowledge/embedded_gen.go

// Changelog is CHANGELOG.md, the changes of each knowledge-base version, which
// `stackadvisor adr check` quotes.
//
//go:embed CHANGELOG.md
var Changelog string
