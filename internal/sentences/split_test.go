package sentences

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
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
			for _, s := range Split(tt.in) {
				got = append(got, string(rs[s.Start:s.End]))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
