package interop

import (
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
)

// readW3C reads W3C Web Annotation JSON-LD from any tool, leniently where
// the reading is unambiguous (annotation.DecodeLenient): Recogito's "#…"
// ids and source-less targets, linking relations skipped with a note.
// Offsets are taken as code points, as W3C says, but Place also tries
// UTF-16, which Recogito and Hypothesis count in.
func readW3C(data []byte, source string) (*File, error) {
	anns, notes, err := annotation.DecodeLenient(data, source)
	if err != nil {
		var de *annotation.DecodeError
		if errors.As(err, &de) {
			e := &Error{Format: W3C}
			for _, p := range de.Problems {
				e.Problems = append(e.Problems, p.String())
			}
			return nil, e
		}
		return nil, err
	}
	f := &File{Format: W3C, Notes: notes}
	for i, a := range anns {
		// Its place in the file, not its id: a fragment, a bare UUID or
		// no id at all gets a new one (DecodeLenient), which the reader
		// never wrote. The message goes on with the annotation's quote.
		f.Items = append(f.Items, Item{Annotation: a, Unit: CodePoints, Where: fmt.Sprintf("annotation %d", i+1)})
	}
	return f, nil
}

// writeW3C is Redline's own export: an AnnotationCollection.
func writeW3C(st Story, anns []annotation.Annotation) ([]byte, error) {
	return annotation.MarshalCollection(st.Title, anns)
}
