package sync_test

import "testing"

// A colleague adds a revision while alice types a note on the latest one
// (a watched page's capture does the same on the server): once her tab
// has it, her session shows the new latest, her editor follows the
// annotation onto its copy, and the words she typed, the ones saved on
// the old revision after the copy was made too, go on the copy once, in
// order, with no "both kept" and no conflict (tester 5, bug 12).
func TestTypingFollowsTheAnnotationOntoARevisionThatArrives(t *testing.T) {
	e := newEnv(t)
	alice, bob, storyID, q := sharedSample(t, e)
	as := alice.open(t, storyID)
	save := func(id, base, value string) {
		t.Helper()
		_, both, err := as.UpdateField(ctx, id, "note", base, value)
		must(t, err)
		if both {
			t.Errorf("saving %q said both texts were kept: nobody else wrote", value)
		}
	}
	save(q, "", "Watching:")
	syncAll(t, alice.r, bob.r)

	bs := bob.open(t, storyID)
	_, err := bs.AddRevision(ctx, "later.txt", secondVersion(t))
	must(t, err)
	must(t, bob.r.Sync(ctx))

	save(q, "Watching:", "Watching: w1") // on the old revision: alice's tab has not synced yet
	must(t, alice.r.Sync(ctx))
	followed, err := as.ReloadFollowing(ctx, q)
	must(t, err)
	if !followed || as.Current != len(as.Revisions)-1 {
		t.Fatalf("followed %v, showing revision %d of %d: the reader stays on the old one", followed, as.Current+1, len(as.Revisions))
	}
	cp, ok := as.Follow(q)
	if !ok || cp.ID == q || cp.Revision != as.Revision().ID {
		t.Fatalf("the quote's copy on the new revision: %+v, %v", cp.Annotation, ok)
	}
	// The editor saves what it holds onto the copy, then goes on typing.
	save(cp.ID, "Watching: w1", "Watching: w1")
	save(cp.ID, "Watching: w1", "Watching: w1 w2")
	syncAll(t, alice.r, bob.r)

	bs2 := bob.open(t, storyID)
	got, ok := bs2.Find(cp.ID)
	if !ok || got.Note != "Watching: w1 w2" {
		t.Errorf("bob reads %q on the new revision, want %q", got.Note, "Watching: w1 w2")
	}
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		if st := d.r.State(); st.Conflicts != 0 {
			t.Errorf("%s has %d conflicts: nobody else edited the note", name, st.Conflicts)
		}
	}
}
