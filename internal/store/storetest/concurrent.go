package storetest

import (
	"context"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// ConcurrentWriters plays two tabs saving the same annotation at the same
// time, rounds times: both read it at the same Rev and write; exactly one
// write may win, the other must fail with ErrConflict, and the stored
// annotation must be the winner's.
func ConcurrentWriters(ctx context.Context, s store.Store, rounds int) error {
	a := quoteOnly("a1", "s1")
	if _, err := s.PutStory(ctx, newStory("s1")); err != nil {
		return err
	}
	written, err := s.PutAnnotations(ctx, []store.Annotation{a})
	if err != nil {
		return err
	}
	a = written[0]
	for round := range rounds {
		start := make(chan struct{})
		results := make(chan writeResult, 2)
		for writer := range 2 {
			mine := a
			mine.Note = fmt.Sprintf("round %d, writer %d", round, writer)
			go func() {
				<-start
				got, err := s.PutAnnotations(ctx, []store.Annotation{mine})
				results <- writeResult{got, err}
			}()
		}
		close(start)
		winner, err := oneWinner(<-results, <-results)
		if err != nil {
			return fmt.Errorf("round %d: %w", round, err)
		}
		if err := listAnnotations(ctx, s, "s1", fmt.Sprintf("round %d", round), winner); err != nil {
			return err
		}
		a = winner
	}
	return nil
}

type writeResult struct {
	written []store.Annotation
	err     error
}

// oneWinner returns the winning write of two, or why there is not exactly
// one winner and one conflict.
func oneWinner(x, y writeResult) (store.Annotation, error) {
	if x.err != nil {
		x, y = y, x
	}
	switch {
	case x.err != nil:
		return store.Annotation{}, fmt.Errorf("both writes failed: %v; %v", x.err, y.err)
	case y.err == nil:
		return store.Annotation{}, errors.New("both writes won: one overwrote the other")
	case !errors.Is(y.err, store.ErrConflict):
		return store.Annotation{}, fmt.Errorf("the losing write failed with %v, want a conflict", y.err)
	case len(x.written) != 1:
		return store.Annotation{}, fmt.Errorf("the winning write returned %d annotations, want 1", len(x.written))
	}
	return x.written[0], nil
}
