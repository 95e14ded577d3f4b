// Command knead turns massage instructions into safe, timed, step-by-step
// sessions. Everything it does is in package cli; see 'knead help'.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/knead/knead/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.System())
	stop()
	os.Exit(code)
}
