package checkworthy

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hashBits sets the number of buckets words, bigrams and letter trigrams
// are hashed into: 2^13 float32 weights are 32 KiB. By 5-fold CV on 3,746
// training sentences, 2^13 buckets beat 2^12 (F1 0.70 against 0.69 with
// letter trigrams) and 2^14 added nothing.
const hashBits = 13

const hashBuckets = 1 << hashBits

// A cue is a named signal of a checkable statement (or of its absence).
// Its name is what Cues reports, so a suggestion can say why it scored.
type cue struct {
	name string
	has  func(s *sentence) bool
}

// sentence is a tokenised sentence: lower-cased words with numbers kept,
// plus which words were capitalised inside the sentence.
type sentence struct {
	words     []string
	wordCues  uint64 // bit i set: some word is in cue i's word list
	capsInner int    // capitalised words after the first, other than "I"
	question  bool   // ends with a question mark
}

func wordList(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// cueWords maps a word to the bit set of the word-list cues it belongs to,
// so a sentence's word cues cost one lookup a word.
var cueWords = map[string]uint64{}

// anyOf is the cue "some word of the list": it registers the list under
// the next cue bit.
func anyOf(list string) func(*sentence) bool {
	bit := uint64(1) << len(wordListBits)
	wordListBits = append(wordListBits, list)
	for w := range wordList(list) {
		cueWords[w] |= bit
	}
	return func(s *sentence) bool { return s.wordCues&bit != 0 }
}

// wordListBits counts the word-list cues registered so far (at most 64).
var wordListBits []string

// phrase reports a run of words ("i think") anywhere in the sentence. The
// runs are indexed by their first word, so a sentence costs one lookup a
// word.
func phrase(list ...string) func(*sentence) bool {
	byFirst := map[string][][]string{}
	for _, p := range list {
		words := strings.Fields(p)
		byFirst[words[0]] = append(byFirst[words[0]], words)
	}
	return func(s *sentence) bool {
		for i, w := range s.words {
			for _, run := range byFirst[w] {
				if len(s.words)-i >= len(run) && slices.Equal(s.words[i:i+len(run)], run) {
					return true
				}
			}
		}
		return false
	}
}

const spelledNumbers = `two three four five six seven eight nine ten eleven twelve fifteen
twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
millions billion billions trillion trillions dozen dozens half third quarter percent`

var cues = []cue{
	{"number", anyOf("<num> " + spelledNumbers)},
	{"percentage", anyOf(`% percent per-cent percentage`)},
	{"money", anyOf(`$ € £ ¥ dollars dollar euros yuan rupees million billion trillion budget deficit tax taxes`)},
	{"date", anyOf(`<year> january february march april june july august september october november december`)},
	{"comparison", anyOf(`than compared increase increased decrease decreased rose risen fell fallen doubled tripled halved more less fewer higher lower up down cut cuts`)},
	{"superlative", anyOf(`largest biggest highest lowest most least first only record best worst fastest oldest youngest greatest smallest longest shortest deadliest ever never history`)},
	{"causal", anyOf(`because caused causes cause led leads resulted result blamed due`)},
	{"source", anyOf(`according said says told reported reports report study survey data statistics figures estimated estimates found announced voted signed passed`)},
	{"named", func(s *sentence) bool { return s.capsInner > 0 }},
	{"opinion", phrase(`i think`, `i believe`, `i feel`, `i hope`, `in my opinion`, `my view`, `i want`, `i would`, `i will`, `we need`, `we must`, `we should`, `let me`, `let's`, `we have to`, `we've got to`, `ought to`)},
	{"hedge", anyOf(`may might could possibly perhaps maybe`)},
	{"question", func(s *sentence) bool { return s.question }},
	{"short", func(s *sentence) bool { return len(s.words) < 8 }},
	{"long", func(s *sentence) bool { return len(s.words) > 25 }},
}

// nFeatures is the width of the weight vector: the bias, the cues, then
// the hashed buckets.
var nFeatures = 1 + len(cues) + hashBuckets

// tokenise lower-cases the words of text; a figure becomes "<num>" (a
// four-digit 19xx or 20xx "<year>"), and $ % € £ ¥ are words of their own.
// It walks the string itself: scoring runs on every sentence of an article.
func tokenise(text string) sentence {
	s := sentence{words: make([]string, 0, 32)}
	first := true
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case c == '$' || c == '%' || c == '€' || c == '£' || c == '¥':
			s.words = append(s.words, text[i:i+size])
			i += size
		case letterOrDigit(c):
			j := i + size
			for j < len(text) {
				d, dsize := utf8.DecodeRuneInString(text[j:])
				if letterOrDigit(d) || joinsWord(text, j, d, dsize) {
					j += dsize
					continue
				}
				break
			}
			w := text[i:j]
			if !first && unicode.IsUpper(c) && w != "I" {
				s.capsInner++
			}
			first = false
			s.words = append(s.words, normalise(w))
			i = j
		default:
			if c == '?' {
				s.question = true
			} else if !unicode.IsSpace(c) && c != '"' && c != '”' && c != '’' && c != ')' {
				s.question = false
			}
			i += size
		}
	}
	for _, w := range s.words {
		s.wordCues |= cueWords[w]
	}
	return s
}

func letterOrDigit(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

// joinsWord keeps the mark d at text[j:] inside the word: an apostrophe or
// hyphen between letters (don't, well-known), a point or comma between
// digits (1.4, 100,000).
func joinsWord(text string, j int, d rune, size int) bool {
	if j == 0 || j+size >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:j])
	next, _ := utf8.DecodeRuneInString(text[j+size:])
	switch d {
	case '\'', '’', '-':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

func normalise(w string) string {
	if strings.ContainsFunc(w, unicode.IsDigit) {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			return "<year>"
		}
		return "<num>"
	}
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// feature is an active feature: its index in the weight vector and its
// value.
type feature struct {
	index int
	value float64
}

// features lists the active features of a sentence: the bias (index 0),
// each cue it has, and the buckets of its words, bigrams, word endings
// (the last three letters of words over four, a cheap stand-in for tense
// and number that CV preferred: F1 0.68 → 0.69) and letter trigrams of
// words over three letters, with ^ and $ at their edges (so "deficits"
// shares "def", "efi"… with "deficit": F1 0.699 → 0.703). Repeated
// buckets are listed once; bucket values are scaled to unit length so
// that a long sentence does not score high for its length alone.
func features(s *sentence) []feature {
	// Room for the bias, every cue, three buckets a word (word, bigram,
	// ending) and its trigrams, plus the closing bigram, so scoring
	// allocates once.
	n := 2 + len(cues) + 3*len(s.words)
	for _, w := range s.words {
		n += len(w)
	}
	out := make([]feature, 1, n)
	out[0] = feature{0, 1}
	for i, c := range cues {
		if c.has(s) {
			out = append(out, feature{1 + i, 1})
		}
	}
	firstBucket := len(out)
	var seen [hashBuckets / 64]uint64
	add := func(h uint32) {
		b := h % hashBuckets
		if seen[b/64]&(1<<(b%64)) == 0 {
			seen[b/64] |= 1 << (b % 64)
			out = append(out, feature{1 + len(cues) + int(b), 0})
		}
	}
	prev := "<s>"
	for _, w := range s.words {
		add(fnv1a(fnv1a(fnvOffset, "u "), w))
		if len(w) > 4 {
			add(fnv1a(fnv1a(fnvOffset, "s "), w[len(w)-3:]))
		}
		add(fnv1a(fnv1a(fnv1a(fnv1a(fnvOffset, "b "), prev), " "), w))
		if len(w) > 3 {
			trigrams(w, add)
		}
		prev = w
	}
	add(fnv1a(fnv1a(fnv1a(fnv1a(fnvOffset, "b "), prev), " "), "</s>"))
	v := 1 / math.Sqrt(float64(len(out)-firstBucket))
	for i := firstBucket; i < len(out); i++ {
		out[i].value = v
	}
	return out
}

// trigrams hashes each run of three bytes of "^" + w + "$" (without
// building it).
func trigrams(w string, add func(uint32)) {
	at := func(j int) byte {
		switch j {
		case 0:
			return '^'
		case len(w) + 1:
			return '$'
		}
		return w[j-1]
	}
	for i := 0; i+3 <= len(w)+2; i++ {
		h := fnv1a(fnvOffset, "c ")
		for j := i; j < i+3; j++ {
			h ^= uint32(at(j))
			h *= fnvPrime
		}
		add(h)
	}
}

// FNV-1a, 32 bits, over strings without allocating.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func fnv1a(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}
