// Command genman writes the man pages of every stackadvisor command into a directory
// (`make man`). It lives apart from the stackadvisor binary so that the man-page renderer and
// its Markdown parser are not linked into, and initialised by, every run of the tool.
//
// The pages carry the tool's version (of this program's own build: `make man` builds it with
// VCS stamping) and a date that does not change between runs: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), else the commit's time, else none. Every page ends with EXIT
// STATUS and ENVIRONMENT, from the same texts as `stackadvisor help exit-codes` and
// `help environment`.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra/doc"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genman DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
}

// write writes every command's man page into dir.
func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The man pages ship in the release archives: English, whatever the builder's locale.
	root := cli.NewRoot(&cli.Streams{In: os.Stdin, Out: io.Discard, Err: os.Stderr, Env: []string{"LANG=C.UTF-8"}})
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "STACKADVISOR", Section: "1", Source: "stackadvisor " + cli.ToolVersion(), Manual: "stackadvisor manual"}
	if d, ok := sourceDate(); ok {
		header.Date = &d
	}
	if err := doc.GenManTree(root, header, dir); err != nil {
		return fmt.Errorf("cannot write the man pages: %w", err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		return err
	}
	tail := section("EXIT STATUS", i18n.T("en", "help.exit-codes.long")) + definitions("ENVIRONMENT", i18n.T("en", "help.environment.long"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := string(data)
		if i := strings.Index(page, ".SH SEE ALSO"); i >= 0 {
			page = page[:i] + tail + page[i:]
		} else {
			page += tail
		}
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// sourceDate is the date the pages carry: SOURCE_DATE_EPOCH, else the commit's time.
func sourceDate() (time.Time, bool) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), true
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.time" {
				if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
					return t.UTC(), true
				}
			}
		}
	}
	return time.Time{}, false
}

// definitions is a man page section of a text made of blocks: a name on its own line with its
// description indented below (a tagged paragraph each), and plain paragraphs.
func definitions(title, text string) string {
	var b strings.Builder
	b.WriteString(".SH " + title + "\n")
	for _, block := range strings.Split(strings.TrimSpace(text), "\n\n") {
		lines := strings.Split(block, "\n")
		if len(lines) > 1 && strings.HasPrefix(lines[1], "  ") {
			b.WriteString(".TP\n.B " + escape(lines[0]) + "\n")
			for _, l := range lines[1:] {
				b.WriteString(escape(strings.TrimSpace(l)) + "\n")
			}
			continue
		}
		b.WriteString(".PP\n" + escape(strings.Join(lines, " ")) + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// escape makes a line safe as troff text: backslashes, and a leading dot or quote.
func escape(line string) string {
	line = strings.ReplaceAll(line, `\`, `\e`)
	if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
		line = `\&` + line
	}
	return line
}

// section is a man page section holding text as it is laid out (no filling), escaped for
// troff.
func section(title, text string) string {
	var b strings.Builder
	b.WriteString(".SH " + title + "\n.nf\n")
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(escape(line) + "\n")
	}
	b.WriteString(".fi\n\n")
	return b.String()
}
