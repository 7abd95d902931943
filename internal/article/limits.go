package article

import (
	"errors"
	"fmt"
	"strings"
)

// ErrTooComplex is input whose structure no article has and whose parsing
// would take minutes: elements or Markdown containers nested hundreds
// deep, runs of unfinished Markdown links, or Markdown paragraphs hundreds
// of kilobytes long. goldmark, like most CommonMark parsers, takes time
// quadratic in these (50 KB of ">" took a second, 5 MB did not finish in a
// minute), and the browser page is frozen while it runs.
var ErrTooComplex = errors.New("input is too complex to be an article")

// Markdown limits, measured on goldmark's worst inputs
// (BenchmarkParseMarkdownWorst): within them, 1 MiB of the worst takes
// about two seconds to parse, where 5 MB took minutes; 1 MiB of real
// article takes 50 ms.
const (
	// maxMarkdownBytes is far above a long article in Markdown (100 KB).
	maxMarkdownBytes = 1 << 20
	// maxMarkdownParagraph bounds a run of lines with no blank line (a list
	// item or heading starts a new run): goldmark's inline parsing is
	// quadratic in it for some inputs.
	maxMarkdownParagraph = 16 << 10
	// maxMarkdownDepth bounds how deeply block quotes and list items nest
	// on one line; articles rarely go past three.
	maxMarkdownDepth = 32
	// maxLinkScan bounds the bytes goldmark may read on one line looking
	// for where links end (see linkScanCost): a real link ends within a
	// URL's length, so even a line of a hundred links reads far less.
	maxLinkScan = 16 << 10
)

// checkMarkdown refuses Markdown that goldmark would take super-linear
// time on, before handing it over.
func checkMarkdown(source []byte) error {
	if len(source) > maxMarkdownBytes {
		return fmt.Errorf("%w: %d bytes of Markdown, the limit is %d MiB", ErrTooLarge, len(source), maxMarkdownBytes>>20)
	}
	paragraphStart, paragraphBytes := 0, 0
	for i, line := range strings.Split(string(source), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			paragraphBytes = 0
			continue
		case paragraphBytes == 0 || startsBlock(line):
			paragraphStart, paragraphBytes = i, 0
		}
		if d := containerDepth(line); d > maxMarkdownDepth {
			return fmt.Errorf("%w: line %d nests block quotes or list items %d deep (the limit is %d)", ErrTooComplex, i+1, d, maxMarkdownDepth)
		}
		if linkScanCost(line, maxLinkScan) > maxLinkScan {
			return fmt.Errorf("%w: line %d has too many unfinished links (\"](\" with no end)", ErrTooComplex, i+1)
		}
		if paragraphBytes += len(line) + 1; paragraphBytes > maxMarkdownParagraph {
			return fmt.Errorf("%w: the paragraph starting on line %d is over %d KiB (separate paragraphs with blank lines, or read the file as plain text)", ErrTooComplex, paragraphStart+1, maxMarkdownParagraph>>10)
		}
	}
	return nil
}

// startsBlock reports whether a line starts a list item or a heading,
// whose text goldmark parses apart from the lines before.
func startsBlock(line string) bool {
	rest := strings.TrimLeft(line, " \t")
	return strings.HasPrefix(rest, "#") || markerLength(rest) > 0 && !strings.HasPrefix(rest, ">")
}

// containerDepth counts the block quote markers (">") and list markers
// ("-", "*", "+", "1." or "1)") that open a line, plus, for nested lists,
// the line's indentation in pairs of columns. Thematic breaks such as
// "* * * *" are not containers.
func containerDepth(line string) int {
	if isThematicBreak(line) {
		return 0
	}
	rest := strings.TrimLeft(line, " \t")
	indent := 0
	for _, c := range line[:len(line)-len(rest)] {
		indent++
		if c == '\t' {
			indent += 3
		}
	}
	depth := 0
	for n := markerLength(rest); n > 0; n = markerLength(rest) {
		depth++
		rest = strings.TrimLeft(rest[n:], " \t")
	}
	if depth == 0 {
		return 0
	}
	return depth + indent/2
}

// markerLength is the length of the block quote or list marker starting
// s, or 0.
func markerLength(s string) int {
	if strings.HasPrefix(s, ">") {
		return 1
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	switch {
	case n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')'):
		n++
	case n == 0 && s != "" && strings.ContainsRune("-*+", rune(s[0])):
		n = 1
	default:
		return 0
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0 // "-5" or "1.5" is text
	}
	return n
}

func isThematicBreak(line string) bool {
	s := strings.TrimSpace(line)
	return len(s) >= 3 && strings.Trim(s, " \t"+s[:1]) == "" && strings.ContainsRune("-*_", rune(s[0]))
}

// linkScanCost is how many bytes goldmark reads on this line looking for
// the destinations of links: from each "](" to the next white space (or
// from "](<" to the next ">"), where a destination ends. It stops counting
// past limit, so counting is linear too.
func linkScanCost(line string, limit int) int {
	cost := 0
	for cost <= limit {
		at := strings.Index(line, "](")
		if at < 0 {
			break
		}
		line = line[at+2:]
		end := strings.IndexAny(line, " \t")
		if strings.HasPrefix(line, "<") {
			end = strings.IndexByte(line, '>')
		}
		if end < 0 {
			end = len(line)
		}
		cost += end
	}
	return cost
}
