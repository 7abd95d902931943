package annotation

import "strings"

// setTypes are the W3C types of a resource that groups other resources
// (model §3.2.7). The suite's schemas know only Choice; the model has all four.
var setTypes = []string{"Choice", "Composite", "List", "Independents"}

func setTypesOf(o object) []string {
	var found []string
	for _, t := range types(o) {
		for _, s := range setTypes {
			if t == s {
				found = append(found, t)
			}
		}
	}
	return found
}

// resources checks a body or target property: one resource or an array.
func (c *checker) resources(at *path, v any, role string) {
	arr, ok := v.([]any)
	if !ok {
		c.resource(at, v, role)
		return
	}
	if len(arr) == 0 && role == "target" {
		c.add(at, "target is an empty array: an annotation needs at least one target")
	}
	for i, x := range arr {
		c.resource(at.at(i), x, role)
	}
}

// resource checks one body or target: an IRI, or an object that is an
// External Web Resource (id), a TextualBody (value), a SpecificResource
// (source) or a Choice/Composite/List/Independents (items).
func (c *checker) resource(at *path, v any, role string) {
	switch x := v.(type) {
	case string:
		if isIRI(x) {
			return
		}
		if role == "body" {
			c.add(at, "a body given as a string must be an IRI, found %s; put text in a TextualBody {\"type\": \"TextualBody\", \"value\": …} or in bodyValue", describe(x))
		} else {
			c.add(at, "a target given as a string must be the IRI of the annotated resource, found %s", describe(x))
		}
	case object:
		c.resourceObject(at, x, role)
	default:
		c.add(at, "a %s must be an IRI or an object, found %s", role, describe(v))
	}
}

func (c *checker) resourceObject(at *path, o object, role string) {
	c.resourceProperties(at, o)
	_, hasSource := o["source"]
	_, hasItems := o["items"]
	_, hasValue := o["value"]
	_, hasID := o["id"]
	_, hasPurpose := o["purpose"]
	_, hasSelector := o["selector"]
	_, hasState := o["state"]
	sets := setTypesOf(o)
	switch {
	case hasSource || hasSelector || hasState || (hasType(o, "SpecificResource") && !hasValue):
		c.specificResource(at, o)
	case len(sets) > 0 || hasItems:
		c.set(at, o, role, sets)
	case hasValue:
		if _, ok := o["value"].(string); !ok {
			c.add(at.field("value"), "a TextualBody's value must be one string, found %s", describe(o["value"]))
		}
		if role == "target" && !hasID {
			c.add(at, "a target cannot be an embedded TextualBody without an id; annotate a resource by its IRI or with a source and selector")
		}
		c.optional(at, o, "purpose", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	case hasID:
		if hasPurpose {
			c.add(at.field("purpose"), "purpose is only for SpecificResources and TextualBodies; this %s has only an id, so it is an External Web Resource", role)
		}
	default:
		c.add(at, "cannot tell what this %s is: give it an id (a web resource), a value (a TextualBody), a source (a SpecificResource), or a type Choice, Composite, List or Independents with items", role)
	}
}

// resourceProperties checks what any body, target or source may carry
// (model §3.2.1, §3.3).
func (c *checker) resourceProperties(at *path, o object) {
	c.optional(at, o, "id", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	c.optional(at, o, "type", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "textDirection", func(at *path, v any, what string) { c.one(at, v, what, c.oneOf("ltr", "rtl", "auto")) })
	c.optional(at, o, "format", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "language", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "processingLanguage", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
	c.optional(at, o, "accessibility", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.lifecycle(at, o)
}

func (c *checker) specificResource(at *path, o object) {
	src, ok := o["source"]
	switch s := src.(type) {
	case nil:
		if !ok {
			c.add(at, "a SpecificResource needs a source: the IRI of the resource its selector or state applies to")
		} else {
			c.add(at.field("source"), "source must be an IRI or an object with an id, found null")
		}
	case string:
		c.iri(at.field("source"), s, "source")
	case object:
		if _, ok := s["id"]; !ok {
			c.add(at.field("source"), "a source given as an object needs an id")
		}
		c.resourceProperties(at.field("source"), s)
	default:
		c.add(at.field("source"), "source must be an IRI or an object with an id, found %s", describe(s))
	}
	for _, k := range []string{"value", "items"} {
		if _, ok := o[k]; ok {
			c.add(at.field(k), "a SpecificResource (it has a source) cannot have %s", k)
		}
	}
	refines := false
	for _, k := range []string{"selector", "state", "purpose", "styleClass", "renderedVia", "scope"} {
		_, ok := o[k]
		refines = refines || ok
	}
	if !refines {
		c.add(at, "a SpecificResource needs a selector, state, purpose, styleClass, renderedVia or scope besides its source")
	}
	c.optional(at, o, "selector", c.specifiers)
	c.optional(at, o, "state", c.specifiers)
	c.optional(at, o, "purpose", func(at *path, v any, what string) { c.many(at, v, what, c.str) })
	c.optional(at, o, "styleClass", func(at *path, v any, what string) {
		c.sawStyleClass = true
		c.many(at, v, what, c.str)
	})
	c.optional(at, o, "renderedVia", func(at *path, v any, what string) { c.many(at, v, what, c.iriOrObject) })
	c.optional(at, o, "scope", func(at *path, v any, what string) { c.many(at, v, what, c.iri) })
}

func (c *checker) set(at *path, o object, role string, sets []string) {
	switch {
	case len(sets) == 0:
		c.add(at, "items is only allowed on a Choice, Composite, List or Independents: give this %s one of those types", role)
	case len(sets) > 1:
		c.add(at.field("type"), "a %s is one kind of set, found %s", role, strings.Join(sets, " and "))
	}
	kind := "set"
	if len(sets) == 1 {
		kind = sets[0]
	}
	for _, k := range []string{"value", "purpose"} {
		if _, ok := o[k]; ok {
			c.add(at.field(k), "a %s cannot have %s; put it on its items", kind, k)
		}
	}
	items, ok := o["items"].([]any)
	if !ok || len(items) == 0 {
		c.add(at, "a %s needs items: a non-empty array of resources", kind)
		return
	}
	for i, x := range items {
		c.resource(at.field("items").at(i), x, role)
	}
}

// specifiers checks selectors, states and refinedBy: one or a non-empty
// array of IRIs or objects.
func (c *checker) specifiers(at *path, v any, what string) {
	c.many(at, v, what, c.specifier)
}

// specifier checks one selector or state. Types the model defines are
// checked in full; other types are extensions and are accepted as they are.
func (c *checker) specifier(at *path, v any, what string) {
	o, ok := v.(object)
	if !ok {
		c.iri(at, v, "a "+what+" given as a string")
		return
	}
	ts := types(o)
	if _, hasID := o["id"]; len(ts) == 0 && !hasID {
		c.add(at, "a %s needs a type (such as TextQuoteSelector) or an id", what)
	}
	c.optional(at, o, "id", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	for _, t := range ts {
		switch t {
		case "FragmentSelector", "CssSelector", "XPathSelector", "HttpRequestState":
			c.requiredString(at, o, t, "value")
		case "TextQuoteSelector":
			c.requiredString(at, o, t, "exact")
			c.optional(at, o, "prefix", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
			c.optional(at, o, "suffix", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
		case "TextPositionSelector", "DataPositionSelector":
			c.positions(at, o, t)
		case "SvgSelector":
			_, hasID := o["id"]
			_, hasValue := o["value"]
			if hasID == hasValue {
				c.add(at, "an SvgSelector needs either an id or a value, not both or neither")
			}
			c.optional(at, o, "value", func(at *path, v any, what string) { c.one(at, v, what, c.str) })
		case "RangeSelector":
			c.rangeSelector(at, o)
		case "TimeState":
			c.timeState(at, o)
		}
	}
	if hasType(o, "FragmentSelector") {
		c.optional(at, o, "conformsTo", func(at *path, v any, what string) { c.one(at, v, what, c.iri) })
	}
	c.optional(at, o, "refinedBy", c.specifiers)
}

func (c *checker) requiredString(at *path, o object, typ, key string) {
	v, ok := o[key]
	if x, n := single(v); !ok || n != 1 {
		c.add(at, "%s needs %q as one string, found %s", typ, key, describeMissing(v, ok))
	} else if _, isString := x.(string); !isString {
		c.add(at, "%s needs %q as one string, found %s", typ, key, describe(x))
	}
}

func describeMissing(v any, present bool) string {
	if !present {
		return "none"
	}
	return describe(v)
}

// positions checks the start and end of a Text- or DataPositionSelector.
func (c *checker) positions(at *path, o object, typ string) {
	var se [2]int
	ok := true
	for i, k := range []string{"start", "end"} {
		v, present := o[k]
		n, want := offset(v)
		if want != "" {
			c.add(at, "%s needs %q as %s, found %s", typ, k, want, describeMissing(v, present))
			ok = false
		}
		se[i] = n
	}
	if ok && se[0] > se[1] {
		c.add(at, "%s starts at %d, after its end %d", typ, se[0], se[1])
	}
}

func (c *checker) rangeSelector(at *path, o object) {
	_, hypothesis := o["startContainer"]
	for _, k := range []string{"startSelector", "endSelector"} {
		v, ok := o[k]
		switch {
		case !ok && hypothesis:
			c.add(at, "RangeSelector needs %q; startContainer/startOffset is Hypothesis's internal form, not the W3C one", k)
		case !ok:
			c.add(at, "RangeSelector needs %q", k)
		default:
			if _, isObject := v.(object); !isObject {
				c.add(at.field(k), "%s must be a selector object, found %s", k, describe(v))
			} else {
				c.specifier(at.field(k), v, k)
			}
		}
	}
}

// timeState needs a sourceDate, or both sourceDateStart and sourceDateEnd.
func (c *checker) timeState(at *path, o object) {
	_, date := o["sourceDate"]
	_, start := o["sourceDateStart"]
	_, end := o["sourceDateEnd"]
	if date == (start && end) || start != end {
		c.add(at, "TimeState needs either sourceDate or both sourceDateStart and sourceDateEnd")
	}
	c.optional(at, o, "sourceDate", func(at *path, v any, what string) { c.many(at, v, what, c.dateTime) })
	c.optional(at, o, "sourceDateStart", func(at *path, v any, what string) { c.one(at, v, what, c.dateTime) })
	c.optional(at, o, "sourceDateEnd", func(at *path, v any, what string) { c.one(at, v, what, c.dateTime) })
	c.optional(at, o, "cached", func(at *path, v any, what string) { c.many(at, v, what, c.iri) })
}
