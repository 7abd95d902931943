package suggest

import "testing"

// Quotations inside quotations: a publication quoting a person, in each
// house style of nesting marks.
func TestNestedQuotations(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"the issue's example: the inner speaker is named inside the outer quotation",
			"Ebel reports, “At a briefing, spokeswoman Maria Zakharova claimed the two men were tourists. ‘But we are well aware that there are not former MI6 employees,’ she said.”",
			[]wantQuote{
				{"At a briefing, spokeswoman Maria Zakharova claimed the two men were tourists. ‘But we are well aware that there are not former MI6 employees,’ she said.", "Ebel"},
				{"But we are well aware that there are not former MI6 employees,", "Maria Zakharova"},
			}},
		{"a pronoun inside the quotation does not take the reporter",
			"Jane Roe wrote in the Daily Bugle: “John Smith met the mayor on Monday. ‘We agreed on nothing at all,’ he said.”\n\n“It was a long day,” she said.",
			[]wantQuote{
				{"John Smith met the mayor on Monday. ‘We agreed on nothing at all,’ he said.", "Jane Roe"},
				{"We agreed on nothing at all,", "John Smith"},
				{"It was a long day,", "Jane Roe"},
			}},
		{"a pronoun inside the quotation takes the person named before it, not the reporter",
			"Jane Roe of the Daily Bugle reports that John Smith was at the meeting on Monday. “‘We know nothing about them,’ he said.”",
			[]wantQuote{
				{"‘We know nothing about them,’ he said.", "Jane Roe"},
				{"We know nothing about them,", "John Smith"},
			}},
		{"straight doubles around straight singles, split inner quotation",
			`Bloomberg reported the interview. "The regulator warned the state. 'California is not the arbiter of these issues,' said Administrator Jane Roe. The state sets its own rules, 'but that cannot dictate to the rest of the country.'"`,
			[]wantQuote{
				{"The regulator warned the state. 'California is not the arbiter of these issues,' said Administrator Jane Roe. The state sets its own rules, 'but that cannot dictate to the rest of the country.'", "Bloomberg"},
				{"California is not the arbiter of these issues,", "Jane Roe"},
				{"but that cannot dictate to the rest of the country.", "Jane Roe"},
			}},
		{"the sentence before the inner quotation, inside the outer one, names its speaker",
			"The Daily Bugle wrote: “Foreign Minister John Smith told reporters on Thursday that the talks had failed. ‘We will not give up the port.’ The talks ended without a deal.”",
			[]wantQuote{
				{"Foreign Minister John Smith told reporters on Thursday that the talks had failed. ‘We will not give up the port.’ The talks ended without a deal.", "Daily Bugle"},
				{"We will not give up the port.", "John Smith"},
			}},
		{"an outer quotation over two paragraphs, the inner one in the second",
			"The Daily Bugle reported: “The minister met the unions on Monday.\n\n“Minister John Smith told them: ‘The budget cannot grow this year.’ The unions walked out.”",
			[]wantQuote{
				{"The minister met the unions on Monday.\n\n“Minister John Smith told them: ‘The budget cannot grow this year.’ The unions walked out.", "Daily Bugle"},
				{"The budget cannot grow this year.", "John Smith"},
			}},
		{"guillemets with inner low-high marks",
			"Газета пишет: «Министр Иван Петров заявил журналистам: „Мы не будем платить по этим счетам“, — и ушёл».",
			[]wantQuote{
				{"Министр Иван Петров заявил журналистам: „Мы не будем платить по этим счетам“, — и ушёл", ""},
				{"Мы не будем платить по этим счетам", ""},
			}},
		{"British style: single outer, double inner",
			"The Guardian reported: ‘Jane Roe told the committee that the plan had failed. “We have run out of money and out of time,” she said.’",
			[]wantQuote{
				{"Jane Roe told the committee that the plan had failed. “We have run out of money and out of time,” she said.", "Guardian"},
				{"We have run out of money and out of time,", "Jane Roe"},
			}},
		{"a cited source in brackets after the quotation, the introducer's words inside",
			"President-Elect Jane Roe Stressed “Clean Air And ‘Crystal Clear Water’ Were Vitally Important.” (The Daily Bugle, 11/22/2016)",
			[]wantQuote{
				{"Clean Air And ‘Crystal Clear Water’ Were Vitally Important.", "Daily Bugle"},
				{"Crystal Clear Water", "Jane Roe"},
			}},
		{"short inner quotations need an attribution inside: scare quotes and terms stay out",
			"Jane Roe said: “This is indeed a ‘golden era,’ but for the ‘reformers’ the word ‘whatever steps are necessary’ means nothing.”",
			[]wantQuote{{"This is indeed a ‘golden era,’ but for the ‘reformers’ the word ‘whatever steps are necessary’ means nothing.", "Jane Roe"}}},
		{"apostrophes inside a straight-quoted outer are not inner quotations",
			`Jane Roe said, "It's the players' union that can't agree, and 'em too."`,
			[]wantQuote{{"It's the players' union that can't agree, and 'em too.", "Jane Roe"}}},
	})
}
