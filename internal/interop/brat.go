package interop

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// brat standoff (https://brat.nlplab.org/standoff.html): an .ann file
// beside the .txt it annotates, one annotation a line, tab-separated:
//
//	T1	quote 10 21	super smart          text-bound: type, start end (code points), the words
//	A1	Verdict T1 false                 attribute of T1
//	#1	AnnotatorNotes T1	a note         comment on T1
//
// Redline writes the kind as the text-bound type, the verdict as a
// Verdict attribute, and the speaker, each tag and the note as comments of
// types Speaker, Tag and AnnotatorNotes (brat's own note type). A note's
// line breaks and backslashes are escaped (\n, \\): a comment is one line.

var bratLine = regexp.MustCompile(`^[TRAEMN#*]\d*\t`)

func isBrat(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !bratLine.MatchString(line) {
			return false
		}
	}
	return true
}

// ReadBrat reads a brat .ann about source; txt is the .txt beside it, or
// nil. With the
// .txt each span's quote and context come from it at the offsets (code
// points), checked against the words on the .ann line; without it the
// quote is those words.
func ReadBrat(ann, txt []byte, source string) (*File, error) {
	f := &File{Format: Brat}
	var p problems
	var doc *document
	if txt != nil {
		d := newDocument(string(txt))
		doc = &d
	}
	byID := map[string]*annotation.Annotation{}
	var order []string
	lines := strings.Split(strings.TrimPrefix(string(ann), "\uFEFF"), "\n")
	// Text spans first, then what refers to them, wherever they are.
	type line struct {
		where  string
		fields []string
	}
	var spans, rest []line
	for n, text := range lines {
		text = strings.TrimRight(text, "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		where := fmt.Sprintf("line %d", n+1)
		fields := strings.SplitN(text, "\t", 3)
		switch {
		case len(fields) < 2 || !bratLine.MatchString(text):
			p.add("%s: not a brat standoff line (ID, tab, annotation)", where)
		case fields[0][0] == 'T':
			spans = append(spans, line{where, fields})
		default:
			rest = append(rest, line{where, fields})
		}
	}
	for _, l := range append(spans, rest...) {
		where, fields := l.where, l.fields
		id, head := fields[0], strings.Fields(fields[1])
		switch id[0] {
		case 'T':
			a, ok := bratSpan(&p, doc, id, fields, where)
			if !ok {
				continue
			}
			if _, dup := byID[id]; dup {
				p.add("%s: %s is defined twice", where, id)
				continue
			}
			byID[id] = a
			order = append(order, id)
		case 'A', 'M':
			if len(head) < 2 || byID[head[1]] == nil {
				f.Notes = append(f.Notes, where+": skipped: an attribute of no text span")
				continue
			}
			a := byID[head[1]]
			value := ""
			if len(head) > 2 {
				value = strings.Join(head[2:], " ")
			}
			if strings.EqualFold(head[0], "Verdict") {
				a.Verdict = annotation.Verdict(value)
			} else if value == "" {
				addTag(a, head[0])
			} else {
				addTag(a, head[0]+": "+value)
			}
		case '#':
			if len(head) < 2 || byID[head[1]] == nil || len(fields) < 3 {
				f.Notes = append(f.Notes, where+": skipped: a comment on no text span")
				continue
			}
			a, text := byID[head[1]], unescapeBrat(fields[2])
			switch head[0] {
			case "Speaker":
				a.Speaker = text
			case "Tag":
				addTag(a, text)
			default:
				if a.Note != "" {
					a.Note += "\n\n"
				}
				a.Note += text
			}
		default:
			f.Notes = append(f.Notes, fmt.Sprintf("%s: skipped: %s annotations (relations, events, normalisations) have no place in Redline", where, id[:1]))
		}
	}
	for _, id := range order {
		f.Items = append(f.Items, Item{Annotation: *byID[id], Unit: CodePoints, Where: "brat " + id})
	}
	if err := p.err(Brat); err != nil {
		return nil, err
	}
	return f.about(source)
}

// bratSpan reads "T1<tab>type start end[;start end…]<tab>words". A
// discontinuous span is taken from its first start to its last end.
func bratSpan(p *problems, doc *document, id string, fields []string, where string) (*annotation.Annotation, bool) {
	head := strings.Fields(strings.ReplaceAll(fields[1], ";", " "))
	if len(head) < 3 || len(head)%2 == 0 {
		p.add("%s: %s needs a type and start end offsets", where, id)
		return nil, false
	}
	start, err1 := strconv.Atoi(head[1])
	end, err2 := strconv.Atoi(head[len(head)-1])
	if err1 != nil || err2 != nil || start < 0 || end <= start {
		p.add("%s: %s has offsets %q, not a non-empty range", where, id, strings.Join(head[1:], " "))
		return nil, false
	}
	words := ""
	if len(fields) == 3 {
		words = fields[2]
	}
	kind, tag := kindOf(head[0])
	a := &annotation.Annotation{ID: annotation.NameID("brat", id, fields[1], words), Kind: kind}
	addTag(a, tag)
	if doc != nil {
		s, ok := doc.span(start, end, CodePoints)
		if !ok {
			p.add("%s: %s offsets %d–%d are past the end of the .txt (%d code points)", where, id, start, end, doc.text.Len())
			return nil, false
		}
		if words != "" && len(head) == 3 && collapse(doc.slice(s)) != collapse(words) {
			p.add("%s: %s says %q but the .txt has %q at %d–%d", where, id, words, doc.slice(s), start, end)
			return nil, false
		}
		a.Target.Selector = doc.selector(s)
		return a, true
	}
	if words == "" {
		p.add("%s: %s has no words and no .txt to take them from", where, id)
		return nil, false
	}
	a.Target.Selector = quoteOnly(words, start, end)
	return a, true
}

// collapse makes runs of white space one space: brat writes a span's line
// breaks as spaces on its .ann line.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func escapeBrat(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", "", "\t", " ").Replace(s)
}

func unescapeBrat(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\n`, "\n").Replace(s)
}

// writeBrat writes the .ann for text.
func writeBrat(text *anchor.Text, anns []spanned) []byte {
	var b bytes.Buffer
	attr, note := 0, 0
	for i, a := range anns {
		t := fmt.Sprintf("T%d", i+1)
		fmt.Fprintf(&b, "%s\t%s %d %d\t%s\n", t, a.Kind, a.Start, a.End, bratWords(text.Index().Slice(a.Span)))
		if a.Verdict != annotation.VerdictNone {
			attr++
			fmt.Fprintf(&b, "A%d\tVerdict %s %s\n", attr, t, a.Verdict)
		}
		comment := func(typ, text string) {
			note++
			fmt.Fprintf(&b, "#%d\t%s %s\t%s\n", note, typ, t, escapeBrat(text))
		}
		if a.Speaker != "" {
			comment("Speaker", a.Speaker)
		}
		for _, tag := range a.Tags {
			comment("Tag", tag)
		}
		if a.Note != "" {
			comment("AnnotatorNotes", a.Note)
		}
	}
	return b.Bytes()
}

// bratWords is a span's words on one line, as brat writes them.
func bratWords(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
}
