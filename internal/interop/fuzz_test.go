package interop

import (
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// seeds are one file of each format, and a few broken ones.
var seeds = []string{
	`{"text": "🇫🇷 Le président 😀 a dit", "label": [[21, 26, "CLAIM"]]}`,
	`{"text": "ab😀c", "entities": [{"id": 1, "label": "PER", "start_offset": 2, "end_offset": 4}]}` + "\n" + `{"text": "x"}`,
	`[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "x", "type": "labels", "value": {"start": 0, "end": 2, "text": "ab", "labels": ["Quote"]}}, {"id": "x", "from_name": "verdict", "type": "choices", "value": {"choices": ["false"]}}]}]}]`,
	"T1\tclaim 0 2\tab\nA1\tVerdict T1 false\n#1\tAnnotatorNotes T1\tn\\nm\nR1\tRel Arg1:T1 Arg2:T1\n",
	`{"rows": [{"id": "a", "text": "t", "tags": ["quote"], "target": [{"selector": [{"type": "TextPositionSelector", "start": 0, "end": 2}, {"type": "TextQuoteSelector", "exact": "ab"}]}]}]}`,
	`[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "ab"}}}]`,
	`{"text": "abc", "label": [[0, 9, "X"]]}`, "T1\tquote 5 2\tx", `[`, ``, "\uFEFF{}",
}

// fuzzRead checks a reader never panics, and that whatever it accepts is
// placed without panicking and gives annotations that keep Redline's rules.
func fuzzRead(f *testing.F, read func(data []byte) (*File, error)) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	text := anchor.NewText("ab😀c 🇫🇷 Le président 😀 a dit")
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := read(data)
		if err != nil {
			return
		}
		placed, _ := Place(text, file.Items)
		for _, p := range placed {
			if err := p.Annotation.Validate(); err != nil {
				t.Fatalf("placed an invalid annotation: %v", err)
			}
			if !p.Span.Valid(text.Len()) || p.Span.Empty() {
				t.Fatalf("span %v outside the text", p.Span)
			}
		}
	})
}

func FuzzRead(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) { return Read(data, "urn:x") })
}

func FuzzReadDoccano(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) {
		file, err := readDoccano(data)
		if err != nil {
			return nil, err
		}
		return file.about("urn:x")
	})
}

func FuzzReadLabelStudio(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) {
		file, err := readLabelStudio(data)
		if err != nil {
			return nil, err
		}
		return file.about("urn:x")
	})
}

func FuzzReadHypothesis(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) {
		file, err := readHypothesis(data)
		if err != nil {
			return nil, err
		}
		return file.about("urn:x")
	})
}

func FuzzReadW3C(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) {
		file, err := readW3C(data, annotation.StorySource("s"))
		if err != nil {
			return nil, err
		}
		return file.about("urn:x")
	})
}

// FuzzReadBrat splits the input at its first NUL into the .ann and the .txt.
func FuzzReadBrat(f *testing.F) {
	fuzzRead(f, func(data []byte) (*File, error) {
		for i, b := range data {
			if b == 0 {
				return ReadBrat(data[:i], data[i+1:], "urn:x")
			}
		}
		return ReadBrat(data, nil, "urn:x")
	})
}
