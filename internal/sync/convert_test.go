package sync

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

func sample() annotation.Annotation {
	return annotation.Annotation{ID: "urn:uuid:00000000-0000-4000-8000-000000000001", Kind: annotation.KindQuote,
		Speaker: "The minister", Tags: []string{"economy"}, Created: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		Target: annotation.Target{Source: annotation.StorySource("s1"), Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "super smart"}}}}
}

// The W3C form the engine pushes reads back as the same fields, marks
// (conflicts, deleted elsewhere, by whom when known) included.
func TestW3CRoundTrip(t *testing.T) {
	for _, deleter := range []Author{{}, {By: "bob", At: time.Date(2026, 12, 1, 16, 2, 0, 0, time.UTC)}} {
		f := annotationFields(sample())
		setConflicts(f, []Conflict{{Field: "Note", Ours: json.RawMessage(`"a"`), Theirs: json.RawMessage(`"b"`),
			TheirsBy: Author{By: "alice", At: time.Date(2026, 12, 1, 16, 2, 0, 0, time.UTC)}, OursBy: Author{By: "bob"}}})
		f = markDeletedElsewhere(f, deleter)
		data, err := w3cOf("00000000-0000-4000-8000-000000000001", f)
		if err != nil {
			t.Fatal(err)
		}
		if problems := annotation.Validate(data); len(problems) > 0 {
			t.Fatalf("pushed annotation is not valid W3C: %v", problems)
		}
		got := fieldsFromW3C(data)
		if !got.Equal(f) {
			t.Errorf("round trip:\n got %s\nwant %s", js(got), js(f))
		}
		if rec := (Record{Fields: got}); !rec.DeletedElsewhere() || rec.DeletedBy() != deleter {
			t.Errorf("deleted elsewhere %v by %+v, want by %+v", rec.DeletedElsewhere(), rec.DeletedBy(), deleter)
		}
	}
}

// FuzzFieldsFromW3C: any bytes read as fields without a panic, and
// reading what the engine would push gives the same fields again.
func FuzzFieldsFromW3C(f *testing.F) {
	data, err := annotation.MarshalAnnotation(sample())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"type":"Annotation","target":"http://x","redlineSync":{"conflicts":[{"field":"a"}]}}`))
	f.Add([]byte(`{"redlineSync":7}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		first := fieldsFromW3C(data)
		again, err := w3cOf("x", first)
		if err != nil {
			return // not an annotation the model can write
		}
		if second := fieldsFromW3C(again); !second.Equal(first) {
			t.Fatalf("not stable:\n%s\n%s", js(first), js(second))
		}
	})
}
