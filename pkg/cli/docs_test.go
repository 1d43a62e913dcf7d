package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// TestREADMEQuestionTable checks that the README's question table is the one generated from
// questions.yaml. UPDATE_DOCS=1 rewrites it (make docs).
func TestREADMEQuestionTable(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- questions:start -->\n", "<!-- questions:end -->"
	text := string(data)
	i, j := strings.Index(text, start), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q and %q markers", start, end)
	}
	want := questionsMarkdown(b, "en")
	if got := text[i+len(start) : j]; got != want {
		if os.Getenv("UPDATE_DOCS") != "" {
			text = text[:i+len(start)] + want + text[j:]
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's question table is out of date; run make docs")
	}
}

func TestQuestionsMarkdownListsEveryQuestion(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	md := questionsMarkdown(b, "en")
	for _, q := range b.Questions {
		if !strings.Contains(md, "| `--"+q.ID+"` |") {
			t.Errorf("question %s missing from the table", q.ID)
		}
	}
	if !strings.Contains(md, "+ `gpu` when workloads includes any of ai-training, ai-inference, hpc") {
		t.Errorf("the categories default does not explain its additions:\n%s", md)
	}
}
