// Package notemerge merges two edits of one note typed at once, by
// go-diff's patches. It runs in the core (the page's worker, or in
// process for the CLI and tests), so that the page's wasm does not link
// go-diff's diff and patch code for this rare case.
package notemerge

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Merge applies the edit that took base to ours onto theirs, the
// text another tab or a colleague stored meanwhile: two people adding
// words to one note get one note with both additions ("X A6 B6"), not
// the whole note twice. Only additions are merged so: when either side
// deleted or rewrote words, the merge would drop words someone typed
// or kept, and both texts are kept instead (ok is false). go-diff's
// patches (diff-match-patch) do the three-way merge. Each is applied
// only where the words it edits, with their context, are still there,
// once, as they were (no fuzzy placement: an edit of words the other
// side rewrote is not guessed into its text); ok is false when any is not, or when base is empty
// (nothing to place an edit by), or when a text is not UTF-8 (go-diff's
// patches index runes by byte offsets, and panic on such text; a
// browser's strings always are).
func Merge(base, ours, theirs string) (merged string, ok bool) {
	if strings.TrimSpace(base) == "" || !utf8.ValidString(base+ours+theirs) {
		return "", false
	}
	dmp := diffmatchpatch.New()
	for _, side := range []string{ours, theirs} {
		for _, d := range dmp.DiffMain(base, side, false) {
			if d.Type == diffmatchpatch.DiffDelete {
				return "", false
			}
		}
	}
	patches := dmp.PatchMake(base, ours)
	for _, p := range patches { // offsets in bytes, as go-diff counts a string
		if p.Start1 < 0 || p.Start1+p.Length1 > len(base) || strings.Count(theirs, base[p.Start1:p.Start1+p.Length1]) != 1 {
			return "", false
		}
	}
	merged, applied := dmp.PatchApply(patches, theirs)
	for _, a := range applied {
		if !a {
			return "", false
		}
	}
	return merged, true
}
