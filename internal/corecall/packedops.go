package corecall

import (
	"errors"

	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// opKinds numbers the diff's op kinds for packOps.
var opKinds = []revision.OpKind{revision.Equal, revision.Insert, revision.Delete}

// packOps writes ops as five numbers each: the kind's index in opKinds,
// then the old and the new span. As JSON objects the ops of a 1 MB
// revision (13,000) were 1.1 MB, most of Compare's answer, and the page
// decoded each key by reflection in one task; numbers decode faster. ok
// is false for an op of a kind it does not know (then they cross as they
// are).
func packOps(ops []revision.Op) (packed []int, ok bool) {
	packed = make([]int, 0, 5*len(ops))
	for _, op := range ops {
		k := -1
		for i, kind := range opKinds {
			if op.Kind == kind {
				k = i
			}
		}
		if k < 0 {
			return nil, false
		}
		packed = append(packed, k, op.Old.Start, op.Old.End, op.New.Start, op.New.End)
	}
	return packed, true
}

// unpackOps reads what packOps wrote.
func unpackOps(packed []int) ([]revision.Op, error) {
	if len(packed)%5 != 0 {
		return nil, errors.New("packed ops are not five numbers each")
	}
	ops := make([]revision.Op, len(packed)/5)
	for i := range ops {
		p := packed[5*i : 5*i+5]
		if p[0] < 0 || p[0] >= len(opKinds) {
			return nil, errors.New("a packed op of no known kind")
		}
		ops[i] = revision.Op{Kind: opKinds[p[0]], Old: span.Span{Start: p[1], End: p[2]}, New: span.Span{Start: p[3], End: p[4]}}
	}
	return ops, nil
}
