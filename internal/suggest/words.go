package suggest

import "strings"

// wordSet builds a lookup set from a space-separated list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// commonWords are capitalised only because they start a sentence or a
// heading; they never begin a name.
var commonWords = wordSet(`the a an in on at to for of and but or nor as by with from after before
during while when where if this that these those it its he she they we i you his her their our
my your there here according speaking read more also however meanwhile despite although though
because since then now today yesterday tomorrow last next some many most all every each both one
two three four five what who whom why how which no not yes so such than through under over about
into nearly around up down out other another first second third asked below above even still
only just later earlier instead once again let please thank thanks dear hello yet nevertheless
until unless whether among between within without against toward towards like unlike via per
further finally indeed perhaps maybe already almost`)

// monthsAndDays break name sequences: "Lavrov Tuesday" is not a name.
var monthsAndDays = wordSet(`monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december`)

// titleWords introduce a name ("Foreign Minister Sergei Lavrov"); the words
// up to the last of them are the person's roles, the rest the name.
var titleWords = wordSet(`president minister secretary spokesman spokeswoman spokesperson envoy
ambassador general gen sen senator rep representative gov governor mayor dr mr mrs ms prof professor
chairman chairwoman chair chief director judge justice king queen prince princess pope rev sir
dame lord lady administrator commissioner chancellor premier sheriff lt col capt sgt officer
commander coach ceo founder candidate adviser advisor aide editor reporter correspondent analyst
expert economist lawyer attorney prosecutor official head leader manager executive deputy vice
acting special foreign interior defense defence state health finance justice prime chief
spokesperson diplomat lawmaker councillor councilor scientist researcher geologist paleontologist
physician doctor nurse teacher student activist witness resident author journalist whip speaker
member ranking assistant associate undersecretary inspector superintendent solicitor`)

// roleNouns are the heads of role phrases ("the minister said") and of
// appositives ("Jane Roe, a public health expert,").
var roleNouns = wordSet(`president minister secretary spokesman spokeswoman spokesperson envoy
ambassador general senator representative governor mayor professor chairman chairwoman chair
chief director judge king queen prince princess pope administrator commissioner chancellor premier
sheriff officer commander coach ceo founder candidate adviser advisor aide editor reporter
correspondent analyst expert economist lawyer attorney prosecutor official head leader manager
executive diplomat lawmaker councillor councilor scientist researcher geologist paleontologist
physician doctor nurse teacher student activist witness resident author journalist professor whip
undersecretary inspector superintendent`)

// orgNouns head phrases that name a speaker who is not a person ("the
// ministry said"): they stop the search for a subject but resolve to no name.
var orgNouns = wordSet(`ministry agency report statement government police company department
office committee council commission court army military group organization organisation
newspaper survey study website`)

// orgWords mark a capitalised sequence as an organisation or a place, never
// a person a pronoun could refer to.
var orgWords = wordSet(`university agency ministry department association times news press
organization organisation council committee commission bank group party forest lake river sea
ocean mountain mountains street avenue road city county province state states island islands
kingdom republic united union nations national international institute center centre school
college hospital company corporation inc ltd airlines airport church court army navy force
police office house senate congress parliament assembly fund foundation service services network
club league team museum east west north south new san los las saint st fort port world global
america american europe european africa african asia asian`)

// headlineVerbs are verbs that title-case headlines capitalise right after
// a name ("Deputy Attorney General James M. Cole Speaks at …"); like the
// speech verbs, they end a name.
var headlineVerbs = wordSet(`speaks talks meets visits joins calls leads names wins loses signs
visit meet join`)

// particles may sit inside a name (Ludwig van Beethoven, Osama bin Laden).
var particles = wordSet(`de van von der den bin ibn al el da di du la le del dos das ter ten`)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = wordSet(`mr mrs ms dr prof gen sen rep gov lt col capt sgt st rev jr sr no vs
etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est mt ft`)

// titleAbbreviations may be followed by a dot inside a name ("Dr. Jane Roe").
var titleAbbreviations = wordSet(`mr mrs ms dr prof gen sen rep gov lt col capt sgt st rev`)

// skipBeforeVerb are words allowed between a subject and its speech verb
// ("Lavrov also said", "she has repeatedly said"); words ending in -ly are
// skipped too.
var skipBeforeVerb = wordSet(`also then later has had have was is were would will again further
once not never still already then previously earlier recently had`)
