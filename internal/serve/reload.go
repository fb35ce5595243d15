package serve

import (
	"fmt"
	"net/http"
	"sync"
)

// reloadScript is injected into pages while serving (never into a build):
// it reloads the page when the server says the site was rebuilt.
const reloadScript = `(function () {
  var es = new EventSource("/_jinzhan/events");
  es.onmessage = function () { location.reload(); };
})();
`

// hub tells every open page about a rebuild.
type hub struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
}

func newHub() *hub { return &hub{clients: map[chan struct{}]bool{}} }

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending for that page
		}
	}
}

// ServeHTTP streams server-sent events, one per rebuild.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan struct{}, 1)
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c:
			fmt.Fprint(w, "data: reload\n\n")
			flusher.Flush()
		}
	}
}
