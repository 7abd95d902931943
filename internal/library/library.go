package library

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/store"
)

// Library is the reader's collection of stories in a store.
type Library struct {
	Store store.Store
	// Core parses, diffs, migrates and suggests: package core in process,
	// or in the browser a client of the worker that runs it, so that the
	// page's wasm does not carry the engines.
	Core corecall.Core
	Now  func() time.Time // the clock; time.Now when nil
	// Turns, when set, makes for a long piece of work on the page's one
	// thread a check to call between its steps, which now and then lets
	// the browser in (draw, answer input) and fails once ctx is done
	// (app/idb.InTurns). Opening a 1 MB story placed its 10,000
	// annotations in one task.
	Turns func(ctx context.Context) func() error
}

// TurnCheck is Turns(ctx), or a check that never waits.
func (l *Library) TurnCheck(ctx context.Context) func() error {
	if l.Turns == nil {
		return ctx.Err
	}
	return l.Turns(ctx)
}

func (l *Library) now() time.Time {
	if l.Now != nil {
		return l.Now().UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

// Summary is what the library lists for one story.
type Summary struct {
	Story                 store.Story
	Date                  string // the latest revision's date (see Undated)
	Undated               bool   // the latest revision gives no date: Date is the day it was added
	Revisions             int
	Quotes, Claims, Notes int
	ChangedQuotes         int       // quotes and claims of the latest revision whose words changed or went
	Changed               time.Time // the last time the story, a revision or an annotation changed

	words string // lower-case title, latest text and annotation fields, for Search
}

// Summaries lists every story, newest first.
func (l *Library) Summaries(ctx context.Context) ([]Summary, error) {
	stories, err := l.contents(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(stories))
	for _, c := range stories {
		s, revs, anns := c.Story, c.Revisions, c.Annotations
		sum := Summary{Story: s, Revisions: len(revs), Changed: s.Created}
		if len(revs) > 0 {
			latest := revs[len(revs)-1]
			sum.Date, sum.Undated = latest.Date, latest.Undated
			if latest.Added.After(sum.Changed) {
				sum.Changed = latest.Added
			}
			words := []string{s.Title, latest.Text}
			for _, a := range anns {
				if a.Modified.After(sum.Changed) {
					sum.Changed = a.Modified
				}
				if a.Revision != latest.ID {
					continue
				}
				words = append(words, annotationWords(a.Annotation)...)
				if a.Kind != annotation.KindNote && (a.Status == annotation.StatusChanged || a.Status == annotation.StatusOrphaned) {
					sum.ChangedQuotes++
				}
				switch a.Kind {
				case annotation.KindQuote:
					sum.Quotes++
				case annotation.KindClaim:
					sum.Claims++
				case annotation.KindNote:
					sum.Notes++
				}
			}
			sum.words = strings.ToLower(strings.Join(words, "\n"))
		}
		out = append(out, sum)
	}
	slices.Reverse(out)
	return out, nil
}

//go:embed sample/putin-prayed-2025-03-23.txt
var sampleArticle []byte

// SampleName is the file name of the bundled sample article.
const SampleName = "putin-prayed-2025-03-23.txt"

// AddStory parses a file (text, Markdown or HTML, by name and content) and
// stores it as a new story with one revision. Nothing is stored when the
// file is rejected.
func (l *Library) AddStory(ctx context.Context, name string, data []byte) (store.Story, error) {
	a, err := l.Core.Parse(name, data)
	if err != nil {
		return store.Story{}, fmt.Errorf("%s: %w", displayName(name), err)
	}
	now := l.now()
	s := store.Story{Story: annotation.Story{
		ID:      strings.TrimPrefix(annotation.NewID(), "urn:uuid:"),
		Title:   storyTitle(a, name),
		Created: now,
	}}
	s, err = l.Store.PutStory(ctx, s)
	if err != nil {
		return store.Story{}, err
	}
	rev := newRevision(l.revisionID(s.ID, a.Text), s.ID, a, now)
	if _, err := l.Store.AddRevision(ctx, rev, nil); err != nil {
		// Do not leave a story without text behind.
		l.Store.DeleteStory(ctx, s.ID)
		return store.Story{}, err
	}
	return s, nil
}

func newRevision(id, storyID string, a corecall.Parsed, now time.Time) annotation.Revision {
	date := a.Date
	if date == "" {
		date = now.Format(time.DateOnly)
	}
	return annotation.Revision{
		ID:      id,
		StoryID: storyID,
		Date:    date,
		Title:   a.Title,
		Text:    a.Text,
		Added:   now,
		Undated: a.Date == "",
		Byline:  a.Byline,
	}
}

// storyTitle is the article's title, else the first words of its first
// line (what a reader sees first: a file's name is often a slug or
// "v1"), else the file name without its extension.
func storyTitle(a corecall.Parsed, name string) string {
	if a.Title != "" {
		return a.Title
	}
	firstLine, _, _ := strings.Cut(strings.TrimSpace(a.Text), "\n")
	if title := firstWords(firstLine, 8); title != "" {
		return title
	}
	if base := strings.TrimSuffix(path.Base(name), path.Ext(name)); name != "" && base != "." && base != "/" {
		return base
	}
	return ""
}

func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) > n {
		return strings.Join(words[:n], " ") + "…"
	}
	return strings.Join(words, " ")
}

func displayName(name string) string {
	if name == "" {
		return "pasted text"
	}
	return path.Base(name)
}

// MaxTitle bounds a story title, in code points.
const MaxTitle = 300

// Rename changes a story's title (trimmed, not empty, at most MaxTitle).
func (l *Library) Rename(ctx context.Context, s store.Story, title string) (store.Story, error) {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return s, errors.New("a story needs a title")
	}
	if utf8.RuneCountInString(title) > MaxTitle {
		return s, fmt.Errorf("a title can have at most %d characters", MaxTitle)
	}
	s.Title = title
	return l.Store.PutStory(ctx, s)
}

// Deleted is everything a story deletion removed, so it can be undone.
type Deleted struct {
	Story       store.Story
	Revisions   []annotation.Revision
	Annotations []store.Annotation
	Rejections  map[string][]string // rejected suggestion keys by revision id
}

// Delete removes a story with its revisions, annotations and rejected
// suggestions and returns them for Restore.
func (l *Library) Delete(ctx context.Context, id string) (Deleted, error) {
	var d Deleted
	stories, err := l.Store.Stories(ctx)
	if err != nil {
		return d, err
	}
	i := slices.IndexFunc(stories, func(s store.Story) bool { return s.ID == id })
	if i < 0 {
		return d, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	d.Story = stories[i]
	if d.Revisions, err = l.Store.Revisions(ctx, id); err != nil {
		return d, err
	}
	if d.Annotations, err = l.Store.Annotations(ctx, id); err != nil {
		return d, err
	}
	d.Rejections = map[string][]string{}
	for _, rev := range d.Revisions {
		if d.Rejections[rev.ID], err = l.Store.Rejections(ctx, rev.ID); err != nil {
			return d, err
		}
	}
	return d, l.Store.DeleteStory(ctx, id)
}

// Restore puts back a deleted story exactly as it was.
func (l *Library) Restore(ctx context.Context, d Deleted) error {
	s := d.Story
	s.Rev = 0
	if _, err := l.Store.PutStory(ctx, s); err != nil {
		return err
	}
	for _, rev := range d.Revisions {
		var anns []store.Annotation
		for _, a := range d.Annotations {
			if a.Revision == rev.ID {
				a.Rev = 0
				anns = append(anns, a)
			}
		}
		if _, err := l.Store.AddRevision(ctx, rev, anns); err != nil {
			return err
		}
		for _, key := range d.Rejections[rev.ID] {
			if err := l.Store.Reject(ctx, s.ID, rev.ID, key); err != nil {
				return err
			}
		}
	}
	return nil
}

// SampleArticle returns the bundled sample article's bytes.
func SampleArticle() []byte { return sampleArticle }
