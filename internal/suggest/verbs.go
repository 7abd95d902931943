package suggest

// verbKind says how a speech verb finds its speaker.
type verbKind uint8

const (
	vFinite     verbKind = iota + 1 // "X said", "said X"
	vParticiple                     // "…, calling him": the clause's subject speaks
	vAccording                      // "according to X"
	vQuoted                         // "X was quoted as saying"
	vStatement                      // "X issued the following statement": only with "statement" just after
)

// speechVerbs are the reporting verbs that attribute words to a speaker.
// Present-tense "call" is left out on purpose: "which they call “X”" names
// a thing, it does not quote anyone.
var speechVerbs = func() map[string]verbKind {
	m := map[string]verbKind{}
	for w := range wordSet(`said says say told tells added adds noted notes wrote writes asked asks
	explained explains insisted insists questioned stated declared declares argued argues claimed
	warned warns continued continues recalled recalls replied replies responded responds commented
	remarked described describes called announced announces acknowledged admitted admits concluded
	emphasised emphasized stressed stresses urged urges tweeted posted reported reports recognized
	recognised agreed agrees conceded complained predicted promised vowed joked observed observes
	suggested suggests testified shouted cried whispered praised referred quipped wondered revealed
	reveals shared confirmed confirms denied denies accused accuses`) {
		m[w] = vFinite
	}
	for w := range wordSet(`saying adding noting telling asking explaining insisting arguing warning
	calling describing stating declaring claiming writing referring urging stressing praising
	dismissing accusing`) {
		m[w] = vParticiple
	}
	m["according"] = vAccording
	m["quoted"] = vQuoted
	for w := range wordSet(`issued issues released releases`) {
		m[w] = vStatement
	}
	return m
}()

// toListener are the speech verbs whose "to" names the listener ("said to
// reporters", "referred to him as"). Any other speech verb followed by "to"
// is not reporting speech: "Russia continues to engage", "added to the
// pressure", "vowed to fight".
var toListener = wordSet(`said says told explained explains wrote writes replied replies responded
responds complained confirmed confirms admitted admits described declared stated revealed reveals
announced announces tweeted posted referred referring`)

// statementWindow is how many words after "issued"/"released" may come
// before "statement" ("issued the following joint statement").
const statementWindow = 4
