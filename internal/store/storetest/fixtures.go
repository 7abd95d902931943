package storetest

import (
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// day is when the sample article was published; times are kept to the
// second, in UTC, as the annotation model says.
var day = time.Date(2025, 3, 23, 9, 30, 0, 0, time.UTC)

// text has what breaks naive offset and encoding code: an emoji, a flag
// (two code points), a combining mark and an astral-plane letter.
const text = "Putin prayed 🙏 for peace in 🇫🇷 — café (cafe\u0301) and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."

func newStory(id string) store.Story {
	return store.Story{Story: annotation.Story{ID: id, Title: "Putin prayed 🙏 𝔘 " + id, Created: day}}
}

func newRevision(id, storyID string, added time.Time) annotation.Revision {
	return annotation.Revision{ID: id, StoryID: storyID, Date: "2025-03-23", Title: "Revision 𝔘 " + id, Text: text + "\n\nSecond paragraph e\u0301.", Added: added}
}

// fullAnnotation sets every field, with text that must survive encoding.
func fullAnnotation(id, storyID string) store.Annotation {
	return store.Annotation{
		StoryID: storyID,
		Annotation: annotation.Annotation{
			ID:       id,
			Kind:     annotation.KindQuote,
			Speaker:  "Владимир Путин 🇷🇺",
			Verdict:  annotation.VerdictMostlyFalse,
			Tags:     []string{"peace 🕊", "𝔘nicode", "cafe\u0301"},
			Note:     "Said \"prayed\" twice;\nsee 🇫🇷 <b>&amp;</b>",
			Created:  day,
			Modified: day.Add(90 * time.Second),
			Creator:  "Zoë 👩‍💻",
			Target: annotation.Target{
				Source:     annotation.StorySource(storyID),
				SourceDate: "2025-03-23T09:30:00Z",
				Selector: anchor.Selector{
					Quote:    &anchor.TextQuote{Exact: "prayed 🙏", Prefix: "Putin ", Suffix: " for 𝔘"},
					Position: &anchor.TextPosition{Start: 6, End: 14},
				},
			},
			Status:    annotation.StatusChanged,
			Before:    "prayed 🙏🙏",
			Revision:  "rev-1",
			Suggested: true,
			Suggester: "quotes.v2_beta-1",
		},
	}
}

// quoteOnly is what other tools export: a quote, no position, no tags.
func quoteOnly(id, storyID string) store.Annotation {
	return store.Annotation{
		StoryID: storyID,
		Annotation: annotation.Annotation{
			ID:      id,
			Kind:    annotation.KindClaim,
			Created: day,
			Target: annotation.Target{
				Source:   annotation.StorySource(storyID),
				Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"}},
			},
		},
	}
}

// positionOnly has an empty (not nil) tag list and no quote.
func positionOnly(id, storyID string) store.Annotation {
	return store.Annotation{
		StoryID: storyID,
		Annotation: annotation.Annotation{
			ID:     id,
			Kind:   annotation.KindNote,
			Tags:   []string{},
			Target: annotation.Target{Selector: anchor.Selector{Position: &anchor.TextPosition{Start: 0, End: 5}}},
		},
	}
}

// annotationAt is a with the Rev a successful write gives it.
func annotationAt(a store.Annotation, rev int) store.Annotation {
	a.Rev = rev
	return a
}

// onRevision is a as carried onto revision revID.
func onRevision(a store.Annotation, revID string) store.Annotation {
	a.Revision = revID
	return a
}
