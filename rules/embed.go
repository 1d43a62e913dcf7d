// Package rules embeds the YAML knowledge base (see README.md in this folder).
package rules

import "embed"

// FS holds the embedded rule files.
//
//go:embed *.yaml
var FS embed.FS

// Compiled is compiled.bin: the same files pre-parsed, which `go generate ./rules` rewrites
// after a rule file changes (a test fails until it does). A string, so it is used in place.
//
//go:generate rm -f ../pkg/knowledge/embedded_gen.go
//go:generate env UPDATE_COMPILED=1 go test ../pkg/knowledge -count=1 -run TestCompiledRulesUpToDate|TestEmbeddedGoUpToDate
//go:embed compiled.bin
var Compiled string
