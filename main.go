// Nimbus Admin: the desktop tool for Nimbus tenant administrators. With a verb it serves
// scripts from the command line; without one it opens the window.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	fyneapp "fyne.io/fyne/v2/app"

	"nimbusadmin/app"
	"nimbusadmin/app/cli"
	"nimbusadmin/app/initlog"
	"nimbusadmin/ui"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	g, rest, err := cli.ParseGlobals(os.Args[1:], os.Getenv)
	if err != nil || len(rest) > 0 {
		initlog.Release(io.Discard)
		os.Exit(cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
	}
	initlog.Release(os.Stderr)
	opts := g.Session(os.Stderr)
	if opts.DBPath == "" {
		opts.Demo = true // nobody is signed in: open the demo tenant
	}
	nimbus, err := app.OpenSession(ctx, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "nimbusadmin: %v\n", err)
		os.Exit(1)
	}
	defer nimbus.Store().Close()
	a := fyneapp.NewWithID("com.nimbusadmin.desktop")
	ui.NewMainWindow(a, nimbus, nil).ShowAndRun()
}
