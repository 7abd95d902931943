package suggest

import "testing"

// Patterns met in press releases and wire copy (testdata/eval), one case
// per rule; names and words changed so that each case tests the rule alone.

func TestStatementAnnouncements(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"following statement beats a nearer speech verb",
			"House Whip Jane Roe (MD) released the following statement today after John Smith announced that he would resign:\n\n   \"I wish John well.\n\n \"He served us all with honour and skill.\"",
			[]wantQuote{{"I wish John well.\n\n \"He served us all with honour and skill.", "Jane Roe"}}},
		{"following statement without a colon, name before a parenthesis and an appositive",
			"Senator Jane Roe (D-N.J.), Ranking Member of the committee, issued the following statement joining calls for the director to resign. Reporters questioned John Smith about it.\n\n“The director has no place here.\n\n“He must go now.”",
			[]wantQuote{{"The director has no place here.\n\n“He must go now.", "Jane Roe"}}},
		{"statement in the same sentence", "Commerce Secretary Jane Roe issued the following statement: “We welcome the new team and will work with them.”",
			[]wantQuote{{"We welcome the new team and will work with them.", "Jane Roe"}}},
		{"a statement announced but not quoted gives nothing to the next quotation",
			"Attorney General John Smith issued the following statement today on the ruling.\n\nDeputy Jane Roe Speaks at a Ceremony\n\n\"The recovery of the art shows what partners can do,\" said Deputy Attorney General Roe.",
			[]wantQuote{{"The recovery of the art shows what partners can do,", "Jane Roe"}}},
		{"released without statement is not speech", "The hostages were released on Monday.\n\n“We are free at last, all of us,” one of them said.",
			[]wantQuote{{"We are free at last, all of us,", ""}}},
	})
}

func TestNamesInHeadlinesAndTitles(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a capitalised verb ends a headline name",
			"Deputy Attorney General James M. Cole Speaks at the Conference\n\n“To see the results is impressive,” said Deputy Attorney General Cole.",
			[]wantQuote{{"To see the results is impressive,", "James M. Cole"}}},
		{"a capitalised common word ends a headline name, an initial does not",
			"Statement of Assistant Attorney General Lanny A. Breuer Before the Senate\n\n“The fight is our priority,” said Assistant Attorney General Breuer.",
			[]wantQuote{{"The fight is our priority,", "Lanny A. Breuer"}}},
		{"portfolio after a capitalised title",
			"U.S. Secretary of Agriculture Sonny Perdue spoke to farmers.\n\n“Farmers feed the world,” the secretary said.",
			[]wantQuote{{"Farmers feed the world,", "Sonny Perdue"}}},
		{"a lower-case title's of-phrase is a place, not a portfolio",
			"The prime minister of Spain, Jose Zapatero, has stated that \"a recession is likely next year.\"",
			[]wantQuote{{"a recession is likely next year.", "Jose Zapatero"}}},
		{"title abbreviation gives its role noun", "Sen. Jane Roe met voters.\n\n“We need new roads,” the senator said.",
			[]wantQuote{{"We need new roads,", "Jane Roe"}}},
	})
}

func TestSpeechVerbUses(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"verb + to is not speech unless to names the listener",
			"Secretary of State Jane Roe says the country is “prepared to respond very strongly” if Russia continues to engage in attacks.",
			[]wantQuote{{"prepared to respond very strongly", "Jane Roe"}}},
		{"said to the listener is speech", "“We will stay here,” Jane Roe said to reporters.",
			[]wantQuote{{"We will stay here,", "Jane Roe"}}},
		{"accused … of", "Foreign Minister Jane Roe accused reporters of “demeaning the nation.”",
			[]wantQuote{{"demeaning the nation.", "Jane Roe"}}},
		{"a speech verb with no named subject stops the previous speaker",
			"“Prices will fall soon,” Jane Roe said. “They will rise again,” a witness said.",
			[]wantQuote{{"Prices will fall soon,", "Jane Roe"}, {"They will rise again,", ""}}},
	})
}

func TestPronounTakesNewSentenceSubject(t *testing.T) {
	runQuoteCases(t, []quoteCase{{"she after a person opening a sentence",
		"“The camps are full,” said spokesman Ron Redmond.\n\nJane Roe has farmed here for 30 years. “It has been hard,” she said.",
		[]wantQuote{{"The camps are full,", "Ron Redmond"}, {"It has been hard,", "Jane Roe"}}}})
}

func TestSplitAndNestedQuotes(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"split quotation is two quotations by one speaker",
			"Secretary of State John Kerry spoke on Monday.\n\n“We will not allow it,” Mr. Kerry said, “and nobody will.”",
			[]wantQuote{{"We will not allow it,", "John Kerry"}, {"and nobody will.", "John Kerry"}}},
		{"nested straight singles with apostrophes inside straight doubles",
			`James Jeffrey spoke. "I underline 'to stop this program' and 'now', it's clear," Jeffrey said.`,
			[]wantQuote{{"I underline 'to stop this program' and 'now', it's clear,", "James Jeffrey"}}},
		{"nested curly singles ending the outer quotation, a plural possessive inside",
			"“He told me, ‘I’m done with the players’ union,’ and left,” said Jane Roe.",
			[]wantQuote{{"He told me, ‘I’m done with the players’ union,’ and left,", "Jane Roe"}, {"I’m done with the players’ union,", ""}}},
	})
}

func TestOddMarks(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"inch mark never opens", `The 12" pipe burst, and Jane Roe said "we will fix it by Friday."`,
			[]wantQuote{{"we will fix it by Friday.", "Jane Roe"}}},
		{"quotation ending with a figure", `Jane Roe said the plan is "to finish the work by 2030" at the latest.`,
			[]wantQuote{{"to finish the work by 2030", "Jane Roe"}}},
		{"reversed opening mark", "”We will win this time,” Jane Roe said.", []wantQuote{{"We will win this time,", "Jane Roe"}}},
		{"reversed closing mark", "“We will win this time,“ Jane Roe said.", []wantQuote{{"We will win this time,", "Jane Roe"}}},
		{"straight quotes with spaces inside", `" We will win this time , " Jane Roe said.`, []wantQuote{{"We will win this time ,", "Jane Roe"}}},
	})
}
