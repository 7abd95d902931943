//go:build js && wasm

package idb

import (
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// The stored JSON has its own structs with explicit names, so renaming a
// Go field in internal/annotation never silently loses saved data.

type storyJSON struct {
	Title   string    `json:"title"`
	Created time.Time `json:"created"`
}

type revisionJSON struct {
	Date    string    `json:"date"`
	Title   string    `json:"title"`
	Text    string    `json:"text"`
	Added   time.Time `json:"added"`
	Undated bool      `json:"undated,omitempty"`
	Byline  string    `json:"byline,omitempty"`
	// Words is absent in records stored before it was kept.
	Words *wordDiffJSON `json:"words,omitempty"`
}

type wordDiffJSON struct {
	From    string `json:"from"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
}

type annotationJSON struct {
	Kind       string        `json:"kind"`
	Speaker    string        `json:"speaker"`
	Verdict    string        `json:"verdict"`
	Tags       []string      `json:"tags"`
	Note       string        `json:"note"`
	Created    time.Time     `json:"created"`
	Modified   time.Time     `json:"modified"`
	Creator    string        `json:"creator"`
	Source     string        `json:"source"`
	SourceDate string        `json:"sourceDate"`
	Quote      *quoteJSON    `json:"quote"`
	Position   *positionJSON `json:"position"`
	Status     string        `json:"status"`
	Before     string        `json:"before"`
	Moved      bool          `json:"moved,omitempty"`
	Revision   string        `json:"revision"`
	Suggested  bool          `json:"suggested"`
	Suggester  string        `json:"suggester"`
}

type quoteJSON struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type positionJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// record is the envelope IndexedDB stores: the keys and counters it
// needs, and the record itself as JSON.
type record struct {
	id, story string
	rev       int
	seq       int64
	json      string
}

func (r record) value() js.Value {
	return js.ValueOf(map[string]any{"id": r.id, "story": r.story, "rev": r.rev, "seq": r.seq, "json": r.json})
}

// readRecord unpacks a stored object; found is false for undefined (get
// of a missing key).
func readRecord(v js.Value) (r record, found bool) {
	if missing(v) {
		return record{}, false
	}
	return record{
		id:    v.Get("id").String(),
		story: v.Get("story").String(),
		rev:   v.Get("rev").Int(),
		seq:   int64(v.Get("seq").Float()),
		json:  v.Get("json").String(),
	}, true
}

func encode(id, storyID string, rev int, seq int64, v any) (record, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return record{}, fmt.Errorf("saving %q: %w", id, err)
	}
	return record{id: id, story: storyID, rev: rev, seq: seq, json: string(b)}, nil
}

func decode(r record, v any) error {
	if err := json.Unmarshal([]byte(r.json), v); err != nil {
		return fmt.Errorf("saved record %q is damaged: %w", r.id, err)
	}
	return nil
}

func storyRecord(s store.Story, seq int64) (record, error) {
	return encode(s.ID, s.ID, s.Rev, seq, storyJSON{Title: s.Title, Created: s.Created})
}

func storyFrom(r record) (store.Story, error) {
	var j storyJSON
	err := decode(r, &j)
	return store.Story{Story: annotation.Story{ID: r.id, Title: j.Title, Created: j.Created}, Rev: r.rev}, err
}

func revisionRecord(rev annotation.Revision, seq int64) (record, error) {
	j := revisionJSON{Date: rev.Date, Title: rev.Title, Text: rev.Text, Added: rev.Added, Undated: rev.Undated, Byline: rev.Byline}
	if w := rev.Words; w.From != "" {
		j.Words = &wordDiffJSON{From: w.From, Added: w.Added, Removed: w.Removed}
	}
	return encode(rev.ID, rev.StoryID, 0, seq, j)
}

func revisionFrom(r record) (annotation.Revision, error) {
	var j revisionJSON
	err := decode(r, &j)
	rev := annotation.Revision{ID: r.id, StoryID: r.story, Date: j.Date, Title: j.Title, Text: j.Text, Added: j.Added, Undated: j.Undated, Byline: j.Byline}
	if w := j.Words; w != nil {
		rev.Words = annotation.WordDiff{From: w.From, Added: w.Added, Removed: w.Removed}
	}
	return rev, err
}

func annotationRecord(a store.Annotation, seq int64) (record, error) {
	j := annotationJSON{
		Kind: string(a.Kind), Speaker: a.Speaker, Verdict: string(a.Verdict), Tags: a.Tags, Note: a.Note,
		Created: a.Created, Modified: a.Modified, Creator: a.Creator,
		Source: a.Target.Source, SourceDate: a.Target.SourceDate,
		Status: string(a.Status), Before: a.Before, Moved: a.Moved, Revision: a.Revision,
		Suggested: a.Suggested, Suggester: a.Suggester,
	}
	if q := a.Target.Selector.Quote; q != nil {
		j.Quote = &quoteJSON{Exact: q.Exact, Prefix: q.Prefix, Suffix: q.Suffix}
	}
	if p := a.Target.Selector.Position; p != nil {
		j.Position = &positionJSON{Start: p.Start, End: p.End}
	}
	return encode(a.ID, a.StoryID, a.Rev, seq, j)
}

func annotationFrom(r record) (store.Annotation, error) {
	var j annotationJSON
	if err := decode(r, &j); err != nil {
		return store.Annotation{}, err
	}
	a := store.Annotation{StoryID: r.story, Rev: r.rev, Annotation: annotation.Annotation{
		ID: r.id, Kind: annotation.Kind(j.Kind), Speaker: j.Speaker, Verdict: annotation.Verdict(j.Verdict),
		Tags: j.Tags, Note: j.Note, Created: j.Created, Modified: j.Modified, Creator: j.Creator,
		Target: annotation.Target{Source: j.Source, SourceDate: j.SourceDate},
		Status: annotation.Status(j.Status), Before: j.Before, Moved: j.Moved, Revision: j.Revision,
		Suggested: j.Suggested, Suggester: j.Suggester,
	}}
	if j.Quote != nil {
		a.Target.Selector.Quote = &anchor.TextQuote{Exact: j.Quote.Exact, Prefix: j.Quote.Prefix, Suffix: j.Quote.Suffix}
	}
	if j.Position != nil {
		a.Target.Selector.Position = &anchor.TextPosition{Start: j.Position.Start, End: j.Position.End}
	}
	return a, nil
}

// seqs hands out creation-order numbers: microseconds since 1970, so they
// grow across tabs and reloads too, and never the same one twice in this
// tab. (They stay below 2^53, exact as JavaScript numbers.)
var seqs struct {
	sync.Mutex
	last int64
}

func nextSeq() int64 {
	seqs.Lock()
	defer seqs.Unlock()
	seqs.last = max(seqs.last+1, time.Now().UnixMicro())
	return seqs.last
}
