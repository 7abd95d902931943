package interop

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// TestOffsetUnits reads each format's offsets in its own unit, over text
// with astral characters before the span, and places the annotation on the
// words it names in a story whose text differs from the tool's (more
// emoji in front), so only a re-anchoring by quote gets it right.
func TestOffsetUnits(t *testing.T) {
	story := anchor.NewText("🎉🎉 Extra lead. " + emojiText)
	// In "🇫🇷 Le président 😀 a dit", "a dit" is code points 18–23 and
	// UTF-16 units 21–26; in the story it is further on.
	tests := []struct {
		name, file string
		want       string
		kind       annotation.Kind
		tags       []string
	}{
		{"doccano label form, UTF-16", `{"text": "🇫🇷 Le président 😀 a dit", "label": [[21, 26, "CLAIM"]]}`, "a dit", annotation.KindClaim, nil},
		{"doccano entities form, UTF-16", `{"text": "🇫🇷 Le président 😀 a dit", "entities": [{"id": 1, "label": "PER", "start_offset": 8, "end_offset": 17}]}`, "président", annotation.KindNote, []string{"PER"}},
		{"doccano JSONL, two lines", "{\"text\": \"x\", \"label\": []}\n{\"text\": \"😀 a dit\", \"label\": [[3, 8, \"quote\"]]}\n", "a dit", annotation.KindQuote, nil},
		{"Label Studio, code points", `[{"data": {"text": "🇫🇷 Le président 😀 a dit"}, "annotations": [{"result": [{"id": "x", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 18, "end": 23, "text": "a dit", "labels": ["Quote"]}}]}]}]`, "a dit", annotation.KindQuote, nil},
		{"brat .ann alone, code points", "T1\tclaim 18 23\ta dit\n", "a dit", annotation.KindClaim, nil},
		{"Hypothesis, UTF-16 position", `{"rows": [{"id": "abc", "text": "hm", "tags": ["x"], "target": [{"source": "https://example.com", "selector": [{"type": "TextPositionSelector", "start": 21, "end": 26}, {"type": "TextQuoteSelector", "exact": "a dit", "prefix": "président 😀 "}]}]}]}`, "a dit", annotation.KindNote, []string{"x"}},
		{"Hypothesis export file", `{"export_date": "2024-01-01T00:00:00Z", "annotations": [{"id": "abc", "created": "2017-04-18T22:48:46.756821+00:00", "updated": "2017-04-18T23:03:54.502857+00:00", "user": "acct:judell@hypothes.is", "tags": ["claim", "eco"], "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "hausse de 12"}]}]}]}`, "hausse de 12", annotation.KindClaim, []string{"eco"}},
		{"W3C from another tool, bare UUID id", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "447d4bea-08dc-4bd0-ae51-31f5ed7a95a0", "type": "Annotation", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "analyste"}, {"type": "TextPositionSelector", "start": 95, "end": 103}]}}`, "analyste", annotation.KindNote, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read([]byte(tt.file), annotation.StorySource("s"))
			if err != nil {
				t.Fatal(err)
			}
			placed, unplaced := Place(story, f.Items)
			if len(unplaced) > 0 || len(placed) != 1 {
				t.Fatalf("placed %d: %q", len(placed), unplaced)
			}
			p := placed[0]
			if got := story.Index().Slice(p.Span); got != tt.want {
				t.Errorf("placed on %q, want %q", got, tt.want)
			}
			if p.Annotation.Kind != tt.kind || strings.Join(p.Annotation.Tags, ",") != strings.Join(tt.tags, ",") {
				t.Errorf("kind %s tags %q, want %s %q", p.Annotation.Kind, p.Annotation.Tags, tt.kind, tt.tags)
			}
			if err := p.Annotation.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestHypothesisFieldsKept(t *testing.T) {
	f, err := Read([]byte(`{"id": "LoaMFCSJEee3aAMJuXhO-w", "uri": "https://example.com/a", "created": "2017-04-18T22:48:46.756821+00:00", "updated": "2017-04-18T23:03:54.502857+00:00", "user": "acct:judell@hypothes.is", "text": "a *note*", "tags": ["one", "two"], "target": [{"source": "https://example.com/a", "selector": [{"type": "TextQuoteSelector", "exact": "words"}]}]}`), "urn:x")
	if err != nil {
		t.Fatal(err)
	}
	a := f.Items[0].Annotation
	if a.Note != "a *note*" || a.Creator != "acct:judell@hypothes.is" || a.Via != "https://hypothes.is/a/LoaMFCSJEee3aAMJuXhO-w" ||
		a.Created.Format("2006-01-02T15:04:05Z07:00") != "2017-04-18T22:48:46Z" || a.Modified.Sub(a.Created).Minutes() < 14 ||
		strings.Join(a.Tags, ",") != "one,two" || a.Target.Source != "https://example.com/a" {
		t.Errorf("read as %+v", a)
	}
}

func TestSkippedWithNotes(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"Hypothesis reply", `{"rows": [{"id": "r", "references": ["abc"], "text": "yes", "target": [{"source": "https://e.com"}]}]}`},
		{"Hypothesis page note", `{"rows": [{"id": "p", "text": "a page note", "target": [{"source": "https://e.com"}]}]}`},
		{"W3C linking", `[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a", "type": "Annotation", "motivation": "linking", "target": [{"id": "#b"}, {"id": "#c"}]}]`},
		{"brat relation", "R1\tRel Arg1:T1 Arg2:T2\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read([]byte(tt.file), "urn:x")
			if err != nil || len(f.Items) != 0 || len(f.Notes) != 1 {
				t.Errorf("items %v, notes %v, err %v", f, f, err)
			}
		})
	}
}

// TestBadFilesNameEveryProblem: a file with several broken annotations is
// refused with one reason each.
func TestBadFilesNameEveryProblem(t *testing.T) {
	tests := []struct {
		name, file string
		problems   int
	}{
		{"doccano", "{\"text\": \"abc\", \"label\": [[0, 9, \"X\"], [2, 1, \"Y\"], [\"a\"]]}\nnot json\n", 4},
		{"brat", "T1\tquote 5 2\tx\nT2\tquote a b\tx\nT3\tquote 0 1\n", 3},
		{"Label Studio", `[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 9, "labels": ["X"]}}, {"id": "b", "type": "labels", "value": {"labels": ["X"]}}]}]}]`, 2},
		{"Hypothesis", `{"rows": [{"id": "a", "created": "yesterday", "updated": "today", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}]}]}`, 2},
		{"W3C", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "x y", "type": "Annotation"}`, 2},
		{"nothing Redline reads", "hello", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.file), "urn:x")
			var e *Error
			n := 1
			if ok := asError(err, &e); ok {
				n = len(e.Problems)
			}
			if err == nil || n != tt.problems {
				t.Errorf("err %v: %d problems, want %d", err, n, tt.problems)
			}
		})
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}

func TestClaimReview(t *testing.T) {
	text, anns := emojiAnnotations(t)
	anns = append(anns, annotation.Annotation{ID: "urn:uuid:00000000-0000-4000-8000-000000000009", Kind: annotation.KindClaim,
		Verdict: annotation.VerdictUnverified, Target: anns[1].Target})
	files, err := Export(ClaimReview, Story{Title: "Le titre", URL: "https://example.com/a", Date: "2025-03-23", Text: text}, anns)
	if err != nil {
		t.Fatal(err)
	}
	var reviews []map[string]any
	if err := json.Unmarshal(files[0].Data, &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 {
		t.Fatalf("%d reviews, want 1 (the only claim with a rating)\n%s", len(reviews), files[0].Data)
	}
	r := reviews[0]
	rating := r["reviewRating"].(map[string]any)
	item := r["itemReviewed"].(map[string]any)
	appearance := item["appearance"].([]any)[0].(map[string]any)
	if r["@type"] != "ClaimReview" || r["claimReviewed"] != "une hausse de 12 %" || rating["alternateName"] != "Mostly false" ||
		rating["ratingValue"] != 2.0 || rating["bestRating"] != 5.0 || rating["worstRating"] != 1.0 ||
		item["@type"] != "Claim" || appearance["url"] != "https://example.com/a" || r["author"] == nil {
		t.Errorf("ClaimReview %s", files[0].Data)
	}
}

func TestCSV(t *testing.T) {
	_, anns := emojiAnnotations(t)
	anns[2].Note = "=HYPERLINK(\"x\")"
	rows := []CSVRow{{Story: "S", Revision: 1, RevisionDate: "2025-03-23", Annotation: anns[0]}, {Story: "S", Annotation: anns[2]}}
	data, err := WriteCSV(rows, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFkind,text,status,text before,speaker,verdict,tags,note\n" +
		"quote,Nous gagnerons 𝄞 la guerre,,,Le président,,,\n" +
		"note,Un analyste 🧐,,,,,,\"'=HYPERLINK(\"\"x\"\")\"\n"
	if string(data) != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", data, want)
	}
	data, _ = WriteCSV(rows[:1], CSVOptions{Story: true, Revisions: true, Offsets: true})
	if !strings.HasPrefix(string(data), "\uFEFFstory,revision,revision date,kind,") || !strings.Contains(string(data), "S,1,2025-03-23,quote,") || !strings.Contains(string(data), ",27,53\n") {
		t.Errorf("CSV with every column:\n%s", data)
	}
}

// TestAmbiguousWordsAreNotGuessed: words found twice in the story, with a
// context that matches neither place and no offsets, are refused rather
// than put on one.
func TestAmbiguousWordsAreNotGuessed(t *testing.T) {
	story := anchor.NewText("He said yes. Then she said yes.")
	f, err := Read([]byte(`{"rows": [{"id": "a", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "said yes", "prefix": "Nobody ever ", "suffix": " at all"}]}]}]}`), "urn:x")
	if err != nil {
		t.Fatal(err)
	}
	if placed, unplaced := Place(story, f.Items); len(placed) != 0 || len(unplaced) != 1 {
		t.Errorf("placed %+v, unplaced %q", placed, unplaced)
	}
}

// TestDetectKeepsStrictW3CMessages: JSON that no float holds, a huge or
// non-UTF-8 file go to the W3C reader, whose messages name the problem.
func TestDetectKeepsStrictW3CMessages(t *testing.T) {
	for _, tt := range []struct{ name, file, want string }{
		{"a number too large", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n \"type\": \"Annotation\", \"target\": {\"source\": \"urn:x\", \"selector\": {\"type\": \"TextPositionSelector\", \"start\": 1e400, \"end\": 2}}}", "found 1e400"},
		{"not UTF-8", "{\"text\": \"caf\xe9\", \"label\": []}", "not valid UTF-8"},
	} {
		_, err := Read([]byte(tt.file), "urn:x")
		var e *Error
		if !asError(err, &e) || !strings.Contains(strings.Join(e.Problems, "\n"), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestQuoteSpacedOtherwise: a quote copied from a page whose HTML broke
// lines and indented differs only in spacing, and is placed on exactly
// those words, not as an approximate match.
func TestQuoteSpacedOtherwise(t *testing.T) {
	story := anchor.NewText("The minister said exports rose by 12 percent.\n\nAnalysts disagreed with the minister.")
	f, err := Read([]byte(`{"rows": [{"id": "a", "target": [{"selector": [
		{"type": "TextQuoteSelector", "exact": "exports rose by\n      12 percent.  \n   Analysts", "prefix": "The minister said ", "suffix": " disagreed"}]}]}]}`), "urn:x")
	if err != nil {
		t.Fatal(err)
	}
	placed, unplaced := Place(story, f.Items)
	if len(placed) != 1 {
		t.Fatalf("unplaced %q", unplaced)
	}
	if got := story.Index().Slice(placed[0].Span); got != "exports rose by 12 percent.\n\nAnalysts" || placed[0].Approximate {
		t.Errorf("placed on %q (approximate %v)", got, placed[0].Approximate)
	}
}

// TestLabelStudioResultOrder: a region's attributes may come before it,
// and regions without ids are each their own.
func TestLabelStudioResultOrder(t *testing.T) {
	f, err := Read([]byte(`[{"data": {"text": "one two three"}, "annotations": [{"result": [
		{"id": "r1", "from_name": "speaker", "to_name": "text", "type": "textarea", "value": {"text": ["Ana"]}},
		{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 3, "text": "one", "labels": ["quote"]}},
		{"from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 4, "end": 7, "labels": ["note"]}},
		{"from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 8, "end": 13, "labels": ["note"]}},
		{"id": "x", "type": "relation", "from_id": "r1", "to_id": "r2"}]}]}]`), "urn:x")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 3 || f.Items[0].Annotation.Speaker != "Ana" || len(f.Notes) != 1 {
		t.Fatalf("items %+v, notes %q", f.Items, f.Notes)
	}
	var quotes []string
	for _, it := range f.Items {
		quotes = append(quotes, it.Annotation.Target.Selector.Quote.Exact)
	}
	if strings.Join(quotes, "|") != "one|two|three" {
		t.Errorf("quotes %q", quotes)
	}
}

func TestBratReferencesBeforeSpans(t *testing.T) {
	f, err := ReadBrat([]byte("A1\tVerdict T1 false\n#1\tSpeaker T1\tAna\nT1\tclaim 0 3\tone\n"), []byte("one two"), "urn:x")
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Items[0].Annotation; len(f.Items) != 1 || a.Verdict != annotation.VerdictFalse || a.Speaker != "Ana" || a.Target.Selector.Quote.Suffix != " two" {
		t.Errorf("read as %+v", f.Items)
	}
}

// A file nested past annotation.MaxDepth is refused by the W3C reader's
// depth limit without being parsed whole (which would recurse once per
// level: too deep for a browser worker's stack).
func TestDetectTooDeep(t *testing.T) {
	for _, data := range []string{
		strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000),
		`{"a": "[[[[` + strings.Repeat("[", 100) + `"}`, // brackets in a string do not count
	} {
		deep := strings.Count(data, `"`) == 0
		if got := tooDeep([]byte(data)); got != deep {
			t.Errorf("tooDeep(%.20q…) = %v, want %v", data, got, deep)
		}
	}
	if _, err := Read([]byte(strings.Repeat("[", 10_000)+strings.Repeat("]", 10_000)), "urn:x"); err == nil || !strings.Contains(err.Error(), "levels deep") {
		t.Errorf("Read of deep arrays: %v", err)
	}
}

// TestUnplacedNamesWhatTheFileHolds: a W3C annotation that cannot be
// placed is named by its place in the file and its quote, never by an id
// the import made up for it (a Recogito "#…" id, a missing one).
func TestUnplacedNamesWhatTheFileHolds(t *testing.T) {
	file := `[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a1", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "le président"}}},
	{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "nowhere to be found"}}}]`
	f, err := Read([]byte(file), annotation.StorySource("s"))
	if err != nil {
		t.Fatal(err)
	}
	_, unplaced := Place(anchor.NewText(emojiText), f.Items)
	if len(unplaced) != 1 {
		t.Fatalf("unplaced %q, want one", unplaced)
	}
	if got := unplaced[0]; !strings.HasPrefix(got, "annotation 2: ") || !strings.Contains(got, "nowhere to be found") || strings.Contains(got, "urn:") {
		t.Errorf("unplaced %q: want it named as the file's 2nd annotation, by its quote, with no made-up id", got)
	}
}
