// Package anchor turns spans of a revision's canonical text into W3C
// selectors (Describe) and places selectors back onto a text (Anchor).
//
// All offsets are Unicode code points (see package span). Anchoring follows
// Hypothesis's client (src/annotator/anchoring/match-quote.ts) and fixes its
// known failures:
//
//  1. Position: a TextPositionSelector is taken as is when the text there
//     still equals the quote.
//  2. Quote: every exact occurrence of the quote is ranked by how well the
//     text around it agrees with the recorded prefix and suffix, then by
//     distance from the position hint.
//  3. Fuzzy: when no occurrence agrees fully, a bit-parallel approximate
//     search (Myers 1999, as in the approx-string-match library Hypothesis
//     uses) looks for the quote with up to a quarter of its length in
//     errors, and snaps what it finds to word edges.
//
// Every candidate is scored on quote, context and position with
// Hypothesis's weights, and the best is kept only if it reaches MinScore.
// Unlike Hypothesis, this holds for exact occurrences too: a short quote
// found only among foreign words is orphaned instead of being pinned to
// the wrong words (Hypothesis once put "Linus" on "chines", and an edited
// "Robin" on another "Robin").
package anchor
