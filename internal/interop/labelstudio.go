package interop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
)

// lsTask is one Label Studio task: the data it showed and the annotators'
// results. Text regions are "labels" results with value.start/end (code
// points) and value.text; results sharing a region's id are per-region
// attributes (a textarea, choices), which is how Redline writes the
// speaker, verdict, tags and note.
type lsTask struct {
	ID          any            `json:"id,omitempty"`
	Data        map[string]any `json:"data"`
	Annotations []lsAnnotation `json:"annotations"`
	Completions []lsAnnotation `json:"completions,omitempty"` // the name before Label Studio 1.0
}

type lsAnnotation struct {
	Result []lsResult `json:"result"`
}

type lsResult struct {
	ID       string  `json:"id"`
	FromName string  `json:"from_name"`
	ToName   string  `json:"to_name"`
	Type     string  `json:"type"`
	Value    lsValue `json:"value"`
}

type lsValue struct {
	Start   *int     `json:"start,omitempty"`
	End     *int     `json:"end,omitempty"`
	Text    any      `json:"text,omitempty"` // the region's words, or a textarea's lines
	Labels  []string `json:"labels,omitempty"`
	Choices []string `json:"choices,omitempty"`
}

// Redline's names for per-region attributes in Label Studio.
const (
	lsKind    = "kind"
	lsSpeaker = "speaker"
	lsVerdict = "verdict"
	lsTags    = "tags"
	lsNote    = "note"
)

func readLabelStudio(data []byte) (*File, error) {
	var tasks []lsTask
	trimmed := bytes.TrimSpace(data)
	var err error
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var one lsTask
		err = json.Unmarshal(trimmed, &one)
		tasks = []lsTask{one}
	} else {
		err = json.Unmarshal(trimmed, &tasks)
	}
	if err != nil {
		return nil, &Error{Format: LabelStudio, Problems: []string{"not valid Label Studio JSON: " + err.Error()}}
	}
	f := &File{Format: LabelStudio}
	var p problems
	for ti, task := range tasks {
		doc := newDocument(taskText(task.Data))
		for ai, ann := range append(task.Annotations, task.Completions...) {
			// Regions first, then the per-region results that name them by
			// id, in whatever order the export lists them.
			regions := map[string]*annotation.Annotation{}
			var order []string
			isRegion := func(r lsResult) bool { return r.Type == "labels" || (r.Type == "" && r.Value.Labels != nil) }
			for ri, r := range ann.Result {
				if !isRegion(r) {
					continue
				}
				a, ok := lsRegion(&p, doc, r, fmt.Sprintf("task %d, annotation %d, result %d", ti+1, ai+1, ri+1))
				if !ok {
					continue
				}
				key := r.ID
				if _, dup := regions[key]; dup || key == "" {
					key = fmt.Sprintf("%s#%d", r.ID, ri) // several labels on one id, or no id: each its own
				}
				regions[key] = a
				order = append(order, key)
			}
			for ri, r := range ann.Result {
				switch a := regions[r.ID]; {
				case isRegion(r):
				case a != nil && r.ID != "":
					lsAttribute(a, r)
				default:
					f.Notes = append(f.Notes, fmt.Sprintf("task %d, annotation %d, result %d: skipped: not a text region or its attribute", ti+1, ai+1, ri+1))
				}
			}
			for _, id := range order {
				a := regions[id]
				f.Items = append(f.Items, Item{Annotation: *a, Unit: CodePoints, Where: fmt.Sprintf("task %d, region %s", ti+1, id)})
			}
		}
	}
	if err := p.err(LabelStudio); err != nil {
		return nil, err
	}
	return f, nil
}

// lsRegion reads a labelled text region. Its quote is value.text when
// given (checked against the task's text at the offsets when that text is
// there), else the task's text at the offsets.
func lsRegion(p *problems, doc document, r lsResult, where string) (*annotation.Annotation, bool) {
	kind, tag := annotation.KindNote, ""
	if len(r.Value.Labels) > 0 {
		kind, tag = kindOf(r.Value.Labels[0])
	}
	a := &annotation.Annotation{ID: annotation.NameID("labelstudio", doc.text.String(), r.ID, where), Kind: kind}
	addTag(a, tag)
	for _, l := range r.Value.Labels[min(1, len(r.Value.Labels)):] {
		addTag(a, l)
	}
	quote, _ := r.Value.Text.(string)
	if r.Value.Start == nil || r.Value.End == nil {
		p.add("%s: a text region needs value.start and value.end", where)
		return nil, false
	}
	s, inText := doc.span(*r.Value.Start, *r.Value.End, CodePoints)
	switch {
	case inText && (quote == "" || doc.slice(s) == quote):
		a.Target.Selector = doc.selector(s)
	case quote != "":
		a.Target.Selector = quoteOnly(quote, *r.Value.Start, *r.Value.End)
	default:
		p.add("%s: offsets %d–%d are not a range of the task's text", where, *r.Value.Start, *r.Value.End)
		return nil, false
	}
	return a, true
}

func lsAttribute(a *annotation.Annotation, r lsResult) {
	texts := lsTexts(r.Value.Text)
	switch r.FromName {
	case lsSpeaker:
		a.Speaker = strings.Join(texts, " ")
	case lsNote:
		a.Note = strings.Join(texts, "\n")
	case lsVerdict:
		if len(r.Value.Choices) > 0 {
			a.Verdict = annotation.Verdict(r.Value.Choices[0])
		}
	case lsKind:
		if len(r.Value.Choices) > 0 {
			a.Kind, _ = kindOf(r.Value.Choices[0])
		}
	default:
		for _, c := range append(r.Value.Choices, texts...) {
			addTag(a, c)
		}
	}
}

// lsTexts is a textarea's lines (value.text is an array of strings).
func lsTexts(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// taskText is the text a task showed: data.text, else its first string.
func taskText(data map[string]any) string {
	if s, ok := data["text"].(string); ok {
		return s
	}
	for _, v := range data {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}

// writeLabelStudio writes one task: the text, and per annotation a
// "labels" region (the kind) with per-region speaker, verdict, tags and
// note results under the same id.
func writeLabelStudio(st Story, anns []spanned) ([]byte, error) {
	data := map[string]any{"text": st.Text.String()}
	if st.Title != "" {
		data["title"] = st.Title
	}
	if st.URL != "" {
		data["url"] = st.URL
	}
	var results []lsResult
	for i, a := range anns {
		id := fmt.Sprintf("r%d", i+1)
		start, end := a.Start, a.End
		region := func(from, typ string, v lsValue) lsResult {
			v.Start, v.End = &start, &end
			return lsResult{ID: id, FromName: from, ToName: "text", Type: typ, Value: v}
		}
		results = append(results, region(lsKind, "labels", lsValue{Text: st.Text.Index().Slice(a.Span), Labels: []string{string(a.Kind)}}))
		if a.Speaker != "" {
			results = append(results, region(lsSpeaker, "textarea", lsValue{Text: []string{a.Speaker}}))
		}
		if a.Verdict != annotation.VerdictNone {
			results = append(results, region(lsVerdict, "choices", lsValue{Choices: []string{string(a.Verdict)}}))
		}
		if len(a.Tags) > 0 {
			results = append(results, region(lsTags, "textarea", lsValue{Text: a.Tags}))
		}
		if a.Note != "" {
			results = append(results, region(lsNote, "textarea", lsValue{Text: []string{a.Note}}))
		}
	}
	if results == nil {
		results = []lsResult{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode([]lsTask{{Data: data, Annotations: []lsAnnotation{{Result: results}}}})
	return buf.Bytes(), err
}
