package wizard

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

// The descriptions of huh's key bindings, shown in the help line under the form, are
// translated through the catalog (keys wizard.key.<English description>).

// keyMap is huh's key map with its help in the wizard's language.
func (w *Wizard) keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	if w.loc.Lang == "zh" {
		translateBindings(reflect.ValueOf(km).Elem(), func(desc string) (string, bool) {
			zh := i18n.T("zh", "wizard.key."+desc)
			return zh, zh != "wizard.key."+desc
		})
	}
	return km
}

// translateBindings rewrites the help description of every key.Binding inside v.
func translateBindings(v reflect.Value, words func(string) (string, bool)) {
	if b, ok := v.Addr().Interface().(*key.Binding); ok {
		h := b.Help()
		if t, ok := words(h.Desc); ok {
			b.SetHelp(h.Key, t)
		}
		return
	}
	if v.Kind() == reflect.Struct {
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanAddr() && v.Type().Field(i).IsExported() {
				translateBindings(f, words)
			}
		}
	}
}
