package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

var (
	ctx   = context.Background()
	alice = store.Actor{User: "alice", Device: "laptop"}
)

// desk opens a new database with users alice (admin of "desk") and bob.
func desk(t *testing.T, engine string) *sqlstore.DB {
	t.Helper()
	db := sqltest.New(t, engine)
	must(t, db.CreateUser(ctx, store.User{Name: "alice", PasswordHash: "$argon2id$x"}))
	must(t, db.CreateUser(ctx, store.User{Name: "bob"}))
	must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "The desk"}, "alice"))
	return db
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantErr(t testing.TB, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
}

func doc(id, storyID, body string) store.Doc {
	return store.Doc{Project: "desk", ID: id, StoryID: storyID,
		JSON: []byte(`{"type":"Annotation","body":{"type":"TextualBody","value":"` + body + `"},"target":"urn:x"}`)}
}

func TestAccounts(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		u, err := db.User(ctx, "alice")
		must(t, err)
		if u.PasswordHash != "$argon2id$x" || u.Created.IsZero() {
			t.Errorf("User = %+v", u)
		}
		wantErr(t, "a user twice", db.CreateUser(ctx, store.User{Name: "alice"}), store.ErrConflict)
		_, err = db.User(ctx, "carol")
		wantErr(t, "a missing user", err, store.ErrNotFound)

		exp := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
		must(t, db.AddCredential(ctx, store.Credential{Hash: "h1", User: "alice", Kind: store.CredentialSession, Label: "Firefox", Expires: exp}))
		must(t, db.AddCredential(ctx, store.Credential{Hash: "h2", User: "bob", Kind: store.CredentialToken, Label: "script"}))
		wantErr(t, "a hash twice", db.AddCredential(ctx, store.Credential{Hash: "h1", User: "bob", Kind: store.CredentialToken}), store.ErrConflict)
		wantErr(t, "a credential of nobody", db.AddCredential(ctx, store.Credential{Hash: "h3", User: "carol", Kind: store.CredentialToken}), store.ErrNotFound)
		wantErr(t, "an unknown kind", db.AddCredential(ctx, store.Credential{Hash: "h3", User: "bob", Kind: "cookie"}), store.ErrInvalid)
		c, err := db.Credential(ctx, "h1")
		must(t, err)
		if c.User != "alice" || c.Kind != store.CredentialSession || c.Label != "Firefox" || !c.Expires.Equal(exp) {
			t.Errorf("Credential = %+v", c)
		}
		if c, err := db.Credential(ctx, "h2"); err != nil || !c.Expires.IsZero() {
			t.Errorf("token: %+v, %v; want no expiry", c, err)
		}
		must(t, db.DeleteCredential(ctx, "h1"))
		_, err = db.Credential(ctx, "h1")
		wantErr(t, "a revoked session", err, store.ErrNotFound)
		wantErr(t, "revoking twice", db.DeleteCredential(ctx, "h1"), store.ErrNotFound)
	})
}

func TestProjectsAndMembers(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		wantErr(t, "a slug twice", db.CreateProject(ctx, store.Project{Slug: "desk"}, "bob"), store.ErrConflict)
		wantErr(t, "an owner who is nobody", db.CreateProject(ctx, store.Project{Slug: "x"}, "carol"), store.ErrNotFound)
		if r, err := db.Role(ctx, "desk", "alice"); err != nil || r != store.RoleAdmin {
			t.Fatalf("owner's role = %q, %v", r, err)
		}
		_, err := db.Role(ctx, "desk", "bob")
		wantErr(t, "a non-member's role", err, store.ErrNotFound)
		_, err = db.Role(ctx, "nowhere", "alice")
		wantErr(t, "a missing project's role", err, store.ErrNotFound)

		must(t, db.SetMember(ctx, alice, store.Member{Project: "desk", User: "bob", Role: store.RoleViewer}))
		must(t, db.SetMember(ctx, alice, store.Member{Project: "desk", User: "bob", Role: store.RoleEditor}))
		wantErr(t, "an unknown role", db.SetMember(ctx, alice, store.Member{Project: "desk", User: "bob", Role: "owner"}), store.ErrInvalid)
		wantErr(t, "a member who is nobody", db.SetMember(ctx, alice, store.Member{Project: "desk", User: "carol", Role: store.RoleViewer}), store.ErrNotFound)
		wantErr(t, "a member of nothing", db.SetMember(ctx, alice, store.Member{Project: "nowhere", User: "bob", Role: store.RoleViewer}), store.ErrNotFound)
		members, err := db.Members(ctx, "desk")
		must(t, err)
		want := []store.Member{{Project: "desk", User: "alice", Role: store.RoleAdmin}, {Project: "desk", User: "bob", Role: store.RoleEditor}}
		if fmt.Sprint(members) != fmt.Sprint(want) {
			t.Errorf("Members = %v, want %v", members, want)
		}
		must(t, db.RemoveMember(ctx, alice, "desk", "bob"))
		wantErr(t, "removing twice", db.RemoveMember(ctx, alice, "desk", "bob"), store.ErrNotFound)
		if ps, err := db.Projects(ctx, "bob"); err != nil || len(ps) != 0 {
			t.Errorf("a removed member's projects = %v, %v", ps, err)
		}
		changes, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		if len(changes) != 2 || changes[1].ID != "bob" || !changes[1].Deleted || changes[1].Member != nil ||
			changes[0].Member == nil || changes[0].Member.Role != store.RoleAdmin {
			t.Errorf("member changes = %+v", changes)
		}
	})
}

func TestDocs(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		bob := store.Actor{User: "bob", Device: "phone"}
		a1, err := db.PutDoc(ctx, alice, doc("a1", "s1", "one"), 0)
		must(t, err)
		if a1.Seq == 0 || a1.CreatedBy != "alice" || a1.Created.IsZero() {
			t.Fatalf("created %+v", a1)
		}
		_, err = db.PutDoc(ctx, bob, doc("a1", "s1", "again"), 0)
		wantErr(t, "creating a taken id", err, store.ErrConflict)
		a2, err := db.PutDoc(ctx, alice, doc("a2", "", "two"), 0)
		must(t, err)
		edited, err := db.PutDoc(ctx, bob, doc("a1", "s1", "one, edited"), a1.Seq)
		must(t, err)
		if edited.Seq <= a2.Seq || edited.CreatedBy != "alice" || edited.ModifiedBy != "bob" {
			t.Fatalf("replaced %+v", edited)
		}
		_, err = db.PutDoc(ctx, bob, doc("a1", "s1", "stale"), a1.Seq)
		wantErr(t, "a stale replace", err, store.ErrConflict)
		_, err = db.PutDoc(ctx, bob, doc("a9", "s1", "nothing"), 5)
		wantErr(t, "replacing a missing one", err, store.ErrNotFound)

		page, err := db.Docs(ctx, "desk", store.DocQuery{})
		must(t, err)
		if page.Total != 2 || len(page.Docs) != 2 || page.Docs[0].ID != "a1" || page.Docs[1].ID != "a2" || page.Seq != edited.Seq {
			t.Fatalf("Docs = %+v (replacing keeps the place; the seq is the latest)", page)
		}
		page, err = db.Docs(ctx, "desk", store.DocQuery{Offset: 1, Limit: 1})
		must(t, err)
		if page.Total != 2 || len(page.Docs) != 1 || page.Docs[0].ID != "a2" {
			t.Fatalf("second page = %+v", page)
		}
		page, err = db.Docs(ctx, "desk", store.DocQuery{StoryID: "s1"})
		must(t, err)
		if page.Total != 1 || page.Docs[0].ID != "a1" || string(page.Docs[0].JSON) != string(doc("", "", "one, edited").JSON) {
			t.Fatalf("story s1's docs = %+v", page)
		}

		_, err = db.DeleteDoc(ctx, bob, "desk", "a1", a1.Seq)
		wantErr(t, "a stale delete", err, store.ErrConflict)
		gone, err := db.DeleteDoc(ctx, bob, "desk", "a1", edited.Seq)
		must(t, err)
		if !gone.Deleted || gone.Seq <= edited.Seq || gone.JSON != nil {
			t.Fatalf("tombstone %+v", gone)
		}
		got, err := db.Doc(ctx, "desk", "a1")
		wantErr(t, "reading a deleted one", err, store.ErrGone)
		if got.Seq != gone.Seq {
			t.Errorf("tombstone read back at seq %d, want %d", got.Seq, gone.Seq)
		}
		_, err = db.PutDoc(ctx, alice, doc("a1", "s1", "reuse"), 0)
		wantErr(t, "reusing a deleted id", err, store.ErrConflict)
		_, err = db.PutDoc(ctx, alice, doc("a1", "s1", "revive"), gone.Seq)
		wantErr(t, "replacing a deleted one", err, store.ErrGone)
		_, err = db.DeleteDoc(ctx, alice, "desk", "a1", 0)
		wantErr(t, "deleting twice", err, store.ErrGone)
		_, err = db.DeleteDoc(ctx, alice, "desk", "never", 0)
		wantErr(t, "deleting a missing one", err, store.ErrNotFound)
		_, err = db.DeleteDoc(ctx, alice, "desk", "never", 3)
		wantErr(t, "deleting a missing one at a seq", err, store.ErrNotFound)
		_, err = db.PutDoc(ctx, alice, store.Doc{Project: "nowhere", ID: "a1", JSON: []byte(`{}`)}, 0)
		wantErr(t, "an annotation in no project", err, store.ErrNotFound)
		_, err = db.PutStory(ctx, alice, store.StoryRec{Project: "nowhere", Story: annotation.Story{ID: "s1"}}, 0)
		wantErr(t, "a story in no project", err, store.ErrNotFound)
		_, err = db.Doc(ctx, "other", "a2")
		wantErr(t, "another project's annotation", err, store.ErrNotFound)

		history, err := db.DocHistory(ctx, "desk", "a1")
		must(t, err)
		if len(history) != 3 || history[0].BaseSeq != 0 || history[1].BaseSeq != a1.Seq || history[1].By != "bob" ||
			history[1].Device != "phone" || !history[2].Deleted || history[2].BaseSeq != edited.Seq || history[2].JSON != nil {
			t.Fatalf("history = %+v", history)
		}
	})
}

func TestReplayedChange(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		push := alice
		push.ChangeID = "c-1"
		first, err := db.PutDoc(ctx, push, doc("a1", "", "one"), 0)
		must(t, err)
		again, err := db.PutDoc(ctx, push, doc("a1", "", "one"), 0)
		wantErr(t, "the same push again", err, store.ErrReplayed)
		if again.Seq != first.Seq || string(again.JSON) != string(first.JSON) {
			t.Errorf("a replay answers %+v, want the first answer %+v", again, first)
		}
		push.ChangeID = "c-2"
		_, err = db.DeleteDoc(ctx, push, "desk", "a1", first.Seq)
		must(t, err)
		tomb, err := db.DeleteDoc(ctx, push, "desk", "a1", first.Seq)
		wantErr(t, "the same delete again", err, store.ErrReplayed)
		if !tomb.Deleted {
			t.Errorf("a replayed delete answers %+v, want the tombstone", tomb)
		}
		history, err := db.DocHistory(ctx, "desk", "a1")
		must(t, err)
		if len(history) != 2 {
			t.Errorf("history after replays has %d entries, want 2 (each change applied once)", len(history))
		}
	})
}

func TestStoriesAndFeed(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		s, err := db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "s1", Title: "First"}, Source: "https://example.com/a"}, 0)
		must(t, err)
		_, err = db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "s1"}}, 0)
		wantErr(t, "a story twice", err, store.ErrConflict)
		r1, err := db.AddRevision(ctx, alice, store.RevisionRec{Project: "desk", Source: "https://example.com/a",
			Revision: annotation.Revision{ID: "r1", StoryID: "s1", Date: "2025-03-23", Title: "First", Text: "Text 🙏"}})
		must(t, err)
		_, err = db.AddRevision(ctx, alice, store.RevisionRec{Project: "desk", Revision: annotation.Revision{ID: "r1", StoryID: "s1"}})
		wantErr(t, "a revision id twice", err, store.ErrConflict)
		_, err = db.AddRevision(ctx, alice, store.RevisionRec{Project: "desk", Revision: annotation.Revision{ID: "r2", StoryID: "nope"}})
		wantErr(t, "a revision of no story", err, store.ErrNotFound)
		a1, err := db.PutDoc(ctx, alice, doc("a1", "s1", "one"), 0)
		must(t, err)
		s.Title = "First, renamed"
		renamed, err := db.PutStory(ctx, alice, s, s.Seq)
		must(t, err)
		_, err = db.PutStory(ctx, alice, s, s.Seq)
		wantErr(t, "a stale rename", err, store.ErrConflict)

		feed, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		// member alice, revision r1, annotation a1, story s1 (renamed last)
		if len(feed) != 4 || feed[1].Revision == nil || feed[1].Revision.Text != "Text 🙏" || feed[1].Revision.Source != "https://example.com/a" ||
			feed[2].Doc == nil || feed[2].Doc.Seq != a1.Seq || feed[3].Story == nil || feed[3].Story.Title != "First, renamed" || feed[3].Seq != renamed.Seq {
			t.Fatalf("feed = %+v", feed)
		}
		if tail, err := db.Changes(ctx, "desk", r1.Seq, 1); err != nil || len(tail) != 1 || tail[0].ID != "a1" {
			t.Fatalf("feed after r1, one entry: %+v, %v", tail, err)
		}

		del, err := db.DeleteStory(ctx, alice, "desk", "s1", renamed.Seq)
		must(t, err)
		_, err = db.Story(ctx, "desk", "s1")
		wantErr(t, "a deleted story", err, store.ErrGone)
		_, err = db.Doc(ctx, "desk", "a1")
		wantErr(t, "an annotation of a deleted story", err, store.ErrGone)
		_, err = db.Revisions(ctx, "desk", "s1")
		wantErr(t, "revisions of a deleted story", err, store.ErrGone)
		_, err = db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "s1"}}, 0)
		wantErr(t, "re-creating a deleted story", err, store.ErrGone)
		_, err = db.DeleteStory(ctx, alice, "desk", "s1", 0)
		wantErr(t, "deleting a deleted story", err, store.ErrGone)
		_, err = db.DeleteStory(ctx, alice, "desk", "never", 0)
		wantErr(t, "deleting a missing story", err, store.ErrNotFound)
		_, err = db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "never"}}, 4)
		wantErr(t, "updating a missing story", err, store.ErrNotFound)
		tail, err := db.Changes(ctx, "desk", renamed.Seq, 0)
		must(t, err)
		if len(tail) != 3 || !tail[0].Deleted || !tail[1].Deleted || !tail[2].Deleted || tail[2].Kind != store.KindStory || tail[2].Seq != del {
			t.Fatalf("feed of the delete = %+v", tail)
		}
		if stories, err := db.Stories(ctx, "desk"); err != nil || len(stories) != 0 {
			t.Errorf("stories after delete = %v, %v", stories, err)
		}
	})
}

// TestFeedOrderUnderLoad: concurrent writers; a reader following the feed
// sees every write exactly once, in seq order, with no seq ever
// appearing after a larger one was read.
func TestFeedOrderUnderLoad(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		const writers, each = 4, 25
		done := make(chan error, writers)
		for w := range writers {
			go func() {
				for i := range each {
					if _, err := db.PutDoc(ctx, alice, doc(fmt.Sprintf("w%d-%d", w, i), "", "x"), 0); err != nil {
						done <- err
						return
					}
				}
				done <- nil
			}()
		}
		seen := map[string]bool{}
		var since int64
		finished := 0
		for len(seen) < writers*each+1 {
			if finished < writers {
				select {
				case err := <-done:
					must(t, err)
					finished++
				default:
				}
			}
			feed, err := db.Changes(ctx, "desk", since, 0)
			must(t, err)
			for _, c := range feed {
				if c.Seq <= since {
					t.Fatalf("seq %d after %d", c.Seq, since)
				}
				since = c.Seq
				if seen[c.Kind+c.ID] {
					t.Fatalf("%s %s twice", c.Kind, c.ID)
				}
				seen[c.Kind+c.ID] = true
			}
		}
	})
}

func TestWaitChanges(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		writer := sqltest.Open(t, engine, url)
		reader := sqltest.Open(t, engine, url) // another process's view of the same database
		must(t, writer.CreateUser(ctx, store.User{Name: "alice"}))
		must(t, writer.CreateProject(ctx, store.Project{Slug: "desk"}, "alice"))
		feed, err := reader.Changes(ctx, "desk", 0, 0)
		must(t, err)
		since := feed[len(feed)-1].Seq
		short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		wantErr(t, "waiting with nothing new", reader.WaitChanges(short, "desk", since), context.DeadlineExceeded)

		woke := make(chan error, 1)
		go func() { woke <- reader.WaitChanges(ctx, "desk", since) }()
		time.Sleep(20 * time.Millisecond)
		d, err := writer.PutDoc(ctx, alice, doc("a1", "", "one"), 0)
		must(t, err)
		select {
		case err := <-woke:
			must(t, err)
		case <-time.After(10 * time.Second):
			t.Fatal("a write through one connection pool did not wake a waiter on another")
		}
		if got, err := reader.Doc(ctx, "desk", "a1"); err != nil || got.Seq != d.Seq {
			t.Fatalf("the other process reads %+v, %v", got, err)
		}
		must(t, reader.WaitChanges(ctx, "desk", since)) // already there: at once
	})
}

// TestChangeLogStaysCompact: edits of one record leave one row of it in
// the change log, so the log grows with the project, not with its edits.
func TestChangeLogStaysCompact(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		d, err := db.PutDoc(ctx, alice, doc("a1", "", "v0"), 0)
		must(t, err)
		for i := range 10 {
			d, err = db.PutDoc(ctx, alice, doc("a1", "", fmt.Sprint("v", i+1)), d.Seq)
			must(t, err)
		}
		n, err := sqlstore.ChangeRows(ctx, db)
		must(t, err)
		if n != 2 { // alice's membership and a1
			t.Errorf("%d rows in the change log after 11 writes of one annotation, want 2", n)
		}
		if h, err := db.DocHistory(ctx, "desk", "a1"); err != nil || len(h) != 11 {
			t.Errorf("history keeps %d writes (%v), want 11", len(h), err)
		}
	})
}

// TestTextRefused: text PostgreSQL cannot keep (a NUL, invalid UTF-8) is
// refused as invalid on both engines, and nothing is written.
func TestTextRefused(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		before, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		for _, bad := range []string{"nul \x00 here", "bad \xff utf-8"} {
			_, err := db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "s1", Title: bad}}, 0)
			wantErr(t, "a story title", err, store.ErrInvalid)
			_, err = db.PutDoc(ctx, store.Actor{User: "alice", Device: bad}, doc("a1", "", "x"), 0)
			wantErr(t, "a device", err, store.ErrInvalid)
			wantErr(t, "a user name", db.CreateUser(ctx, store.User{Name: bad}), store.ErrInvalid)
			lib := db.Library("desk", alice)
			_, err = lib.PutStory(ctx, store.Story{Story: annotation.Story{ID: "s2", Title: bad}})
			wantErr(t, "a story title through the library", err, store.ErrInvalid)
		}
		_, err = db.PutDoc(ctx, alice, store.Doc{Project: "desk", ID: "a1", JSON: []byte("{\"value\":\"\xff\"}")}, 0)
		wantErr(t, "a document that is not UTF-8", err, store.ErrInvalid)
		// Inside a JSON document a NUL is an escape, stored as it is.
		_, err = db.PutDoc(ctx, alice, store.Doc{Project: "desk", ID: "a1", JSON: []byte(`{"value":"nul \u0000"}`)}, 0)
		must(t, err)
		after, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		if len(after) != len(before)+1 {
			t.Errorf("refused writes changed the feed: %d entries, want %d", len(after), len(before)+1)
		}
	})
}

// TestNotifyWakesOtherProcess: on PostgreSQL a write through one
// connection pool wakes a waiter on another by NOTIFY alone (polling off).
func TestNotifyWakesOtherProcess(t *testing.T) {
	defer sqlstore.SetPollEvery(time.Hour)()
	url := sqltest.NewURL(t, "postgres")
	writer, reader := sqltest.Open(t, "postgres", url), sqltest.Open(t, "postgres", url)
	must(t, writer.CreateUser(ctx, store.User{Name: "alice"}))
	must(t, writer.CreateProject(ctx, store.Project{Slug: "desk"}, "alice"))
	feed, err := reader.Changes(ctx, "desk", 0, 0)
	must(t, err)
	woke := make(chan error, 1)
	go func() { woke <- reader.WaitChanges(ctx, "desk", feed[len(feed)-1].Seq) }()
	time.Sleep(100 * time.Millisecond)
	_, err = writer.PutDoc(ctx, alice, doc("a1", "", "one"), 0)
	must(t, err)
	select {
	case err := <-woke:
		must(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("NOTIFY from one pool did not wake a waiter on another")
	}
}
