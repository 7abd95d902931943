package ui

import (
	"slices"
	"sync"
	"testing"
)

// Operations run in the order their tickets were taken, whichever
// goroutine gets to run first.
func TestOpQueueRunsInTicketOrder(t *testing.T) {
	var q opQueue
	tickets := make([]int, 20)
	for i := range tickets {
		tickets[i] = q.ticket()
	}
	var (
		mu  sync.Mutex
		ran []int
		wg  sync.WaitGroup
	)
	for i := len(tickets) - 1; i >= 0; i-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.run(tickets[i], func() {
				mu.Lock()
				ran = append(ran, i)
				mu.Unlock()
			})
		}()
	}
	wg.Wait()
	if !slices.IsSorted(ran) || len(ran) != len(tickets) {
		t.Errorf("ran in order %v", ran)
	}
}
