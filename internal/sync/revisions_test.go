package sync_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// secondVersion is the sample with one word changed: a later revision.
func secondVersion(t *testing.T) []byte {
	t.Helper()
	v := bytes.Replace(library.SampleArticle(), []byte("church"), []byte("cathedral"), 1)
	if bytes.Equal(v, library.SampleArticle()) {
		t.Fatal("the sample no longer says church")
	}
	return v
}

// sharedSample is the sample story on both desks, with alice's quote on
// its first revision, synced.
func sharedSample(t *testing.T, e *env) (alice, bob desk, storyID, quoteID string) {
	t.Helper()
	alice, bob = newDesk(e, "alice"), newDesk(e, "bob")
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	tick := func() time.Time { clock = clock.Add(time.Minute); return clock } // revisions are ordered by when they were added
	alice.lib.Now, bob.lib.Now = tick, tick
	_, st, q := sharedTag(t, alice, bob, annotation.KindQuote)
	return alice, bob, st.ID, q.ID
}

// addVersion adds the second version on d's desk and tags words of it.
func addVersion(t *testing.T, d desk, storyID, tag string) (revisionID, tagID string) {
	t.Helper()
	s := d.open(t, storyID)
	_, err := s.AddRevision(ctx, "later.txt", secondVersion(t))
	must(t, err)
	p, err := s.Tag(ctx, words(t, s, tag), annotation.KindClaim)
	must(t, err)
	return s.Revision().ID, p.ID
}

// annotationsOn lists the annotations of story storyID on revisionID.
func annotationsOn(t *testing.T, d desk, storyID, revisionID string) []store.Annotation {
	t.Helper()
	anns, err := d.s.Annotations(ctx, storyID)
	must(t, err)
	var out []store.Annotation
	for _, a := range anns {
		if a.Revision == revisionID {
			out = append(out, a)
		}
	}
	return out
}

// The same file added as a revision on two devices offline is one
// revision once they sync, with one copy of the carried quote, and the
// annotation each made on it is kept.
func TestSameFileOnTwoDevicesIsOneRevision(t *testing.T) {
	for _, first := range []string{"alice", "bob"} {
		t.Run(first+" syncs first", func(t *testing.T) {
			e := newEnv(t)
			alice, bob, storyID, _ := sharedSample(t, e)
			ra, claimA := addVersion(t, alice, storyID, "Vladimir Putin prayed")
			rb, claimB := addVersion(t, bob, storyID, "Russian artist")
			if ra != rb {
				t.Errorf("the same file got ids %s and %s", ra, rb)
			}
			order := []*sync.Replica{alice.r, bob.r}
			if first == "bob" {
				order = []*sync.Replica{bob.r, alice.r}
			}
			syncAll(t, order...)
			revs, err := e.db.Revisions(ctx, "desk", storyID)
			must(t, err)
			if len(revs) != 2 {
				t.Errorf("the server has %d revisions, want 2", len(revs))
			}
			for name, d := range map[string]desk{"alice": alice, "bob": bob} {
				got, err := d.s.Revisions(ctx, storyID)
				must(t, err)
				if len(got) != 2 {
					t.Errorf("%s has %d revisions, want 2", name, len(got))
				}
				kinds := map[string]int{}
				ids := map[string]bool{}
				for _, a := range annotationsOn(t, d, storyID, ra) {
					kinds[string(a.Kind)]++
					ids[a.ID] = true
				}
				if kinds["quote"] != 1 || kinds["claim"] != 2 || !ids[claimA] || !ids[claimB] {
					t.Errorf("%s: on the new revision %v (%v), want the carried quote once and both claims", name, kinds, ids)
				}
				for _, a := range annotationsOn(t, d, storyID, ra) {
					if cs, _ := d.s.Marks(a.ID); len(cs) != 0 {
						t.Errorf("%s: %s is in conflict: %+v", name, a.ID, cs)
					}
				}
				if st := d.r.State(); st.Kind != sync.StateSynced {
					t.Errorf("%s: state %+v", name, st)
				}
			}
			assertSame(t, alice.r, bob.r)
		})
	}
}

// A revision of a project story is deleted through sync: it goes on the
// other device with the annotations on it; the revision before keeps
// its own. Undone before it synced, it comes back under its id; undone
// after, under a new one, with its annotations.
func TestDeleteRevisionSyncs(t *testing.T) {
	e := newEnv(t)
	alice, bob, storyID, quoteID := sharedSample(t, e)
	r2, _ := addVersion(t, alice, storyID, "Russian artist")
	syncAll(t, alice.r, bob.r)

	as := alice.open(t, storyID)
	must(t, as.DeleteRevision(ctx))
	if _, err := as.Undo(ctx); err != nil {
		t.Fatalf("undo before sync: %v", err)
	}
	if got := as.Revision().ID; got != r2 {
		t.Errorf("undone before sync: shows %s, want %s back", got, r2)
	}
	syncAll(t, alice.r, bob.r)
	if n := len(annotationsOn(t, bob, storyID, r2)); n != 2 {
		t.Errorf("bob has %d annotations on the revision deleted and undone, want 2", n)
	}

	must(t, as.DeleteRevision(ctx))
	syncAll(t, alice.r, bob.r)
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		revs, err := d.s.Revisions(ctx, storyID)
		must(t, err)
		if len(revs) != 1 {
			t.Errorf("%s has %d revisions, want 1", name, len(revs))
		}
		if n := len(annotationsOn(t, d, storyID, r2)); n != 0 {
			t.Errorf("%s still has %d annotations on the deleted revision", name, n)
		}
		if p := placed(t, d.open(t, storyID), quoteID); p.Kind != annotation.KindQuote {
			t.Errorf("%s: the first revision's quote is %+v", name, p)
		}
	}
	if _, err := bob.s.DeleteRevision(ctx, storyID, revsOf(t, bob, storyID)[0].ID); err == nil {
		t.Error("deleting the only revision was not refused")
	}

	if _, err := as.Undo(ctx); err != nil {
		t.Fatalf("undo after sync: %v", err)
	}
	back := as.Revision().ID
	if back == r2 || len(as.Revisions) != 2 {
		t.Errorf("undone after sync: revision %s of %d, want a new id and 2 revisions", back, len(as.Revisions))
	}
	syncAll(t, alice.r, bob.r)
	if n := len(annotationsOn(t, bob, storyID, back)); n != 2 {
		t.Errorf("bob has %d annotations on the revision put back, want 2", n)
	}
	assertSame(t, alice.r, bob.r)
	for _, d := range []desk{alice, bob} {
		if st := d.r.State(); st.Kind != sync.StateSynced {
			t.Errorf("state %+v", st)
		}
	}
}

func revsOf(t *testing.T, d desk, storyID string) []annotation.Revision {
	t.Helper()
	revs, err := d.s.Revisions(ctx, storyID)
	must(t, err)
	return revs
}

// An annotation edited on one device while its revision is deleted on
// the other is kept, said to be deleted elsewhere, on the revision the
// story still has, whoever syncs first; so is one made on it meanwhile.
func TestEditAgainstDeletedRevisionIsKept(t *testing.T) {
	for _, first := range []string{"alice", "bob"} {
		t.Run(first+" syncs first", func(t *testing.T) {
			e := newEnv(t)
			alice, bob, storyID, _ := sharedSample(t, e)
			_, claim := addVersion(t, alice, storyID, "Russian artist")
			syncAll(t, alice.r, bob.r)

			must(t, alice.open(t, storyID).DeleteRevision(ctx))
			bs := bob.open(t, storyID)
			_, err := bs.Update(ctx, claim, library.Edit{Note: ptr("bob's note on the new revision")})
			must(t, err)
			fresh, err := bs.Tag(ctx, words(t, bs, "Kursk live"), annotation.KindQuote) // made against the delete
			must(t, err)
			order := []*sync.Replica{alice.r, bob.r}
			if first == "bob" {
				order = []*sync.Replica{bob.r, alice.r}
			}
			syncAll(t, order...)
			syncAll(t, order...)
			r1 := revsOf(t, alice, storyID)[0].ID
			for name, d := range map[string]desk{"alice": alice, "bob": bob} {
				if revs := revsOf(t, d, storyID); len(revs) != 1 {
					t.Errorf("%s has %d revisions, want 1", name, len(revs))
				}
				var kept []store.Annotation
				for _, a := range annotationsOn(t, d, storyID, r1) {
					if a.Note == "bob's note on the new revision" {
						kept = append(kept, a)
					}
				}
				if len(kept) != 1 {
					t.Fatalf("%s: %d annotations with bob's note on the revision left, want 1", name, len(kept))
				}
				if _, elsewhere := d.s.Marks(kept[0].ID); !elsewhere {
					t.Errorf("%s: the kept annotation does not say it was deleted elsewhere", name)
				}
				var quotes int
				for _, a := range annotationsOn(t, d, storyID, r1) {
					if a.Target.Selector.Quote != nil && a.Target.Selector.Quote.Exact == fresh.Target.Selector.Quote.Exact {
						quotes++
					}
				}
				if quotes != 1 {
					t.Errorf("%s: bob's new quote on the deleted revision is on the one left %d times, want once", name, quotes)
				}
			}
			assertSame(t, alice.r, bob.r)
		})
	}
}

// An annotation kept against a delete asks for a choice on both sides
// (#sync-status counts it with the conflicts) until one side keeps it,
// or deletes it, for all.
func TestKeptAgainstDeleteIsSettledForAll(t *testing.T) {
	for _, choice := range []string{"keep", "delete"} {
		t.Run(choice, func(t *testing.T) {
			e := newEnv(t)
			alice, bob, storyID, q := sharedSample(t, e)
			as, bs := alice.open(t, storyID), bob.open(t, storyID)
			must(t, as.Delete(ctx, q))
			_, err := bs.Update(ctx, q, library.Edit{Note: ptr("bob's reason to keep it")})
			must(t, err)
			syncAll(t, alice.r, bob.r)
			var kept string
			for name, d := range map[string]desk{"alice": alice, "bob": bob} {
				if st := d.r.State(); st.Kind != sync.StateConflict || st.Conflicts != 1 {
					t.Errorf("%s: state %+v, want one record asking for a choice", name, st)
				}
				for _, a := range annotationsOn(t, d, storyID, revsOf(t, d, storyID)[0].ID) {
					if _, elsewhere := d.s.Marks(a.ID); elsewhere {
						kept = a.ID
					}
				}
			}
			if kept == "" {
				t.Fatal("no annotation kept against the delete")
			}
			if choice == "keep" {
				must(t, alice.s.KeepDeletedElsewhere(ctx, kept))
			} else {
				must(t, alice.s.DeleteAnnotations(ctx, []store.Ref{{ID: kept, Rev: placed(t, alice.open(t, storyID), kept).Rev}}))
			}
			syncAll(t, alice.r, bob.r)
			for name, d := range map[string]desk{"alice": alice, "bob": bob} {
				if st := d.r.State(); st.Kind != sync.StateSynced {
					t.Errorf("%s: state %+v after alice chose to %s it", name, st, choice)
				}
				_, found := d.open(t, storyID).Find(kept)
				if found != (choice == "keep") {
					t.Errorf("%s: the kept annotation is on the page: %v, after alice chose to %s it", name, found, choice)
				}
				if _, elsewhere := d.s.Marks(kept); elsewhere && choice == "keep" {
					t.Errorf("%s: still marked deleted elsewhere", name)
				}
			}
		})
	}
}

// Rejected suggestions of a project story are kept with the replica: a
// reload (the replica opened again over its storage) still has them, a
// deleted revision takes them and its undo brings them back, and they
// are never sent to the server.
func TestRejectionsOutliveAReload(t *testing.T) {
	e := newEnv(t)
	mem := sync.NewMemory()
	open := func() *sync.LibraryStore {
		r, err := sync.Open(ctx, mem, e.transport("alice"), "alice-device")
		must(t, err)
		return sync.NewLibraryStore(r)
	}
	s := open()
	must(t, s.R.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	r1, err := s.R.AddRevision(ctx, annotation.Revision{StoryID: "s1", Text: "one", Added: created}, "")
	must(t, err)
	r2, err := s.R.AddRevision(ctx, annotation.Revision{StoryID: "s1", Text: "two", Added: created.Add(time.Hour)}, "")
	must(t, err)
	must(t, s.Reject(ctx, "s1", r2, "quote 3-9 «super smart»"))
	must(t, s.Reject(ctx, "s1", r1, "claim 0-4"))
	must(t, s.R.Sync(ctx))

	s = open()
	if got, err := s.Rejections(ctx, r2); err != nil || len(got) != 1 || got[0] != "quote 3-9 «super smart»" {
		t.Errorf("after a reload, rejections %q (%v)", got, err)
	}
	d, err := s.DeleteRevision(ctx, "s1", r2)
	must(t, err)
	if len(d.Rejections) != 1 {
		t.Errorf("the deleted revision took rejections %q, want its one", d.Rejections)
	}
	if got, _ := s.Rejections(ctx, r2); len(got) != 0 {
		t.Errorf("rejections of a deleted revision: %q", got)
	}
	must(t, s.R.Sync(ctx)) // the delete reaches the server: the undo is a new revision
	if _, err := s.AddRevision(ctx, d.Revision, d.Carried()); err != nil {
		t.Fatalf("undo: %v", err)
	}
	must(t, s.Reject(ctx, "s1", d.Revision.ID, d.Rejections[0]))
	revs, err := s.Revisions(ctx, "s1")
	must(t, err)
	if back := revs[len(revs)-1].ID; back == r2 {
		t.Errorf("the undo reused the deleted id %s", r2)
	} else if got, _ := s.Rejections(ctx, back); len(got) != 1 {
		t.Errorf("the revision put back has rejections %q, want the one it had", got)
	}
	must(t, s.Unreject(ctx, "s1", r1, "claim 0-4"))
	if got, _ := s.Rejections(ctx, r1); len(got) != 0 {
		t.Errorf("unrejected, still %q", got)
	}
	must(t, s.R.Sync(ctx))
	if st := s.R.State(); st.Kind != sync.StateSynced || st.Pending != 0 {
		t.Errorf("state %+v: rejections are not for the server", st)
	}
}
