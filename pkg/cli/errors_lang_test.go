package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Usage errors a user causes come in the interface's language: --lang zh, or a Chinese locale.
func TestUsageErrorsInChinese(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"recommend", "--kvm", "maybe", "--lang", "zh"}, `--kvm: 不允许 "maybe"；允许的取值：available, none, unknown；请参阅 'stackadvisor recommend --help'`},
		{[]string{"recommend", "--kvmm", "none", "--lang", "zh"}, "未知的参数：--kvmm"},
		{[]string{"explain", "kata-containers", "--lang", "zh"}, `未知的候选 "kata-containers"；你是指 "kata" 吗？`},
		{[]string{"recommnd", "--lang", "zh"}, `未知的命令 "recommnd"；你是指 "recommend" 吗？`},
		{[]string{"recommend", "--gpu-budget-cny", "-5", "--lang", "zh"}, "-5 超出范围；允许：整数，至少为 0"},
		{[]string{"list", "foo", "--lang", "zh"}, `未知的类别 "foo"`},
	} {
		var out, errb bytes.Buffer
		code := Main(tc.args, &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: []string{"NO_COLOR=1"}})
		if code != ExitUsage || !strings.Contains(errb.String(), tc.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want one line with %q", tc.args, code, errb.String(), tc.want)
		}
	}
	// The locale decides when --lang is not given.
	var out, errb bytes.Buffer
	Main([]string{"recommend", "--kvm", "maybe"}, &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: []string{"LANG=zh_CN.UTF-8"}})
	if !strings.Contains(errb.String(), "不允许") {
		t.Errorf("LANG=zh_CN: %q", errb.String())
	}
	// English stays as it was.
	if _, stderr, _ := run("recommnd"); strings.TrimSpace(stderr) != `stackadvisor: unknown command "recommnd"; did you mean "recommend"?` {
		t.Errorf("English: %q", stderr)
	}
}

// Errors about files come in the interface's language too, the system's common reasons
// included; the path stays as given.
func TestFileErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("kvm: maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	pol := filepath.Join(dir, "pol")
	if err := os.Mkdir(pol, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pol, "a.yaml"), []byte("category: sandbox\nrules:\n  - {id: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"recommend", "--answers", dir + "/missing.yaml", "--lang", "zh"}, ExitUsage, "无法读取回答文件：" + dir + "/missing.yaml：文件或文件夹不存在"},
		{[]string{"recommend", "--answers", dir, "--lang", "zh"}, ExitUsage, "无法读取回答文件：" + dir + "：是文件夹"},
		{[]string{"recommend", "--rules", dir + "/nowhere", "--lang", "zh"}, ExitUsage, "无法读取规则：" + dir + "/nowhere：文件或文件夹不存在"},
		{[]string{"rules", "validate", empty, "--lang", "zh"}, ExitUsage, empty + " 中没有 .yaml 规则文件"},
		{[]string{"adr", "check", dir + "/none", "--lang", "zh"}, ExitUsage, "无法读取 " + dir + "/none：文件或文件夹不存在"},
		{[]string{"recommend", "--answers", dir + "/bad.yaml", "--lang", "zh"}, ExitUsage, "回答文件有误：" + dir + "/bad.yaml:1:6: kvm:"},
		{[]string{"rules", "validate", pol, "--lang", "zh"}, ExitUsage, "规则文件有 4 个问题"},
		{[]string{"rules", "export", "/proc/none/x", "--lang", "zh"}, ExitFailure, "无法创建 /proc/none：文件或文件夹不存在"},
	} {
		var out, errb bytes.Buffer
		code := Main(tc.args, &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Env: []string{"NO_COLOR=1"}})
		if code != tc.code || !strings.Contains(errb.String(), tc.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want exit %d and one line with %q", tc.args, code, errb.String(), tc.code, tc.want)
		}
	}
}
