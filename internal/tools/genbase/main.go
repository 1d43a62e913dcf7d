// Command genbase writes pkg/knowledge/embedded_gen.go: the embedded knowledge base, loaded
// and validated, as Go source (see package gobase). `go generate ./rules` runs it; build it
// with -tags stackadvisor_nogen so that a stale generated file is not compiled in.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/stackadvisor/stackadvisor/internal/gobase"
	"github.com/stackadvisor/stackadvisor/pkg/knowledge"
)

func main() {
	out := flag.String("o", "pkg/knowledge/embedded_gen.go", "the file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genbase:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	files, err := knowledge.EmbeddedFiles()
	if err != nil {
		return err
	}
	b, err := knowledge.Load(files)
	if err != nil {
		return fmt.Errorf("the embedded rules do not load:\n%w", err)
	}
	src, err := gobase.Generate(b)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil // unchanged: keep the file's time, so make sees nothing new
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
