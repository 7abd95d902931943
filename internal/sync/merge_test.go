package sync

import (
	"encoding/json"
	"slices"
	"testing"
)

func fs(kv ...string) Fields {
	f := Fields{}
	for i := 0; i < len(kv); i += 2 {
		f[kv[i]] = json.RawMessage(kv[i+1])
	}
	return f
}

func TestMerge3(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		base, ours, theirs, want Fields
		conflicts                []string
	}{
		{"nothing changed", fs("a", "1"), fs("a", "1"), fs("a", "1"), fs("a", "1"), nil},
		{"ours only", fs("a", "1"), fs("a", "2"), fs("a", "1"), fs("a", "2"), nil},
		{"theirs only", fs("a", "1"), fs("a", "1"), fs("a", "3"), fs("a", "3"), nil},
		{"different fields", fs("a", "1", "b", "1"), fs("a", "2", "b", "1"), fs("a", "1", "b", "2"), fs("a", "2", "b", "2"), nil},
		{"same change both sides", fs("a", "1"), fs("a", "2"), fs("a", "2"), fs("a", "2"), nil},
		{"cleared here", fs("a", "1", "b", "1"), fs("b", "1"), fs("a", "1", "b", "2"), fs("b", "2"), nil},
		{"added on both", Fields{}, fs("x", "1"), fs("y", "2"), fs("x", "1", "y", "2"), nil},
		{"later modified wins", fs("Modified", `"2026-01-01"`), fs("Modified", `"2026-03-01"`), fs("Modified", `"2026-02-01"`), fs("Modified", `"2026-03-01"`), nil},
		{"tags added on both", fs("Tags", `["x"]`), fs("Tags", `["x","mine"]`), fs("Tags", `["x","yours"]`), fs("Tags", `["x","mine","yours"]`), nil},
		{"tag removed here, added there", fs("Tags", `["x","y"]`), fs("Tags", `["y"]`), fs("Tags", `["x","y","z"]`), fs("Tags", `["y","z"]`), nil},
		{"all tags removed on both", fs("Tags", `["x"]`), Fields{}, fs("Tags", `["y"]`), fs("Tags", `["y"]`), nil},
		{"tags not a list", fs("Tags", `["x"]`), fs("Tags", `"a"`), fs("Tags", `["y"]`), fs("Tags", `["y"]`), []string{"Tags"}},
		{"same field differently", fs("a", "1"), fs("a", "2"), fs("a", "3"), fs("a", "3"), []string{"a"}},
		{"cleared vs edited", fs("a", "1"), Fields{}, fs("a", "3"), fs("a", "3"), []string{"a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Merge3(tc.base, tc.ours, tc.theirs)
			cs := conflictsOf(got)
			if !got.without(fieldConflicts).Equal(tc.want) {
				t.Errorf("merged %s, want %s", js(got), js(tc.want))
			}
			if len(cs) != len(tc.conflicts) {
				t.Fatalf("conflicts %+v, want on %v", cs, tc.conflicts)
			}
			for i, c := range cs {
				if c.Field != tc.conflicts[i] || !sameValue(c.Ours, tc.ours[c.Field]) || !sameValue(c.Theirs, tc.theirs[c.Field]) {
					t.Errorf("conflict %+v", c)
				}
			}
		})
	}
}

func TestMergeConflictsResolvedOnOneSideStayResolved(t *testing.T) {
	c := Conflict{Field: "a", Ours: json.RawMessage("1"), Theirs: json.RawMessage("2")}
	base := Fields{}
	setConflicts(base, []Conflict{c})
	ours := fs("a", "9") // resolved here
	theirs := base.without()
	if got := Merge3(base, ours, theirs); len(conflictsOf(got)) != 0 || string(got["a"]) != "9" {
		t.Errorf("merged %s", js(got))
	}
}

func js(v any) string { b, _ := json.Marshal(v); return string(b) }

// FuzzMerge3: a merge keeps every value someone wrote (as the result or
// in a conflict), never invents one, and is the identity when one side
// did not change.
func FuzzMerge3(f *testing.F) {
	f.Add([]byte(`{"a":1}`), []byte(`{"a":2}`), []byte(`{"a":3,"b":1}`))
	f.Add([]byte(`{}`), []byte(`{"x":"y"}`), []byte(`{"x":"z"}`))
	f.Add([]byte(`{"Tags":["a","b"]}`), []byte(`{"Tags":["b","c"]}`), []byte(`{"Tags":["a","d"]}`))
	f.Fuzz(func(t *testing.T, bj, oj, tj []byte) {
		var base, ours, theirs Fields
		if json.Unmarshal(bj, &base) != nil || json.Unmarshal(oj, &ours) != nil || json.Unmarshal(tj, &theirs) != nil {
			return
		}
		base, ours, theirs = base.without(fieldConflicts).compact(), ours.without(fieldConflicts).compact(), theirs.without(fieldConflicts).compact()
		got := Merge3(base, ours, theirs)
		cs := conflictsOf(got)
		for _, k := range union(base, ours, theirs) {
			o, th, g := ours[k], theirs[k], got[k]
			if !sameValue(g, o) && !sameValue(g, th) && !laterWins[k] && !setFields[k] {
				t.Fatalf("field %s: merged %s is neither ours %s nor theirs %s", k, g, o, th)
			}
			lost := func(v json.RawMessage) bool {
				if sameValue(v, g) || sameValue(v, base[k]) {
					return false
				}
				for _, c := range cs {
					if c.Field == k && (sameValue(c.Ours, v) || sameValue(c.Theirs, v)) {
						return false
					}
				}
				return !laterWins[k] && !setFields[k]
			}
			if lost(o) || lost(th) {
				t.Fatalf("field %s: an edit was dropped: base %s ours %s theirs %s merged %s", k, base[k], o, th, g)
			}
		}
		if mergeableSet(base["Tags"], ours["Tags"], theirs["Tags"]) {
			var b, o, th, g []json.RawMessage
			_, _, _, _ = json.Unmarshal(base["Tags"], &b), json.Unmarshal(ours["Tags"], &o), json.Unmarshal(theirs["Tags"], &th), json.Unmarshal(got["Tags"], &g)
			for _, v := range append(o, th...) {
				added := !slices.ContainsFunc(b, func(w json.RawMessage) bool { return sameValue(v, w) })
				if added && !slices.ContainsFunc(g, func(w json.RawMessage) bool { return sameValue(v, w) }) {
					t.Fatalf("tag %s added on a side is not in the merge %s", v, got["Tags"])
				}
			}
		}
		if ours.Equal(base) && !got.Equal(theirs) {
			t.Fatalf("ours unchanged: merged %s, want theirs %s", js(got), js(theirs))
		}
		if theirs.Equal(base) && !got.Equal(ours) {
			t.Fatalf("theirs unchanged: merged %s, want ours %s", js(got), js(ours))
		}
	})
}
