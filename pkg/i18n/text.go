package i18n

import (
	"reflect"
	"strings"
	"sync"
)

// Sayer is anything that can say itself in a language of the catalog: a catalog message
// (Msg), a text the knowledge base gives in both languages, a condition on the answers.
type Sayer interface {
	In(lang string) string
}

// Text is wording built once and said in a language later. A document (the report, an
// explanation) holds Texts, built without a language; SayAll says every Text in it in the
// language of the run, and String, JSON and YAML give what it said. The same document can be
// said again in the other language.
type Text struct {
	s    Sayer // nil: the empty text
	said string
}

// M is the catalog message key with args; an argument that is a Sayer (a Text, a Msg) is
// said in the message's language.
func M(key string, args ...any) Text { return Text{s: &Msg{Key: key, Args: args}} }

// Of is a text that says itself (a knowledge-base text, a condition).
func Of(s Sayer) Text { return Text{s: s} }

// Pair is a text given in English and Chinese; an empty Chinese falls back to the English.
func Pair(en, zh string) Text { return Text{s: pair{en, zh}} }

// Lit is a text that reads the same in every language: an id, a number, a file name.
func Lit(s string) Text { return Text{s: pair{en: s}} }

// List joins items with the language's list separator ("a, b" / "a、b").
func List(items []Text) Text { return Text{s: joined{items: items, sepKey: "report.list-sep"}} }

// Join joins items with sep in every language (" + " between a stack's parts).
func Join(items []Text, sep string) Text { return Text{s: joined{items: items, sep: sep}} }

// Cat is parts one after another, and Trimmed the text without the spaces around it (catalog
// sentences that are added to another begin with a space).
func Cat(parts ...Text) Text { return Text{s: joined{items: parts}} }

// Trimmed is t without the white space around it.
func Trimmed(t Text) Text { return Text{s: trimmed{t}} }

// In says t in lang.
func (t Text) In(lang string) string {
	if t.s == nil {
		return ""
	}
	return t.s.In(lang)
}

// Say says t in lang and keeps it: String, JSON and YAML give it from then on.
func (t *Text) Say(lang string) { t.said = t.In(lang) }

// String is what t said last (empty before SayAll or Say).
func (t Text) String() string { return t.said }

// IsZero reports whether t has no wording at all (omitzero and YAML's omitempty leave it out).
func (t Text) IsZero() bool { return t.s == nil }

// MarshalText gives what t said: JSON writes it as a string (escaped as the encoder says).
func (t Text) MarshalText() ([]byte, error) { return []byte(t.said), nil }

// MarshalYAML writes what t said, as a string.
func (t Text) MarshalYAML() (any, error) { return t.said, nil }

type pair struct{ en, zh string }

func (p pair) In(lang string) string {
	if lang == "zh" && p.zh != "" {
		return p.zh
	}
	return p.en
}

type joined struct {
	items  []Text
	sep    string
	sepKey string // a catalog key for the separator, instead of sep
}

func (j joined) In(lang string) string {
	sep := j.sep
	if j.sepKey != "" {
		sep = T(lang, j.sepKey)
	}
	parts := make([]string, len(j.items))
	for i, t := range j.items {
		parts[i] = t.In(lang)
	}
	return strings.Join(parts, sep)
}

type trimmed struct{ t Text }

func (tr trimmed) In(lang string) string { return strings.TrimSpace(tr.t.In(lang)) }

var textType = reflect.TypeFor[Text]()

// SayAll says every Text reachable from doc (a pointer to a document: through its exported
// fields, pointers, slices and arrays) in lang.
func SayAll(doc any, lang string) { localize(reflect.ValueOf(doc), lang) }

func localize(v reflect.Value, lang string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			localize(v.Elem(), lang)
		}
	case reflect.Struct:
		if v.Type() == textType {
			if v.CanAddr() {
				v.Addr().Interface().(*Text).Say(lang)
			}
			return
		}
		for _, i := range textFields(v.Type()) {
			localize(v.Field(i), lang)
		}
	case reflect.Slice, reflect.Array:
		if !mayHoldText(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			localize(v.Index(i), lang)
		}
	}
}

// The exported fields of each struct type through which a Text can be reached, found once per
// type: looking at every field of every value by reflection was most of the time it took.
var (
	fieldPlans sync.Map // reflect.Type → []int
	holds      sync.Map // reflect.Type → bool
)

func textFields(t reflect.Type) []int {
	if plan, ok := fieldPlans.Load(t); ok {
		return plan.([]int)
	}
	var plan []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && mayHoldText(f.Type) {
			plan = append(plan, i)
		}
	}
	fieldPlans.Store(t, plan)
	return plan
}

// mayHoldText reports whether a value of type t can lead to a Text (a type that refers to
// itself is assumed to).
func mayHoldText(t reflect.Type) bool {
	if h, ok := holds.Load(t); ok {
		return h.(bool)
	}
	holds.Store(t, true) // while it is being looked at: a cycle leads back here
	h := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		h = mayHoldText(t.Elem())
	case reflect.Struct:
		if t == textType {
			h = true
			break
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && mayHoldText(f.Type) {
				h = true
				break
			}
		}
	}
	holds.Store(t, h)
	return h
}

// Localizer says the interface's words in one language: the renderers' one value for the
// language of a document.
type Localizer struct{ Lang string }

// For is the localizer of lang.
func For(lang string) Localizer { return Localizer{Lang: lang} }

// T is the text of key.
func (l Localizer) T(key string) string { return T(l.Lang, key) }

// Tf is the text of key formatted with args (Sayers among them said in the language).
func (l Localizer) Tf(key string, args ...any) string { return (&Msg{Key: key, Args: args}).In(l.Lang) }

// List joins items with the language's list separator.
func (l Localizer) List(items []string) string {
	return strings.Join(items, T(l.Lang, "report.list-sep"))
}

// Colon is the separator between a label and its text (": " / "：").
func (l Localizer) Colon() string { return T(l.Lang, "report.label-colon") }
