package reading

import "testing"

// The count the story page shows and the server's (article.CountWords)
// are this one; strings.Fields, which the page used, counted dashes and
// stray punctuation as words and split no joined ones.
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
