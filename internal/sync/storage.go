package sync

import (
	"cmp"
	"context"
	"maps"
	gosync "sync"

	"github.com/redline-news/redline/internal/sorts"
)

// Entry is one change waiting in the outbox. Until it is first sent it
// follows its record (Body is nil: the record's content at send time is
// what goes). When it is sent, Body and BaseSeq are frozen and stored
// first, so that a retry after a lost response sends exactly the same
// change under the same ChangeID, which the server applies once.
type Entry struct {
	ChangeID string
	Kind, ID string
	Order    int64 // outbox order: stories before their revisions, edits in the order made
	Sent     bool
	Delete   bool   // frozen with Body
	Body     Fields // frozen content (nil for a delete)
	BaseSeq  int64  // frozen base
	Failed   string // the server refused it for good (invalid, notfound): kept, not retried, shown as an error
}

// Snapshot is everything a replica stores.
type Snapshot struct {
	Records    []Record
	Outbox     []Entry
	Checkpoint int64 // the change feed's position pulled up to
}

// Batch is one transaction: records written, outbox entries written or
// removed, and the checkpoint, all or nothing.
type Batch struct {
	Records       []Record
	Entries       []Entry  // written (by ChangeID)
	Done          []string // ChangeIDs removed
	SetCheckpoint bool
	Checkpoint    int64
}

func (b Batch) empty() bool {
	return len(b.Records) == 0 && len(b.Entries) == 0 && len(b.Done) == 0 && !b.SetCheckpoint
}

// Storage keeps a replica. Commit must write the whole batch in one
// transaction or nothing of it (IndexedDB: one readwrite transaction over
// the records, outbox and meta object stores).
type Storage interface {
	Load(ctx context.Context) (Snapshot, error)
	Commit(ctx context.Context, b Batch) error
}

// Memory is Storage in memory, for tests and for a session that keeps
// nothing. FailCommits makes the next n commits fail (writing nothing).
type Memory struct {
	mu          gosync.Mutex
	records     map[Key]Record
	outbox      map[string]Entry
	checkpoint  int64
	failCommits int
}

// NewMemory is an empty Memory.
func NewMemory() *Memory {
	return &Memory{records: map[Key]Record{}, outbox: map[string]Entry{}}
}

// FailCommits makes the next n commits fail.
func (m *Memory) FailCommits(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failCommits = n
}

// Load implements Storage.
func (m *Memory) Load(context.Context) (Snapshot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := Snapshot{Checkpoint: m.checkpoint}
	for _, k := range sorts.Collect(maps.Keys(m.records), compareKeys) {
		s.Records = append(s.Records, m.records[k].clone())
	}
	for _, e := range m.outbox {
		s.Outbox = append(s.Outbox, e)
	}
	sorts.Func(s.Outbox, func(a, b Entry) int { return cmp.Compare(a.Order, b.Order) })
	return s, nil
}

// Commit implements Storage.
func (m *Memory) Commit(ctx context.Context, b Batch) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failCommits > 0 {
		m.failCommits--
		return errStorage
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, r := range b.Records {
		m.records[r.key()] = r.clone()
	}
	for _, e := range b.Entries {
		m.outbox[e.ChangeID] = e
	}
	for _, id := range b.Done {
		delete(m.outbox, id)
	}
	if b.SetCheckpoint {
		m.checkpoint = b.Checkpoint
	}
	return nil
}

func compareKeys(a, b Key) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
}
