package report_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// A program that embeds the advisor can hand its users the same report the CLI prints: build
// the document once, say it in the user's language, and render it in any format.
func ExampleBuild() {
	b, _ := knowledge.Embedded()
	answers, _ := b.ParseAnswers("request", []byte("categories: [wasm-runtime]\nwasm-host: go\n"))
	res, _ := engine.Run(b, answers)
	if err := engine.Analyse(b, res, engine.AnalyseOptions{}); err != nil {
		panic(err)
	}
	r := report.Build(b, res, report.Options{Lang: "en", ToolVersion: "my-portal"})
	fmt.Println(r.Categories[0].Ranking[0].Name)
	r.Localize("zh") // the same document, said in Chinese
	fmt.Println(r.Categories[0].Title)
	// Render writes the JSON of `stackadvisor recommend -f json`; "table", "yaml", "markdown"
	// and "html" the other formats.
	var buf bytes.Buffer
	if err := report.Render(&buf, r, "json", 0); err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(buf.String(), `"lang": "zh"`))
	// Output:
	// wazero
	// WebAssembly 运行时
	// true
}
