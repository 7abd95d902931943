package library

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/store"
)

// UpdateField sets one of EditFields to the value a reader typed, from
// base: the stored value their typing started from. When the field is no
// longer base when the save comes (another tab saved it meanwhile), the
// two are merged by MergeField so that neither tab's text is lost, and
// bothKept says so. A copy of the annotation gone stale under another
// tab's write (store.ErrConflict) is read again and the merge redone.
func (s *Session) UpdateField(ctx context.Context, id, field, base, value string) (p Placed, bothKept bool, err error) {
	for range 3 {
		// Typed on an annotation that a revision added meanwhile carried:
		// the text goes onto the copy on the revision shown.
		cur, ok := s.Follow(id)
		if !ok {
			return Placed{}, false, fmt.Errorf("annotation %s: %w", id, store.ErrNotFound)
		}
		stored, _ := cur.Field(field)
		merged, both := MergeField(s.lib.Core, field, s.followedBase(cur, field, base), stored, value)
		edit, ok := FieldEdit(field, merged)
		if !ok {
			return Placed{}, false, fmt.Errorf("unknown field %q", field)
		}
		p, err = s.Update(ctx, cur.ID, edit)
		if err == nil {
			s.rememberSaved(cur.ID, field, p)
		}
		if !errors.Is(err, store.ErrConflict) {
			return p, both && err == nil, err
		}
		if err := s.Reload(ctx); err != nil {
			return Placed{}, false, err
		}
	}
	return Placed{}, false, err
}

// NoteMerger merges two edits of one note (corecall.Core.MergeNote): the
// core does it, so that the page's wasm does not carry the diff.
type NoteMerger interface {
	MergeNote(base, ours, theirs string) (merged string, ok bool, err error)
}

// MergeField is what a field becomes when a reader typed value from base
// while the stored value became stored (all as the editor shows them).
// If the store still holds base, or already holds value, the reader's
// value is stored as it is. Otherwise both tabs changed the field, and
// nothing either typed is dropped (bothKept is true):
//   - a note gets the reader's edit applied to the stored note where it
//     applies cleanly (notes.MergeNote: two additions to one note make
//     one note with both; a core that fails to answer merges nothing);
//   - otherwise a note or a speaker keeps both texts, the stored one
//     first (a note as two paragraphs, a speaker as "A / B"), unless one
//     text already holds the other;
//   - tags get the reader's additions and removals applied to the stored
//     tags (a three-way merge of two sets, letter case aside);
//   - a kind or a verdict is a choice, not typed text: the reader's
//     choice is stored.
func MergeField(notes NoteMerger, field, base, stored, value string) (merged string, bothKept bool) {
	norm := func(v string) string { return normalField(field, v) }
	if norm(base) == stored || norm(value) == stored {
		return value, false
	}
	ours, theirs := norm(value), stored
	switch field {
	case "note", "speaker":
		switch {
		case strings.Contains(ours, theirs):
			return value, true
		case strings.Contains(theirs, ours):
			return stored, true
		}
		if field == "note" {
			if merged, ok, err := notes.MergeNote(norm(base), ours, theirs); ok && err == nil {
				return merged, true
			}
		}
		sep := map[string]string{"note": "\n\n", "speaker": " / "}[field]
		return theirs + sep + ours, true
	case "tags":
		before, mine := tagSet(base), tagSet(value)
		out := []string{}
		for _, t := range splitTags(stored) {
			if _, removed := before[strings.ToLower(t)]; removed {
				if _, kept := mine[strings.ToLower(t)]; !kept {
					continue
				}
			}
			out = append(out, t)
		}
		for _, t := range splitTags(value) {
			if _, had := before[strings.ToLower(t)]; !had {
				out = append(out, t) // cleanTags drops a repeat
			}
		}
		return strings.Join(cleanTags(out), ", "), true
	}
	return value, false
}

// normalField is a field's value as the store keeps it (see Edit.apply).
func normalField(field, v string) string {
	switch field {
	case "speaker":
		return strings.Join(strings.Fields(v), " ")
	case "note":
		return strings.TrimSpace(v)
	case "tags":
		return strings.Join(cleanTags(strings.Split(v, ",")), ", ")
	}
	return v
}

func splitTags(v string) []string { return cleanTags(strings.Split(v, ",")) }

// tagSet is a field's tags by their lower-case form.
func tagSet(v string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, t := range splitTags(v) {
		out[strings.ToLower(t)] = struct{}{}
	}
	return out
}
