package i18n_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// A catalog error says itself in English, in Chinese when localised, nested messages too, and
// keeps the words wrapped around it.
func TestLocalize(t *testing.T) {
	inner := &i18n.Msg{Key: "err.range-min", Args: []any{0}}
	err := fmt.Errorf("--gpu-budget-cny: %w", i18n.Errorf("err.int-range", -5, inner))
	if got, want := err.Error(), "--gpu-budget-cny: -5 is out of range; allowed: a whole number of at least 0"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	if got, want := i18n.Localize(err, "zh"), "--gpu-budget-cny: -5 超出范围；允许：整数，至少为 0"; got != want {
		t.Errorf("Chinese %q, want %q", got, want)
	}
	if got := i18n.Localize(err, "en"); got != err.Error() {
		t.Errorf("English localised %q", got)
	}
	plain := errors.New("cannot read x")
	if got := i18n.Localize(plain, "zh"); got != "cannot read x" {
		t.Errorf("a plain error changed: %q", got)
	}
	if i18n.Localize(nil, "zh") != "" {
		t.Error("nil")
	}
}

// A message unwraps to the error it names, so errors.Is sees the cause through it.
func TestMsgUnwraps(t *testing.T) {
	cause := errors.New("cause")
	err := i18n.Errorf("err.cannot-write", "out.json", cause)
	if !errors.Is(err, cause) {
		t.Error("errors.Is does not see the cause through the message")
	}
	if i18n.Errorf("err.lang", "fr").(interface{ Unwrap() error }).Unwrap() != nil {
		t.Error("a message without an error argument unwraps to something")
	}
}
