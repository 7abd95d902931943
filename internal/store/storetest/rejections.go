package storetest

import (
	"context"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// Keys as internal/library makes them, plus ones whose byte order and
// UTF-16 order differ (an astral letter sorts after U+FF5E in UTF-8, before
// it in UTF-16), so an implementation that returns the database's order
// unsorted is caught.
const (
	keyQuote  = "quote:12-40"
	keyClaim  = "claim:0-95"
	keyAstral = "claim:𝔘"
	keyWide   = "claim:～"
)

// checkRejections: rejections round-trip sorted, once however often they
// are made, per revision, and Unreject forgets them.
func checkRejections(ctx context.Context, s store.Store) error {
	reject := func(revID, key string) func() error {
		return func() error { return s.Reject(ctx, "s1", revID, key) }
	}
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.AddRevision(ctx, newRevision("r1", "s1", day), nil); return err },
		func() error { _, err := s.AddRevision(ctx, newRevision("r2", "s1", day), nil); return err },
		func() error { return listRejections(ctx, s, "r1", "none yet") },
		reject("r1", keyQuote), reject("r1", keyAstral), reject("r1", keyWide), reject("r1", keyClaim),
		reject("r1", keyQuote), // again: no second record
		reject("r2", keyQuote),
		func() error {
			return listRejections(ctx, s, "r1", "after rejecting", keyClaim, keyWide, keyAstral, keyQuote)
		},
		func() error { return listRejections(ctx, s, "r2", "the other revision", keyQuote) },
		func() error { return s.Unreject(ctx, "s1", "r1", keyQuote) },
		func() error { return s.Unreject(ctx, "s1", "r1", keyQuote) }, // again: nothing to forget
		func() error { return s.Unreject(ctx, "s1", "r1", "never rejected") },
		func() error { return listRejections(ctx, s, "r1", "after unrejecting", keyClaim, keyWide, keyAstral) },
		func() error { return listRejections(ctx, s, "r2", "the other revision after unrejecting", keyQuote) },
	)
}

// checkRejectionRules: what Reject, Unreject and Rejections refuse, and
// that a refused call writes nothing: a refused Reject adds no key, a
// refused Unreject removes none.
func checkRejectionRules(ctx context.Context, s store.Store) error {
	type call struct {
		what                string
		storyID, revisionID string
		noKey               bool
		want                error
	}
	calls := []call{
		{"no story", "", "r1", false, store.ErrInvalid},
		{"no revision", "s1", "", false, store.ErrInvalid},
		{"no key", "s1", "r1", true, store.ErrInvalid},
		{"a missing revision", "s1", "gone", false, store.ErrNotFound},
		{"a missing story's revision", "gone", "gone", false, store.ErrNotFound},
		{"another story's revision", "s2", "r1", false, store.ErrInvalid},
	}
	steps := []func() error{
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutStory(ctx, newStory("s2")); return err },
		func() error { _, err := s.AddRevision(ctx, newRevision("r1", "s1", day), nil); return err },
		func() error { return s.Reject(ctx, "s1", "r1", keyQuote) },
	}
	for _, c := range calls {
		key := func(k string) string {
			if c.noKey {
				return ""
			}
			return k
		}
		steps = append(steps,
			func() error {
				return wantErr("Reject of "+c.what, s.Reject(ctx, c.storyID, c.revisionID, key(keyClaim)), c.want)
			},
			func() error {
				return wantErr("Unreject of "+c.what, s.Unreject(ctx, c.storyID, c.revisionID, key(keyQuote)), c.want)
			},
		)
	}
	return firstErr(append(steps,
		func() error { return listRejections(ctx, s, "r1", "after refused calls", keyQuote) },
		func() error {
			_, err := s.Rejections(ctx, "")
			return wantErr("Rejections without revision id", err, store.ErrInvalid)
		},
		func() error {
			_, err := s.Rejections(ctx, "gone")
			return wantErr("Rejections of a missing revision", err, store.ErrNotFound)
		},
	)...)
}

// checkRejectionsDeleted: a deleted story takes its rejections with it
// (the same ids stored again start with none) and leaves other stories'.
func checkRejectionsDeleted(ctx context.Context, s store.Store) error {
	fill := func(storyID string) func() error {
		return func() error {
			if _, err := s.PutStory(ctx, newStory(storyID)); err != nil {
				return err
			}
			if _, err := s.AddRevision(ctx, newRevision(storyID+"-r1", storyID, day), nil); err != nil {
				return err
			}
			return s.Reject(ctx, storyID, storyID+"-r1", keyAstral)
		}
	}
	return firstErr(
		fill("A"), fill("B"),
		func() error { return s.DeleteStory(ctx, "A") },
		func() error {
			_, err := s.Rejections(ctx, "A-r1")
			return wantErr("Rejections of a deleted story's revision", err, store.ErrNotFound)
		},
		func() error {
			return wantErr("Reject on a deleted story's revision", s.Reject(ctx, "A", "A-r1", keyQuote), store.ErrNotFound)
		},
		func() error { return listRejections(ctx, s, "B-r1", "the other story after delete", keyAstral) },
		func() error { _, err := s.PutStory(ctx, newStory("A")); return err },
		func() error { _, err := s.AddRevision(ctx, newRevision("A-r1", "A", day), nil); return err },
		func() error { return listRejections(ctx, s, "A-r1", "a re-created story") },
	)
}

func listRejections(ctx context.Context, s store.Store, revisionID, what string, want ...string) error {
	got, err := s.Rejections(ctx, revisionID)
	if err != nil {
		return fmt.Errorf("%s: Rejections(%q): %w", what, revisionID, err)
	}
	return sameList(fmt.Sprintf("%s: Rejections(%q)", what, revisionID), got, want)
}
