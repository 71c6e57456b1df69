package main

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// faultLayer sits in front of the simulator's ServeMux and makes the vCenter misbehave on request: it holds requests
// while frozen, adds latency, and answers the next N requests with an HTTP status and an empty body before they
// reach the simulator (what a reverse proxy in front of a restarting vCenter does). It applies to /sdk only (the
// vim25 endpoint, its vimService alias and vimServiceVersions.xml) and never to the launcher's own requests, which
// carry the agent string as their User-Agent.
type faultLayer struct {
	next  http.Handler
	agent string

	mu          sync.Mutex
	failLeft    int
	failStatus  int
	frozenUntil time.Time
	delay       time.Duration
	requests    int64 // requests of the client under test that reached the fault layer
	failed      int64 // of those, answered with an injected status
	done        chan struct{}
	stopped     bool
}

func newFaultLayer(next http.Handler, agent string) *faultLayer {
	return &faultLayer{next: next, agent: agent, failStatus: http.StatusServiceUnavailable, done: make(chan struct{})}
}

func (f *faultLayer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !isSDK(r.URL.Path) || r.UserAgent() == f.agent {
		f.next.ServeHTTP(w, r)
		return
	}

	// Order of a request's path: network (freeze, then latency), then the proxy that may refuse it, then vCenter.
	f.waitWhileFrozen(r)
	if d := f.currentDelay(); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		case <-f.done:
		}
	}

	f.mu.Lock()
	f.requests++
	status := 0
	if f.failLeft > 0 {
		f.failLeft--
		f.failed++
		status = f.failStatus
	}
	f.mu.Unlock()

	if status != 0 {
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(status)
		return
	}
	f.next.ServeHTTP(w, r)
}

func isSDK(path string) bool { return path == "/sdk" || strings.HasPrefix(path, "/sdk/") }

// fail makes the next count requests answer with status; count 0 clears a pending fault.
func (f *faultLayer) fail(count, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failLeft = count
	f.failStatus = status
}

// freeze holds every request that arrives (or is waiting) until d from now; d 0 releases them at once.
func (f *faultLayer) freeze(d time.Duration) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frozenUntil = time.Now().Add(d)
	return f.frozenUntil
}

func (f *faultLayer) setDelay(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delay = d
}

func (f *faultLayer) currentDelay() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.delay
}

type faultStats struct {
	Requests   int64 `json:"requests"`
	Failed     int64 `json:"failed"`
	FailLeft   int   `json:"failLeft"`
	FailStatus int   `json:"failStatus"`
	DelayMs    int64 `json:"delayMs"`
	FrozenMs   int64 `json:"frozenMs"` // how much longer requests are held
}

func (f *faultLayer) stats() faultStats {
	f.mu.Lock()
	defer f.mu.Unlock()
	frozen := time.Until(f.frozenUntil)
	if frozen < 0 {
		frozen = 0
	}
	return faultStats{Requests: f.requests, Failed: f.failed, FailLeft: f.failLeft, FailStatus: f.failStatus,
		DelayMs: f.delay.Milliseconds(), FrozenMs: frozen.Milliseconds()}
}

// waitWhileFrozen polls rather than sleeping once, so that a later freeze (longer, shorter or 0) applies to requests
// already waiting.
func (f *faultLayer) waitWhileFrozen(r *http.Request) {
	for {
		f.mu.Lock()
		remaining := time.Until(f.frozenUntil)
		f.mu.Unlock()
		if remaining <= 0 {
			return
		}
		if remaining > 20*time.Millisecond {
			remaining = 20 * time.Millisecond
		}
		select {
		case <-time.After(remaining):
		case <-r.Context().Done():
			return
		case <-f.done:
			return
		}
	}
}

// shutdown releases held requests, so that closing the server (which waits for requests in flight) is not held up
// by a freeze.
func (f *faultLayer) shutdown() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.stopped {
		f.stopped = true
		close(f.done)
	}
}
