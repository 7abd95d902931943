package article

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// MaxBytes is the largest input Parse accepts: 5 MiB. A long news article
// is under 100 KB of text and a saved page with inline assets a few MB;
// anything bigger is not an article and would only cost memory and time.
const MaxBytes = 5 << 20

var (
	ErrTooLarge = errors.New("input is too large to be an article")
	ErrBinary   = errors.New("input is a binary file, not an article")
	ErrEncoding = errors.New("input is not valid UTF-8 text")
	ErrEmpty    = errors.New("no article text found")
)

// magicNumbers identify common binary files people may pick by mistake.
var magicNumbers = []struct{ prefix, kind string }{
	{"%PDF-", "a PDF document"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"RIFF", "a RIFF file (WebP, WAV or AVI)"},
	{"PK\x03\x04", "a ZIP archive (or a Word/EPUB document)"},
	{"\x1f\x8b", "a gzip archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"\x7fELF", "an executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"},
	{"{\\rtf", "an RTF document"},
}

var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// decode returns data as valid UTF-8 without a byte order mark, or an
// error saying why it is not text. UTF-16 with a byte order mark (what
// Windows Notepad calls "Unicode") is decoded. HTML that is not UTF-8 is
// decoded from the charset the page declares (windows-1252 when it
// declares none), as a browser would; plain text and Markdown have no
// place to declare a charset, so guessing could silently corrupt quotes:
// they must be UTF-8.
func decode(data []byte, format Format) ([]byte, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		utf8Data, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: bad UTF-16: %v", ErrEncoding, err)
		}
		data = utf8Data
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if err := checkNotBinary(data, format); err != nil {
		return nil, err
	}
	if utf8.Valid(data) {
		return data, nil
	}
	if format == FormatHTML {
		enc, name, _ := charset.DetermineEncoding(data, "text/html")
		utf8Data, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: cannot decode it as %s: %v", ErrEncoding, name, err)
		}
		return bytes.ToValidUTF8(utf8Data, []byte("\uFFFD")), nil
	}
	bad := firstInvalidUTF8(data)
	return nil, fmt.Errorf("%w: bad byte 0x%02x at offset %d (convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)",
		ErrEncoding, data[bad], bad)
}

// checkNotBinary rejects known binary formats, NUL bytes (no text file has
// them) and input where more than 1 in 20 bytes is a control character
// other than white space (a stray one in real text is merely dropped).
// A saved web page may carry a stray NUL that its browser showed as
// nothing (real pages do), so in HTML a NUL counts only as a control
// character.
func checkNotBinary(data []byte, format Format) error {
	for _, m := range magicNumbers {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return fmt.Errorf("%w: it looks like %s", ErrBinary, m.kind)
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 && format != FormatHTML {
		return fmt.Errorf("%w: it contains a NUL byte at offset %d", ErrBinary, i)
	}
	controls := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
			controls++
		}
	}
	if controls*20 > len(data) {
		return fmt.Errorf("%w: %d of its %d bytes are control characters", ErrBinary, controls, len(data))
	}
	return nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
