package article

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"sample", "As a token of goodwill, the Russian president also commissioned a portrait of Trump by a Russian artist, which was later delivered to the US president. Trump was reportedly touched by the gesture.",
			[]string{"As a token of goodwill, the Russian president also commissioned a portrait of Trump by a Russian artist, which was later delivered to the US president.", "Trump was reportedly touched by the gesture."}},
		{"closing quote belongs to the sentence", "He called him a “friend.” Then he left.",
			[]string{"He called him a “friend.”", "Then he left."}},
		{"quote ending a paragraph", "calling him “super smart” and not “a bad guy.”",
			[]string{"calling him “super smart” and not “a bad guy.”"}},
		{"question in a quote followed by lowercase", "“Why?” he asked. “Because.”",
			[]string{"“Why?” he asked.", "“Because.”"}},
		{"titles and initials", "Mr. Witkoff met Dr. J. K. Rowling in St. Petersburg. She agreed.",
			[]string{"Mr. Witkoff met Dr. J. K. Rowling in St. Petersburg.", "She agreed."}},
		{"dotted abbreviations", "The U.S. President spoke at 10 a.m. and the U.K. agreed.",
			[]string{"The U.S. President spoke at 10 a.m. and the U.K. agreed."}},
		{"decimals and numbers", "Prices rose 3.5% in 2024. No. 10 said so.",
			[]string{"Prices rose 3.5% in 2024.", "No. 10 said so."}},
		{"months before a number", "It happened on Jan. 6. Nobody forgot.",
			[]string{"It happened on Jan. 6.", "Nobody forgot."}},
		{"lowercase after a period", "See e.g. the report. It is long.",
			[]string{"See e.g. the report.", "It is long."}},
		{"exclamation, question and ellipsis", "Stop! Who goes there? Nobody… Silence.",
			[]string{"Stop!", "Who goes there?", "Nobody…", "Silence."}},
		{"repeated terminators and brackets", "Really?! (Yes.) Fine...",
			[]string{"Really?!", "(Yes.)", "Fine..."}},
		{"no terminator", "Read more: After Trump request", []string{"Read more: After Trump request"}},
		{"URL", "See example.com. Done.", []string{"See example.com.", "Done."}},
		{"CJK full stops", "我们走了。他们来了！好吗？", []string{"我们走了。", "他们来了！", "好吗？"}},
		{"emoji and astral letters", "The 𝔘nicode 😀 club met. 🇫🇷 Fans cheered!",
			[]string{"The 𝔘nicode 😀 club met.", "🇫🇷 Fans cheered!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.in)
			var got []string
			for _, s := range splitSentences(tt.in) {
				got = append(got, string(rs[s.Start:s.End]))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Russian President Vladimir Putin prayed.", 5},
		{"Russia’s claim to four eastern regions—Donetsk, Luhansk", 8},
		{"US-Russia relations don't change, U.S. officials said 3.5 or 1,000 times", 11},
		{"Café 🇫🇷 😀 e\u0301t\u00e9 𝔘nicode", 3},
		{"— … !", 0},
	}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

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
