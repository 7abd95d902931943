// Package checkworthy scores how worth fact-checking a sentence is: the
// probability that a fact-checker would call it a check-worthy factual
// claim (ClaimBuster's CFS class) rather than an unimportant factual one or
// not a factual claim at all.
//
// The model is a logistic regression over hashed word unigrams, bigrams,
// word endings (the last three letters of longer words: tense, plurals)
// and letter trigrams, plus a few named cues (a figure, a percentage,
// money, a comparison, a superlative, a cause, an attributed source, an
// opinion or a promise), small enough to embed in the wasm client
// (weights.bin, go:embed: 8,207 float32 weights, 32,841 bytes) and fast
// enough to score every sentence of an article when it opens
// (BenchmarkScore: about ten microseconds a
// sentence, no map or sort per call). It is trained only on public labelled data, the
// crowd-sourced ClaimBuster sentences in testdata/claimbuster (source,
// commit and licence in its README), by `go run ./internal/checkworthy/train`,
// which is deterministic: TestEmbeddedWeightsAreReproducible retrains and
// compares. Some debates are held out of training entirely (heldOutFiles)
// and reported apart by TestEvalClaims.
package checkworthy
