package sync_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// A viewer's edit the server refuses (403 on the push) is set aside, and
// the viewer still receives colleagues' changes (tester 5: the first
// refused push stopped all sync for that browser for good).
func TestRefusedPushStillPulls(t *testing.T) {
	e := newEnv(t)
	must(t, e.db.SetMember(ctx, store.Actor{User: "alice"}, store.Member{Project: "desk", User: "carol", Role: store.RoleViewer}))
	bob, carol := e.replica("bob", nil), e.replica("carol", nil)
	must(t, bob.PutAnnotation(ctx, quote(id1, "first")))
	must(t, bob.Sync(ctx))

	must(t, carol.PutAnnotation(ctx, quote(id2, "a viewer's quote")))
	if err := carol.Sync(ctx); err != nil {
		t.Fatalf("a refused push stopped the sync: %v", err)
	}
	st := carol.State()
	if st.Kind != sync.StateRefused || st.Refused != 1 || st.Pending != 0 || strings.Contains(st.Reason, "no longer") {
		t.Errorf("state after the refusal: %+v", st)
	}
	if _, err := carol.Annotation(id1); err != nil {
		t.Errorf("the pull did not bring bob's annotation: %v", err)
	}
	if got := ann(t, carol, id2).Target.Selector.Quote.Exact; got != "a viewer's quote" {
		t.Errorf("the refused quote was not kept aside: %q", got)
	}

	a := ann(t, bob, id1)
	a.Note = "Bob note for viewer test."
	must(t, bob.PutAnnotation(ctx, a))
	must(t, bob.Sync(ctx))
	must(t, carol.Sync(ctx))
	if got := ann(t, carol, id1).Note; got != a.Note {
		t.Errorf("carol did not receive bob's later note: %q", got)
	}
	if st := carol.State(); st.Kind != sync.StateRefused {
		t.Errorf("the refused change was forgotten: %+v", st)
	}

	n, err := carol.DiscardRefused(ctx)
	must(t, err)
	if n != 1 {
		t.Errorf("discarded %d records, want 1", n)
	}
	if _, err := carol.Annotation(id2); !errors.Is(err, sync.ErrDeleted) {
		t.Errorf("the discarded quote is still there: %v", err)
	}
	must(t, carol.Sync(ctx))
	if st := carol.State(); st.Kind != sync.StateSynced || st.Refused != 0 {
		t.Errorf("state after the discard: %+v", st)
	}
	if got := ann(t, carol, id1).Note; got != a.Note {
		t.Errorf("the discard touched bob's annotation: %q", got)
	}
}

// A viewer's edit of a colleague's annotation, discarded, goes back to
// the colleague's text.
func TestDiscardRefusedEditRestoresTheServers(t *testing.T) {
	e := newEnv(t)
	must(t, e.db.SetMember(ctx, store.Actor{User: "alice"}, store.Member{Project: "desk", User: "carol", Role: store.RoleViewer}))
	bob, carol := e.replica("bob", nil), e.replica("carol", nil)
	must(t, bob.PutAnnotation(ctx, quote(id1, "first")))
	syncAll(t, bob, carol)
	a := ann(t, carol, id1)
	a.Note = "carol's"
	must(t, carol.PutAnnotation(ctx, a))
	must(t, carol.Sync(ctx))
	if _, err := carol.DiscardRefused(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ann(t, carol, id1).Note; got != "" {
		t.Errorf("the note after the discard: %q", got)
	}
	if st := carol.State(); st.Kind != sync.StateSynced {
		t.Errorf("state %+v", st)
	}
}
