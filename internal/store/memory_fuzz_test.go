package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// FuzzMemoryRoundTrip: whatever text an annotation holds comes back
// unchanged, and changing the caller's copy afterwards changes nothing
// stored.
func FuzzMemoryRoundTrip(f *testing.F) {
	f.Add("prayed 🙏", "Putin ", "tag,🇫🇷,e\u0301", "𝔘 note", 3, 9)
	f.Add("", "", "", "", 0, 0)
	f.Add("\x00\xff", "\u202e", ",,", "\r\n", -1, 1<<30)
	f.Fuzz(func(t *testing.T, exact, prefix, tags, note string, start, end int) {
		ctx := context.Background()
		m := store.NewMemory()
		if _, err := m.PutStory(ctx, store.Story{Story: annotation.Story{ID: "s"}}); err != nil {
			t.Fatal(err)
		}
		build := func() store.Annotation {
			return store.Annotation{StoryID: "s", Annotation: annotation.Annotation{
				ID: "a", Note: note, Tags: strings.Split(tags, ","),
				Target: annotation.Target{Selector: anchor.Selector{
					Quote:    &anchor.TextQuote{Exact: exact, Prefix: prefix},
					Position: &anchor.TextPosition{Start: start, End: end},
				}},
			}}
		}
		in, want := build(), build()
		want.Rev = 1
		if _, err := m.PutAnnotations(ctx, []store.Annotation{in}); err != nil {
			t.Fatal(err)
		}
		in.Tags[0] += "changed"
		in.Target.Selector.Quote.Exact += "changed"
		in.Target.Selector.Position.End++
		got, err := m.Annotations(ctx, "s")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	})
}
