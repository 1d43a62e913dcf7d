package cli

import (
	"fmt"

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

// slowDraws is the number of draws (samples × categories) from which the analysis takes
// about a second, and a person at a terminal is told what is going on.
const slowDraws = 500_000

// robustProgress says on stderr, at a terminal, that a large robustness analysis is running.
func robustProgress(s *Streams, b *knowledge.Base, res *engine.Result, o engine.RobustOptions, loc i18n.Localizer) {
	n := o.Samples
	if n == 0 {
		n = b.Scoring.Robustness.Samples
	}
	if n*len(res.Categories) >= slowDraws && s.isTerminal(s.Err) {
		fmt.Fprintln(s.Err, loc.Tf("cli.robust-progress", n, len(res.Categories)))
	}
}

// options checks the flags and returns the engine's options (zero: the knowledge base's).
func (rf *robustFlags) options(cmd *cobra.Command) (engine.RobustOptions, error) {
	var o engine.RobustOptions
	if cmd.Flags().Changed("samples") {
		if rf.samples < 1 || rf.samples > knowledge.MaxSamples {
			return o, usageMsg("err.samples", rf.samples, knowledge.MaxSamples)
		}
		o.Samples = rf.samples
	}
	if cmd.Flags().Changed("seed") {
		if rf.seed < 0 {
			return o, usageMsg("err.seed", rf.seed)
		}
		o.Seed, o.SeedSet = rf.seed, true
	}
	return o, nil
}
