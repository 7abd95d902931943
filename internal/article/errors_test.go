package article

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		format  Format
		want    error
		message string // part of the error text the user sees
	}{
		{"too large", bytes.Repeat([]byte("word "), MaxBytes/5+1), FormatText, ErrTooLarge, "limit is 5 MiB"},
		{"NUL byte", []byte("text\x00more"), FormatText, ErrBinary, "NUL byte at offset 4"},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), FormatText, ErrBinary, "PDF document"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00"), FormatHTML, ErrBinary, "PNG image"},
		{"ZIP (docx)", []byte("PK\x03\x04\x14\x00"), FormatMarkdown, ErrBinary, "ZIP archive"},
		{"gzip", []byte("\x1f\x8b\x08\x00"), FormatHTML, ErrBinary, "gzip"},
		{"control characters", []byte("a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08"), FormatText, ErrBinary, "control characters"},
		{"Latin-1 text", []byte("Caf\xe9 au lait"), FormatText, ErrEncoding, "offset 3"},
		{"Latin-1 Markdown", []byte("# Caf\xe9"), FormatMarkdown, ErrEncoding, "iconv"},
		{"blank text", []byte(" \n\t\r\n \u00a0 "), FormatText, ErrEmpty, "text input"},
		{"only a date", []byte(" date 2025-03-23 "), FormatText, ErrEmpty, ""},
		{"only an image and HTML in Markdown", []byte("![x](y.png)\n\n<div>z</div>"), FormatMarkdown, ErrEmpty, ""},
		{"only scripts in HTML", []byte("<html><head><title>T</title></head><body><script>alert(1)</script><nav>Menu</nav></body></html>"), FormatHTML, ErrEmpty, "html input"},
		{"empty", nil, FormatHTML, ErrEmpty, ""},
		{"HTML that is mostly NUL bytes", bytes.Repeat([]byte("<p>\x00\x00</p>"), 10), FormatHTML, ErrBinary, "control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data, tt.format)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not mention %q", err, tt.message)
			}
		})
	}
	if _, err := Parse([]byte("x"), "pdf"); err == nil || !strings.Contains(err.Error(), `unknown article format "pdf"`) {
		t.Errorf("unknown format: err = %v", err)
	}
}

// TestParseDecodes checks the encodings accepted besides UTF-8.
func TestParseDecodes(t *testing.T) {
	utf16LE := []byte{0xff, 0xfe} // what Windows Notepad saves as "Unicode"
	for _, u := range utf16.Encode([]rune("Café 😀 time.")) {
		utf16LE = binary.LittleEndian.AppendUint16(utf16LE, u)
	}
	tests := []struct {
		name   string
		data   []byte
		format Format
		want   string
	}{
		{"UTF-8 byte order mark", []byte("\ufeffCafé time."), FormatText, "Café time."},
		{"UTF-16 with byte order mark", utf16LE, FormatText, "Café 😀 time."},
		{"HTML declaring Latin-1", []byte(`<meta charset="iso-8859-1"><p>Caf` + "\xe9" + ` au lait</p>`), FormatHTML, "Café au lait"},
		{"HTML without a charset falls back to windows-1252", []byte("<p>\x93Quoted\x94 caf\xe9</p>"), FormatHTML, "“Quoted” café"},
		{"a stray NUL in a saved page is dropped", []byte("<p>Caf\x00é au lait.</p>"), FormatHTML, "Café au lait."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.data, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.want {
				t.Errorf("text = %q, want %q", a.Text, tt.want)
			}
		})
	}
}
