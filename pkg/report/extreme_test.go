package report_test

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// setFloats sets every float64 of v (a pointer), at any depth, to x.
func setFloats(v reflect.Value, x float64) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			setFloats(v.Elem(), x)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				setFloats(v.Field(i), x)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			setFloats(v.Index(i), x)
		}
	case reflect.Float64:
		if v.CanSet() {
			v.SetFloat(x)
		}
	}
}

// TestRenderersNeverPanic: whatever number a report holds — huge, negative, NaN, infinite —
// every format renders it without a panic (the table's score bars once panicked with
// "strings: negative Repeat count"). JSON may refuse NaN with an error; that is no panic.
func TestRenderersNeverPanic(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e308, -5, 0, 5e-324, 1e20} {
		for _, whatIf := range []bool{false, true} {
			r := embeddedReport(t, formatCases["stack-untrusted-gpu"], "en", whatIf)
			setFloats(reflect.ValueOf(r), x)
			for _, format := range []string{"table", "json", "yaml", "markdown", "html"} {
				t.Run(fmt.Sprintf("%v/%s/%v", x, format, whatIf), func(t *testing.T) {
					var buf bytes.Buffer
					_ = report.Render(&buf, r, format, 80)
				})
			}
		}
	}
}
