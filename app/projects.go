package ui

import (
	"context"
	"fmt"
	gosync "sync"
	"time"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/sync"
)

// projectLib is this tab's replica of one of the signed-in user's
// projects: the library the app shows for it, over a sync.LibraryStore,
// kept in IndexedDB (one database per user and project). One tab per
// project syncs for all (the leader, chosen by a Web Lock); the others
// load what it stores (their own edits go to the same database and the
// leader sends them) and show the state it publishes.
type projectLib struct {
	User, Slug string
	Replica    *sync.Replica
	Store      *sync.LibraryStore
	Lib        *library.Library

	storage replicaStorage
	stop    context.CancelFunc // ends the sync loop and the watches

	mu     gosync.Mutex
	leader bool
}

// replicaStorage is where a replica lives in this browser (sync_js.go:
// IndexedDB; natively: memory).
type replicaStorage interface {
	sync.Storage
	// Watch calls fn after every commit of another tab.
	Watch(fn func()) (stop func())
	Close()
}

// liveSync is how the leader paces itself: others' changes arrive within
// a second of the server having them (long-poll), and a server back after
// a restart is found within a few seconds.
var liveSync = sync.Live{Poll: 25 * time.Second, Backoff: time.Second, MaxBack: 4 * time.Second}

var projects struct {
	mu   gosync.Mutex
	open map[string]*projectLib // by user + "/" + slug
}

// openProject opens the user's replica of project slug in this tab, once
// (it blocks on IndexedDB: call it from ctx.Async).
func openProject(ctx context.Context, user, slug string) (*projectLib, error) {
	projects.mu.Lock()
	defer projects.mu.Unlock()
	key := user + "/" + slug
	if p, ok := projects.open[key]; ok {
		return p, nil
	}
	storage, err := openReplicaStorage(ctx, user, slug)
	if err != nil {
		return nil, fmt.Errorf("project %s: %w", slug, err)
	}
	tr := &sync.HTTP{Client: fetchClient{}, Server: serverOrigin(), Project: slug}
	r, err := sync.OpenAs(ctx, storage, tr, deviceName(), user)
	if err != nil {
		storage.Close()
		return nil, fmt.Errorf("project %s: %w", slug, err)
	}
	st := sync.NewLibraryStore(r)
	live, stop := context.WithCancel(context.Background())
	p := &projectLib{User: user, Slug: slug, Replica: r, Store: st, Lib: &library.Library{Store: st, Core: newCore(), Turns: libraryTurns}, storage: storage, stop: stop}
	stopWatch := storage.Watch(func() {
		if r.Reload(live) == nil && p.isLeader() {
			r.Kick() // another tab's edit: send it
		}
	})
	stopState := r.Watch(func(sync.Change) { p.publish() })
	stopOnline := onOnline(func() {
		if p.isLeader() {
			r.Kick() // back online: send what waits now
		}
	})
	go func() {
		<-live.Done()
		stopWatch()
		stopState()
		stopOnline()
	}()
	leadSync(live, syncLockName(user, slug), func(ctx context.Context) {
		p.mu.Lock()
		p.leader = true
		p.mu.Unlock()
		r.Run(ctx, liveSync)
	})
	if projects.open == nil {
		projects.open = map[string]*projectLib{}
	}
	projects.open[key] = p
	return p, nil
}

func syncLockName(user, slug string) string { return "redline-sync/" + user + "/" + slug }

func (p *projectLib) isLeader() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.leader
}

// State is the project's sync state: the leader's own, or in another
// tab the one the leader published last (with this tab's own count of
// waiting edits when it has none).
func (p *projectLib) State() sync.State {
	own := p.Replica.State()
	if p.isLeader() {
		return own
	}
	if s, ok := readPublishedState(syncLockName(p.User, p.Slug)); ok {
		return s
	}
	return own
}

// publish tells the other tabs the leader's state.
func (p *projectLib) publish() {
	if p.isLeader() {
		publishState(syncLockName(p.User, p.Slug), p.Replica.State())
	}
	notifySyncWatchers()
}

// closeProjects ends every replica of this tab (signing out).
func closeProjects() { closeProjectsOfOthers("") }

// closeProjectsOfOthers ends the replicas of this tab that are not
// user's: one user's replica never serves another.
func closeProjectsOfOthers(user string) {
	projects.mu.Lock()
	defer projects.mu.Unlock()
	for k, p := range projects.open {
		if p.User != user {
			p.stop()
			p.storage.Close()
			delete(projects.open, k)
		}
	}
}

// openProjects lists the replicas open in this tab.
func openProjects() []*projectLib {
	projects.mu.Lock()
	defer projects.mu.Unlock()
	out := make([]*projectLib, 0, len(projects.open))
	for _, p := range projects.open {
		out = append(out, p)
	}
	return out
}

// syncWatchers are the components that show sync state (#sync-status,
// the projects' lists), told after every change of any replica.
var syncWatchers struct {
	mu   gosync.Mutex
	fns  map[int]func()
	next int
}

// watchSync calls fn (in a goroutine of the replica's) after every
// change of a replica of this tab or of the state another tab
// published, until stop.
func watchSync(fn func()) (stop func()) {
	syncWatchers.mu.Lock()
	defer syncWatchers.mu.Unlock()
	if syncWatchers.fns == nil {
		syncWatchers.fns = map[int]func(){}
	}
	id := syncWatchers.next
	syncWatchers.next++
	syncWatchers.fns[id] = fn
	return func() {
		syncWatchers.mu.Lock()
		defer syncWatchers.mu.Unlock()
		delete(syncWatchers.fns, id)
	}
}

func notifySyncWatchers() {
	syncWatchers.mu.Lock()
	fns := make([]func(), 0, len(syncWatchers.fns))
	for _, fn := range syncWatchers.fns {
		fns = append(fns, fn)
	}
	syncWatchers.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// storyLibrary is the library a story page works on: the personal one
// (project ""), or the signed-in user's replica of project. watch calls
// fn with the id of every story changed elsewhere (another tab; for a
// project also the server), until stop.
func storyLibrary(ctx context.Context, project string) (lib *library.Library, watch func(fn func(storyID string)) (stop func()), err error) {
	if project == "" {
		lib, back, err := openLibrary(ctx)
		if err != nil {
			return nil, nil, err
		}
		return lib, back.Watch, nil
	}
	s := CurrentSession()
	if !s.SignedIn() {
		return nil, nil, fmt.Errorf("sign in to open the stories of project %s", project)
	}
	p, err := openProject(ctx, s.User, project)
	if err != nil {
		return nil, nil, err
	}
	return p.Lib, func(fn func(string)) func() {
		stories := storiesOf(p.Replica.Records())
		var mu gosync.Mutex
		return p.Replica.Watch(func(c sync.Change) {
			mu.Lock()
			defer mu.Unlock()
			seen := map[string]bool{}
			for _, rec := range c.Records {
				id := stories.of(rec)
				if !c.Local && id != "" && !seen[id] {
					seen[id] = true
					go fn(id)
				}
			}
		})
	}, nil
}

// recordStories remembers the story of each record, for the tombstones
// the server sends: they hold no content, so no story of their own.
type recordStories map[sync.Key]string

func storiesOf(recs []sync.Record) recordStories {
	m := recordStories{}
	for _, rec := range recs {
		m.of(rec)
	}
	return m
}

// of is rec's story, as it says or as it was when it last said.
func (m recordStories) of(rec sync.Record) string {
	k := sync.Key{Kind: rec.Kind, ID: rec.ID}
	if id := rec.StoryID(); id != "" {
		m[k] = id
		return id
	}
	return m[k]
}
