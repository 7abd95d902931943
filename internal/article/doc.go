// Package article turns an input file (plain text, Markdown or a saved HTML
// page) into an Article: metadata plus the canonical text that every
// annotation's offsets refer to.
//
// # Canonical text
//
// The same visible article must always yield the same code points, so the
// text is normalised once, here, and nowhere else:
//
//   - line endings CRLF and CR become LF; a UTF-8 or UTF-16 byte order mark
//     is dropped (UTF-16 input is decoded);
//   - inside a paragraph every run of white space (spaces, tabs, line breaks)
//     becomes one space; a single non-ASCII space such as a no-break space
//     between two words is kept, because it is part of the text as written;
//   - a paragraph has no leading or trailing white space; paragraphs are
//     separated by exactly one blank line ("\n\n"); the text has no leading
//     or trailing blank lines;
//   - the text is in Unicode NFC, so "é" typed as e + U+0301 and as U+00E9
//     are the same code point;
//   - control characters, soft hyphens (U+00AD) and byte order marks are
//     removed; curly quotes, dashes and every other visible character are
//     kept as they are (they are the article's real text).
//
// A single line break inside a paragraph is a soft wrap: plain text and
// Markdown are prose, and news text wrapped at 72 columns is still one
// paragraph, so wrapped lines are joined with a space. Deliberate breaks
// (an HTML <br>, a Markdown hard break) start a new paragraph instead, as
// the canonical text has no line breaks inside a paragraph.
//
// All offsets (paragraphs and sentences) are Unicode code points into
// Article.Text, as span.Span values.
//
// # Metadata
//
// Plain text may start with header lines "title: …", "date: YYYY-MM-DD",
// "author: …" or "byline: …", one per line, and with "date YYYY-MM-DD"
// followed by the first paragraph on the same line (the sample article's
// form). Markdown may start with front matter between "---" lines holding
// the same keys; otherwise its first level-1 heading is the title. HTML
// metadata comes from the page (meta tags, JSON-LD, <title>, <time>).
// Dates are reported as YYYY-MM-DD, the day as written by the publisher
// (no time-zone conversion).
package article
