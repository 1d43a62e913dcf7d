// Command stackadvisor recommends a container stack; see README.md.
package main

import (
	"os"

	"github.com/stackadvisor/stackadvisor/pkg/cli"
)

func main() { os.Exit(cli.Run()) }
