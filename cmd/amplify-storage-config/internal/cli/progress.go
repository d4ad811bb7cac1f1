package cli

import (
	"fmt"
	"io"
	"sync"
)

// progress draws "[n/total] verb file" on one terminal line of stderr while a batch runs. It is
// only created when stderr is a terminal and CI is unset; a nil *progress does nothing.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	verb  string
	total int
	done  int
	width int
}

// newProgress returns a progress line for total items, or nil when progress must not be shown
// (not a terminal, in CI, too few items to be worth it, or no verb to show).
func (a *App) newProgress(verb string, total int) *progress {
	if total < 2 || verb == "" || !a.progressEnabled() { // no verb: work too quick to show
		return nil
	}
	return &progress{w: a.Stderr, verb: verb, total: total}
}

// step records that one item (name) finished.
func (p *progress) step(name string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	line := fmt.Sprintf("[%d/%d] %s %s", p.done, p.total, p.verb, name)
	if len(line) > 78 {
		line = line[:75] + "..."
	}
	pad := max(p.width-len(line), 0)
	p.width = len(line)
	fmt.Fprintf(p.w, "\r%s%*s", line, pad, "")
}

// finish erases the progress line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%*s\r", p.width, "")
}
