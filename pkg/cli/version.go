package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/i18n"
	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// versionInfo is what `stackadvisor version` prints, all read from the build information and
// the embedded knowledge base (no hand-edited string).
type versionInfo struct {
	Version       string `json:"version" yaml:"version"`
	Revision      string `json:"revision,omitempty" yaml:"revision,omitempty"`
	Modified      bool   `json:"modified,omitempty" yaml:"modified,omitempty"`
	GoVersion     string `json:"go" yaml:"go"`
	Platform      string `json:"platform" yaml:"platform"`
	KnowledgeBase string `json:"knowledge_base" yaml:"knowledge_base"`
	AsOf          string `json:"as_of" yaml:"as_of"` // the day the base's facts were last checked
	Digest        string `json:"digest" yaml:"digest"`
}

func newVersionCmd(s *Streams, g *globalOptions) *cobra.Command {
	opts := &versionOptions{streams: s, global: g}
	cmd := &cobra.Command{
		Use:   "version",
		Short: i18n.T(g.ui, "help.version.short"),
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return opts.run(cmd, args) },
	}
	addOutputFlags(cmd, g, &opts.out, "table", "json", "yaml")
	return cmd
}

// versionOptions holds the streams and flags of 'stackadvisor version'; run does its work.
type versionOptions struct {
	streams *Streams
	global  *globalOptions
	out     outputOptions
}

func (o *versionOptions) run(cmd *cobra.Command, _ []string) error {
	s, g, out := o.streams, o.global, o.out
	if err := out.check(cmd); err != nil {
		return err
	}
	v := versionInfo{Version: ToolVersion(), GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, st := range bi.Settings {
			switch st.Key {
			case "vcs.revision":
				v.Revision = st.Value
			case "vcs.modified":
				v.Modified = st.Value == "true"
			}
		}
	}
	b, err := g.loadBase(s)
	if err != nil {
		return err
	}
	v.KnowledgeBase, v.AsOf, v.Digest = b.Version, b.AsOf, b.Digest
	return emit(cmd.Context(), s, g, &out, v, func(w io.Writer, _ int) error {
		lang, _ := g.resolveLang(s)
		rev := v.Revision
		if rev == "" {
			rev = i18n.T(lang, "cli.unknown-revision")
		} else if v.Modified {
			rev += i18n.T(lang, "cli.modified")
		}
		kb := i18n.T(lang, "cli.knowledge-base")
		_, err := fmt.Fprintf(w, "stackadvisor %s (%s, %s, %s)\n%s\n", v.Version, rev, v.GoVersion, v.Platform, i18n.Tf(lang, "cli.version-line-kb", kb, v.KnowledgeBase, v.AsOf, v.Digest))
		if err == nil {
			if warn := report.Stale(b, today()); !warn.IsZero() {
				_, err = fmt.Fprintln(w, warn.In(lang))
			}
		}
		return err
	})
}
