package sync_test

import (
	"fmt"
	"testing"

	"github.com/redline-news/redline/internal/sync"
)

// BenchmarkFirstPull: a fresh replica reads a desk of 200 annotations.
func BenchmarkFirstPull(b *testing.B) {
	e := newEnv(b)
	alice := e.replica("alice", nil)
	for i := range 200 {
		must(b, alice.PutAnnotation(ctx, quote(fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "words")))
	}
	must(b, alice.Sync(ctx))
	for b.Loop() {
		must(b, e.replica("bob", nil).Sync(ctx))
	}
}

// BenchmarkPushEdit: one edit of an annotation, pushed and pulled back.
func BenchmarkPushEdit(b *testing.B) {
	e := newEnv(b)
	alice := e.replica("alice", nil)
	must(b, alice.PutAnnotation(ctx, quote(id1, "words")))
	must(b, alice.Sync(ctx))
	i := 0
	for b.Loop() {
		a := ann(b, alice, id1)
		a.Note = fmt.Sprint(i)
		i++
		must(b, alice.PutAnnotation(ctx, a))
		must(b, alice.Sync(ctx))
	}
	if st := alice.State(); st.Kind != sync.StateSynced {
		b.Fatalf("state %+v", st)
	}
}
