package sync_test

import (
	"context"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sync"
)

// slowLoad is a tab's storage whose next Load, once armed, reads its
// snapshot and then waits for the test before it returns: an IndexedDB
// read that has finished while its goroutine has not run yet.
type slowLoad struct {
	tab
	read, resume chan struct{}
}

func (s *slowLoad) Load(ctx context.Context) (sync.Snapshot, error) {
	snap, err := s.tab.Load(ctx)
	if s.read != nil {
		read := s.read
		s.read = nil
		close(read)
		<-s.resume
	}
	return snap, err
}

// The tab reloads (another tab, the syncing one, committed) while the
// reader's edit is saved in this tab. The reload's snapshot predates
// the edit: it must not replace the edit in the tab's memory, and the
// next edit must not be made on the older copy (tester 5, bug 13: a
// hidden second tab syncing for the project made the note typed in the
// first one lose words, come out twice and show a conflict nobody made).
func TestReloadDuringAnEditKeepsTheEdit(t *testing.T) {
	ctx := context.Background()
	s := &shared{m: sync.NewMemory()}
	st := &slowLoad{tab: tab{s: s}}
	r, err := sync.Open(ctx, st, nil, "alice-tab-1")
	must(t, err)
	a := quote(id1, "super smart")
	a.Note = "Solo:"
	must(t, r.PutAnnotation(ctx, a))

	st.read, st.resume = make(chan struct{}), make(chan struct{})
	read := st.read
	reloaded := make(chan error)
	go func() { reloaded <- r.Reload(ctx) }()
	<-read
	edited := make(chan error)
	go func() {
		a.Note = "Solo: s1"
		edited <- r.PutAnnotation(ctx, a)
	}()
	// The edit is done while the reload waits, unless the reload keeps
	// edits out until it is done (as it should): give it a moment.
	done := false
	select {
	case err := <-edited:
		must(t, err)
		done = true
	case <-time.After(200 * time.Millisecond):
	}
	close(st.resume)
	must(t, <-reloaded)
	if !done {
		must(t, <-edited)
	}
	if got := ann(t, r, id1).Note; got != "Solo: s1" {
		t.Fatalf("after the reload the tab holds note %q, want %q", got, "Solo: s1")
	}
	a.Note = "Solo: s1 s2"
	must(t, r.PutAnnotation(ctx, a))
	other, err := sync.Open(ctx, &tab{s: s}, nil, "alice-tab-2")
	must(t, err)
	if got := ann(t, other, id1).Note; got != "Solo: s1 s2" {
		t.Errorf("stored: note %q, want %q", got, "Solo: s1 s2")
	}
}
