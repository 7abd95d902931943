package annotation

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
)

func TestNewID(t *testing.T) {
	v4 := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 100 {
		id := NewID()
		if !v4.MatchString(id) {
			t.Fatalf("NewID() = %q, not a version 4 urn:uuid", id)
		}
		if seen[id] {
			t.Fatalf("NewID() repeated %q", id)
		}
		seen[id] = true
	}
}

func TestStorySource(t *testing.T) {
	if got := StorySource("putin prayed/🇫🇷"); got != "urn:redline:story:putin%20prayed%2F%F0%9F%87%AB%F0%9F%87%B7" || !isIRI(got) {
		t.Errorf("StorySource = %q", got)
	}
}

func TestAnnotationValidate(t *testing.T) {
	valid := fixtures()[0]
	tests := []struct {
		name   string
		change func(a *Annotation)
		want   string // a fragment of the error; "" for valid
	}{
		{"valid", func(a *Annotation) {}, ""},
		{"no id", func(a *Annotation) { a.ID = "" }, "id is empty"},
		{"id not IRI", func(a *Annotation) { a.ID = "not an iri" }, "is not an IRI"},
		{"unknown kind", func(a *Annotation) { a.Kind = "rumour" }, `kind "rumour"`},
		{"verdict on quote", func(a *Annotation) { a.Verdict = VerdictTrue }, "only for claims"},
		{"unknown verdict", func(a *Annotation) { a.Kind, a.Verdict = KindClaim, "pants-on-fire" }, "not one of unverified"},
		{"blank tag", func(a *Annotation) { a.Tags = []string{" "} }, "blank"},
		{"repeated tag", func(a *Annotation) { a.Tags = []string{"🇫🇷", "🇫🇷"} }, "listed twice"},
		{"no source", func(a *Annotation) { a.Target.Source = "" }, "source is empty"},
		{"bad source date", func(a *Annotation) { a.Target.SourceDate = "23/03/2025" }, "source date"},
		{"no selector", func(a *Annotation) { a.Target.Selector = anchor.Selector{} }, "no selector"},
		{"empty quote", func(a *Annotation) { a.Target.Selector.Quote = quote("", "", "") }, "quote is empty"},
		{"negative start", func(a *Annotation) { a.Target.Selector.Position = position(-1, 3) }, "position [-1, 3)"},
		{"empty position", func(a *Annotation) { a.Target.Selector.Position = position(3, 3) }, "position [3, 3)"},
		{"unknown status", func(a *Annotation) { a.Status = "lost" }, `status "lost"`},
		{"before without status", func(a *Annotation) { a.Before = "old words" }, "before text"},
		{"modified before created", func(a *Annotation) { a.Modified = a.Created.Add(-time.Hour) }, "is before created"},
		{"suggester without suggestion", func(a *Annotation) { a.Suggester = "quote-marks" }, "not marked suggested"},
		{"bad suggester", func(a *Annotation) { a.Suggested, a.Suggester = true, "quote marks" }, "may only use"},
		{"invalid UTF-8", func(a *Annotation) { a.Note = "caf\xe9" }, "note is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := valid
			a.Tags = append([]string(nil), valid.Tags...)
			tt.change(&a)
			err := a.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestClaimReviewRating(t *testing.T) {
	want := map[Verdict]int{VerdictFalse: 1, VerdictMostlyFalse: 2, VerdictMixed: 3, VerdictMostlyTrue: 4, VerdictTrue: 5}
	for _, v := range append(Verdicts, VerdictNone) {
		rating, name, ok := v.ClaimReviewRating()
		if ok != (want[v] != 0) || rating != want[v] || (ok && name == "") {
			t.Errorf("%q.ClaimReviewRating() = %d, %q, %v; want rating %d", v, rating, name, ok, want[v])
		}
	}
}

func TestSourceDateForms(t *testing.T) {
	for _, d := range []string{"2025-03-23", "2025-03-23T08:30:00+01:00", "2025-03-23T08:30:00Z"} {
		dt := sourceDateTime(d)
		if !isDateTime(dt) || revisionDate(dt) != d {
			t.Errorf("%q → %q → %q; want an xsd:dateTime that reads back as the input", d, dt, revisionDate(dt))
		}
	}
}
