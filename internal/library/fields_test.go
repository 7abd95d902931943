package library

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

// TestFieldEditRoundTrips: each edit field set from a form's value reads
// back as the form shows it, once stored.
func TestFieldEditRoundTrips(t *testing.T) {
	s := openSample(t, newLibrary(t))
	a, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindClaim)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, value, shown string }{
		{"speaker", "  Steve   Witkoff ", "Steve Witkoff"},
		{"verdict", "false", "false"},
		{"tags", "praise, , envoy,praise", "praise, envoy"},
		{"note", " rally of 13 July \n", "rally of 13 July"},
		{"kind", "quote", "quote"},
	} {
		e, ok := FieldEdit(c.field, c.value)
		if !ok {
			t.Fatalf("FieldEdit(%q) unknown", c.field)
		}
		got, err := s.Update(ctx, a.ID, e)
		if err != nil {
			t.Fatalf("%s: %v", c.field, err)
		}
		if v, _ := got.Field(c.field); v != c.shown {
			t.Errorf("%s set to %q reads %q, want %q", c.field, c.value, v, c.shown)
		}
	}
	for _, f := range EditFields {
		if _, ok := FieldEdit(f, ""); !ok {
			t.Errorf("FieldEdit does not know %q", f)
		}
		if _, ok := (Placed{}).Field(f); !ok {
			t.Errorf("Field does not know %q", f)
		}
	}
	if _, ok := FieldEdit("id", "x"); ok {
		t.Error("FieldEdit accepts an unknown field")
	}
}
