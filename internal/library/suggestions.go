package library

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/span"
)

// Suggestion is a quote or claim that internal/suggest found in the shown
// revision and the reader has neither annotated nor rejected.
type Suggestion struct {
	// Key names the suggestion on its revision, the same every time: the
	// kind and the code-point span ("quote:120-131"). Revisions never
	// change and Suggest is deterministic, so a rejected key stays
	// rejected.
	Key     string
	Kind    annotation.Kind // KindQuote or KindClaim
	Span    span.Span
	Speaker string  // a quote's speaker, "" if unknown
	Score   float64 // a quote's confidence, a claim's check-worthiness, in [0, 1]
	Reason  string  // why, briefly ("attributed: Witkoff calling")
}

// Claims are offered as internal/suggest reports them: its check-worthiness
// model keeps only the sentences it scores at or above the threshold chosen
// on labelled data, so the app offers what `redline suggest` prints. Quotes
// are always suggested: a quotation is worth marking whoever said it.

// ErrNoSuggestion means a key names nothing suggested now: it was
// accepted, rejected or annotated meanwhile (perhaps in another tab).
var ErrNoSuggestion = errors.New("that suggestion is no longer offered")

// Suggestions lists, in text order, what internal/suggest finds in the
// shown revision, less the suggestions the
// reader rejected on this revision (in any tab, at any time) and those
// already annotated: an annotation of the same kind on nearly the same
// words (see sameWords).
func (s *Session) Suggestions(ctx context.Context) ([]Suggestion, error) {
	rev := s.Revision()
	rejected, err := s.lib.Store.Rejections(ctx, rev.ID)
	if err != nil {
		return nil, err
	}
	found, err := suggestionsOf(s.lib.Core, rev.ID, rev.Text)
	if err != nil {
		return nil, err
	}
	var out []Suggestion
	for _, sg := range found {
		if !slices.Contains(rejected, sg.Key) && !s.annotated(sg) {
			out = append(out, sg)
		}
	}
	return out, nil
}

// AcceptSuggestion stores a suggestion as the reader's own annotation,
// made as Tag makes one, with the suggested speaker for a quote; it is
// then edited like any other. It is not marked Suggested: the reader
// accepted it, so it is theirs. Undo removes it, and it is suggested
// again.
func (s *Session) AcceptSuggestion(ctx context.Context, key string) (Placed, error) {
	const label = "accept suggestion"
	sg, err := s.offered(ctx, key)
	if err != nil {
		return Placed{}, err
	}
	p, err := s.Tag(ctx, s.withoutTrailingComma(sg.Span), sg.Kind)
	if err != nil {
		return Placed{}, err
	}
	if sg.Speaker == "" {
		s.squashUndo(1, label)
		return p, nil
	}
	p, err = s.Update(ctx, p.ID, Edit{Speaker: &sg.Speaker})
	if err != nil {
		s.squashUndo(1, label) // the annotation is stored, without its speaker
		return Placed{}, err
	}
	s.squashUndo(2, label)
	return p, nil
}

// RejectSuggestion records that the reader turned a suggestion down, so it
// is never suggested on this revision again, in any tab. Undo takes the
// rejection back.
func (s *Session) RejectSuggestion(ctx context.Context, key string) error {
	sg, err := s.offered(ctx, key)
	if err != nil {
		return err
	}
	storyID, revID := s.Story.ID, s.Revision().ID
	if err := s.lib.Store.Reject(ctx, storyID, revID, sg.Key); err != nil {
		return err
	}
	s.pushUndo("reject suggestion", func(ctx context.Context) error {
		return s.lib.Store.Unreject(ctx, storyID, revID, sg.Key)
	})
	return nil
}

// offered finds the suggestion with key among those offered now.
func (s *Session) offered(ctx context.Context, key string) (Suggestion, error) {
	offered, err := s.Suggestions(ctx)
	if err != nil {
		return Suggestion{}, err
	}
	i := slices.IndexFunc(offered, func(sg Suggestion) bool { return sg.Key == key })
	if i < 0 {
		return Suggestion{}, fmt.Errorf("suggestion %s: %w", key, ErrNoSuggestion)
	}
	return offered[i], nil
}

// squashUndo makes the last n undo steps one, under label, that undoes
// them newest first: one reader action, one undo.
func (s *Session) squashUndo(n int, label string) {
	steps := slices.Clone(s.undo[len(s.undo)-n:])
	s.undo = s.undo[:len(s.undo)-n]
	s.pushUndo(label, func(ctx context.Context) error {
		for i := len(steps) - 1; i >= 0; i-- {
			if err := steps[i].apply(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// annotated reports whether an annotation of the suggestion's kind on the
// shown revision marks nearly the same words.
func (s *Session) annotated(sg Suggestion) bool {
	return slices.ContainsFunc(s.Annotations, func(p Placed) bool {
		return !p.Orphaned && p.Kind == sg.Kind && s.sameWords(p.Span, sg.Span)
	})
}

// minSharedWords is how much of two spans' extent (their union) must be
// shared for them to mark the same words.
const minSharedWords = 0.8

// sameWords reports whether two spans mark nearly the same words: once
// quotation marks, punctuation and spaces at their edges are trimmed, they
// share at least minSharedWords of their union. A reader who tagged
// “super smart” with its marks, or a claim's sentence without its full
// stop, has annotated the suggestion.
func (s *Session) sameWords(a, b span.Span) bool {
	a, b = s.trimToWords(a), s.trimToWords(b)
	shared := min(a.End, b.End) - max(a.Start, b.Start)
	union := max(a.End, b.End) - min(a.Start, b.Start)
	if union == 0 {
		return true
	}
	return float64(shared) >= minSharedWords*float64(union)
}

// withoutTrailingComma drops a comma (and the spaces before it) from the
// end of a span: English puts the comma that ends a clause inside the
// closing quotation mark (“…hurting the whales,” he said), but it is not
// one of the words quoted.
func (s *Session) withoutTrailingComma(sp span.Span) span.Span {
	t := sp
	for t.End > t.Start && unicode.IsSpace(s.runes[t.End-1]) {
		t.End--
	}
	if t.End > t.Start && (s.runes[t.End-1] == ',' || s.runes[t.End-1] == '،' || s.runes[t.End-1] == '，') {
		t.End--
		for t.End > t.Start && unicode.IsSpace(s.runes[t.End-1]) {
			t.End--
		}
		if !t.Empty() {
			return t
		}
	}
	return sp
}

// trimToWords drops what is not part of a word (letters, digits and their
// combining marks) from both ends of a span; a span without any is kept.
func (s *Session) trimToWords(sp span.Span) span.Span {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	t := sp
	for t.Start < t.End && !word(s.runes[t.Start]) {
		t.Start++
	}
	for t.End > t.Start && !word(s.runes[t.End-1]) {
		t.End--
	}
	if t.Empty() {
		return sp
	}
	return t
}

// suggestCache keeps Suggest's findings for the revisions shown lately.
// Suggest takes about 10 ms per 100 KB natively and several times that in
// wasm, and a revision's text never changes, so the page can ask for
// suggestions after every change without running it again. Entries are
// keyed by revision id and checked against the text, so two stores
// reusing an id cannot mix up their suggestions.
var suggestCache struct {
	sync.Mutex
	recent []cachedSuggestions // most recently used first
}

type cachedSuggestions struct {
	revisionID, text string
	suggestions      []Suggestion // read-only once cached
}

// suggestCacheSize bounds the cache: a reader flips between a few
// revisions at a time.
const suggestCacheSize = 8

// suggestionsOf returns the suggestions for a revision's text, each claim
// in text order. The slice is shared: callers copy
// what they keep.
func suggestionsOf(core corecall.Core, revisionID, text string) ([]Suggestion, error) {
	suggestCache.Lock()
	defer suggestCache.Unlock()
	i := slices.IndexFunc(suggestCache.recent, func(c cachedSuggestions) bool {
		return c.revisionID == revisionID && c.text == text
	})
	var c cachedSuggestions
	if i >= 0 {
		c = suggestCache.recent[i]
		suggestCache.recent = slices.Delete(suggestCache.recent, i, i+1)
	} else {
		found, err := findSuggestions(core, text)
		if err != nil {
			return nil, err
		}
		c = cachedSuggestions{revisionID: revisionID, text: text, suggestions: found}
		if len(suggestCache.recent) == suggestCacheSize {
			suggestCache.recent = suggestCache.recent[:suggestCacheSize-1]
		}
	}
	suggestCache.recent = slices.Insert(suggestCache.recent, 0, c)
	return c.suggestions, nil
}

// findSuggestions runs Suggest on text and keeps the quotes and the
// check-worthy claims. Their spans are the words Tag would mark for them
// (the same, but for odd text: a quotation mark glued to a word), so an
// accepted suggestion lands on exactly the words offered; one without any
// word (“!”) is not offered, since it cannot be tagged.
func findSuggestions(core corecall.Core, text string) ([]Suggestion, error) {
	found, err := core.Suggest(text)
	if err != nil {
		return nil, err
	}
	runes := []rune(text)
	var out []Suggestion
	for _, f := range found {
		sp := reading.SnapToWords(runes, f.Span)
		if sp.Empty() {
			continue
		}
		out = append(out, Suggestion{
			Key:     fmt.Sprintf("%s:%d-%d", f.Kind, sp.Start, sp.End),
			Kind:    f.Kind,
			Span:    sp,
			Speaker: f.Speaker,
			Score:   f.Score,
			Reason:  f.Reason,
		})
	}
	return out, nil
}
