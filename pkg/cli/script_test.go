package cli_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

func TestMain(m *testing.M) {
	// The signal tests run the test binary as the real program (see runProgram).
	if os.Getenv(asProgramEnv) == "1" {
		os.Exit(cli.Run())
	}
	testscript.Main(m, map[string]func(){
		"stackadvisor": func() { os.Exit(cli.Run()) },
	})
}

// TestScripts runs the end-to-end scripts of testdata/script. Set UPDATE_SCRIPTS=1 to rewrite
// the expected files of failing cmp commands (then review the diff).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("LANG", "C.UTF-8")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root": // root writes into read-only directories anyway
				return os.Geteuid() == 0, nil
			case "mknod": // device nodes can be made and opened in a temporary directory
				return canMknod(), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: scriptCmds(),
	})
}

// scriptCmds are the commands the scripts have beyond testscript's own.
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"exitcode": cmdExitCode,
		"jsonpath": cmdJSONPath,
		"bigyaml":  cmdBigYAML,
		"bigfile":  cmdBigFile,
		"maxlines": cmdMaxLines,
	}
	for name, f := range fileCmds {
		cmds[name] = f
	}
	return cmds
}

// maxlines FILE N fails when FILE (stdout, stderr or a file) has more than N lines.
func cmdMaxLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: maxlines FILE N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	if got := strings.Count(ts.ReadFile(args[0]), "\n"); got > n {
		ts.Fatalf("%s has %d lines, more than %d", args[0], got, n)
	}
}

// bigyaml NAME BYTES writes a valid YAML file of at least BYTES bytes: one answer, then
// comment lines. (Too big for a txtar archive, and /dev/zero is not on every system.)
func cmdBigYAML(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigyaml NAME BYTES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	var b strings.Builder
	b.WriteString("kvm: none\n")
	for b.Len() < n {
		b.WriteString("# padding padding padding padding padding padding padding padding\n")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// bigfile NAME BYTES HEAD PATTERN [TAIL] writes HEAD, then PATTERN again and again, then
// TAIL, as long as the file stays within BYTES bytes; %d in PATTERN is the repetition's
// number (from 0), and \n in any of them a newline. It makes the hostile inputs that are
// too big for a txtar archive: a list of a million items, ten thousand candidates, one long
// line.
func cmdBigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 || len(args) > 5 {
		ts.Fatalf("usage: bigfile NAME BYTES HEAD PATTERN [TAIL]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	unescape := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	head, pattern, tail := unescape(args[2]), unescape(args[3]), ""
	if len(args) == 5 {
		tail = unescape(args[4])
	}
	var b strings.Builder
	b.WriteString(head)
	for i := 0; ; i++ {
		item := strings.ReplaceAll(pattern, "%d", strconv.Itoa(i))
		if item == "" || b.Len()+len(item)+len(tail) > n {
			break
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// exitcode N program args... runs the program and checks its exit code; stdout and stderr
// are kept for the following commands.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

var indexRe = regexp.MustCompile(`^([^\[]*)((?:\[\d+\])*)$`)

// jsonpath FILE PATH WANT checks one value of a JSON file (or stdout): PATH is like
// .categories[0].ranking[0].id; WANT is compared with the value printed by fmt (strings bare,
// other values as JSON). `! jsonpath FILE PATH` checks that the path does not exist.
func cmdJSONPath(ts *testscript.TestScript, neg bool, args []string) {
	if (!neg && len(args) != 3) || (neg && len(args) != 2) {
		ts.Fatalf("usage: jsonpath FILE PATH WANT | ! jsonpath FILE PATH")
	}
	var v any
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &v); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	found := true
	for _, part := range strings.Split(strings.TrimPrefix(args[1], "."), ".") {
		m := indexRe.FindStringSubmatch(part)
		if m == nil {
			ts.Fatalf("bad path element %q", part)
		}
		if m[1] != "" {
			obj, ok := v.(map[string]any)
			if v, found = obj[m[1]]; !ok || !found {
				found = false
				break
			}
		}
		for _, idx := range regexp.MustCompile(`\d+`).FindAllString(m[2], -1) {
			i, _ := strconv.Atoi(idx)
			arr, ok := v.([]any)
			if !ok || i >= len(arr) {
				found = false
				break
			}
			v = arr[i]
		}
		if !found {
			break
		}
	}
	if neg {
		if found {
			ts.Fatalf("%s exists in %s", args[1], args[0])
		}
		return
	}
	if !found {
		ts.Fatalf("%s not found in %s", args[1], args[0])
	}
	got := ""
	if s, ok := v.(string); ok {
		got = s
	} else {
		b, _ := json.Marshal(v)
		got = string(b)
	}
	if got != args[2] {
		ts.Fatalf("%s = %s, want %s", args[1], got, args[2])
	}
}
