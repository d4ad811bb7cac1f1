// Command amplify-storage-config reads, validates and migrates the storage configuration of AWS
// Amplify Gen 1 and Gen 2 projects. Run it with --help for the subcommands.
package main

import (
	"context"
	"os"

	"github.com/seed-258d3fb3/amplify-storage-config/cmd/amplify-storage-config/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
