package knowledge_test

import (
	"errors"
	"fmt"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// An organisation's rules on top of the embedded base, as --rules loads them: the base's files
// first, then the overlay's; the result is validated as a whole.
func ExampleLoadLayers() {
	base, err := knowledge.EmbeddedFiles()
	if err != nil {
		panic(err)
	}
	policy := []knowledge.File{{Name: "policy/sandbox.yaml", Data: []byte(`category: sandbox
rules:
  - {id: org.no-kata, when: {}, effect: exclude, target: {ids: [kata]}, because: {en: "Our hosts have no nested virtualization.", zh: "我们的主机没有嵌套虚拟化。"}, source: "https://wiki.example.com/hosts"}
`)}}
	b, err := knowledge.LoadLayers(base, policy)
	if err != nil {
		panic(err)
	}
	for _, r := range b.Category("sandbox").Rules {
		if r.Overlay {
			fmt.Println(r.ID, r.Pos.File+":", r.Because.In("en"))
		}
	}
	// Output: org.no-kata policy/sandbox.yaml: Our hosts have no nested virtualization.
}

// Answers are checked against the questions: each problem names the key and what is allowed.
func ExampleBase_ParseAnswers() {
	b, _ := knowledge.Embedded()
	_, err := b.ParseAnswers("answers.yaml", []byte("kvm: maybe\n"))
	var probs knowledge.Problems
	if errors.As(err, &probs) {
		fmt.Println(probs[0].Msg)
	}
	// Output: kvm: "maybe" is not allowed; allowed values: available, none, unknown
}
