package annotation

import (
	"strings"
	"testing"
)

// TestMovedRoundTrip checks that a changed annotation whose passage moved
// is exported with "redline:moved": true, validates and reads back, and
// that moved is refused on a status that cannot have moved.
func TestMovedRoundTrip(t *testing.T) {
	a := fixtures()[0]
	a.Status, a.Before, a.Moved = StatusChanged, "the old words", true
	data, err := MarshalAnnotation(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"redline:moved": true`) || !strings.Contains(string(data), `"redline:status": "changed"`) {
		t.Errorf("export lacks redline:moved or redline:status:\n%s", data)
	}
	if p := Validate(data); p != nil {
		t.Errorf("exported annotation is invalid: %v", p)
	}
	got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	sameAnnotations(t, got, []Annotation{a})

	a.Status = StatusOrphaned
	if err := a.Validate(); err == nil {
		t.Error("an orphaned annotation marked moved validates")
	}
	if p := Validate([]byte(strings.Replace(string(data), `"redline:moved": true`, `"redline:moved": "yes"`, 1))); p == nil {
		t.Error(`"redline:moved": "yes" validates`)
	}
}
