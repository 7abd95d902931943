package sqlstore

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// hub wakes the readers waiting for a project's next change. SQLite
// writes signal it directly; with PostgreSQL a listener connection
// signals it on every NOTIFY, from this process or any other.
type hub struct {
	mu      sync.Mutex
	waiting map[string]chan struct{} // closed on the project's next change
}

func newHub() *hub { return &hub{waiting: map[string]chan struct{}{}} }

// wait returns a channel closed at the project's next signal.
func (h *hub) wait(project string) <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch, ok := h.waiting[project]
	if !ok {
		ch = make(chan struct{})
		h.waiting[project] = ch
	}
	return ch
}

func (h *hub) signal(project string, _ int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ch, ok := h.waiting[project]; ok {
		close(ch)
		delete(h.waiting, project)
	}
}

// signalAll wakes everyone: after the listener lost its connection it
// cannot know what it missed, so every waiter looks again.
func (h *hub) signalAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for project, ch := range h.waiting {
		close(ch)
		delete(h.waiting, project)
	}
}

// listen keeps one PostgreSQL connection LISTENing on notifyChannel and
// passes each notification ("project:seq") to h, reconnecting after a
// failure. The first connection is made before it returns, so a caller
// misses nothing written after Open.
func listen(ctx context.Context, dsn string, h *hub) (stop func(), err error) {
	conn, err := listenConn(ctx, dsn)
	if err != nil {
		return nil, err
	}
	lctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			if conn != nil {
				n, err := conn.WaitForNotification(lctx)
				if err == nil {
					project, seq, _ := strings.Cut(n.Payload, ":")
					s, _ := strconv.ParseInt(seq, 10, 64)
					h.signal(project, s)
					continue
				}
				conn.Close(context.Background())
				conn = nil
				h.signalAll()
			}
			select {
			case <-lctx.Done():
				return
			case <-time.After(time.Second):
			}
			conn, _ = listenConn(lctx, dsn)
		}
	}()
	return func() { cancel(); <-done }, nil
}

func listenConn(ctx context.Context, dsn string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return conn, nil
}
