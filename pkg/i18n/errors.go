package i18n

import (
	"errors"
	"strings"
)

// Msg is a catalog message with its arguments used as an error: it says itself in English
// (Error) and can be said in any language of the catalog (In, Localize). Errors a user causes
// (a value a flag does not take, an unknown id) are Msgs, so that --lang zh gets them in
// Chinese; the words around them (a flag's name) stay as they are.
type Msg struct {
	Key  string
	Args []any
}

// Errorf is the catalog message key with args, as an error.
func Errorf(key string, args ...any) error { return &Msg{Key: key, Args: args} }

func (m *Msg) Error() string { return m.In("en") }

// Unwrap is the message's first argument that is an error (the cause it names), so that
// errors.Is and errors.As see through it as through fmt.Errorf's %w.
func (m *Msg) Unwrap() error {
	for _, a := range m.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}

// In says the message in lang, and any message among its arguments too.
func (m *Msg) In(lang string) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if inner, ok := a.(Sayer); ok {
			a = inner.In(lang)
		}
		args[i] = a
	}
	return Tf(lang, m.Key, args...)
}

// Localize is err's text in lang: every catalog message along its chain of wrapped errors is
// said in lang, the rest of the text stays as it is.
func Localize(err error, lang string) string {
	if err == nil {
		return ""
	}
	text := err.Error()
	if lang == "en" {
		return text
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if m, ok := e.(*Msg); ok {
			text = strings.Replace(text, m.Error(), m.In(lang), 1)
		}
	}
	return text
}
