//go:build !unix

package cli

// ignoreBrokenPipe has nothing to do where there is no SIGPIPE.
func ignoreBrokenPipe() {}
