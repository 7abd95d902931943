package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// TestSameAsMemory plays random writes (few ids, so they collide, and
// Revs that are often stale) on store.Memory and on a project's Library,
// and checks that both accept and refuse each one alike and end up
// holding the same records: the SQL store follows the app's rules
// exactly, tombstones and all.
func TestSameAsMemory(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		db := sqltest.Open(t, engine, newURL(t))
		for seed := range uint64(4) {
			mem := store.NewMemory()
			lib := newProject(t, db, fmt.Sprint("seed", seed))
			r := rand.New(rand.NewPCG(seed, 42))
			const steps = 150
			accepted := 0
			for step := range steps {
				op, name := randomOp(r, mem)
				errMem, errLib := op(mem), op(lib)
				if class(errMem) != class(errLib) {
					t.Fatalf("seed %d step %d %s: memory %v, sql %v", seed, step, name, errMem, errLib)
				}
				if errMem == nil {
					accepted++
				}
			}
			if accepted < steps/5 || accepted > steps*4/5 {
				t.Fatalf("seed %d: %d of %d writes accepted: too few refusals or successes to compare", seed, accepted, steps)
			}
			t.Logf("seed %d: %d of %d writes accepted", seed, accepted, steps)
			sameContents(t, mem, lib)
		}
	})
}

// randomOp picks one write; it returns the write as a function so that
// the same write runs on both stores. Two times in three it names the
// Rev the record has in mem (so that many writes succeed), else any.
func randomOp(r *rand.Rand, mem *store.Memory) (func(store.Store) error, string) {
	storyID := fmt.Sprint("s", r.IntN(3))
	annID := fmt.Sprint("a", r.IntN(5))
	rev := r.IntN(4)
	current := r.IntN(3) > 0
	when := time.Date(2025, 3, 23, 9, r.IntN(3), 0, 0, time.UTC)
	switch r.IntN(7) {
	case 0:
		if current {
			rev = storedRev(mem, storyID, "")
		}
		s := store.Story{Story: annotation.Story{ID: storyID, Title: fmt.Sprint("t", r.IntN(9)), Created: when}, Rev: rev}
		return func(st store.Store) error { _, err := st.PutStory(ctx, s); return err }, "PutStory " + storyID
	case 1:
		return func(st store.Store) error { return st.DeleteStory(ctx, storyID) }, "DeleteStory " + storyID
	case 2:
		revID := fmt.Sprint(storyID, "-r", r.IntN(3))
		rv := annotation.Revision{ID: revID, StoryID: storyID, Text: "text", Added: when}
		// Half carry nothing, so that stories gather revisions to delete.
		var carried []store.Annotation
		if r.IntN(2) == 0 {
			carried = []store.Annotation{{StoryID: storyID, Annotation: annotation.Annotation{ID: annID, Note: "carried", Revision: revID}}}
		}
		return func(st store.Store) error {
			_, err := st.AddRevision(ctx, rv, carried)
			return err
		}, "AddRevision " + revID
	case 3, 4:
		if current {
			rev = storedRev(mem, storyID, annID)
		}
		a := store.Annotation{StoryID: storyID, Rev: rev, Annotation: annotation.Annotation{ID: annID, Note: fmt.Sprint("n", r.IntN(9)), Tags: []string{"x"}}}
		return func(st store.Store) error { _, err := st.PutAnnotations(ctx, []store.Annotation{a}); return err }, "PutAnnotations " + annID
	case 5:
		revID := fmt.Sprint(storyID, "-r", r.IntN(3))
		if revs, _ := mem.Revisions(ctx, storyID); current && len(revs) > 0 {
			revID = revs[len(revs)-1].ID
		}
		return func(st store.Store) error { _, err := st.DeleteRevision(ctx, storyID, revID); return err }, "DeleteRevision " + revID
	default:
		if current {
			rev = storedRev(mem, storyID, annID)
		}
		ref := store.Ref{ID: annID, Rev: rev}
		return func(st store.Store) error { return st.DeleteAnnotations(ctx, []store.Ref{ref}) }, "DeleteAnnotations " + annID
	}
}

// storedRev is the Rev of story storyID in mem (annID "") or of its
// annotation annID, 0 if there is none.
func storedRev(mem *store.Memory, storyID, annID string) int {
	if annID == "" {
		stories, _ := mem.Stories(ctx)
		for _, s := range stories {
			if s.ID == storyID {
				return s.Rev
			}
		}
		return 0
	}
	anns, _ := mem.Annotations(ctx, storyID)
	for _, a := range anns {
		if a.ID == annID {
			return a.Rev
		}
	}
	return 0
}

func class(err error) string {
	for _, e := range []error{store.ErrNotFound, store.ErrConflict, store.ErrInvalid} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	if err != nil {
		return "other: " + err.Error()
	}
	return "ok"
}

func sameContents(t *testing.T, a, b store.Store) {
	t.Helper()
	sa, err := a.Stories(context.Background())
	must(t, err)
	sb, err := b.Stories(context.Background())
	must(t, err)
	if !reflect.DeepEqual(sa, sb) {
		t.Fatalf("stories differ:\nmemory %+v\nsql    %+v", sa, sb)
	}
	for _, s := range sa {
		ra, _ := a.Revisions(ctx, s.ID)
		rb, _ := b.Revisions(ctx, s.ID)
		aa, _ := a.Annotations(ctx, s.ID)
		ab, _ := b.Annotations(ctx, s.ID)
		if len(ra) != len(rb) || (len(ra) > 0 && !reflect.DeepEqual(ra, rb)) || len(aa) != len(ab) || (len(aa) > 0 && !reflect.DeepEqual(aa, ab)) {
			t.Fatalf("story %s differs:\nmemory %+v %+v\nsql    %+v %+v", s.ID, ra, aa, rb, ab)
		}
	}
}
