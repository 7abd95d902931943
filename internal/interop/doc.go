// Package interop reads the annotation files other tools write and writes
// the files other tools read, so a story's annotations can come from and go
// to them.
//
// Reading: Read detects the format of one file (W3C Web Annotation from any
// tool, Hypothesis's native JSON, doccano JSONL, Label Studio tasks, brat
// standoff) and returns its annotations as Items: what the tool said, with
// the quoted text and the tool's offsets, not yet placed anywhere. Place
// anchors Items onto a story's text with internal/anchor: the quote is the
// evidence and the offsets only a hint, because tools count in different
// units (Hypothesis, Recogito and doccano count UTF-16 code units; Label
// Studio, brat and W3C count code points) and their text is rarely exactly
// Redline's, so an emoji earlier in the text never shifts an annotation.
//
// Writing: Export writes a story's annotations as W3C, ClaimReview,
// doccano, Label Studio or brat, keeping speakers and verdicts where the
// format has a place for them; each of doccano, Label Studio and brat reads
// back (Read) to the same annotations.
//
// One file per format holds both directions.
package interop
