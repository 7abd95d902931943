package sync_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// stale answers the feed with an old page it read before, once: a
// delivery out of order.
type stale struct {
	sync.Transport
	old *sync.Feed
}

func (s *stale) Changes(ctx context.Context, since int64, limit int) (sync.Feed, error) {
	if s.old != nil {
		f := *s.old
		s.old = nil
		return f, nil
	}
	return s.Transport.Changes(ctx, since, limit)
}

func TestOutOfOrderDeliveryKeepsTheNewer(t *testing.T) {
	e := newEnv(t)
	alice := e.replica("alice", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice)
	oldFeed, err := e.transport("alice").Changes(ctx, 0, 10)
	must(t, err)
	a := ann(t, alice, id1)
	a.Note = "newer"
	must(t, alice.PutAnnotation(ctx, a))
	syncAll(t, alice)
	tr := &stale{Transport: e.transport("bob")}
	bob := e.replica("bob", tr)
	syncAll(t, bob) // the current feed
	tr.old = &oldFeed
	must(t, bob.Sync(ctx)) // then the old page again
	if got := ann(t, bob, id1).Note; got != "newer" {
		t.Errorf("after an old page: note %q", got)
	}
}

func TestOldCheckpointConverges(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	must(t, alice.PutAnnotation(ctx, quote(id1, "one")))
	must(t, alice.PutAnnotation(ctx, quote(id2, "two")))
	syncAll(t, alice, bob) // bob's checkpoint is here
	for i := range 20 {    // then many writes the server's log compacts to one row per record
		a := ann(t, alice, id1)
		a.Note = string(rune('a' + i))
		must(t, alice.PutAnnotation(ctx, a))
		must(t, alice.Sync(ctx))
	}
	must(t, alice.DeleteAnnotation(ctx, id2))
	must(t, alice.Sync(ctx))
	must(t, bob.Sync(ctx))
	if got := ann(t, bob, id1).Note; got != "t" {
		t.Errorf("note %q, want the last", got)
	}
	if rec, _ := bob.Record(sync.KindAnnotation, id2); !rec.Deleted {
		t.Errorf("the deleted annotation is live on bob")
	}
	fresh := e.replica("carol", nil) // checkpoint 0
	must(t, fresh.Sync(ctx))
	assertSame(t, bob, fresh)
}

func TestFailedSaveChangesNothing(t *testing.T) {
	mem := sync.NewMemory()
	r, err := sync.Open(ctx, mem, nil, "d")
	must(t, err)
	mem.FailCommits(1)
	if err := r.PutAnnotation(ctx, quote(id1, "x")); err == nil {
		t.Fatal("a failed save was reported as saved")
	}
	if _, ok := r.Record(sync.KindAnnotation, id1); ok {
		t.Error("a failed save left a record")
	}
	must(t, r.PutAnnotation(ctx, quote(id1, "x")))
	again, err := sync.Open(ctx, mem, nil, "d")
	must(t, err)
	if st := again.State(); st.Kind != sync.StateLocal || st.Pending != 1 {
		t.Errorf("reopened state %+v, want local with 1 queued in the same transaction", st)
	}
	if err := r.PutAnnotation(ctx, annotation.Annotation{ID: "not-a-urn"}); err == nil {
		t.Error("a bad id was accepted")
	}
}

func TestStateErrorOnRefusal(t *testing.T) {
	e := newEnv(t)
	tr := e.transport("alice")
	tr.Token = "revoked"
	r := e.replica("alice", tr)
	must(t, r.PutAnnotation(ctx, quote(id1, "x")))
	if r.Sync(ctx) == nil {
		t.Fatal("sync with a bad token succeeded")
	}
	if st := r.State(); st.Kind != sync.StateError || !strings.Contains(st.Reason, "signed out") || st.Pending != 1 {
		t.Errorf("state %+v", st)
	}
}

func TestRemovedMemberStopsWithAPlainMessage(t *testing.T) {
	e := newEnv(t)
	bob := e.replica("bob", nil)
	must(t, bob.PutAnnotation(ctx, quote(id1, "x")))
	must(t, bob.Sync(ctx))
	must(t, e.db.RemoveMember(ctx, store.Actor{User: "alice"}, "desk", "bob"))
	a := ann(t, bob, id1)
	a.Note = "written after removal"
	must(t, bob.PutAnnotation(ctx, a))
	if bob.Sync(ctx) == nil {
		t.Fatal("a removed member synced")
	}
	st := bob.State()
	if st.Kind != sync.StateError || !strings.Contains(st.Reason, "no longer a member") || st.Pending != 1 {
		t.Errorf("state %+v", st)
	}
	if got := ann(t, bob, id1).Note; got != a.Note {
		t.Errorf("local edit lost: %q", got)
	}
}

// assertSame checks two replicas hold the same records (but for
// tombstones of what one created and deleted before it ever synced).
func assertSame(t testing.TB, a, b *sync.Replica) {
	t.Helper()
	ra, rb := known(a.Records()), known(b.Records())
	if len(ra) != len(rb) {
		t.Fatalf("%d records vs %d", len(ra), len(rb))
	}
	for i := range ra {
		x, y := ra[i], rb[i]
		if x.Kind != y.Kind || x.ID != y.ID || x.Deleted != y.Deleted || !x.Shared().Equal(y.Shared()) {
			t.Errorf("%s %s differs:\n%+v\n%+v", x.Kind, x.ID, x, y)
		}
	}
}

func known(rs []sync.Record) []sync.Record {
	return slices.DeleteFunc(rs, func(r sync.Record) bool { return r.Deleted && r.BaseSeq == 0 })
}

// An annotation the server would refuse is kept, shown as an error, and
// holds up nothing else; fixed, it goes.
func TestInvalidChangeHoldsUpNothing(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	bad := quote(id1, "x")
	bad.Target.Selector.Quote = nil // no selector: not an annotation Redline can write
	must(t, alice.PutAnnotation(ctx, bad))
	must(t, alice.PutAnnotation(ctx, quote(id2, "fine")))
	_ = alice.Sync(ctx)
	st := alice.State()
	if st.Kind != sync.StateError || !strings.Contains(st.Reason, id1) || st.Pending != 1 {
		t.Errorf("state %+v", st)
	}
	syncAll(t, bob)
	if _, err := bob.Annotation(id2); err != nil {
		t.Errorf("the valid annotation did not go: %v", err)
	}
	must(t, alice.PutAnnotation(ctx, quote(id1, "fixed")))
	syncAll(t, alice, bob)
	if st := alice.State(); st.Kind != sync.StateSynced {
		t.Errorf("after the fix: state %+v", st)
	}
	if got := ann(t, bob, id1).Target.Selector.Quote.Exact; got != "fixed" {
		t.Errorf("bob has %q", got)
	}
}

// A pulled page and its checkpoint are one transaction: when it fails,
// neither is kept, and the next sync reads the page again.
func TestPullIsAllOrNothing(t *testing.T) {
	e := newEnv(t)
	alice := e.replica("alice", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "x")))
	must(t, alice.Sync(ctx))
	mem := sync.NewMemory()
	bob, err := sync.Open(ctx, mem, e.transport("bob"), "bob-device")
	must(t, err)
	mem.FailCommits(1)
	if bob.Sync(ctx) == nil {
		t.Fatal("a failed save was reported as synced")
	}
	if snap, _ := mem.Load(ctx); snap.Checkpoint != 0 || len(snap.Records) != 0 {
		t.Fatalf("a failed pull kept checkpoint %d and %d records", snap.Checkpoint, len(snap.Records))
	}
	must(t, bob.Sync(ctx))
	if _, err := bob.Annotation(id1); err != nil {
		t.Errorf("after the retry: %v", err)
	}
	if snap, _ := mem.Load(ctx); snap.Checkpoint == 0 {
		t.Error("checkpoint not stored")
	}
}
