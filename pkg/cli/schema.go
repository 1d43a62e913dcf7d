package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/report/schema"
)

func newSchemaCmd(s *Streams) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "schema report|rules|answers",
		Short: "Print a JSON Schema (draft 2020-12): of the report, a rule file or an answers file",
		Long: `Print the JSON Schema of the JSON report (-f json), of a rule file or of an answers file.
Editors use the rule and answers schemas for completion and checks, e.g. with the YAML
language server: # yaml-language-server: $schema=rules.schema.json`,
		Example: "  stackadvisor schema report -o report.schema.json\n  stackadvisor schema rules > rules.schema.json",
		Args:    argsOf(1, 1, "schema name", "the names are report, rules and answers"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return schema.Names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := schema.Get(args[0])
			if err != nil {
				return usageErrorf("unknown schema %q; allowed: %s", args[0], strings.Join(schema.Names, ", "))
			}
			return writeFile(cmd.Context(), s, output, data)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", outputFlagHelp)
	return cmd
}
