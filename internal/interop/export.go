package interop

import (
	"fmt"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// Story is what an export needs from the story: its title, the shown
// revision's text and date, and the article's URL when known.
type Story struct {
	Title string
	URL   string
	Date  string // the revision's date, YYYY-MM-DD, when known
	Text  *anchor.Text
	// Name is the base of file names (brat writes Name.ann and Name.txt).
	Name string
}

// OutFile is one file an export writes.
type OutFile struct {
	Name string
	Data []byte
}

// ExportFormats lists what Export writes, in the order a menu offers them.
var ExportFormats = []Format{W3C, ClaimReview, Doccano, LabelStudio, Brat}

// Export writes anns (the annotations of st's shown revision) in format
// f. Every format but brat is one file; brat is Name.ann beside Name.txt.
// The span formats (doccano, Label Studio, brat) write offsets into
// st.Text and leave out annotations whose words are not in it (orphans).
func Export(f Format, st Story, anns []annotation.Annotation) ([]OutFile, error) {
	name := st.Name
	if name == "" {
		name = "annotations"
	}
	one := func(ext string, data []byte, err error) ([]OutFile, error) {
		if err != nil {
			return nil, err
		}
		return []OutFile{{Name: name + ext, Data: data}}, nil
	}
	switch f {
	case W3C:
		data, err := writeW3C(st, anns)
		return one(".jsonld", data, err)
	case ClaimReview:
		data, err := writeClaimReview(st, anns)
		return one(".claimreview.jsonld", data, err)
	case Doccano:
		data, err := writeDoccano(st, placedOn(st.Text, anns))
		return one(".doccano.jsonl", data, err)
	case LabelStudio:
		data, err := writeLabelStudio(st, placedOn(st.Text, anns))
		return one(".labelstudio.json", data, err)
	case Brat:
		ann := writeBrat(st.Text, placedOn(st.Text, anns))
		return []OutFile{{Name: name + ".ann", Data: ann}, {Name: name + ".txt", Data: []byte(st.Text.String())}}, nil
	}
	return nil, fmt.Errorf("unknown export format %q (one of w3c, csv, claimreview, doccano, labelstudio, brat)", f)
}

// spanned is an annotation with its place in the exported text.
type spanned struct {
	annotation.Annotation
	span.Span
}

// placedOn anchors each annotation on t; those whose words are gone are
// left out.
func placedOn(t *anchor.Text, anns []annotation.Annotation) []spanned {
	var out []spanned
	for _, a := range anns {
		if a.Status == annotation.StatusOrphaned {
			continue
		}
		if m, ok := anchor.Anchor(t, a.Target.Selector); ok {
			out = append(out, spanned{a, m.Span})
		}
	}
	return out
}
