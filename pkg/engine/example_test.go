package engine_test

import (
	"fmt"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Embedding the advisor in another Go program (a portal, a chat bot): parse the answers as a
// user gave them, run the engine on the embedded knowledge base, and read the ranking.
func Example() {
	b, err := knowledge.Embedded()
	if err != nil {
		panic(err)
	}
	answers, err := b.ParseAnswers("request", []byte(`{"categories": ["sandbox"], "tenancy": "untrusted", "kvm": "none"}`))
	if err != nil {
		panic(err) // a knowledge.Problems names each bad key or value
	}
	res, err := engine.Run(b, answers)
	if err != nil {
		panic(err)
	}
	for _, cr := range res.Categories {
		top := cr.Ranking[0]
		fmt.Printf("%s: %s\n", cr.Category.ID, top.Candidate.ID) // top.Score, top.Breakdown, top.Reasons …
		for _, ex := range cr.Excluded {
			if ex.Candidate.ID == "kata" {
				fmt.Println("kata excluded by", ex.Rules[0].ID)
			}
		}
	}
	// Output:
	// sandbox: gvisor
	// kata excluded by sandbox.no-kvm
}

// How robust a pick is, and what would change it: the analyses attach to the category they
// are about.
func ExampleAnalyse() {
	b, _ := knowledge.Embedded()
	answers, _ := b.ParseAnswers("request", []byte(`{"categories": ["sandbox"], "tenancy": "untrusted"}`))
	res, _ := engine.Run(b, answers)
	if err := engine.Analyse(b, res, engine.AnalyseOptions{WhatIf: true, Given: answers}); err != nil {
		panic(err)
	}
	cr := res.Categories[0]
	fmt.Println(cr.Ranking[0].Candidate.ID, cr.Robustness.Label, "rival:", cr.Robustness.Rival.ID)
	fmt.Println("decided by the weight of", cr.Robustness.Decisive.ID)
	// Output:
	// kata contested rival: gvisor
	// decided by the weight of security
}
