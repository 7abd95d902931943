package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
)

// doccanoLine is one document of a doccano JSONL file: the "label" form
// (sequence labelling: [[start, end, "LABEL"], …]) or the "entities" form
// (relation extraction: [{"id", "label", "start_offset", "end_offset"}]).
// Offsets count UTF-16 code units (doccano's front end is JavaScript).
// "redline" is Redline's own metadata, one entry per span in the order of
// "label", so speakers, verdicts, tags and notes survive a round trip;
// doccano keeps unknown keys as the document's metadata.
type doccanoLine struct {
	Text     string            `json:"text"`
	Label    []json.RawMessage `json:"label,omitempty"`
	Entities []doccanoEntity   `json:"entities,omitempty"`
	Redline  []redlineMeta     `json:"redline,omitempty"`
}

type doccanoEntity struct {
	ID          int    `json:"id"`
	Label       string `json:"label"`
	StartOffset int    `json:"start_offset"`
	EndOffset   int    `json:"end_offset"`
}

// redlineMeta carries the fields a span format has no place for.
type redlineMeta struct {
	ID      string   `json:"id,omitempty"`
	Speaker string   `json:"speaker,omitempty"`
	Verdict string   `json:"verdict,omitempty"`
	Tags    []string `json:"tags,omitempty"`
	Note    string   `json:"note,omitempty"`
}

func (m redlineMeta) apply(a *annotation.Annotation) {
	if m.ID != "" {
		a.ID = m.ID
	}
	a.Speaker, a.Verdict, a.Note = m.Speaker, annotation.Verdict(m.Verdict), m.Note
	for _, t := range m.Tags {
		addTag(a, t)
	}
}

func metaOf(a annotation.Annotation) redlineMeta {
	return redlineMeta{ID: a.ID, Speaker: a.Speaker, Verdict: string(a.Verdict), Tags: a.Tags, Note: a.Note}
}

// readDoccano reads doccano JSONL (or one JSON document). Each span's
// quote, with its context, is cut from the line's own text, so Place
// re-anchors it by its words wherever Redline's text puts them.
func readDoccano(data []byte) (*File, error) {
	f := &File{Format: Doccano}
	var p problems
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), annotation.MaxInputBytes)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var d doccanoLine
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&d); err != nil {
			p.add("line %d: not a doccano JSON object: %v", n, err)
			continue
		}
		doc := newDocument(d.Text)
		spans := d.entities(&p, n)
		for i, e := range spans {
			where := fmt.Sprintf("line %d, span %d", n, i+1)
			s, ok := doc.span(e.StartOffset, e.EndOffset, UTF16)
			if !ok {
				p.add("%s: offsets %d–%d are not a range of the line's text (%d UTF-16 code units)", where, e.StartOffset, e.EndOffset, doc.text.Index().UTF16(doc.text.Len()))
				continue
			}
			kind, tag := kindOf(e.Label)
			a := annotation.Annotation{ID: annotation.NameID("doccano", d.Text, fmt.Sprint(i), e.Label), Kind: kind}
			addTag(&a, tag)
			if i < len(d.Redline) && len(d.Redline) == len(spans) {
				d.Redline[i].apply(&a)
			}
			a.Target.Selector = doc.selector(s)
			f.Items = append(f.Items, Item{Annotation: a, Unit: CodePoints, Where: where})
		}
	}
	if err := sc.Err(); err != nil {
		p.add("%v", err)
	}
	if err := p.err(Doccano); err != nil {
		return nil, err
	}
	return f, nil
}

// entities is the line's spans in either form.
func (d doccanoLine) entities(p *problems, n int) []doccanoEntity {
	out := append([]doccanoEntity(nil), d.Entities...)
	for i, raw := range d.Label {
		var triple []any
		if json.Unmarshal(raw, &triple) != nil || len(triple) != 3 {
			p.add("line %d: label %d is not [start, end, \"LABEL\"]", n, i+1)
			continue
		}
		start, ok1 := triple[0].(float64)
		end, ok2 := triple[1].(float64)
		label, ok3 := triple[2].(string)
		if !ok1 || !ok2 || !ok3 || start != float64(int(start)) || end != float64(int(end)) {
			p.add("line %d: label %d is not [start, end, \"LABEL\"] with whole-number offsets", n, i+1)
			continue
		}
		out = append(out, doccanoEntity{ID: i, Label: label, StartOffset: int(start), EndOffset: int(end)})
	}
	return out
}

// writeDoccano writes one JSONL line: the text and a [start, end, kind]
// label per annotation, offsets in UTF-16 code units as doccano counts.
func writeDoccano(st Story, anns []spanned) ([]byte, error) {
	d := doccanoLine{Text: st.Text.String(), Label: []json.RawMessage{}}
	for _, a := range anns {
		start, end := utf16Span(st.Text, a.Span)
		raw, err := json.Marshal([]any{start, end, string(a.Kind)})
		if err != nil {
			return nil, err
		}
		d.Label = append(d.Label, raw)
		d.Redline = append(d.Redline, metaOf(a.Annotation))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
