package annotation

import "strings"

// Validate checks data against the W3C Web Annotation Data Model: every
// MUST the W3C test suite asserts (annotations/annotationMusts.test and the
// collection and page MUSTs) plus sanity checks: well-formed UTF-8 JSON
// within MaxInputBytes and MaxDepth, no duplicate keys, no annotation id
// used twice, offsets that are plain non-negative integers with
// start <= end, date-times with a time zone. data may be an Annotation, an
// array of them, an AnnotationPage or an AnnotationCollection.
//
// It returns the problems found (the first MaxProblems, then a count of
// the rest), or nil when data is valid. Validate is about conformance
// only; Decode also reports what stops Redline from using a valid
// annotation (such as a target with no text selector).
func Validate(data []byte) []Problem {
	tree, problems := parseJSON(data)
	if tree != nil {
		problems.addAll(check(tree).problems)
	}
	return problems.result()
}

// Report is what Validate and Decode both find in a file: its W3C
// problems, and notes on the valid annotations Redline could not place in
// a text (a whole-resource target, no text selector, a page only linked).
// Notes are not conformance problems: a file with notes and no problems
// is valid W3C.
type Report struct {
	Problems []Problem // the first MaxProblems, then a count of the rest
	Notes    []Problem // likewise bounded
	Count    int       // how many problems were found, listed or not
	Valid    int       // how many annotations the file holds with no problem
}

// ValidateReport validates data like Validate and also notes, for each
// valid annotation, whatever would stop Redline from placing it.
func ValidateReport(data []byte) Report {
	tree, problems := parseJSON(data)
	if tree == nil {
		return Report{Problems: problems.result(), Count: problems.count()}
	}
	c := check(tree)
	problems.addAll(c.problems)
	notes := c.unusable
	r := Report{}
	for _, f := range c.found {
		if !f.valid {
			continue
		}
		r.Valid++
		_, ps := fromJSON(f.at, f.obj)
		for _, p := range ps {
			notes.addProblem(p)
		}
	}
	r.Problems, r.Notes, r.Count = problems.result(), notes.result(), problems.count()
	return r
}

// checker walks a parsed document, collecting problems and the
// annotations it finds.
type checker struct {
	problems      problemList
	ids           map[string]*path // annotation id → where it was first used
	found         []found
	unusable      problemList // valid W3C that Redline cannot import
	sawStyleClass bool
}

// found is an annotation object met during the walk.
type found struct {
	at    *path
	obj   object
	valid bool // no problem was reported inside it
}

func (c *checker) add(at *path, format string, args ...any) {
	c.problems.add(at, format, args...)
}

func check(tree any) *checker {
	c := &checker{ids: map[string]*path{}}
	switch v := tree.(type) {
	case object:
		switch {
		case hasType(v, "AnnotationCollection"):
			c.collection(root, v)
		case hasType(v, "AnnotationPage"):
			c.page(root, v, false, -1)
		default:
			c.annotation(root, v, false)
		}
	case []any:
		for i, x := range v {
			if o, ok := x.(object); ok {
				c.annotation(root.at(i), o, false)
			} else {
				c.add(root.at(i), "expected an annotation object, found %s", describe(x))
			}
		}
	default:
		c.add(root, "expected an Annotation, AnnotationPage or AnnotationCollection object, or an array of annotations; found %s", describe(v))
	}
	return c
}

// context checks @context; inherited contexts (items of a page or
// collection) may leave it out.
func (c *checker) context(at *path, o object, inherited bool) {
	v, ok := o["@context"]
	if !ok {
		if !inherited {
			c.add(at, "missing \"@context\": it must be %q", annoContext)
		}
		return
	}
	entries, isArray := v.([]any)
	if !isArray {
		entries = []any{v}
	}
	for _, e := range entries {
		if e == annoContext {
			return
		}
	}
	hint := ""
	for _, e := range entries {
		if s, _ := e.(string); strings.TrimPrefix(s, "https://") == strings.TrimPrefix(annoContext, "http://") {
			hint = " (the W3C context IRI starts with http://, not https://)"
		}
	}
	c.add(at.field("@context"), "must be %q or an array that includes it, found %s%s", annoContext, describe(v), hint)
}

// id checks a required single-IRI id.
func (c *checker) id(at *path, o object, what string) {
	v, ok := o["id"]
	if !ok {
		c.add(at, "missing \"id\": %s needs exactly one IRI as its id", what)
		return
	}
	c.one(at.field("id"), v, "id", c.iri)
}

func (c *checker) requireType(at *path, o object, name, what string) {
	v, ok := o["type"]
	switch {
	case !ok:
		c.add(at, "missing \"type\": %s's type must be %q", what, name)
	case !hasType(o, name):
		c.add(at.field("type"), "must be %q or an array that includes it, found %s", name, describe(v))
	}
}

// lifecycle checks the properties annotations, collections, pages, bodies
// and targets share (model §3.3.1, §3.3.6, §3.3.7).
func (c *checker) lifecycle(at *path, o object) {
	for _, k := range []string{"created", "modified", "generated"} {
		c.optional(at, o, k, func(at *path, v any, what string) { c.one(at, v, what, c.dateTime) })
	}
	c.optional(at, o, "rights", func(at *path, v any, what string) { c.many(at, v, what, c.iri) })
	c.optional(at, o, "canonical", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	c.optional(at, o, "via", func(at *path, v any, what string) { c.many(at, v, what, c.iri) })
	c.optional(at, o, "creator", c.agents)
	c.optional(at, o, "generator", c.agents)
}

func (c *checker) collection(at *path, o object) {
	c.context(at, o, false)
	c.id(at, o, "a collection")
	c.lifecycle(at, o)
	c.optional(at, o, "label", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "last", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	total := -1
	if v, ok := o["total"]; ok {
		if n, ok := c.count(at.field("total"), v, "total"); ok {
			total = n
		}
	}
	v, ok := o["first"]
	if !ok {
		if total > 0 {
			c.add(at, "missing \"first\": the collection's total is %d, so it needs a first page", total)
		}
		return
	}
	first, n := single(v)
	switch f := first.(type) {
	case object:
		c.page(at.field("first"), f, true, total)
	case string:
		c.iri(at.field("first"), f, "first")
		c.unusable.add(at.field("first"), "the first page is only linked, not embedded: Redline reads annotations embedded in the file")
	default:
		if n != 1 {
			c.add(at.field("first"), "first must have exactly one value, found %s", describe(v))
		} else {
			c.add(at.field("first"), "first must be an AnnotationPage object or its IRI, found %s", describe(first))
		}
	}
}

// page checks an AnnotationPage; embedded pages inherit the collection's
// @context, and total is the collection's (or -1).
func (c *checker) page(at *path, o object, embedded bool, total int) {
	c.context(at, o, embedded)
	c.id(at, o, "a page")
	c.requireType(at, o, "AnnotationPage", "a page")
	c.lifecycle(at, o)
	c.optional(at, o, "partOf", func(at *path, v any, what string) {
		if p, ok := v.(object); ok {
			c.optional(at, p, "id", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
			return
		}
		c.one(at, v, what, c.iri)
	})
	c.optional(at, o, "prev", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	c.optional(at, o, "next", func(at *path, v any, what string) {
		c.one(at, v, what, c.iri)
		c.unusable.add(at, "the collection continues on another page: Redline reads only annotations embedded in the file")
	})
	c.optional(at, o, "startIndex", func(at *path, v any, what string) { c.count(at, v, what) })
	v, ok := o["items"]
	items, isArray := v.([]any)
	switch {
	case !ok:
		c.add(at, "missing \"items\": a page lists its annotations in items")
		return
	case !isArray:
		c.add(at.field("items"), "items must be an array of annotations, found %s", describe(v))
		return
	}
	for i, x := range items {
		switch a := x.(type) {
		case object:
			c.annotation(at.field("items").at(i), a, true)
		case string:
			c.iri(at.field("items").at(i), a, "an item given as a string")
			c.unusable.add(at.field("items").at(i), "the annotation is only linked, not embedded: Redline reads annotations embedded in the file")
		default:
			c.add(at.field("items").at(i), "expected an annotation object or its IRI, found %s", describe(x))
		}
	}
	if _, hasNext := o["next"]; embedded && total >= 0 && !hasNext && total != len(items) {
		c.add(at, "the collection's total is %d but its only page holds %d annotations", total, len(items))
	}
}

func (c *checker) annotation(at *path, o object, inherited bool) {
	start := c.problems.count()
	c.sawStyleClass = false
	c.context(at, o, inherited)
	c.id(at, o, "an annotation")
	if id, ok := o["id"].(string); ok && isIRI(id) {
		if first, dup := c.ids[id]; dup {
			c.add(at.field("id"), "id %q is already used by the annotation at %s", id, first)
		} else {
			c.ids[id] = at
		}
	}
	c.requireType(at, o, "Annotation", "an annotation")
	c.lifecycle(at, o)
	_, hasBody := o["body"]
	if _, hasValue := o["bodyValue"]; hasValue && hasBody {
		c.add(at, "has both \"body\" and \"bodyValue\": use one or the other")
	}
	c.optional(at, o, "bodyValue", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
	if v, ok := o["body"]; ok {
		c.resources(at.field("body"), v, "body")
	}
	if v, ok := o["target"]; ok {
		c.resources(at.field("target"), v, "target")
	} else {
		c.add(at, "missing \"target\": an annotation needs at least one target")
	}
	c.optional(at, o, "motivation", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "audience", func(at *path, v any, what string) { c.many(at, v, what, c.iriOrObject) })
	c.optional(at, o, "stylesheet", c.stylesheet)
	if _, ok := o["stylesheet"]; c.sawStyleClass && !ok {
		c.add(at, "a body or target uses styleClass, so the annotation needs a stylesheet")
	}
	c.optional(at, o, keyStatus, func(at *path, v any, what string) { c.oneOf(statusNames()...)(at, v, what) })
	c.optional(at, o, keyBefore, c.str)
	c.optional(at, o, keyRevision, c.str)
	c.optional(at, o, keyMoved, c.boolean)
	c.found = append(c.found, found{at: at, obj: o, valid: c.problems.count() == start})
}

func statusNames() []string {
	names := make([]string, len(Statuses))
	for i, s := range Statuses {
		names[i] = string(s)
	}
	return names
}

func (c *checker) iriOrObject(at *path, v any, what string) {
	if _, ok := v.(object); !ok {
		c.iri(at, v, what)
	}
}

// agents checks creator and generator: IRIs or Agent objects (§3.3.2).
func (c *checker) agents(at *path, v any, what string) {
	c.many(at, v, what, func(at *path, v any, what string) {
		a, ok := v.(object)
		if !ok {
			if _, isString := v.(string); !isString {
				c.add(at, "%s must be an IRI or an agent object (such as {\"type\": \"Person\", \"name\": …}), found %s", what, describe(v))
				return
			}
			c.iri(at, v, what)
			return
		}
		c.optional(at, a, "id", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
		c.optional(at, a, "type", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
		c.optional(at, a, "name", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
		c.optional(at, a, "nickname", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
		c.optional(at, a, "homepage", func(at *path, v any, what string) { c.many(at, v, what, c.iri) })
		c.optional(at, a, "email", func(at *path, v any, what string) {
			c.many(at, v, what, func(at *path, v any, what string) {
				if s, _ := v.(string); !strings.HasPrefix(s, "mailto:") || !isIRI(s) {
					c.add(at, "email must be a mailto: IRI, found %s", describe(v))
				}
			})
		})
	})
}

// stylesheet is an IRI, or a CssStylesheet object with an id or a value.
func (c *checker) stylesheet(at *path, v any, what string) {
	s, ok := v.(object)
	if !ok {
		c.one(at, v, what, c.iri)
		return
	}
	if _, ok := s["type"]; ok && !hasType(s, "CssStylesheet") {
		c.add(at.field("type"), "a stylesheet's type must be \"CssStylesheet\", found %s", describe(s["type"]))
	}
	_, hasID := s["id"]
	_, hasValue := s["value"]
	if hasID == hasValue {
		c.add(at, "a stylesheet object needs either an id or a value, not both or neither")
	}
	c.optional(at, s, "id", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	c.optional(at, s, "value", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
}
