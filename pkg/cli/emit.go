package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/itchyny/gojq"
	"github.com/spf13/cobra"

	"github.com/stackadvisor/stackadvisor/pkg/report"
)

// outputOptions are -f/--format, -o/--output and --jq, shared by every command that prints a
// document.
type outputOptions struct {
	format  string
	output  string
	jq      string
	formats []string
	code    *gojq.Code
}

// addOutputFlags registers -f (with the formats the command supports, the first being the
// default), -o and --jq.
func addOutputFlags(cmd *cobra.Command, o *outputOptions, formats ...string) {
	o.formats = formats
	cmd.Flags().StringVarP(&o.format, "format", "f", formats[0], "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file (atomically) instead of standard output")
	cmd.Flags().StringVar(&o.jq, "jq", "", "filter the JSON output with a jq expression (implies -f json); strings print raw")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(formats...))
	_ = cmd.RegisterFlagCompletionFunc("jq", cobra.NoFileCompletions)
}

// check validates the format and compiles --jq; a bad expression is a usage error that
// shows where it failed.
func (o *outputOptions) check(cmd *cobra.Command) error {
	if o.jq != "" {
		if cmd.Flags().Changed("format") && o.format != "json" {
			return usageErrorf("--jq filters JSON; it cannot be used with -f %s", o.format)
		}
		o.format = "json"
		q, err := gojq.Parse(o.jq)
		if err != nil {
			var pe *gojq.ParseError
			if errors.As(err, &pe) {
				return usageErrorf("--jq: %v\n  %s\n  %s^", err, o.jq, strings.Repeat(" ", max(0, pe.Offset-len(pe.Token))))
			}
			return usageErrorf("--jq: %v", err)
		}
		if o.code, err = gojq.Compile(q); err != nil {
			return usageErrorf("--jq: %v", err)
		}
	}
	if !slices.Contains(o.formats, o.format) {
		return usageErrorf("--format %q is not supported; allowed: %s", o.format, strings.Join(o.formats, ", "))
	}
	return nil
}

// emit writes doc in the chosen format: JSON and YAML marshal doc; the table format calls
// text. Output goes to the -o file (atomically) or to standard output.
func emit(s *Streams, g *globalOptions, o *outputOptions, doc any, text func(w io.Writer, width int) error) error {
	var buf bytes.Buffer
	switch {
	case o.code != nil:
		if err := runJQ(&buf, o.code, doc); err != nil {
			return err
		}
	case o.format == "json":
		if err := report.WriteJSON(&buf, doc); err != nil {
			return failuref("cannot encode JSON: %v", err)
		}
	case o.format == "yaml":
		if err := report.WriteYAML(&buf, doc); err != nil {
			return failuref("cannot encode YAML: %v", err)
		}
	default:
		w := colorWriter(&buf, s, o.output == "" && !g.noColor)
		if err := text(w, outputWidth(s, o.output == "")); err != nil {
			return failuref("cannot render: %v", err)
		}
	}
	if o.output != "" {
		if err := writeFileAtomic(o.output, buf.Bytes()); err != nil {
			return failuref("%v", err)
		}
		return nil
	}
	if _, err := s.Out.Write(buf.Bytes()); err != nil {
		return failuref("cannot write the output: %v", err)
	}
	return nil
}

// runJQ filters doc (as JSON) through a compiled jq program: one result per line, strings raw,
// other values as indented JSON.
func runJQ(w io.Writer, code *gojq.Code, doc any) error {
	raw, err := json.Marshal(doc)
	if err != nil {
		return failuref("cannot encode JSON: %v", err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return failuref("cannot decode JSON: %v", err)
	}
	iter := code.Run(v)
	for {
		x, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, isErr := x.(error); isErr {
			return usageErrorf("--jq: %v", err)
		}
		if str, isStr := x.(string); isStr {
			fmt.Fprintln(w, str)
			continue
		}
		if err := report.WriteJSON(w, x); err != nil {
			return failuref("cannot encode JSON: %v", err)
		}
	}
}
