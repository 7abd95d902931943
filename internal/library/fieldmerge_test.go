package library

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/core"
)

func TestMergeField(t *testing.T) {
	tests := []struct {
		name, field, base, stored, value string
		want                             string
		both                             bool
	}{
		{"nobody else wrote", "note", "old", "old", "new", "new", false},
		{"stored as typed, spaces aside", "note", "old ", "old", "old more", "old more", false},
		{"the store already has it", "note", "", "same", "same ", "same ", false},
		{"two notes typed at once", "note", "", "second-X", "first-Y", "second-X\n\nfirst-Y", true},
		{"ours holds theirs", "note", "a", "a b", "a b c", "a b c", true},
		{"two additions to one note", "note", "Check the quote.", "Check the quote. A6", "Check the quote. B6", "Check the quote. A6 B6", true},
		{"additions after other scripts", "note", "Māori elders 🐋 spoke.", "Māori elders 🐋 spoke. Tēnā koe.", "Māori elders 🐋 spoke first.", "Māori elders 🐋 spoke first. Tēnā koe.", true},
		{"additions in two places", "note", "Call the mayor. Then the police.", "Call the mayor today. Then the police.", "Call the mayor. Then the police chief.", "Call the mayor today. Then the police chief.", true},
		{"a rewrite is not merged into an addition", "note", "typed in A", "typed in A and more", "saved in B", "typed in A and more\n\nsaved in B", true},
		{"an edit whose words the other removed", "note", "typed in A", "saved in B", "typed in A and more", "saved in B\n\ntyped in A and more", true},
		{"theirs holds ours", "note", "a", "a b c", "a b", "a b c", true},
		{"two speakers", "speaker", "", "Ann Lee", "Bob  ", "Ann Lee / Bob", true},
		{"tags: both added", "tags", "x", "x, theirs", "x, mine", "x, theirs, mine", true},
		{"tags: a removal is kept", "tags", "x, y", "x, y, theirs", "y", "y, theirs", true},
		{"tags: their removal is kept", "tags", "x, y", "y", "x, y, mine", "y, mine", true},
		{"tags: case aside", "tags", "", "Security", "security", "Security", true},
		{"a kind is a choice", "kind", "quote", "claim", "note", "note", false},
	}
	for _, tt := range tests {
		got, both := MergeField(core.Core{}, tt.field, tt.base, tt.stored, tt.value)
		if got != tt.want || both != tt.both {
			t.Errorf("%s: MergeField = %q, %v; want %q, %v", tt.name, got, both, tt.want, tt.both)
		}
	}
}

// TestUpdateFieldKeepsWhatTwoTabsTyped is tester 2's bug 5: two tabs type
// in the same note at once. The later save finds the note changed since
// its typing began and keeps both texts, even from a stale copy.
func TestUpdateFieldKeepsWhatTwoTabsTyped(t *testing.T) {
	l := newLibrary(t)
	a := openSample(t, l)
	tagged, err := a.Tag(ctx, find(t, a, "super smart"), "claim")
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.Open(ctx, a.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, both, err := b.UpdateField(ctx, tagged.ID, "note", "", "second-X"); err != nil || both {
		t.Fatalf("B's save: both %v, err %v", both, err)
	}
	// A's copy is stale: it never heard of B's save.
	p, both, err := a.UpdateField(ctx, tagged.ID, "note", "", "first-Y")
	if err != nil || !both {
		t.Fatalf("A's save: both %v, err %v", both, err)
	}
	if p.Note != "second-X\n\nfirst-Y" {
		t.Errorf("stored note %q, want both texts", p.Note)
	}
	if _, _, err := a.UpdateField(ctx, "no-such-id", "note", "", "x"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("a missing annotation: err %v", err)
	}
}
