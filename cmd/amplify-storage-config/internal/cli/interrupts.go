package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptible returns ctx, made to be cancelled by an interrupt (Ctrl-C) or SIGTERM when
// watch is true, and the function that stops watching for them. Runs that write a file or
// evaluate JavaScript in child processes ask for it: an interrupt then stops them between
// steps, so that no temporary file or child is left behind. Every other run keeps each
// signal's default, ending the process at once, which loses nothing (it only reads and
// prints). Watching for signals starts two or three threads, about 1 ms of a short run, which
// is why not every run does it. With App.Interrupts nil (tests, library use) nothing is
// watched.
func (a *App) interruptible(ctx context.Context, watch bool) (context.Context, context.CancelFunc) {
	if !watch || a.Interrupts == nil {
		return ctx, func() {}
	}
	return a.Interrupts(ctx)
}

// notifyInterrupts is App.Interrupts for the process: ctx cancelled by SIGINT or SIGTERM.
func notifyInterrupts(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}
