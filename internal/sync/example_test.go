package sync_test

import (
	"context"
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

// How the app uses a replica: open it over its storage (IndexedDB in the
// browser), write through it, keep it live, and render its State.
func ExampleReplica() {
	ctx := context.Background()
	tr := &sync.HTTP{Client: sync.NetHTTP{}, Server: "https://desk.example", Project: "desk"} // in the browser: the page's fetch, to the server that served the app
	r, err := sync.Open(ctx, sync.NewMemory(), tr, "laptop-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := annotation.Annotation{ID: annotation.NewID(), Kind: annotation.KindQuote /* … */}
	if err := r.PutAnnotation(ctx, a); err != nil { // saved and queued in one transaction
		fmt.Println(err)
	}
	live, stop := context.WithCancel(ctx)
	defer stop()
	go r.Run(live, sync.DefaultLive) // sync now, then whenever the server has news
	st := r.State()                  // #sync-status: data-state = st.Kind, st.Pending, st.Reason, st.LastSync
	_ = st
}
