// Command genman writes the man pages of every stackadvisor command into a directory
// (`make man`). It lives apart from the stackadvisor binary so that the man-page renderer and
// its Markdown parser are not linked into, and initialised by, every run of the tool.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra/doc"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genman DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
	// The man pages ship in the release archives: English, whatever the builder's locale.
	root := cli.NewRoot(&cli.Streams{In: os.Stdin, Out: io.Discard, Err: os.Stderr, Env: []string{"LANG=C.UTF-8"}})
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "STACKADVISOR", Section: "1", Source: "stackadvisor " + cli.ToolVersion()}
	if err := doc.GenManTree(root, header, dir); err != nil {
		fmt.Fprintln(os.Stderr, "genman: cannot write the man pages:", err)
		os.Exit(1)
	}
}
