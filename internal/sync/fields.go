package sync

import (
	"bytes"
	"encoding/json"
	"maps"
)

// Fields is a record's content: one JSON value per field. A field that
// is absent and one that was never set are the same.
type Fields map[string]json.RawMessage

// Fields the engine adds to a record's content. They travel with it to
// the server (in the annotation's redlineSync extension property) so
// that every replica, not only the one that found it, shows a conflict.
const (
	fieldConflicts        = "_conflicts"
	fieldDeletedElsewhere = "_deletedElsewhere"
)

// fieldsOf is v's exported fields as encoding/json writes them, less
// the ones named in drop (ids, which are the record's key).
func fieldsOf(v any, drop ...string) Fields {
	data, err := json.Marshal(v)
	if err != nil {
		panic("sync: a model value does not encode: " + err.Error()) // model types always encode
	}
	var f Fields
	if err := json.Unmarshal(data, &f); err != nil {
		panic("sync: a model value does not decode: " + err.Error())
	}
	for _, k := range drop {
		delete(f, k)
	}
	return f.compact()
}

// into decodes f onto v (a pointer to a model value).
func (f Fields) into(v any) error {
	data, err := json.Marshal(f.without(fieldConflicts, fieldDeletedElsewhere))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// compact rewrites every value in its compact form, so that equal values
// are equal bytes, and drops null values (null and absent are the same).
func (f Fields) compact() Fields {
	out := make(Fields, len(f))
	for k, v := range f {
		var buf bytes.Buffer
		if json.Compact(&buf, v) != nil || buf.String() == "null" {
			continue
		}
		out[k] = buf.Bytes()
	}
	return out
}

func (f Fields) without(keys ...string) Fields {
	out := maps.Clone(f)
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// Equal says whether f and g hold the same values.
func (f Fields) Equal(g Fields) bool {
	return maps.EqualFunc(f, g, sameValue)
}

func sameValue(a, b json.RawMessage) bool { return bytes.Equal(a, b) }
