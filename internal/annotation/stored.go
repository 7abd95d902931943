package annotation

// DecodeStored maps one annotation object, as a Redline server stores it,
// onto the model without checking it against the W3C model again: the
// server checked it when it came in, and the page, which syncs such
// records (package sync), does not link the checker, the bulk of this
// package. Anything that is not one object mapping onto the model is
// refused, and the caller keeps it whole.
func DecodeStored(data []byte) (Annotation, error) {
	tree, problems := parseJSON(data)
	o, ok := tree.(object)
	if tree != nil && !ok {
		problems.add(root, "expected an annotation object, found %s", describe(tree))
	}
	if problems.count() > 0 {
		return Annotation{}, newDecodeError(problems)
	}
	a, ps := fromJSON(root, o)
	for _, p := range ps {
		problems.addProblem(p)
	}
	if problems.count() > 0 {
		return Annotation{}, newDecodeError(problems)
	}
	return a, nil
}
