// Package suggest finds, offline, the direct quotations in a news article,
// who said them, and the sentences worth fact-checking. It works on the
// canonical text made by internal/article (paragraphs separated by "\n\n",
// NFC, curly quotes kept) and reports code-point spans into it. Quotations
// and speakers are found by rules; claims are scored by the small embedded
// model of internal/checkworthy. It is deterministic and linear in the text
// (BenchmarkSuggest100KB), fast enough to run whenever an article is opened.
//
// # Quotations
//
// A quotation is the text between a pair of marks: “…” or "…" (a straight
// mark may pair with a curly one, as real copy does), «…», „…“ / „…”, and
// British ‘…’. The suggestion's span is the words inside the marks with the
// spaces next to them trimmed; the marks are excluded. Marks of another
// family inside an open quotation are a nested quotation (see below); they
// never close the outer one. A quotation still open at a paragraph
// break continues when the next paragraph starts with an opening mark of
// the same family (the repeated-mark convention); the one suggestion then
// spans all its paragraphs, the repeated marks included. A quotation left
// open at a paragraph break otherwise is dropped as unbalanced.
//
// Real copy has stray marks: a straight " right after a digit is an inch
// mark and never opens a quotation (it may close one: "… by 2030"); a ”
// after a space and before a word opens one, and a “ glued to the words
// before it and followed by a space or punctuation closes one (reversed
// marks typed by mistake).
//
// Apostrophes are never quotation marks: the straight ' never opens a
// top-level quotation; ’ with a letter on both sides (don’t, Putin’s) never
// closes one; ‘ after a letter or before an elision (‘90s, ‘em, ‘til, ‘n’)
// never opens one. Not handled: »reversed« guillemets, corner brackets, the
// German inner ‚…‘, and a plural possessive (“the players’ union”) inside a
// top-level ‘…’ quotation, which closes it early.
//
// # Quotations inside quotations
//
// A publication quoting a person (Ebel reports, “At a briefing, spokeswoman
// Maria Zakharova claimed … ‘But we are well aware …,’ she said.”) gives two
// suggestions: the outer passage, attributed like any quotation (to Ebel),
// and the inner one with its own speaker (Zakharova). Inner quotations are
// ‘…’ or straight '…' inside “…”, "…" or «…»; „…“ or “…” inside «…»; and “…”
// or "…" inside British ‘…’; one level deep, never across a paragraph break.
// Inside a straight-quoted passage a ' opens only after a space or an
// opening mark and before a word that is not an elision, and closes only
// glued to the word before it (shouldn't, players' stay words); a closing
// mark after an s and before a space is a plural possessive when a later
// mark on the line closes for sure. The inner speaker is looked for within
// the outer marks first: a speech verb after it in its sentence, else
// before it, else the previous inner quotation's speaker; pronouns there
// resolve to the people and speakers of the quoted passage (“… John Smith
// met the mayor. ‘…,’ he said.” is Smith's, not the reporter's), and they do
// not leak out to the article's own pronouns. Failing that, a speech verb
// right before the outer quotation names the inner speaker when it is not
// the outer quotation's speaker: Trump Stressed “Clean Air And ‘Crystal
// Clear Water’ …” (The New York Times) — the outer words are the Times',
// the inner Trump's. Inner quotations of one or two words need an
// attribution inside the outer marks, and unattributed ones of fewer than
// six words are terms being stressed ("I underline 'to stop this
// program'"): neither is suggested.
//
// A source cited in brackets right after the closing mark (“…” (NBC News,
// 5/26/2017)), as government press round-ups print it, is the quotation's
// speaker before any speech verb.
//
// Scare quotes: a quotation of one or two words is suggested only when its
// own sentence attributes it (“…,” she said; he described him as a
// “friend.”; calling him “super smart” and not “a bad guy.” — the second
// continuing the first in the same sentence). A bare “friend” or a term
// being named (which they call “Avalancha”) is not a quotation of anyone.
// Longer quotations are always suggested, with Speaker "" and a low score
// when nothing attributes them.
//
// # Speakers
//
// Speech verbs (said, says, told, added, noted, wrote, asked, explained,
// insisted, questioned, described, accused, calling, according to, … see
// verbs.go) are resolved to their subject in one pass over the text, in
// order. "issued"/"released" are speech verbs only just before
// "statement"; a speech verb followed by "to" is one only when the "to"
// names the listener ("said to reporters", not "continues to engage" or
// "added to the pressure"). A speech verb whose subject names no one ("a
// witness said") still attributes the quotation next to it, to no one.
//   - "X said", "X, a public health expert, said", "X (D-N.J.) said",
//     "said X", "according to X", "X was quoted … as saying"; a participle
//     ("…, calling him") takes the subject of its clause;
//   - titles and roles before a name are split off ("Foreign Minister
//     Sergey Lavrov", "US special envoy Steve Witkoff", "spokeswoman Maria
//     Zakharova", "Secretary of Agriculture Sonny Perdue": a capitalised
//     title's of-portfolio) and remembered as the person's roles, with
//     appositives ("Jane Roe, a geologist") and title abbreviations spelled
//     out ("Sen." → senator); in title-case headlines a name ends at a
//     capitalised common word or verb ("James M. Cole Speaks at …");
//   - a one-word name takes the full name it shortens (Pagonis → Jennifer
//     Pagonis);
//   - he/she resolves to a person who opened a sentence since the last
//     speaker spoke ("Jane Roe has farmed for 30 years. “…,” she said."),
//     else to the last speaker (the last resolved subject of a speech verb:
//     a person named inside reported speech, "He says Ruud Lubbers
//     visited", does not take the pronoun), else to the last person named;
//     they resolves to no one;
//   - a role phrase ("the minister", "the Russian president") resolves to
//     the recent person introduced with that role noun and the most of its
//     modifiers; an organisation noun ("the ministry said") to no one.
//
// A quotation takes, in order of preference: a speech verb after it in its
// sentence (“…,” said X), a dash (“…” — X), for a quotation opening a
// paragraph "X issued the following statement" anywhere in the paragraph
// before (press releases: nearer verbs there, "after Y announced", are not
// the speaker), a colon introduction (X: “…”)
// or speech verb before it in its sentence (or ending the paragraph before,
// "X said:"), the speaker of the previous quotation in the same paragraph,
// or a speech verb in the sentence just before. Names are runs of
// capitalised words with particles (de, van, bin, …), initials and title
// abbreviations; a capitalised word that only ever starts sentences is not
// a name.
//
// Quote scores: 0.9 for a name found by a pattern, 0.8 for a pronoun or
// role noun, 0.6 for a subject that names no one, the previous score −0.1
// (at least 0.5) for a continuing quotation, 0.2 less for an attribution
// from the sentence before, 0.4 for an unattributed quotation.
//
// # Claims
//
// Every sentence of at least five words that is not a question is scored
// by checkworthy.Default, a logistic regression trained on sentences that
// people labelled check-worthy factual, unimportant factual or not factual
// (the ClaimBuster data set); the score is the probability of the first.
// Sentences scoring at or above the model's threshold (chosen by
// cross-validation to maximise F1) are claims. The Reason names the cues
// the sentence has that count for a claim (number, percentage, money, date,
// comparison, superlative, causal, source, named, …), or "wording" when
// only its words do. A sentence wholly inside a quotation keeps half its
// score (what was said may need checking, but the quote suggestion already
// covers those words). ClaimsByScore ranks claims.
//
// # Evaluation
//
// testdata/eval holds real articles from public-domain sources (Voice of
// America, EPA news releases) and Wikinews (CC BY 2.5): NAME.txt is the
// article's canonical text, NAME.json its source, licence, split and
// hand-made labels. Labelling guide: every direct quotation of reported
// speech or writing, with its text exactly as between the marks (trimmed)
// and the speaker's full name as the article gives it ("" when the article
// names none); terms being named and unattributed scare quotes are not
// labelled; a quotation nested in another (a publication quoting a person)
// is a label of its own, with its own speaker, listed right after its outer
// one. Decisions for cases met in the set:
//   - a split quotation (“X,” he said, “Y.”) is two labels, one per pair
//     of marks, both with the speaker: the marks decide, as in the
//     detector, and each part is checkable on its own;
//   - a quotation over several paragraphs with repeated opening marks is
//     one label, from its first word to its last, the repeated marks and
//     paragraph breaks included;
//   - a partial quotation inside a sentence (Kerry said the US is
//     “prepared to respond …”, accused reporters of “demeaning America”,
//     acknowledging that he was a “rough guy”) is labelled with its
//     speaker, even at two words, when the sentence reports it as someone's
//     words;
//   - the speaker is the fullest name the article gives anywhere ("James M.
//     Cole" for "said Deputy Attorney General Cole" under a headline naming
//     him), without titles; an unnamed official, an organisation's
//     "spokesman", or a page that never names who is quoted gives "";
//   - text cut off by the stored copy inside a quotation is left out with
//     its quotation (its closing mark was lost, not missing in the
//     original); this is said in the article's notes.
//
// Articles marked "heldout" were labelled but not looked at while writing
// the rules.
// Eval scores Suggest against the labels; run
//
//	go test -run TestEval -v ./internal/suggest/
//
// to print per-article and overall quote precision, recall and F1 (exact
// span and overlapping span) and speaker accuracy (over the overlapping
// matches, ignoring case and a leading "the"), with the dev and held-out
// splits reported separately.
package suggest
