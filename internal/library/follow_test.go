package library

import (
	"errors"
	"testing"

	"github.com/redline-news/redline/internal/store"
)

// TestTypingFollowsTheCopyARevisionCarried is tester 5's finding: a note
// typed while a revision was added was refused as "deleted, in another
// tab", since the revision shown holds the annotation's carried copy.
func TestTypingFollowsTheCopyARevisionCarried(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	claim, err := s.Tag(ctx, find(t, s, "commissioned a portrait of Trump"), "claim")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.UpdateField(ctx, claim.ID, "note", "", "Typing a note:"); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"super smart", "very smart"} {
		if _, err := s.AddRevision(ctx, "v.txt", laterVersion(v, v+"!")); err != nil {
			t.Fatal(err)
		}
	}
	copied, ok := s.Follow(claim.ID)
	if !ok || copied.ID == claim.ID || copied.Revision != s.Revision().ID {
		t.Fatalf("Follow(%s) = %s on %s, %v; want a copy on the revision shown, %s", claim.ID, copied.ID, copied.Revision, ok, s.Revision().ID)
	}
	p, both, err := s.UpdateField(ctx, claim.ID, "note", "Typing a note:", "Typing a note: one two")
	if err != nil || both {
		t.Fatalf("UpdateField on the old id: %v (both kept: %v)", err, both)
	}
	if p.ID != copied.ID || p.Note != "Typing a note: one two" {
		t.Fatalf("the typing went onto %s (%q), want the copy %s", p.ID, p.Note, copied.ID)
	}
	if same, _ := s.Follow(copied.ID); same.ID != copied.ID {
		t.Errorf("Follow of a shown annotation = %s, want itself", same.ID)
	}
	if _, ok := s.Follow("urn:uuid:nobody"); ok {
		t.Error("Follow found an annotation nobody made")
	}
	if _, _, err := s.UpdateField(ctx, "urn:uuid:nobody", "note", "", "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateField on an unknown id: %v, want not found", err)
	}
}
