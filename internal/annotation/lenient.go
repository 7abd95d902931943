package annotation

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// bareUUID is an id written as a UUID with no scheme, as some tools do.
// Compiled at first use: package init delays the page's first screen.
var bareUUID = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
})

// DecodeLenient reads W3C annotations written by any tool, repairing only
// what has one unambiguous reading, then decodes them like Decode:
//   - an annotation id that is a fragment ("#…") or a bare UUID gets a new
//     urn:uuid id (name-based, so importing the file twice gives the same
//     ids), and the original, made an IRI (a bare UUID as urn:uuid:, a
//     fragment resolved against source), is kept in Via;
//   - an annotation with no id gets one named after its content, and an
//     Annotation with no @context gets the W3C one;
//   - a target with a selector and no source is about source (the story
//     the file is imported into);
//   - an annotation with motivation "linking" (a relation between other
//     annotations, as Recogito writes) has no place in Redline: it is
//     skipped and named in the notes.
//
// Everything else must be as Decode wants it. Strictness stays in
// Validate: a file DecodeLenient repairs is still invalid there.
func DecodeLenient(data []byte, source string) (anns []Annotation, notes []string, err error) {
	tree, problems := parseJSON(data)
	if tree == nil {
		return nil, nil, newDecodeError(problems)
	}
	r := repairer{source: source}
	tree = r.document(tree)
	c := check(tree)
	problems.addAll(c.problems)
	problems.addAll(c.unusable)
	for _, f := range c.found {
		if !f.valid {
			continue
		}
		a, ps := fromJSON(f.at, f.obj)
		for _, p := range ps {
			problems.addProblem(p)
		}
		anns = append(anns, a)
	}
	if problems.count() > 0 {
		return nil, r.notes, newDecodeError(problems)
	}
	return anns, r.notes, nil
}

type repairer struct {
	source string
	notes  []string
}

// document repairs the annotations of an annotation, an array of them, a
// page or a collection with its first page embedded.
func (r *repairer) document(tree any) any {
	switch v := tree.(type) {
	case []any:
		return r.items("$", v)
	case object:
		switch {
		case hasType(v, "AnnotationCollection"):
			if page, ok := v["first"].(object); ok {
				before := len(list(page["items"]))
				r.page("$.first", page)
				if n, bad := offset(v["total"]); bad == "" {
					v["total"] = json.Number(strconv.Itoa(n - (before - len(list(page["items"])))))
				}
			}
		case hasType(v, "AnnotationPage"):
			r.page("$", v)
		default:
			r.annotation(v)
		}
	}
	return tree
}

func (r *repairer) page(at string, p object) {
	if items, ok := p["items"].([]any); ok {
		p["items"] = r.items(at+".items", items)
	}
}

// items repairs each annotation of a list and leaves out the links.
func (r *repairer) items(at string, items []any) []any {
	kept := items[:0:0]
	for i, x := range items {
		o, ok := x.(object)
		if ok && isLinking(o) {
			r.notes = append(r.notes, fmt.Sprintf("%s[%d]: skipped %s: a \"linking\" annotation relates other annotations, which Redline does not keep", at, i, describeID(o)))
			continue
		}
		if ok {
			r.annotation(o)
		}
		kept = append(kept, x)
	}
	return kept
}

func isLinking(o object) bool {
	for _, m := range list(o["motivation"]) {
		if m == "linking" {
			return true
		}
	}
	return false
}

func describeID(o object) string {
	if id := firstString(o["id"]); id != "" {
		return fmt.Sprintf("%q", id)
	}
	return "an annotation"
}

func (r *repairer) annotation(o object) {
	if !hasType(o, "Annotation") {
		return // not recognisably an annotation: Decode names what is wrong
	}
	if _, has := o["@context"]; !has {
		o["@context"] = annoContext // a plain-JSON writer left it out; the type says what it is
	}
	if _, has := o["id"]; !has {
		// No id at all: one named after the annotation's content, so the
		// same file imported twice gives the same ids.
		content, _ := json.Marshal(o)
		o["id"] = nameUUID("imported", string(content))
	}
	if id, ok := o["id"].(string); ok && !isIRI(id) {
		if via := r.resolve(id); via != "" {
			o["id"] = nameUUID("imported", via)
			if _, has := o["via"]; !has {
				o["via"] = via
			}
		}
	}
	targets := list(o["target"])
	for _, t := range targets {
		if tg, ok := t.(object); ok {
			if _, has := tg["source"]; !has && tg["selector"] != nil && r.source != "" {
				tg["source"] = r.source
			}
		}
	}
}

// resolve makes a relative or bare id an IRI, or returns "" when it has no
// unambiguous reading.
func (r *repairer) resolve(id string) string {
	switch {
	case bareUUID().MatchString(id):
		return "urn:uuid:" + strings.ToLower(id)
	case strings.HasPrefix(id, "#") && len(id) > 1 && r.source != "" && isIRI(r.source+id):
		return strings.SplitN(r.source, "#", 2)[0] + id
	}
	return ""
}
