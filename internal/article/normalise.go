package article

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanParagraph applies the canonical-text rules of the package
// documentation to the raw text of one paragraph: it drops invisible
// control characters, collapses white space, trims and NFC-normalises.
// NFC runs last: dropping a control character can bring a letter and a
// combining mark together, and NFC never creates or removes white space,
// so the result stays trimmed and collapsed.
func cleanParagraph(raw string) string {
	var sb strings.Builder
	sb.Grow(len(raw))
	var pendingSpace []rune // the white space run seen since the last visible character
	flush := func() {
		if sb.Len() > 0 && len(pendingSpace) > 0 {
			if len(pendingSpace) == 1 && isTypographicSpace(pendingSpace[0]) {
				sb.WriteRune(pendingSpace[0]) // a lone no-break or thin space is part of the text
			} else {
				sb.WriteByte(' ')
			}
		}
		pendingSpace = pendingSpace[:0]
	}
	for _, r := range raw {
		switch {
		case isInvisible(r):
			continue
		case unicode.IsSpace(r):
			pendingSpace = append(pendingSpace, r)
		default:
			flush()
			sb.WriteRune(r)
		}
	}
	return norm.NFC.String(sb.String())
}

// isInvisible reports characters that carry no text: control characters
// that are not white space, the soft hyphen and the byte order mark.
// Format characters such as the zero-width joiner stay: emoji need them.
func isInvisible(r rune) bool {
	return unicode.IsControl(r) && !unicode.IsSpace(r) || r == '\u00ad' || r == '\ufeff'
}

// isTypographicSpace reports the non-ASCII space separators (no-break,
// thin, em, ideographic…): a writer chose them, unlike line breaks.
func isTypographicSpace(r rune) bool {
	return r != ' ' && unicode.Is(unicode.Zs, r)
}
