// Package storetest is the conformance suite every store.Store must pass.
// It is a plain function rather than a go test, so the same checks run
// natively against store.Memory and inside a browser against IndexedDB.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/redline-news/redline/internal/store"
)

// A check exercises one rule on a fresh, empty store and returns the
// first way the store breaks it.
type check struct {
	name string
	run  func(ctx context.Context, s store.Store) error
}

var checks = []check{
	{"story revs", checkStoryRevs},
	{"story order", checkStoryOrder},
	{"annotation round trip", checkRoundTrip},
	{"no aliasing", checkAliasing},
	{"annotation order", checkAnnotationOrder},
	{"annotation revs", checkAnnotationRevs},
	{"all-or-nothing batches", checkBatches},
	{"large batch", checkLargeBatch},
	{"delete annotations", checkDeleteAnnotations},
	{"revisions", checkRevisions},
	{"revision with annotations", checkAddRevisionAtomic},
	{"isolation between stories", checkIsolation},
	{"rejections", checkRejections},
	{"rejection rules", checkRejectionRules},
	{"rejections deleted with their story", checkRejectionsDeleted},
	{"delete revision", checkDeleteRevision},
	{"concurrent revision deletes", checkConcurrentRevisionDeletes},
	{"cancelled context", checkCancelled},
	{"cancel during a write", checkCancelMidWrite},
	{"cancel during a revision delete", checkCancelMidDeleteRevision},
	{"concurrent writers", func(ctx context.Context, s store.Store) error { return ConcurrentWriters(ctx, s, 10) }},
}

// Check runs every check, each on a store of its own from newStore, and
// returns one error per failed check, prefixed with the check's name. An
// empty result means the store conforms.
func Check(ctx context.Context, newStore func() (store.Store, error)) []error {
	var failures []error
	for _, c := range checks {
		s, err := newStore()
		if err == nil {
			err = c.run(ctx, s)
		}
		if err != nil {
			failures = append(failures, fmt.Errorf("%s: %w", c.name, err))
		}
	}
	return failures
}

// wantErr reports unless err wraps want.
func wantErr(what string, err, want error) error {
	if !errors.Is(err, want) {
		return fmt.Errorf("%s: got error %v, want one wrapping %q", what, err, want)
	}
	return nil
}

// same reports unless got and want are deeply equal.
func same(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s:\n got  %s\n want %s", what, show(got), show(want))
	}
	return nil
}

// show prints a value with what its pointers point to (selectors).
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}

// sameList is same for lists, where nil and empty are the same.
func sameList[T any](what string, got, want []T) error {
	if len(got) == 0 && len(want) == 0 {
		return nil
	}
	return same(what, got, want)
}

// firstErr runs steps in order and returns the first failure: each check
// is a list of steps that depend on the ones before.
func firstErr(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
