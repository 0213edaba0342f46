// Nimbus Admin: the desktop tool for Nimbus tenant administrators. With a verb it serves
// scripts from the command line; without one it opens the window.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"os/signal"

	"nimbusadmin/app/buildinfo"
	"nimbusadmin/app/cli"
	"nimbusadmin/app/initlog"
)

// fyneApp is the app's metadata, the one place its version is written: fyne package
// reads it for the packages, and `nimbusadmin version` and the About read it from here.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	buildinfo.Set(buildinfo.Read(fyneApp))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	g, rest, err := cli.ParseGlobals(os.Args[1:], os.Getenv)
	if err != nil || len(rest) > 0 {
		attachConsole()
		initlog.Release(io.Discard)
		os.Exit(cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
	}
	initlog.Release(os.Stderr)
	if err := runWindow(ctx, g); err != nil {
		fmt.Fprintf(os.Stderr, "nimbusadmin: %v\n", err)
		os.Exit(1)
	}
}
