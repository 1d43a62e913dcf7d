package cli

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
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
	want := questionsMarkdown(b, i18n.For("en"))
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
	md := questionsMarkdown(b, i18n.For("en"))
	for _, q := range b.Questions {
		if !strings.Contains(md, "| `--"+q.ID+"` |") {
			t.Errorf("question %s missing from the table", q.ID)
		}
	}
	if !strings.Contains(md, "+ `gpu` when workloads includes any of ai-training, ai-inference, hpc") {
		t.Errorf("the categories default does not explain its additions:\n%s", md)
	}
}

// TestDesignDocIsTrue keeps docs/DESIGN.md's contract in step with the code: its candidate
// table, its list of question ids and its exit codes.
func TestDesignDocIsTrue(t *testing.T) {
	data, err := os.ReadFile("../../docs/DESIGN.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b.Categories {
		var ids []string
		for _, cand := range c.Candidates {
			ids = append(ids, "`"+cand.ID+"`")
		}
		row := "| `" + c.ID + "` | " + strings.Join(ids, ", ") + " |"
		if !strings.Contains(doc, row) {
			t.Errorf("docs/DESIGN.md §4 lacks the row %s", row)
		}
	}
	for _, q := range b.Questions {
		if !strings.Contains(doc, "`"+q.ID+"`") {
			t.Errorf("docs/DESIGN.md §3 does not name the question %s", q.ID)
		}
	}
	for _, code := range []int{ExitOK, ExitFailure, ExitUsage, ExitNoCandidate, ExitInternal, ExitInterrupted, ExitTerminated} {
		if !strings.Contains(doc, fmt.Sprintf("\n| %d | ", code)) {
			t.Errorf("docs/DESIGN.md §8 lacks exit code %d", code)
		}
	}
	for _, sec := range []string{"## 7. Report JSON v1", "## 8. Exit codes"} {
		if !strings.Contains(doc, sec) {
			t.Errorf("docs/DESIGN.md lacks %q, which the code cites", sec)
		}
	}
}
