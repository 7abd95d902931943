package library

import (
	"reflect"
	"testing"
)

// TestTagsAreOneLetterCaseAside is tester 2's bug 7: "Security" and
// "security" are one tag in the filter's list and in what it shows.
func TestTagsAreOneLetterCaseAside(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	for sub, tags := range map[string]string{"super smart": "Security, numbers, SECURITY", "friend": "security"} {
		a, err := s.Tag(ctx, find(t, s, sub), "claim")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.UpdateField(ctx, a.ID, "tags", "", tags); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.Tags(); !reflect.DeepEqual(got, []string{"numbers", "Security"}) && !reflect.DeepEqual(got, []string{"numbers", "security"}) {
		t.Errorf("Tags() = %q, want numbers and one security", got)
	}
	if got := s.Filtered(Filter{Tag: "security"}); len(got) != 2 {
		t.Errorf("the tag filter security shows %d of the 2 tagged", len(got))
	}
	for _, a := range s.Annotations {
		if len(a.Tags) > 2 {
			t.Errorf("tags %q kept a repeat", a.Tags)
		}
	}
}
