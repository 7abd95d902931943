package sync_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// busyLeader is the tab that does not sync, with the one that does
// reacting to each of its commits by committing burst times (freeze,
// wire, results…) before this tab's next commit gets in.
type busyLeader struct {
	tab
	burst, pending int
}

func (l *busyLeader) Commit(ctx context.Context, b sync.Batch) error {
	if l.pending > 0 {
		l.pending--
		l.s.mu.Lock()
		l.s.gen++ // the leader committed first
		l.s.mu.Unlock()
	}
	err := l.tab.Commit(ctx, b)
	if err == nil {
		l.pending = l.burst
	}
	return err
}

// sharedStory is a personal library's story s1 with three revisions and
// an annotation on each, as "Share with…" reads it.
func sharedStory() (store.Story, []annotation.Revision, []store.Annotation) {
	st := store.Story{Story: annotation.Story{ID: "s1", Title: "WASHINGTON — A new figure", Created: created}, Rev: 3}
	var revs []annotation.Revision
	var anns []store.Annotation
	for i, text := range []string{"A new figure has swept through.", "A new figure has swept through town.", "A new figure has swept."} {
		v := annotation.Revision{ID: fmt.Sprintf("r%d", i+1), StoryID: "s1", Text: text, Added: created}
		revs = append(revs, v)
		a := quote(fmt.Sprintf("00000000-0000-4000-8000-00000000010%d", i), "A new figure")
		a.Revision = v.ID
		anns = append(anns, store.Annotation{Annotation: a, StoryID: "s1", Rev: 2})
	}
	return st, revs, anns
}

// The tester's bug: shared step by step while another tab syncs the
// project, the story was stored, the tab that syncs sent it, and the
// revision after it was refused as stale: the server kept a story with
// no revisions and every retry was "already stored". ImportStory writes
// it all in one transaction, and over such a shell it completes the
// story: bob gets every revision and annotation.
func TestImportStoryIsWholeAndCompletesAShell(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := &shared{m: sync.NewMemory()}
	r, err := sync.OpenAs(ctx, &busyLeader{tab: tab{s: s}, burst: 4}, nil, "alice-tab-2", "alice")
	must(t, err)
	lib := sync.NewLibraryStore(r)
	st, revs, anns := sharedStory()

	shell := st
	shell.Rev = 0
	if _, err := lib.PutStory(ctx, shell); err != nil {
		t.Fatal(err)
	}
	first := []store.Annotation{{Annotation: anns[0].Annotation, StoryID: "s1"}}
	if _, err := lib.AddRevision(ctx, revs[0], first); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("a step after the leader's commits: %v, want the stale refusal the tester saw", err)
	}
	leader, err := sync.OpenAs(ctx, &tab{s: s}, e.transport("alice"), "alice-tab-1", "alice")
	must(t, err)
	must(t, leader.Sync(ctx)) // the shell reaches the server

	must(t, lib.ImportStory(ctx, st, revs, anns))
	must(t, leader.Reload(ctx))
	must(t, leader.Sync(ctx))
	bob := sync.NewLibraryStore(e.replica("bob", nil))
	must(t, bob.R.Sync(ctx))
	got, err := bob.Revisions(ctx, "s1")
	must(t, err)
	if len(got) != 3 {
		t.Fatalf("bob has %d revisions of the shared story, want 3", len(got))
	}
	gotAnns, err := bob.Annotations(ctx, "s1")
	must(t, err)
	if len(gotAnns) != 3 {
		t.Fatalf("bob has %d annotations, want 3", len(gotAnns))
	}
	for _, a := range gotAnns {
		if a.Revision == "" || a.Revision == revs[0].ID && a.ID != anns[0].ID {
			t.Errorf("annotation %s is on revision %q", a.ID, a.Revision)
		}
	}
}

// A share that fails writes nothing; the retry completes, and one
// retried after part of it was stored (a revision and its annotation)
// completes too, the part already there not refused.
func TestImportStoryFailsWholeAndResumes(t *testing.T) {
	ctx := context.Background()
	mem := sync.NewMemory()
	r, err := sync.Open(ctx, mem, nil, "tab")
	must(t, err)
	lib := sync.NewLibraryStore(r)
	st, revs, anns := sharedStory()

	mem.FailCommits(1)
	if err := lib.ImportStory(ctx, st, revs, anns); err == nil {
		t.Fatal("an import whose commit failed said nothing")
	}
	if len(r.Records()) != 0 {
		t.Fatalf("a failed import left %d records", len(r.Records()))
	}

	shell := st
	shell.Rev = 0
	_, err = lib.PutStory(ctx, shell)
	must(t, err)
	_, err = lib.AddRevision(ctx, revs[0], []store.Annotation{{Annotation: anns[0].Annotation, StoryID: "s1"}})
	must(t, err)
	must(t, lib.ImportStory(ctx, st, revs, anns))
	must(t, lib.ImportStory(ctx, st, revs, anns)) // and again: nothing refused
	got, err := lib.Revisions(ctx, "s1")
	must(t, err)
	gotAnns, err2 := lib.Annotations(ctx, "s1")
	must(t, err2)
	if len(got) != 3 || len(gotAnns) != 3 {
		t.Errorf("after the retries: %d revisions and %d annotations, want 3 and 3", len(got), len(gotAnns))
	}
	if st := r.State(); st.Pending == 0 {
		t.Error("nothing waits to be sent after the import")
	}
}

// Bad input is refused before anything is written.
func TestImportStoryRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	r, err := sync.Open(ctx, sync.NewMemory(), nil, "tab")
	must(t, err)
	lib := sync.NewLibraryStore(r)
	st, revs, anns := sharedStory()
	other := anns[0]
	other.StoryID = "s2"
	for name, call := range map[string]func() error{
		"no revisions": func() error { return lib.ImportStory(ctx, st, nil, anns) },
		"another story's rev": func() error {
			v := revs[0]
			v.StoryID = "s2"
			return lib.ImportStory(ctx, st, []annotation.Revision{v}, nil)
		},
		"another story's ann": func() error { return lib.ImportStory(ctx, st, revs, []store.Annotation{other}) },
		"revision without id": func() error { v := revs[0]; v.ID = ""; return lib.ImportStory(ctx, st, []annotation.Revision{v}, nil) },
	} {
		if err := call(); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if len(r.Records()) != 0 {
		t.Errorf("refused imports left %d records", len(r.Records()))
	}
}
