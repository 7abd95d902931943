package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

func newProjectStore(t *testing.T) *sync.LibraryStore {
	t.Helper()
	r, err := sync.Open(context.Background(), sync.NewMemory(), nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	return sync.NewLibraryStore(r)
}

func sampleWithQuote(t *testing.T, l *library.Library) (store.Story, library.Placed) {
	t.Helper()
	ctx := context.Background()
	st, err := l.AddStory(ctx, library.SampleName, library.SampleArticle())
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := s.Revision().Text
	i := len([]rune(text[:strings.Index(text, "super smart")]))
	q, err := s.Tag(ctx, span.Span{Start: i, End: i + len("super smart")}, annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	return st, q
}

// Share with… moves the story, its revision and its annotations into the
// project, and only then out of the personal library.
func TestMoveStoryIntoAProject(t *testing.T) {
	ctx := context.Background()
	local := &library.Library{Store: store.NewMemory(), Core: newCore(), Now: func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }}
	st, q := sampleWithQuote(t, local)
	project := newProjectStore(t)
	if err := moveStory(ctx, local.Store, project, st.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := local.Store.Stories(ctx); len(left) != 0 {
		t.Errorf("the personal library still has %d stories", len(left))
	}
	sess, err := (&library.Library{Store: project, Core: newCore()}).Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := sess.Find(q.ID); !ok || p.Exact() != "super smart" || p.Orphaned {
		t.Errorf("the quote in the project: %+v (found %v)", p, ok)
	}
}

// A story holding an annotation a project cannot take stays where it was,
// and nothing of it goes into the project.
func TestMoveStoryRefusedChangesNothing(t *testing.T) {
	ctx := context.Background()
	mem := store.NewMemory()
	local := &library.Library{Store: mem, Core: newCore()}
	st, q := sampleWithQuote(t, local)
	foreign := q.Annotation
	foreign.ID, foreign.Rev = "urn:x-hypothesis:a/xyz", 0 // another tool's id, not a UUID
	if _, err := mem.PutAnnotations(ctx, []store.Annotation{foreign}); err != nil {
		t.Fatal(err)
	}
	project := newProjectStore(t)
	err := moveStory(ctx, mem, project, st.ID)
	if err == nil || !strings.Contains(err.Error(), "cannot take") {
		t.Fatalf("move: %v, want a refusal", err)
	}
	if kept, _ := mem.Stories(ctx); len(kept) != 1 {
		t.Error("the refused story left the personal library")
	}
	if got, _ := project.Stories(ctx); len(got) != 0 {
		t.Errorf("the project got %d stories from a refused move", len(got))
	}
	if err := moveStory(ctx, mem, project, "no-such-story"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving a missing story: %v", err)
	}
}

// A share whose commit fails says so in one sentence, leaves the story
// in the personal library and nothing in the project; the retry moves
// it, and one over a shell an older, step-by-step share left completes.
func TestMoveStoryFailedThenRetried(t *testing.T) {
	ctx := context.Background()
	local := &library.Library{Store: store.NewMemory(), Core: newCore()}
	st, q := sampleWithQuote(t, local)
	mem := sync.NewMemory()
	r, err := sync.Open(ctx, mem, nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	project := sync.NewLibraryStore(r)
	shell := st
	shell.Rev = 0
	if _, err := project.PutStory(ctx, shell); err != nil {
		t.Fatal(err)
	}

	mem.FailCommits(1)
	err = moveStory(ctx, local.Store, project, st.ID)
	if err == nil || !strings.Contains(err.Error(), "was not shared and is still in your library") || strings.Count(err.Error(), "(") > 1 {
		t.Fatalf("failed share: %v, want one plain sentence with no nested parentheses", err)
	}
	if kept, _ := local.Store.Stories(ctx); len(kept) != 1 {
		t.Fatal("a failed share took the story out of the personal library")
	}
	if err := moveStory(ctx, local.Store, project, st.ID); err != nil {
		t.Fatalf("the retry: %v", err)
	}
	sess, err := (&library.Library{Store: project, Core: newCore()}).Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := sess.Find(q.ID); !ok || p.Exact() != "super smart" {
		t.Errorf("the quote after the retry: %+v (found %v)", p, ok)
	}
}

// A page whose story another tab moved into a project says so and
// links to the copy there, never that it was deleted (tester 5).
func TestMovedAwaySaysWhereToAndLinksThere(t *testing.T) {
	s := movedAway(Project{Slug: "desk"}, "s1")
	if !strings.Contains(s.text, "moved into project “desk”") || strings.Contains(s.text, "deleted") || strings.Contains(s.text, "Undo") {
		t.Errorf("the page says %q", s.text)
	}
	if s.href != "/story?id=s1&project=desk" || s.link == "" {
		t.Errorf("the link is %q (%q)", s.href, s.link)
	}
}

// editedDuringShare is a project that, while it takes the story the
// first time, lets another tab save an edit in the personal library.
type editedDuringShare struct {
	storyImporter
	edit   func()
	always bool // the other tab edits during every copy, not only the first
}

func (e *editedDuringShare) ImportStory(ctx context.Context, st store.Story, revs []annotation.Revision, anns []store.Annotation) error {
	err := e.storyImporter.ImportStory(ctx, st, revs, anns)
	if e.edit != nil {
		e.edit()
		if !e.always {
			e.edit = nil
		}
	}
	return err
}

// A note another tab saves while the story is being shared goes into
// the project copy: it is not deleted with the personal one.
func TestMoveStoryTakesAnEditMadeMeanwhile(t *testing.T) {
	ctx := context.Background()
	local := &library.Library{Store: store.NewMemory(), Core: newCore()}
	st, q := sampleWithQuote(t, local)
	project := newProjectStore(t)
	to := &editedDuringShare{storyImporter: project, edit: func() {
		anns, err := local.Store.Annotations(ctx, st.ID)
		if err != nil || len(anns) != 1 {
			t.Fatalf("annotations: %v (%d)", err, len(anns))
		}
		anns[0].Note = "typed in the other tab"
		if _, err := local.Store.PutAnnotations(ctx, anns); err != nil {
			t.Fatal(err)
		}
	}}
	if err := moveStory(ctx, local.Store, to, st.ID); err != nil {
		t.Fatal(err)
	}
	sess, err := (&library.Library{Store: project, Core: newCore()}).Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := sess.Find(q.ID); !ok || p.Note != "typed in the other tab" {
		t.Errorf("the quote in the project: note %q (found %v)", p.Note, ok)
	}
}

// A story another tab keeps changing while it is shared stays in the
// personal library too, with its latest change, rather than be deleted
// after a copy that lacks it (a review's finding).
func TestMoveStoryKeptChangingStaysInTheLibrary(t *testing.T) {
	ctx := context.Background()
	local := &library.Library{Store: store.NewMemory(), Core: newCore()}
	st, _ := sampleWithQuote(t, local)
	edits := 0
	to := &editedDuringShare{storyImporter: newProjectStore(t), always: true, edit: func() {
		anns, err := local.Store.Annotations(ctx, st.ID)
		if err != nil || len(anns) != 1 {
			t.Fatalf("annotations: %v (%d)", err, len(anns))
		}
		edits++
		anns[0].Note = fmt.Sprintf("edit %d in the other tab", edits)
		if _, err := local.Store.PutAnnotations(ctx, anns); err != nil {
			t.Fatal(err)
		}
	}}
	err := moveStory(ctx, local.Store, to, st.ID)
	if err == nil || !strings.Contains(err.Error(), "still in your library") {
		t.Fatalf("moveStory = %v, want it to say the story is still in the library", err)
	}
	anns, err := local.Store.Annotations(ctx, st.ID)
	if err != nil || len(anns) != 1 || anns[0].Note != fmt.Sprintf("edit %d in the other tab", edits) {
		t.Fatalf("the personal copy: %v, %+v; want the last edit kept", err, anns)
	}
}
