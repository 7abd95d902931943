package ui

import "sync"

// opQueue runs the story's session operations one at a time, in the
// order they were asked for. A plain mutex would let two goroutines that
// wait on it go in either order, so a note saved just before a revision
// is added could be stored after it, on a revision no longer shown.
type opQueue struct {
	mu            sync.Mutex
	turn          sync.Cond
	next, serving int
}

// ticket takes a place in the queue; call it where the operation is asked
// for (the UI goroutine), then run(ticket, op) from any goroutine.
func (q *opQueue) ticket() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	t := q.next
	q.next++
	return t
}

// run waits for the ticket's turn, runs op, and lets the next one go.
func (q *opQueue) run(t int, op func()) {
	q.mu.Lock()
	if q.turn.L == nil {
		q.turn.L = &q.mu
	}
	for q.serving != t {
		q.turn.Wait()
	}
	q.mu.Unlock()
	defer func() {
		q.mu.Lock()
		q.serving++
		q.turn.Broadcast()
		q.mu.Unlock()
	}()
	op()
}
