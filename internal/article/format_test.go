package article

import (
	"strings"
	"testing"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"story.txt", "<html>", FormatText},
		{"story.MD", "", FormatMarkdown},
		{"story.markdown", "", FormatMarkdown},
		{"page.htm", "plain", FormatHTML},
		{"page.HTML", "", FormatHTML},
		{"-", "\ufeff  <!DOCTYPE html><html>", FormatHTML},
		{"", "<html lang=en>", FormatHTML},
		{"saved", "\n<body>", FormatHTML},
		{"saved.php", "<p>Hello</p>", FormatHTML},
		{"", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", FormatHTML},
		{"", "<?xml version=\"1.0\"?><feed/>", FormatText},
		{"", "<pizza> is not a tag", FormatText},
		{"", " date 2025-03-23 Russian President", FormatText},
		{"", "# Headline\n\nText", FormatText},
		{"", "", FormatText},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": FormatText, " HTML ": FormatHTML, "markdown": FormatMarkdown} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "text, markdown or html") {
		t.Errorf("ParseFormat(pdf) error = %v", err)
	}
}
