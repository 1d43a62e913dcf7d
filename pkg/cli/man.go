package cli

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd writes the man pages of every command (hidden; `make man` runs it).
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "__man DIR",
		Short:  "Write man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return failuref("%v", err)
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			header := &doc.GenManHeader{Title: "STACKADVISOR", Section: "1", Source: "stackadvisor " + toolVersion()}
			if err := doc.GenManTree(root, header, args[0]); err != nil {
				return failuref("cannot write the man pages: %v", err)
			}
			return nil
		},
	}
}
