package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/schema"
)

func newSchemaCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &schemaOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:     "schema report|rules|answers|config",
		Short:   i18n.T(g.ui, "help.schema.short"),
		Long:    i18n.T(g.ui, "help.schema.long"),
		Example: "  stackadvisor schema report -o report.schema.json\n  stackadvisor schema rules > rules.schema.json",
		Args:    argsOf(1, 1, "err.what-schema", "err.hint-schema"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return schema.Names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", i18n.T(g.ui, "flag.output"))
	return cmd
}

// schemaOptions holds the streams and flags of 'stackadvisor schema'; run does its work.
type schemaOptions struct {
	streams *Streams
	global  *globalOptions
	output  string
}

func (o *schemaOptions) run(cmd *cobra.Command, args []string) error {
	s, output := o.streams, o.output
	data, err := schema.Get(args[0])
	if err != nil {
		return usageMsg("err.schema", args[0], strings.Join(schema.Names, ", "))
	}
	return writeFile(cmd.Context(), s, output, data)
}
