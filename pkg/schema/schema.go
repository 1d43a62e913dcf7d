// Package schema holds the JSON Schemas (draft 2020-12) of the documents stackadvisor reads and
// writes: the report (docs/DESIGN.md §7; its title names its schema_version), a rule file (rules/README.md), the project file and an answers
// file. They are embedded in the binary for `stackadvisor schema NAME` and for editors (the
// yaml-language-server reads them).
package schema

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed *.schema.json
var files embed.FS

// Names are the schemas Get knows, in the order help text lists them.
var Names = []string{"report", "rules", "answers", "config"}

// Get returns the schema with the given name (one of Names) as JSON.
func Get(name string) ([]byte, error) {
	if !slices.Contains(Names, name) {
		return nil, fmt.Errorf("unknown schema %q; allowed: %s", name, strings.Join(Names, ", "))
	}
	return files.ReadFile(name + ".schema.json")
}
