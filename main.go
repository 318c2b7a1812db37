// Command tcvpc is a command-line tool for the Tencent Cloud VPC API.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/tcvpc/tcvpc/cmd"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cmd.Main(ctx, cmd.SystemFactory(), os.Args[1:])
	stop()
	os.Exit(code)
}
