// Package migrate carries annotations from one revision of an article onto
// the next without ever attaching one to the wrong words.
//
// The two texts are diffed once, word by word (package revision), and every
// annotation is placed on the old text (package anchor), mapped through the
// diff and classified:
//
//  1. intact: every code point of its span lies in unchanged text. Typographic
//     noise the diff ignores (curly versus straight quotes, the length of a
//     whitespace run, NFC versus NFD) does not count as a change; After then
//     shows the new spelling.
//  2. moved: its words were deleted where they were and the same text (again
//     up to typographic noise) occurs in text the new revision inserted (a
//     moved paragraph). Among several such occurrences the one whose
//     surroundings agree longest with the old prefix and suffix wins, then
//     the one nearest the old position.
//  3. changed: the diff maps the span onto edited text that is still
//     recognisably the same passage: the words and symbols the diff kept in
//     place make up at least MinKept of the old and new passages together
//     (a Dice coefficient). “super smart” edited to “very smart” keeps
//     “smart” and is changed; a rewritten paragraph keeps next to nothing.
//  4. Otherwise an approximate search (anchor.Anchor, with its MinScore) looks
//     for the old quote and its context around the mapped place and in the
//     inserted text: a confident match is changed (moved when identical),
//     with Moved set when it lies away from the old place.
//  5. moved and edited: what is still orphaned is looked for at sentence
//     granularity among the new sentences that hold inserted text, scored
//     on words in order (the Dice coefficient of the longest common
//     subsequence of words, at least MinMovedEdited, and clearly ahead of
//     any other candidate); one new sentence takes one old passage. A
//     match is changed with Moved set. See rewritten.go for the rule.
//  6. Everything else is orphaned.
//
// An annotation that cannot be placed on the old text at all (orphaned on
// an earlier revision, it has only its quote) is looked for on the new
// text: if its exact words are back, anchored with the quote's prefix and
// suffix at anchor.MinScore (unique, or decided by context; never an
// approximate match) and taking some of their words from inserted text,
// it is carried as moved, with Before its quote; otherwise it stays
// orphaned. See returned.go.
//
// The rule that keeps annotations off the wrong words: a new span may only
// cover the image of the old span through the diff and text the new
// revision inserted. Words the diff found unchanged elsewhere were other
// words in the old revision too (an earlier occurrence of a repeated
// phrase, say), so an annotation whose words were deleted is orphaned rather
// than pinned to them.
//
// Cost: one diff, then per annotation an anchor on the old text (constant
// time when its position still holds) and a walk over the diff ops it
// covers. Only annotations whose words were edited look further, and only
// in inserted text, so a revision with few edits migrates in time linear in
// the texts plus the annotations; the moved-and-edited pass runs only for
// annotations that would otherwise be orphaned, and scores only new
// sentences that share a distinctive word with theirs. The worst case is a rewrite: every
// annotation then searches all of the inserted text approximately (about
// 0.6 ms per annotation on a 100 KB article; see BenchmarkMigrate).
package migrate
