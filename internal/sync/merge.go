package sync

import (
	"encoding/json"
	"slices"
)

// Conflict is one field edited differently on two sides since their
// common base. Both values are kept: the record shows Theirs (the
// server's, so every replica shows the same) until someone resolves it
// (Replica.Resolve), which writes a new revision on top of the one that
// holds both. A nil value means the field was cleared on that side.
//
// The conflict names both heads: TheirsSeq is the server revision that
// holds Theirs, and Ours is the edit Device made on top of OursBase. The
// revision that resolves it is written on top of the one holding the
// conflict, so the server's history links all three. TheirsBy and OursBy
// say who wrote each value and when (empty in a conflict found before
// they were kept, or when the server did not say).
type Conflict struct {
	Field     string          `json:"field"`
	Ours      json.RawMessage `json:"ours,omitempty"`
	Theirs    json.RawMessage `json:"theirs,omitempty"`
	TheirsSeq int64           `json:"theirsSeq,omitempty"`
	OursBase  int64           `json:"oursBase,omitempty"`
	Device    string          `json:"device,omitempty"`
	TheirsBy  Author          `json:"theirsBy,omitzero"`
	OursBy    Author          `json:"oursBy,omitzero"`
}

// laterWins are fields where two edits are not a conflict: the later
// value (RFC 3339 times in UTC sort as strings) is the merged one.
var laterWins = map[string]bool{"Modified": true}

// setFields are lists that merge as sets: a tag added on each side keeps
// both, one removed on a side is removed.
var setFields = map[string]bool{"Tags": true}

// Merge3 merges ours and theirs, both edited from base, field by field:
// a field changed on one side only takes that change; changed alike on
// both, the common value; changed differently on both, theirs, with a
// Conflict keeping both values. The conflicts already on the records
// merge as sets (one resolved on one side stays resolved) and the new
// ones are added; the result's Conflicts lists them all.
func Merge3(base, ours, theirs Fields) Fields {
	out := Fields{}
	var found []Conflict
	for _, k := range union(base, ours, theirs) {
		if k == fieldConflicts {
			continue
		}
		b, o, t := base[k], ours[k], theirs[k]
		var v json.RawMessage
		switch {
		case sameValue(o, t), sameValue(b, t):
			v = o
		case sameValue(b, o):
			v = t
		case laterWins[k]:
			v = json.RawMessage(max(string(o), string(t)))
		case setFields[k] && mergeableSet(b, o, t):
			v = mergeSet(b, o, t)
		default:
			v = t
			found = append(found, Conflict{Field: k, Ours: o, Theirs: t})
		}
		if v != nil {
			out[k] = v
		}
	}
	cs := mergeConflicts(conflictsOf(base), conflictsOf(ours), conflictsOf(theirs))
	for _, c := range found {
		if !slices.ContainsFunc(cs, c.equal) {
			cs = append(cs, c)
		}
	}
	setConflicts(out, cs)
	return out
}

// mergeableSet says b, o and t are JSON arrays (or absent).
func mergeableSet(b, o, t json.RawMessage) bool {
	for _, v := range []json.RawMessage{b, o, t} {
		var list []json.RawMessage
		if v != nil && json.Unmarshal(v, &list) != nil {
			return false
		}
	}
	return true
}

// mergeSet is the three-way merge of JSON arrays as sets, in the order
// ours then theirs; nil when empty (an absent field).
func mergeSet(b, o, t json.RawMessage) json.RawMessage {
	var base, ours, theirs []json.RawMessage
	for _, p := range []struct {
		raw  json.RawMessage
		list *[]json.RawMessage
	}{{b, &base}, {o, &ours}, {t, &theirs}} {
		if p.raw != nil {
			_ = json.Unmarshal(p.raw, p.list) // checked by mergeableSet
		}
	}
	in := func(list []json.RawMessage, v json.RawMessage) bool {
		return slices.ContainsFunc(list, func(w json.RawMessage) bool { return sameValue(v, w) })
	}
	var out []json.RawMessage
	for _, v := range append(slices.Clone(ours), theirs...) {
		removed := in(base, v) && (!in(ours, v) || !in(theirs, v))
		if !removed && !in(out, v) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil
	}
	data, _ := json.Marshal(out) // raw JSON values always encode
	return data
}

// mergeConflicts is the three-way merge of sets: what both sides kept
// from base, and what either added.
func mergeConflicts(base, ours, theirs []Conflict) []Conflict {
	var out []Conflict
	add := func(c Conflict) {
		if !slices.ContainsFunc(out, c.equal) {
			out = append(out, c)
		}
	}
	for _, c := range base {
		if slices.ContainsFunc(ours, c.equal) && slices.ContainsFunc(theirs, c.equal) {
			add(c)
		}
	}
	for _, side := range [][]Conflict{ours, theirs} {
		for _, c := range side {
			if !slices.ContainsFunc(base, c.equal) {
				add(c)
			}
		}
	}
	return out
}

// equal says c and d are the same disagreement (whoever found it).
func (c Conflict) equal(d Conflict) bool {
	return c.Field == d.Field && sameValue(c.Ours, d.Ours) && sameValue(c.Theirs, d.Theirs)
}

func conflictsOf(f Fields) []Conflict {
	var cs []Conflict
	if raw, ok := f[fieldConflicts]; ok && json.Unmarshal(raw, &cs) != nil {
		// Not ours to judge: someone else's malformed marker is kept
		// as a conflict of its own rather than dropped.
		cs = []Conflict{{Field: fieldConflicts, Theirs: raw}}
	}
	return cs
}

func setConflicts(f Fields, cs []Conflict) {
	if len(cs) == 0 {
		delete(f, fieldConflicts)
		return
	}
	data, err := json.Marshal(cs)
	if err != nil {
		panic("sync: conflicts do not encode: " + err.Error()) // raw JSON values always encode
	}
	f[fieldConflicts] = data
}

func union(fs ...Fields) []string {
	var keys []string
	for _, f := range fs {
		for k := range f {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// nameHeads stamps the conflicts of f that no replica has named yet
// with heads' TheirsSeq, OursBase, Device, TheirsBy and OursBy.
func nameHeads(f Fields, heads Conflict) {
	cs := conflictsOf(f)
	for i, c := range cs {
		if c.TheirsSeq == 0 && c.Field != fieldConflicts {
			heads.Field, heads.Ours, heads.Theirs = c.Field, c.Ours, c.Theirs
			cs[i] = heads
		}
	}
	setConflicts(f, cs)
}
