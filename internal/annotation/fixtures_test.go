package annotation

import (
	"time"

	"github.com/redline-news/redline/internal/anchor"
)

// at is a UTC time to the second, as Redline keeps them.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func quote(exact, prefix, suffix string) *anchor.TextQuote {
	return &anchor.TextQuote{Exact: exact, Prefix: prefix, Suffix: suffix}
}

func position(start, end int) *anchor.TextPosition {
	return &anchor.TextPosition{Start: start, End: end}
}

// fixtures are annotations of every kind and shape Redline writes, on the
// sample article (testdata/putin-prayed-2025-03-23.txt at the repository
// root) and on text with emoji, flags, combining marks and astral letters.
func fixtures() []Annotation {
	story := StorySource("putin-prayed")
	return []Annotation{
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b01", Kind: KindQuote, Speaker: "Steve Witkoff",
			Tags: []string{"russia", "us-politics"}, Created: at("2025-03-23T10:00:00Z"), Modified: at("2025-03-23T10:05:00Z"),
			Creator: "Ana Folha",
			Target: Target{Source: story, SourceDate: "2025-03-23", Selector: anchor.Selector{
				Quote: quote("super smart", "calling him “", "” and not “a bad guy"), Position: position(1046, 1057)}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b02", Kind: KindClaim, Verdict: VerdictMostlyFalse,
			Speaker: "Steve Witkoff", Note: "Only one source; the Kremlin has not confirmed it.",
			Created: at("2025-03-23T10:10:00Z"),
			Target: Target{Source: story, SourceDate: "2025-03-23T08:30:00+01:00", Selector: anchor.Selector{
				Quote: quote("Putin went to a church and prayed for the US president", "Witkoff revealed that ", " after the")}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b03", Kind: KindNote, Note: "Emoji 😀, flag 🇫🇷, café (e\u0301), 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 & <tags>",
			Tags:   []string{"🇫🇷", "cafe\u0301"},
			Target: Target{Source: "https://example.org/news/𝔘nicode?x=1#p2", Selector: anchor.Selector{Position: position(0, 5)}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b04", Kind: KindQuote, Speaker: "Zoë 𝔘 Ñandú 😀",
			Suggested: true, Suggester: "quote-marks",
			Target: Target{Source: story, SourceDate: "2025-03-23", Selector: anchor.Selector{
				Quote: quote("a bad guy.", "and not “", "”"), Position: position(1066, 1076)}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b05", Kind: KindClaim, Verdict: VerdictUnverified,
			Suggested: true,
			Target:    Target{Source: story, Selector: anchor.Selector{Quote: quote("friend.", "as a “", "”")}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b06", Kind: KindQuote, Speaker: "Steve Witkoff",
			Status: StatusChanged, Before: "super smart 🇷🇺", Revision: "rev-2025-03-24",
			Created: at("2025-03-23T10:00:00Z"), Modified: at("2025-03-24T09:00:00Z"),
			Target: Target{Source: story, SourceDate: "2025-03-24", Selector: anchor.Selector{
				Quote: quote("very smart", "calling him “", "”"), Position: position(1046, 1056)}},
		},
		{
			ID: "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b07", Kind: KindClaim, Verdict: VerdictTrue,
			Status: StatusOrphaned, Revision: "rev-2025-03-24",
			Target: Target{Source: story, SourceDate: "2025-03-24", Selector: anchor.Selector{
				Quote: quote("four eastern regions", "claim to ", "—Donetsk")}},
		},
	}
}
