package interop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// Format names a file format.
type Format string

const (
	W3C         Format = "w3c"         // W3C Web Annotation JSON-LD, from Redline or any tool
	Hypothesis  Format = "hypothesis"  // Hypothesis's API search result, export file or one annotation
	Doccano     Format = "doccano"     // doccano JSONL, "label" or "entities" form
	LabelStudio Format = "labelstudio" // Label Studio JSON tasks
	Brat        Format = "brat"        // brat standoff .ann (with its .txt)
	ClaimReview Format = "claimreview" // schema.org ClaimReview JSON-LD (export only)
)

// Unit is what a tool's offsets count.
type Unit int

const (
	CodePoints Unit = iota // Unicode code points, as W3C and Redline count
	UTF16                  // UTF-16 code units, as JavaScript strings count
)

// Item is one annotation read from another tool's file, not yet placed:
// Annotation holds what the tool said (kind, speaker, verdict, tags, note,
// creator, times, id) and, in Target.Selector, the quote and the tool's
// offsets (in Unit). Target.Source is empty unless the file names one.
type Item struct {
	Annotation annotation.Annotation
	Unit       Unit
	Where      string // where in the file, for messages: "annotation 2", "line 3"
}

// File is what Read found in a file.
type File struct {
	Format Format
	Items  []Item
	// Notes name what was skipped on purpose (a relation between
	// annotations, a region that is not text); they are not errors.
	Notes []string
}

// Error lists every problem that stopped Read. Nothing is returned then.
type Error struct {
	Format   Format
	Problems []string
}

func (e *Error) Error() string {
	what := "the file"
	if e.Format != "" {
		what = "the " + string(e.Format) + " file"
	}
	if len(e.Problems) == 1 {
		return what + ": " + e.Problems[0]
	}
	return fmt.Sprintf("%s: %s (and %d more problems)", what, e.Problems[0], len(e.Problems)-1)
}

// maxProblems bounds the problems an Error lists, as annotation.MaxProblems does.
const maxProblems = annotation.MaxProblems

// problems collects a bounded list of problems.
type problems struct {
	list    []string
	omitted int
}

func (p *problems) add(format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.omitted++
		return
	}
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func (p *problems) err(f Format) error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.omitted > 0 {
		list = append(list, fmt.Sprintf("… and %d more problems", p.omitted))
	}
	return &Error{Format: f, Problems: list}
}

// Read detects the format of data and reads its annotations. source is
// the IRI of the story they are imported into: W3C targets that name no
// source are about it, and relative ids are resolved against it. A brat
// .ann read alone takes its quotes from its own lines; ReadBrat also uses
// the .txt for context.
func Read(data []byte, source string) (*File, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	format := Detect(data)
	if len(data) > annotation.MaxInputBytes || !utf8.Valid(data) {
		format = W3C // its reader names the size limit and the first bad byte
	}
	var f *File
	var err error
	switch format {
	case W3C:
		f, err = readW3C(data, source)
	case Hypothesis:
		f, err = readHypothesis(data)
	case Doccano:
		f, err = readDoccano(data)
	case LabelStudio:
		f, err = readLabelStudio(data)
	case Brat:
		f, err = ReadBrat(data, nil, source)
	default:
		return nil, errors.New("not a format Redline reads: expected W3C Web Annotation JSON, Hypothesis JSON, doccano JSONL, Label Studio JSON or brat .ann")
	}
	if err != nil {
		return nil, err
	}
	return f.about(source)
}

// about makes every item that names no source about source, and checks
// each against Redline's rules for what it says (a known verdict, on a
// claim; clean tags …). Where it sits is Place's to check.
func (f *File) about(source string) (*File, error) {
	var p problems
	for i := range f.Items {
		it := &f.Items[i]
		if it.Annotation.Target.Source == "" {
			it.Annotation.Target.Source = source
		}
		if it.Annotation.ID == "" {
			it.Annotation.ID = annotation.NewID()
		}
		a := it.Annotation
		a.Target = annotation.Target{Source: "urn:redline:check", Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "x"}}}
		var invalid *annotation.InvalidError
		if err := a.Validate(); errors.As(err, &invalid) {
			for _, msg := range invalid.Problems {
				p.add("%s: %s", it.Where, msg)
			}
		}
	}
	if err := p.err(f.Format); err != nil {
		return nil, err
	}
	return f, nil
}

// Detect names the format of data from its shape, or "" when it is none
// Redline reads. A JSON document is told apart by its keys; several JSON
// objects one per line are doccano JSONL; tab-separated lines starting
// with a brat id (T1, A1, R1, #1 …) are brat standoff.
func Detect(data []byte) Format {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(trimmed) == 0 {
		return ""
	}
	if trimmed[0] == '{' || trimmed[0] == '[' {
		if tooDeep(trimmed) {
			return W3C // its reader names the depth limit
		}
		if v, ok := parseAny(trimmed); ok {
			return detectJSON(v)
		}
		first, _, more := bytes.Cut(trimmed, []byte("\n"))
		if v, ok := parseAny(first); ok && more && detectJSON(v) == Doccano {
			return Doccano // several objects, one per line
		}
		return W3C // let the strict reader name the syntax error
	}
	if isBrat(trimmed) {
		return Brat
	}
	return ""
}

// tooDeep reports whether JSON data nests arrays and objects deeper than
// annotation.MaxDepth, without parsing it: encoding/json recurses once per
// level, and ten thousand levels overflow the small call stack of a
// browser worker, where Read runs in the app.
func tooDeep(data []byte) bool {
	depth, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > annotation.MaxDepth {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}

// parseAny parses one JSON value, keeping numbers as text (a number too
// large for a float64 is still JSON, for the reader to refuse by name).
func parseAny(data []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return nil, false
	}
	return v, true
}

func detectJSON(v any) Format {
	o, ok := v.(map[string]any)
	if arr, isArray := v.([]any); isArray {
		if len(arr) == 0 {
			return W3C
		}
		o, ok = arr[0].(map[string]any)
	}
	if !ok {
		return W3C
	}
	has := func(k string) bool { _, ok := o[k]; return ok }
	switch {
	case has("@context") || has("type"):
		return W3C
	case has("rows") || (has("annotations") && (has("export_date") || has("client_version") || has("export_userid"))):
		return Hypothesis
	case has("data") && (has("annotations") || has("predictions") || has("completions")):
		return LabelStudio
	case has("text") && (has("label") || has("entities")):
		return Doccano
	case has("target") && (has("uri") || has("user") || has("text") || has("tags")):
		return Hypothesis
	case has("annotations"):
		return Hypothesis
	}
	return W3C
}

// kindOf maps another tool's label onto Redline's kinds: a label naming a
// kind is that kind; any other label makes a note tagged with it.
func kindOf(label string) (annotation.Kind, string) {
	l := strings.ToLower(strings.TrimSpace(label))
	for _, k := range annotation.Kinds {
		if l == string(k) {
			return k, ""
		}
	}
	return annotation.KindNote, strings.TrimSpace(label)
}

// addTag appends a tag unless it is blank or already there.
func addTag(a *annotation.Annotation, tag string) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return
	}
	for _, t := range a.Tags {
		if t == tag {
			return
		}
	}
	a.Tags = append(a.Tags, tag)
}
