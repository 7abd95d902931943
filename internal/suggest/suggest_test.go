package suggest

import (
	"os"
	"strings"
	"testing"
)

// quoteCase expects exactly these quotations (text between the marks) and
// speakers, in order.
type quoteCase struct {
	name string
	text string
	want []wantQuote
}

type wantQuote struct{ text, speaker string }

func quotesOf(text string) []wantQuote {
	r := []rune(text)
	var got []wantQuote
	for _, s := range Suggest(text) {
		if s.Kind == Quote {
			got = append(got, wantQuote{string(r[s.Span.Start:s.Span.End]), s.Speaker})
		}
	}
	return got
}

func runQuoteCases(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := quotesOf(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes %q, want %d %q", len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestQuoteMarks(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"curly", "“We will win,” Jane Roe said.", []wantQuote{{"We will win,", "Jane Roe"}}},
		{"straight", `"We will win," Jane Roe said.`, []wantQuote{{"We will win,", "Jane Roe"}}},
		{"mixed pair as in real copy", `"We will win.” Jane Roe said so.`, []wantQuote{{"We will win.", ""}}},
		{"nested single inside double: the outer and the attributed inner quotation",
			"“He told me ‘never again’ and left,” said Jane Roe.",
			[]wantQuote{{"He told me ‘never again’ and left,", "Jane Roe"}, {"never again", ""}}},
		{"guillemets with inner spaces", "Jean Dupont a dit : « Nous allons gagner. »",
			[]wantQuote{{"Nous allons gagner.", ""}}},
		{"guillemets attributed", "« Nous allons gagner », said Jean Dupont.",
			[]wantQuote{{"Nous allons gagner", "Jean Dupont"}}},
		{"low-high German", "„Wir schaffen das“, said Angela Merkel.", []wantQuote{{"Wir schaffen das", "Angela Merkel"}}},
		{"unbalanced quote at paragraph end is dropped", "Jane Roe said “we will win\n\nThe vote is on Monday.", nil},
		{"emoji, flags, combining marks and astral letters inside",
			"“Vive la 🇫🇷 e\u0301quipe 😀 𝔘𝔫𝔦,” said Jane Roe.",
			[]wantQuote{{"Vive la 🇫🇷 e\u0301quipe 😀 𝔘𝔫𝔦,", "Jane Roe"}}},
	})
}

func TestMultiParagraphQuote(t *testing.T) {
	text := "Jane Roe, the mayor, said:\n\n“The bridge is closed. We are working on it.\n\n“It will reopen in May.”\n\nTraffic was light."
	runQuoteCases(t, []quoteCase{{"curly", text, []wantQuote{{
		"The bridge is closed. We are working on it.\n\n“It will reopen in May.", "Jane Roe"}}}})
	straight := strings.NewReplacer("“", `"`, "”", `"`).Replace(text)
	runQuoteCases(t, []quoteCase{{"straight", straight, []wantQuote{{
		"The bridge is closed. We are working on it.\n\n\"It will reopen in May.", "Jane Roe"}}}})
}

func TestApostrophesAreNotQuotes(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"possessive", "Putin’s plan and Trump’s reply don’t match, Jane Roe’s aides said.", nil},
		{"elisions", "Music from the ’90s and rock ’n’ roll, the ‘90s too, was played until ’til dawn.", nil},
		{"straight apostrophes", "It's the band's '90s sound, isn't it, Jane Roe said.", nil},
		{"apostrophes inside a quote", "“Don’t go, it’s late,” Jane Roe said.", []wantQuote{{"Don’t go, it’s late,", "Jane Roe"}}},
		{"British single quotes", "‘We’re ready,’ said Jane Roe.", []wantQuote{{"We’re ready,", "Jane Roe"}}},
	})
}

func TestAttributionPatterns(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"X said after", "“Prices will fall,” Jane Roe said.", []wantQuote{{"Prices will fall,", "Jane Roe"}}},
		{"said X after", "“Prices will fall,” said Jane Roe.", []wantQuote{{"Prices will fall,", "Jane Roe"}}},
		{"X says before", "Jane Roe says “prices will fall soon.”", []wantQuote{{"prices will fall soon.", "Jane Roe"}}},
		{"according to", "According to Jane Roe, “prices will fall soon.”", []wantQuote{{"prices will fall soon.", "Jane Roe"}}},
		{"told", "Jane Roe told reporters, “Prices will fall soon.”", []wantQuote{{"Prices will fall soon.", "Jane Roe"}}},
		{"colon introduction", "Jane Roe: “Prices will fall soon.”", []wantQuote{{"Prices will fall soon.", "Jane Roe"}}},
		{"said colon", "Jane Roe said: “Prices will fall soon.”", []wantQuote{{"Prices will fall soon.", "Jane Roe"}}},
		{"dash after", "“Prices will fall soon.” — Finance Minister Jane Roe", []wantQuote{{"Prices will fall soon.", "Jane Roe"}}},
		{"title and role stripped", "“No comment,” said Foreign Minister Sergey Lavrov.", []wantQuote{{"No comment,", "Sergey Lavrov"}}},
		{"lower-case role before the name", "“No comment,” spokeswoman Maria Zakharova wrote.", []wantQuote{{"No comment,", "Maria Zakharova"}}},
		{"appositive", "Jane Roe, a public health expert, said “the risk is low today.”", []wantQuote{{"the risk is low today.", "Jane Roe"}}},
		{"name particles and initials", "“We stay,” said Ursula von der Leyen. “We go,” said J. R. Smith.",
			[]wantQuote{{"We stay,", "Ursula von der Leyen"}, {"We go,", "J. R. Smith"}}},
		{"second quote continues the first", "“Prices will fall,” said Jane Roe. “Then they will rise.”",
			[]wantQuote{{"Prices will fall,", "Jane Roe"}, {"Then they will rise.", "Jane Roe"}}},
		{"quote after a sentence reporting speech", "Jane Roe said the plan would work. “It is simple.”",
			[]wantQuote{{"It is simple.", "Jane Roe"}}},
		{"surname refers back to the full name", "Jane Roe chairs the board.\n\n“We agree,” Roe said.",
			[]wantQuote{{"We agree,", "Jane Roe"}}},
	})
}

func TestPronounsAndRoleNouns(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"she resolves to the last named person",
			"Maria Zakharova spoke on Tuesday.\n\n“The talks are over,” she said.",
			[]wantQuote{{"The talks are over,", "Maria Zakharova"}}},
		{"he prefers the last speaker over a person named since",
			"Agency spokesman Ron Redmond says the camps are full. He says High Commissioner Ruud Lubbers visited them.\n\n“We are doing what we can,” he said.",
			[]wantQuote{{"We are doing what we can,", "Ron Redmond"}}},
		{"role noun to the name introduced with that role",
			"Foreign Minister Sergey Lavrov met Health Minister Jane Roe and spokeswoman Maria Zakharova.\n\n“It was useful,” the spokeswoman wrote.",
			[]wantQuote{{"It was useful,", "Maria Zakharova"}}},
		{"role with modifiers picks the best fit",
			"Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy did not meet.\n\n“We are ready,” the Ukrainian president said.",
			[]wantQuote{{"We are ready,", "Volodymyr Zelenskyy"}}},
		{"an organisation subject resolves to no one", "“Prices will fall next year,” the ministry said.",
			[]wantQuote{{"Prices will fall next year,", ""}}},
	})
}

// TestScareQuotes: quotations of one or two words are suggested only when
// their own sentence attributes them; longer ones always are.
func TestScareQuotes(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"attributed via described", "According to the envoy, Jane Roe described him as a “friend.”", []wantQuote{{"friend.", "Jane Roe"}}},
		{"attributed via calling, second continues", "Jane Roe praised him, calling him “super smart” and not “a bad guy.”",
			[]wantQuote{{"super smart", "Jane Roe"}, {"a bad guy.", "Jane Roe"}}},
		{"bare scare quote", "The so-called “friend” never came.", nil},
		{"naming a thing", "The rally, which they call “Avalancha” because of its size, was held.", nil},
		{"long unattributed quote is kept, unattributed", "Then came the line “we shall never surrender to anyone” on the radio.",
			[]wantQuote{{"we shall never surrender to anyone", ""}}},
	})
}

func TestSampleArticle(t *testing.T) {
	data, err := os.ReadFile("../../testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(string(data), " date 2025-03-23 ")
	runQuoteCases(t, []quoteCase{{"putin prayed", text, []wantQuote{
		{"friend.", "Vladimir Putin"},
		{"super smart", "Steve Witkoff"},
		{"a bad guy.", "Steve Witkoff"},
		{"the elephant in the room.", "Steve Witkoff"},
	}}})
}

func TestSpeakerSpanNamesTheSpeaker(t *testing.T) {
	text := "Foreign Minister Sergey Lavrov spoke.\n\n“No,” the minister said. “Never,” he added."
	r := []rune(text)
	want := []string{"the minister", "he"}
	var got []string
	for _, s := range Suggest(text) {
		if s.Kind == Quote {
			got = append(got, string(r[s.SpeakerSpan.Start:s.SpeakerSpan.End]))
			if s.Speaker != "Sergey Lavrov" {
				t.Errorf("speaker %q, want Sergey Lavrov", s.Speaker)
			}
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("speaker spans %q, want %q", got, want)
	}
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name, text string
		claim      bool
		reason     string // a feature the reason must name
	}{
		{"number and comparison", "Unemployment rose to 7 percent, higher than in any year since 2010.", true, "comparison"},
		{"money", "The city spent $4 million on the new bridge last year.", true, "money"},
		{"source", "The flooding was caused by the dam failure, according to the regional police.", true, "source"},
		{"superlative", "It is the largest refugee camp in the world, with 200,000 residents.", true, "superlative"},
		{"question", "How many people were killed in the attack on Tuesday night?", false, ""},
		{"too short", "Prices rose 5%.", false, ""},
		{"opinion", "I think this is a beautiful and wonderful idea for all of us.", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := ClaimsByScore(Suggest(tt.text))
			if !tt.claim {
				if len(claims) != 0 {
					t.Fatalf("got claim %+v, want none", claims[0])
				}
				return
			}
			if len(claims) != 1 {
				t.Fatalf("got %d claims, want 1", len(claims))
			}
			c := claims[0]
			if c.Span.Start != 0 || c.Span.End != len([]rune(tt.text)) {
				t.Errorf("claim span %v, want the whole sentence", c.Span)
			}
			if !strings.Contains(c.Reason, tt.reason) || c.Score <= 0 || c.Score > 1 {
				t.Errorf("claim %q score %.2f, want reason with %q", c.Reason, c.Score, tt.reason)
			}
		})
	}
}

func TestClaimsByScoreRanks(t *testing.T) {
	text := "The council met on Monday to discuss the budget and parks. The city spent $4 million, more than twice the 2019 figure, because costs rose 30 percent."
	claims := ClaimsByScore(Suggest(text))
	for i := 1; i < len(claims); i++ {
		if claims[i].Score > claims[i-1].Score {
			t.Fatalf("claims not ranked: %v", claims)
		}
	}
	if len(claims) == 0 || !strings.HasPrefix(string([]rune(text)[claims[0].Span.Start:]), "The city spent") {
		t.Fatalf("top claim %v, want the money sentence", claims)
	}
}

func TestClaimInsideQuotationIsHalved(t *testing.T) {
	text := "“The economy grew 3 percent last year, more than in 2022. Jobs came back,” said Jane Roe."
	claims := Suggest(text)
	if len(claims) == 0 || claims[0].Kind != Claim || claims[0].Span.Start != 0 || !strings.Contains(claims[0].Reason, "inside a quotation") {
		t.Fatalf("claims %+v, want the first sentence, marked inside a quotation", claims)
	}
	alone := ClaimsByScore(Suggest("The economy grew 3 percent last year, more than in 2022."))
	if len(alone) != 1 || claims[0].Score >= alone[0].Score {
		t.Errorf("quoted score %.2f, want below the unquoted %v", claims[0].Score, alone)
	}
}
