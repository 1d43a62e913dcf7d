package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

// openPTY opens a pseudo-terminal pair of the given size; the test reads what the program
// writes to its terminal from master until the program is done.
func openPTY(t *testing.T, cols, rows uint16) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("cannot unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetUint32(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("cannot name the pseudo-terminal: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if cols > 0 {
		if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: cols, Row: rows}); err != nil {
			t.Fatal(err)
		}
	}
	return m, s
}

// runWizardOnTTY runs the wizard with standard input and error on a terminal whose input is
// at its end at once (Ctrl-D): every question keeps its value. It returns what the terminal
// showed and standard output.
func runWizardOnTTY(t *testing.T, env []string, args ...string) (screen, stdout string, code int) {
	t.Helper()
	master, tty := openPTY(t, 100, 40)
	var shown bytes.Buffer
	var wg sync.WaitGroup
	wg.Go(func() { _, _ = io.Copy(&shown, master) })
	if _, err := master.Write([]byte{4}); err != nil { // end of input at the start of a line
		t.Fatal(err)
	}
	var out bytes.Buffer
	code = cli.Main(append([]string{"wizard"}, args...), &cli.Streams{In: tty, Out: &out, Err: tty, Env: env})
	tty.Close()
	wg.Wait()
	return shown.String(), out.String(), code
}

// TestDumbTerminalGetsTheLineWizard: on a terminal the full-screen form cannot drive (TERM=dumb,
// TERM unset) the wizard asks line by line with its own texts, in the chosen language, and
// says why; a capable terminal does not get that note.
func TestDumbTerminalGetsTheLineWizard(t *testing.T) {
	for _, tc := range []struct {
		name, term, lang, note, prompt string
	}{
		{"dumb", "TERM=dumb", "en", "This terminal cannot draw the full-screen form (TERM=dumb); the questions are asked line by line.", "Which decisions do you need?"},
		{"unset", "", "en", "(TERM is not set)", "Which decisions do you need?"},
		{"dumb-zh", "TERM=dumb", "zh", "此终端无法绘制全屏表单（TERM=dumb）；改为逐行提问。", "需要为哪些类别做选型？"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := []string{"NO_COLOR=1", "LANG=C.UTF-8"}
			if tc.term != "" {
				env = append(env, tc.term)
			}
			screen, stdout, code := runWizardOnTTY(t, env, "--lang", tc.lang, "-f", "json")
			if code != 0 {
				t.Fatalf("exit %d; the terminal showed:\n%s", code, screen)
			}
			if !strings.Contains(screen, tc.note) {
				t.Errorf("the terminal does not say why the form is not drawn (%q):\n%s", tc.note, screen)
			}
			if !strings.Contains(screen, tc.prompt) {
				t.Errorf("the tool's own first question %q is not shown:\n%s", tc.prompt, screen)
			}
			if strings.Contains(screen, "\x1b[") {
				t.Errorf("the line wizard drew with escape codes on a %s terminal:\n%q", tc.name, screen)
			}
			if !strings.HasPrefix(strings.TrimSpace(stdout), "{") {
				t.Errorf("standard output is not the JSON report: %.200q", stdout)
			}
		})
	}
}
