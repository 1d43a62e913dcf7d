package cli

import (
	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/engine"
	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

// robustFlags are --samples and --seed, which change the robustness analysis's sampling.
type robustFlags struct {
	samples, seed int
}

func addRobustFlags(cmd *cobra.Command, g *globalOptions) *robustFlags {
	rf := &robustFlags{}
	cmd.Flags().IntVar(&rf.samples, "samples", 0, i18n.T(g.ui, "flag.samples"))
	cmd.Flags().IntVar(&rf.seed, "seed", 0, i18n.T(g.ui, "flag.seed"))
	return rf
}

// options checks the flags and returns the engine's options (zero: the knowledge base's).
func (rf *robustFlags) options(cmd *cobra.Command) (engine.RobustOptions, error) {
	var o engine.RobustOptions
	if cmd.Flags().Changed("samples") {
		if rf.samples < 1 || rf.samples > knowledge.MaxSamples {
			return o, usageErrorf("--samples %d is out of range; use 1 to %d (the rules' default: scoring.robustness.samples)", rf.samples, knowledge.MaxSamples)
		}
		o.Samples = rf.samples
	}
	if cmd.Flags().Changed("seed") {
		if rf.seed < 0 {
			return o, usageErrorf("--seed %d is negative; use a whole number of 0 or more", rf.seed)
		}
		o.Seed, o.SeedSet = rf.seed, true
	}
	return o, nil
}
