package annotation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Limits on what Validate and Decode read, so a hostile file cannot
// exhaust memory or the stack.
const (
	// MaxInputBytes bounds the size of an annotation file: 16 MiB holds
	// some 15,000 of Redline's annotations, far more than one story has.
	// Parsing costs about 20 bytes of memory per byte of JSON, and in the
	// browser (single-threaded wasm) the page is frozen while it runs: a
	// 64 MiB file took a gigabyte and many seconds.
	MaxInputBytes = 16 << 20
	// MaxDepth bounds how deeply arrays and objects nest. A Redline
	// collection nests 7 levels; W3C examples with refinedBy chains about 12.
	MaxDepth = 64
)

// Problem is one thing wrong with a JSON annotation file, located by a
// JSONPath such as $.first.items[3].target.selector[0].
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// path is a JSONPath built only when a problem needs printing: each level
// is a small value on the caller's stack.
type path struct {
	parent *path
	key    string
	index  int // used when key is ""
}

var root = &path{}

func (p *path) field(k string) *path { return &path{parent: p, key: k} }
func (p *path) at(i int) *path       { return &path{parent: p, index: i} }

// Compiled at first use: package init delays the page's first screen.
var plainKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

func (p *path) String() string {
	if p.parent == nil {
		return "$"
	}
	var b strings.Builder
	b.WriteString(p.parent.String())
	switch {
	case p.key == "":
		fmt.Fprintf(&b, "[%d]", p.index)
	case plainKey().MatchString(p.key):
		b.WriteString("." + p.key)
	default:
		b.WriteString("['" + strings.ReplaceAll(p.key, "'", `\'`) + "']")
	}
	return b.String()
}

// object is a parsed JSON object. Values are object, []any, string,
// json.Number, bool or nil.
type object map[string]any

// parseJSON reads data into a tree. A syntax error or a broken limit is
// fatal and returned alone, with a nil tree; duplicate keys are reported
// and parsing goes on (the last value wins, as in encoding/json).
func parseJSON(data []byte) (any, problemList) {
	fatal := func(format string, args ...any) (any, problemList) {
		var l problemList
		l.add(root, format, args...)
		return nil, l
	}
	if len(data) > MaxInputBytes {
		return fatal("file is %d bytes; the limit is %d MiB", len(data), MaxInputBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a UTF-8 byte order mark is harmless
	if !utf8.Valid(data) {
		return fatal("%s: not valid UTF-8 (JSON must be UTF-8)", lineCol(data, firstInvalidUTF8(data)))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fatal("empty input: expected a JSON annotation, page or collection")
	}
	p := &parser{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	p.dec.UseNumber()
	v, err := p.value(root, 0)
	if err == nil {
		if _, extra := p.dec.Token(); extra != io.EOF {
			err = fmt.Errorf("%s: unexpected data after the JSON value", lineCol(data, int(p.dec.InputOffset())))
		}
	}
	if err != nil {
		return fatal("%s", err)
	}
	return v, p.problems
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

type parser struct {
	dec      *json.Decoder
	data     []byte
	problems problemList
}

func (p *parser) value(at *path, depth int) (any, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(err)
	}
	d, isDelim := tok.(json.Delim)
	if !isDelim {
		return tok, nil
	}
	if depth >= MaxDepth {
		return nil, fmt.Errorf("%s: nested more than %d levels deep", lineCol(p.data, int(p.dec.InputOffset())), MaxDepth)
	}
	if d == '[' {
		arr := []any{}
		for p.dec.More() {
			v, err := p.value(at.at(len(arr)), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := p.dec.Token() // ']'
		return arr, p.syntaxError(err)
	}
	obj := object{}
	var repeats map[string]int // key → how many times it appears, for keys that repeat
	var repeated []string      // those keys, in the order they first repeat
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntaxError(err)
		}
		key := tok.(string) // the decoder only yields string keys inside objects
		if _, dup := obj[key]; dup {
			if repeats == nil {
				repeats = map[string]int{}
			}
			if repeats[key] == 0 {
				repeats[key] = 1
				repeated = append(repeated, key)
			}
			repeats[key]++
		}
		v, err := p.value(at.field(key), depth+1)
		if err != nil {
			return nil, err
		}
		obj[key] = v
	}
	// One problem per repeated key, however often it repeats: a file of a
	// million "k":1 pairs is one mistake, not a million.
	for _, key := range repeated {
		if n := repeats[key]; n == 2 {
			p.problems.add(at, "key %q appears twice", key)
		} else {
			p.problems.add(at, "key %q appears %d times", key, n)
		}
	}
	_, err = p.dec.Token() // '}'
	return obj, p.syntaxError(err)
}

// syntaxError turns a decoder error into a message with a line and column,
// and names the commonest hand-editing slip, the trailing comma.
func (p *parser) syntaxError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("not valid JSON: the text ends before the JSON value is complete")
	}
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("not valid JSON: %v", err)
	}
	off := min(max(0, int(se.Offset)-1), len(p.data)) // Offset counts the bad byte as read
	if at, ok := trailingComma(p.data, off); ok {
		return fmt.Errorf("%s: not valid JSON: trailing comma before %q", lineCol(p.data, at), p.data[at])
	}
	return fmt.Errorf("%s: not valid JSON: %v", lineCol(p.data, max(0, off)), se)
}

// trailingComma finds a ',' followed only by white space and a closing
// bracket around off, and returns the bracket's offset.
func trailingComma(data []byte, off int) (int, bool) {
	isSpace := func(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
	i := off
	for i > 0 && (i >= len(data) || isSpace(data[i]) || data[i] == '}' || data[i] == ']') {
		i--
	}
	if i < 0 || i >= len(data) || data[i] != ',' {
		return 0, false
	}
	j := i + 1
	for j < len(data) && isSpace(data[j]) {
		j++
	}
	if j < len(data) && (data[j] == '}' || data[j] == ']') {
		return j, true
	}
	return 0, false
}

// lineCol names a byte offset as "line L, column C" (columns in code points).
func lineCol(data []byte, off int) string {
	off = min(off, len(data))
	line := bytes.Count(data[:off], []byte("\n")) + 1
	col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}
