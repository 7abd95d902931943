// Hypothesis's quote anchoring, restated for the benchmark so that Redline
// is compared with what Hypothesis really does: hypothesis/client
// src/annotator/anchoring/html.ts (position first, then quote) and
// match-quote.ts (matchQuote), on top of the same approx-string-match
// library. Weights, error bounds and the exact-first search are theirs;
// only the shape of the code is ours.

import approxSearch from "/node_modules/approx-string-match/build/src/index.js";

// Exact occurrences when there are any, as Hypothesis does before paying
// for the approximate search (approx-string-match has no such shortcut).
function candidates(text, str, maxErrors) {
  const exact = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

// How alike text and str are, from 0 to 1 (1 - best errors / length).
function similarity(text, str) {
  if (str.length === 0 || text.length === 0) return 0;
  return 1 - candidates(text, str, str.length)[0].errors / str.length;
}

// matchQuote finds the best match for quote in text, scored on the quote
// (50), the prefix (20), the suffix (20) and the distance from the hint
// (2). It returns {start, end, score}, or null when nothing is within
// min(256, quote.length / 2) errors. There is no minimum score.
export function matchQuote(text, quote, { prefix, suffix, hint } = {}) {
  if (quote.length === 0) return null;
  const found = candidates(text, quote, Math.min(256, quote.length / 2));
  let best = null;
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const posScore = typeof hint === "number" ? 1 - Math.abs(m.start - hint) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (best === null || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

// anchor places one annotation as Hypothesis's html.ts does: its
// TextPositionSelector when the text there is still the quote, else
// matchQuote with the position as the hint. Offsets are UTF-16 code units
// (DOM offsets); it returns [start, end] or null.
export function anchor(text, { exact, prefix, suffix, start, end }) {
  if (text.slice(start, end) === exact) return [start, end];
  const m = matchQuote(text, exact, { prefix, suffix, hint: start });
  return m ? [m.start, m.end] : null;
}
