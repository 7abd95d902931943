package store

import "slices"

// cloneAnnotation copies everything an annotation points to (tags, quote,
// position), so a caller holding one copy can never change another,
// least of all the stored one.
func cloneAnnotation(a Annotation) Annotation {
	a.Tags = slices.Clone(a.Tags)
	if q := a.Target.Selector.Quote; q != nil {
		c := *q
		a.Target.Selector.Quote = &c
	}
	if p := a.Target.Selector.Position; p != nil {
		c := *p
		a.Target.Selector.Position = &c
	}
	return a
}
