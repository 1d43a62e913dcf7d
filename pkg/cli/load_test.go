package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// withEmbedded replaces how the commands read the embedded base for one test.
func withEmbedded(t *testing.T, questions func() ([]*knowledge.Question, error), base func() (*knowledge.Base, error)) {
	t.Helper()
	oldQ, oldB := readEmbeddedQuestions, readEmbeddedBase
	readEmbeddedQuestions, readEmbeddedBase = questions, base
	t.Cleanup(func() { readEmbeddedQuestions, readEmbeddedBase = oldQ, oldB })
}

func run(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Main(args, &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: []string{"LANG=C.UTF-8", "NO_COLOR=1"}})
	return out.String(), errb.String(), code
}

// TestHelpReadsOnlyTheQuestions: help, completion and flag parsing never load the whole base.
func TestHelpReadsOnlyTheQuestions(t *testing.T) {
	withEmbedded(t, knowledge.EmbeddedQuestions, func() (*knowledge.Base, error) {
		t.Helper()
		t.Error("the whole knowledge base was loaded")
		return knowledge.Embedded()
	})
	for _, args := range [][]string{
		{"--help"}, {"recommend", "--help"}, {"explain", "--help"}, {"adr", "--help"},
		{"completion", "bash"}, {"__complete", "recommend", "--kvm", ""}, {"help", "exit-codes"},
	} {
		if _, stderr, code := run(args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}

// TestLoadErrorIsReportedAlike: when the embedded base cannot be read, every command that
// needs it says so in the same sentence (exit 1), even with question flags it could not define.
func TestLoadErrorIsReportedAlike(t *testing.T) {
	broken := errors.New("rules/questions.yaml:1:1: broken")
	withEmbedded(t, func() ([]*knowledge.Question, error) { return nil, broken },
		func() (*knowledge.Base, error) { return nil, broken })
	for _, args := range [][]string{
		{"recommend", "--kvm", "none"}, {"explain", "gvisor", "--tenancy", "untrusted"},
		{"adr", "sandbox", "--kvm=none"}, {"list"}, {"show", "gvisor"}, {"questions"},
		{"compare", "kata", "gvisor"}, {"version"},
	} {
		_, stderr, code := run(args...)
		if code != ExitFailure || stderr != "stackadvisor: the embedded knowledge base is invalid:\nrules/questions.yaml:1:1: broken\n" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, stderr, code := run("--help"); code != 0 {
		t.Errorf("--help fails without a base: %s", stderr)
	}
}
