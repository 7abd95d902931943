//go:build !js

package main

import (
	"crypto/sha1"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/suggest"
)

// suggesterName names the rule-based detector of internal/suggest as the
// generator ("Redline suggester: rules").
const suggesterName = "rules"

// runSuggest prints the quotes and claims internal/suggest finds in FILE as
// an AnnotationCollection of suggested annotations. Each annotation's id is
// a name-based UUID of the source and its span, so running the command
// twice on the same revision gives the same ids and nothing is duplicated
// when both outputs are imported.
func runSuggest(e *env, args []string) error {
	fs := newFlags("suggest")
	source := fs.String("source", "", "target source IRI (default urn:redline:story:<file name without extension>)")
	pos, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	name := pos[0]
	art, err := loadArticle(e, name, "")
	if err != nil {
		return err
	}
	if *source == "" {
		*source = annotation.StorySource(storyID(name))
	}
	anns := suggestionAnnotations(art, *source, time.Now().UTC().Truncate(time.Second))
	out, err := annotation.MarshalCollection("Suggestions for "+label(art, name), anns)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}

// suggestionAnnotations turns suggestions into annotations on art's text.
// The score and the reason go into the note, so a reviewer sees why each
// one was proposed.
func suggestionAnnotations(art *article.Article, source string, now time.Time) []annotation.Annotation {
	text := anchor.NewText(art.Text)
	var anns []annotation.Annotation
	for _, s := range suggest.Suggest(art.Text) {
		kind := annotation.KindClaim
		if s.Kind == suggest.Quote {
			kind = annotation.KindQuote
		}
		anns = append(anns, annotation.Annotation{
			ID:        nameUUID(source, string(s.Kind), fmt.Sprint(s.Span.Start), fmt.Sprint(s.Span.End)),
			Kind:      kind,
			Speaker:   s.Speaker,
			Note:      fmt.Sprintf("%s (score %.2f)", s.Reason, s.Score),
			Created:   now,
			Modified:  now,
			Suggested: true,
			Suggester: suggesterName,
			Target: annotation.Target{
				Source:     source,
				SourceDate: art.Date,
				Selector:   anchor.Describe(text, s.Span),
			},
		})
	}
	return anns
}

// storyID is the file name without directory and extension ("stdin" for -).
func storyID(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func label(art *article.Article, name string) string {
	if art.Title != "" {
		return art.Title
	}
	return storyID(name)
}

// nameUUID is a version 5 (SHA-1, name-based) UUID IRI of the parts, in
// the URL namespace.
func nameUUID(parts ...string) string {
	urlNamespace := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(urlNamespace[:])
	h.Write([]byte(strings.Join(parts, "\x00")))
	var b [16]byte
	copy(b[:], h.Sum(nil))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
