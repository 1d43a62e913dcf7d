// Package record gives an Architecture Decision Record a memory: a machine-readable block,
// inside an HTML comment at the end of the Markdown (invisible once rendered, kept as is in
// the file), with the answers, the knowledge base, the overlays and the pick; and the check
// that re-runs a record against today's knowledge base and says whether, and why, the
// decision would come out differently. Pure: records and bases in, outcomes out.
package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/stackadvisor/stackadvisor/internal/limits"
	"github.com/stackadvisor/stackadvisor/internal/safefile"
	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// Format is the version of the record block.
const Format = 1

// Subject of a record of the recommended stack (other records name a category).
const SubjectStack = "stack"

const (
	openMark  = "<!-- stackadvisor:record"
	closeMark = "-->"
)

// Record is what a decision remembers.
type Record struct {
	Format    int    `json:"stackadvisor_record" yaml:"stackadvisor_record"`
	Tool      string `json:"tool" yaml:"tool"`
	KBVersion string `json:"kb_version" yaml:"kb_version"`
	KBDigest  string `json:"kb_digest" yaml:"kb_digest"`
	// Overlays are the --rules paths (and STACKADVISOR_RULES) the decision was made with.
	Overlays []string `json:"overlays,omitempty" yaml:"overlays,omitempty"`
	// Subject is the category decided, or "stack".
	Subject string `json:"subject" yaml:"subject"`
	// Answers are the effective answers, question id to value, as in an answers file.
	Answers json.RawMessage `json:"answers" yaml:"answers"`
	// Picks are the decision: one per category (the stack's parts, or the one category).
	Picks []Pick `json:"picks" yaml:"picks"`
	// StackScore is the stack's score (stack records).
	StackScore *float64 `json:"stack_score,omitempty" yaml:"stack_score,omitempty"`
	// Categories remember what each decision rested on, to say why it changed.
	Categories []Memory `json:"categories" yaml:"categories"`
	// Verdicts are the verdicts on today's parts (the answer current), the stack's for a stack
	// record: adr check says when one changed (a keep that became a must switch).
	Verdicts []Verdict `json:"verdicts,omitempty" yaml:"verdicts,omitempty"`
}

// Verdict is what the record said to do with today's part of a category.
type Verdict struct {
	Category string `json:"category" yaml:"category"`
	Current  string `json:"current" yaml:"current"`
	Verdict  string `json:"verdict" yaml:"verdict"` // keep, switch or must-switch
	To       string `json:"to,omitempty" yaml:"to,omitempty"`
}

// verdicts lists the verdicts of res on today's parts: the stack's moves for a stack record,
// the category's own verdict otherwise, in category order.
func verdicts(res *engine.Result, subject string) []Verdict {
	var out []Verdict
	if subject == SubjectStack {
		if res.Stack == nil || res.Stack.Today == nil {
			return nil
		}
		sv := res.Stack.Today
		for _, cr := range res.Categories {
			for _, c := range sv.Kept {
				if c.Category == cr.Category.ID {
					out = append(out, Verdict{Category: c.Category, Current: c.ID, Verdict: engine.VerdictKeep})
				}
			}
			for _, mv := range sv.Moves {
				if mv.Category == cr.Category {
					v := engine.VerdictSwitch
					if mv.Forced {
						v = engine.VerdictMustSwitch
					}
					out = append(out, Verdict{Category: mv.Category.ID, Current: mv.From.ID, Verdict: v, To: mv.To.Candidate.ID})
				}
			}
		}
		return out
	}
	for _, cr := range res.Categories {
		if cr.Category.ID != subject || cr.Today == nil {
			continue
		}
		v := Verdict{Category: cr.Category.ID, Current: cr.Today.Today.ID, Verdict: cr.Today.Verdict}
		if cr.Today.Verdict != engine.VerdictKeep && cr.Today.Target != nil {
			v.To = cr.Today.Target.Candidate.ID
		}
		out = append(out, v)
	}
	return out
}

// Pick is the candidate chosen in one category.
type Pick struct {
	Category string  `json:"category" yaml:"category"`
	ID       string  `json:"id" yaml:"id"`
	Score    float64 `json:"score" yaml:"score"`
}

// Memory is what one category's ranking rested on.
type Memory struct {
	ID string `json:"id" yaml:"id"`
	// Candidates are every candidate of the category then, excluded ones too.
	Candidates []string `json:"candidates" yaml:"candidates"`
	// Weights are the criteria's weights as the rules set them (before priorities raise them
	// and before they are normalised), so that a change of one shows as that one.
	Weights map[string]float64 `json:"weights" yaml:"weights"`
	// Values are each ranked candidate's scored values, as shown (candidate → attribute →
	// value).
	Values map[string]map[string]string `json:"values" yaml:"values"`
	// Rules are the rules that touched each ranked candidate; Excluded those that removed the
	// others.
	Rules    map[string][]string `json:"rules" yaml:"rules"`
	Excluded map[string][]string `json:"excluded" yaml:"excluded"`
}

// Build makes the record of a result: subject is a category id of res, or SubjectStack.
// answers is the answers as an answers-file JSON object.
func Build(b *knowledge.Base, res *engine.Result, subject string, answers []byte, overlays []string, tool string) (*Record, error) {
	r := &Record{Format: Format, Tool: tool, KBVersion: b.Version, KBDigest: b.Digest, Overlays: overlays, Subject: subject, Answers: answers, Picks: []Pick{}}
	if subject == SubjectStack && res.Stack != nil && res.Stack.Best != nil {
		// A blocked stack (no compatible combination) is recorded with no picks: adr check
		// then says when one exists.
		for _, p := range res.Stack.Best.Parts {
			r.Picks = append(r.Picks, Pick{Category: p.Candidate.Category, ID: p.Candidate.ID, Score: p.Score})
		}
		score := res.Stack.Best.Score
		r.StackScore = &score
	}
	for _, cr := range res.Categories {
		if subject != SubjectStack && cr.Category.ID != subject {
			continue
		}
		if d := cr.Decision(); subject != SubjectStack && d != nil { // with a part running today, what its verdict keeps or moves to
			r.Picks = append(r.Picks, Pick{Category: cr.Category.ID, ID: d.Candidate.ID, Score: d.Score})
		}
		r.Categories = append(r.Categories, remember(cr))
	}
	if len(r.Categories) == 0 {
		return nil, fmt.Errorf("the result has no category %q", subject)
	}
	r.Verdicts = verdicts(res, subject)
	return r, nil
}

func remember(cr *engine.CategoryResult) Memory {
	m := Memory{ID: cr.Category.ID, Weights: map[string]float64{}, Values: map[string]map[string]string{}, Rules: map[string][]string{}, Excluded: map[string][]string{}}
	for _, c := range cr.Category.Candidates {
		m.Candidates = append(m.Candidates, c.ID)
	}
	for _, rk := range cr.Ranking {
		vals := map[string]string{}
		for _, p := range rk.Breakdown {
			m.Weights[p.Criterion.ID] = p.Criterion.Weight
			vals[p.Criterion.Attribute] = valueText(p.Value)
		}
		m.Values[rk.Candidate.ID] = vals
		m.Rules[rk.Candidate.ID] = touching(rk)
	}
	for _, ex := range cr.Excluded {
		for _, rule := range ex.Rules {
			m.Excluded[ex.Candidate.ID] = append(m.Excluded[ex.Candidate.ID], rule.ID)
		}
	}
	return m
}

// touching lists the ids of the rules that changed a candidate's score or warn about it.
func touching(rk *engine.Ranked) []string {
	ids := []string{}
	for _, a := range rk.Adjustments {
		ids = append(ids, a.Rule.ID)
	}
	for _, c := range rk.Caveats {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

func valueText(v *knowledge.AttrValue) string {
	if v == nil {
		return ""
	}
	if v.Attr != nil && v.Attr.Unit != "" {
		return v.Display() + " " + v.Attr.Unit
	}
	return v.Display()
}

// Block renders the record as the HTML comment that ends an ADR. "--" may not appear inside
// an HTML comment, so it is written as "-\u002d" (the same JSON string).
func (r *Record) Block() (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return "", err
	}
	body := strings.ReplaceAll(buf.String(), "--", `-\u002d`)
	return openMark + "\n" + body + closeMark + "\n", nil
}

// ErrNoRecord is returned by Parse for a Markdown file without a record block.
var ErrNoRecord = errors.New("no stackadvisor record block")

// Parse finds the record block in an ADR's Markdown. A record is untrusted input: one over
// limits.RecordBytes, with two blocks, with a key twice in its block, or with JSON that does
// not decode is refused with a reason that quotes at most a short, printable excerpt of it.
func Parse(markdown []byte) (*Record, error) {
	if len(markdown) > limits.RecordBytes {
		return nil, fmt.Errorf("the record is larger than the limit of %d MiB (%d bytes)", limits.RecordBytes>>20, limits.RecordBytes)
	}
	text := string(markdown)
	i := strings.Index(text, openMark)
	if i < 0 {
		return nil, ErrNoRecord
	}
	if n := strings.Count(text, openMark); n > 1 {
		return nil, fmt.Errorf("the file holds %d record blocks; a record has one", n)
	}
	rest := text[i+len(openMark):]
	j := strings.Index(rest, closeMark)
	if j < 0 {
		return nil, errors.New("the record block is not closed (no -->)")
	}
	block := rest[:j]
	var r Record
	dec := json.NewDecoder(strings.NewReader(block))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("the record block is not valid: %s", jsonProblem(err))
	}
	if key, ok := duplicateKey(block); ok {
		return nil, fmt.Errorf("the record block is not valid: the key %s appears twice in one object", safefile.Quoted(key))
	}
	if r.Format != Format {
		return nil, fmt.Errorf("the record block has format %d; this stackadvisor reads format %d", r.Format, Format)
	}
	if r.Subject == "" || len(r.Answers) == 0 {
		return nil, errors.New("the record block lacks its subject or answers")
	}
	return &r, nil
}

// jsonProblem says what the JSON decoder found wrong in our words, quoting no more of the
// record than a short, printable excerpt (the decoder's own messages quote keys and values).
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// The decoder's own sentence, which quotes one character at most.
		return fmt.Sprintf("JSON syntax error at byte %d: %s", se.Offset, safefile.Printable(strings.TrimPrefix(se.Error(), "json: ")))
	case errors.As(err, &te):
		field, want := te.Field, "another type"
		if field == "" {
			field = "a value"
		}
		if te.Type != nil {
			want = te.Type.String()
		}
		return fmt.Sprintf("%s is a JSON %s, expected %s", safefile.Excerpt(field), safefile.Excerpt(te.Value), safefile.Excerpt(want))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the JSON ends early"
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown key " + safefile.Quoted(strings.Trim(name, `"`))
	}
	return safefile.Excerpt(strings.TrimPrefix(msg, "json: "))
}

// duplicateKey finds a key that appears twice in one object of the first JSON value of data
// (which decodes: Parse calls it after decoding). encoding/json keeps the last of them
// silently; a record is untrusted, and one that says two things is refused.
func duplicateKey(data string) (string, bool) {
	type frame struct {
		object    bool
		expectKey bool
		seen      map[string]bool
	}
	var stack []*frame
	// done ends one value: in an object, the next token is a key again.
	done := func() {
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].expectKey = true
		}
	}
	dec := json.NewDecoder(strings.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
			if key, ok := tok.(string); ok {
				top := stack[n-1]
				if top.seen[key] {
					return key, true
				}
				top.seen[key] = true
				top.expectKey = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, expectKey: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			return "", false // the first value is complete
		}
		done()
	}
}
