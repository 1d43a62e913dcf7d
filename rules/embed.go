// Package rules embeds the YAML knowledge base (see README.md in this folder).
package rules

import "embed"

// FS holds the embedded rule files.
//
//go:embed *.yaml
var FS embed.FS
