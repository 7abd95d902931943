package article

import "github.com/redline-news/redline/internal/span"

// SplitSentences splits one paragraph of clean text into sentences, as
// code-point spans relative to it, by the rules Parse uses for
// Paragraph.Sentences (package migrate aligns moved passages by them).
func SplitSentences(paragraph string) []span.Span { return splitSentences(paragraph) }
