package wizard

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
)

// keyHelpZh translates the descriptions of huh's key bindings, shown in the help line under
// the form ("↑ up • enter select"); the keys themselves stay as they are.
var keyHelpZh = map[string]string{
	"filter": "筛选", "last": "最后", "go to end": "到末尾", "new line": "换行",
	"select all": "全选", "select none": "全不选", "½ page down": "下翻半页", "½ page up": "上翻半页",
	"complete": "补全", "open editor": "打开编辑器", "confirm": "确认", "next": "下一项",
	"open": "打开", "select": "选择", "submit": "提交", "clear filter": "清除筛选",
	"close": "关闭", "set filter": "完成筛选", "first": "最前", "go to start": "到开头",
	"back": "返回", "No": "否", "Yes": "是", "page down": "下一页", "page up": "上一页",
	"toggle": "切换", "left": "左", "right": "右", "up": "上移", "down": "下移", "quit": "退出",
}

// keyMap is huh's key map with its help in the wizard's language.
func (w *Wizard) keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	if w.lang == "zh" {
		translateBindings(reflect.ValueOf(km).Elem(), keyHelpZh)
	}
	return km
}

// translateBindings rewrites the help description of every key.Binding inside v.
func translateBindings(v reflect.Value, words map[string]string) {
	if b, ok := v.Addr().Interface().(*key.Binding); ok {
		h := b.Help()
		if t, ok := words[h.Desc]; ok {
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
