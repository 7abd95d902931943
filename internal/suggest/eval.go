package suggest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// Labels is the hand-made ground truth for one evaluation article, stored
// as NAME.json next to NAME.txt (the article's canonical text).
type Labels struct {
	Title     string       `json:"title"`
	SourceURL string       `json:"source_url"`
	Date      string       `json:"date"`
	Publisher string       `json:"publisher"`
	Licence   string       `json:"licence"`
	Split     string       `json:"split"` // "dev" (rules were developed on it) or "heldout"
	Notes     string       `json:"notes"`
	Quotes    []LabelQuote `json:"quotes"`
}

// LabelQuote is one direct quotation: its text exactly as between the
// marks (trimmed), and the speaker's full name ("" when the article does
// not name one).
type LabelQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

// Figures are match counts over a set of articles.
type Figures struct {
	Labels, Found          int // labelled quotes, suggested quotes
	Exact, Lenient         int // suggestions matching a label exactly / overlapping one
	SpeakerRight, Speakers int // speaker matches among the lenient matches
}

func (f *Figures) add(g Figures) {
	f.Labels += g.Labels
	f.Found += g.Found
	f.Exact += g.Exact
	f.Lenient += g.Lenient
	f.SpeakerRight += g.SpeakerRight
	f.Speakers += g.Speakers
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ExactPRF is precision, recall and F1 with exact span matches.
func (f Figures) ExactPRF() (p, r, f1v float64) {
	p, r = ratio(f.Exact, f.Found), ratio(f.Exact, f.Labels)
	return p, r, f1(p, r)
}

// LenientPRF is precision, recall and F1 where overlapping spans match.
func (f Figures) LenientPRF() (p, r, f1v float64) {
	p, r = ratio(f.Lenient, f.Found), ratio(f.Lenient, f.Labels)
	return p, r, f1(p, r)
}

// SpeakerAccuracy is the share of matched quotes whose speaker equals the
// label, ignoring case and a leading "the".
func (f Figures) SpeakerAccuracy() float64 { return ratio(f.SpeakerRight, f.Speakers) }

func (f Figures) String() string {
	ep, er, ef := f.ExactPRF()
	lp, lr, lf := f.LenientPRF()
	return fmt.Sprintf("labels %3d found %3d | exact P %.2f R %.2f F1 %.2f | lenient P %.2f R %.2f F1 %.2f | speaker %.2f (%d/%d)",
		f.Labels, f.Found, ep, er, ef, lp, lr, lf, f.SpeakerAccuracy(), f.SpeakerRight, f.Speakers)
}

// ArticleReport is the evaluation of one article.
type ArticleReport struct {
	Name, Split string
	Figures
	Errors []string // misses, spurious quotes and wrong speakers, for reading
}

// Report is the evaluation of a directory of articles.
type Report struct {
	Articles              []ArticleReport
	Dev, HeldOut, Overall Figures
}

func (r Report) String() string {
	var b strings.Builder
	for _, a := range r.Articles {
		fmt.Fprintf(&b, "%-30s %-7s %s\n", a.Name, a.Split, a.Figures)
	}
	fmt.Fprintf(&b, "%-30s %-7s %s\n", "ALL dev", "", r.Dev)
	fmt.Fprintf(&b, "%-30s %-7s %s\n", "ALL held-out", "", r.HeldOut)
	fmt.Fprintf(&b, "%-30s %-7s %s\n", "ALL", "", r.Overall)
	return b.String()
}

// Eval runs Suggest on every NAME.txt in dir that has a NAME.json label
// file and compares the quote suggestions with the labels.
func Eval(dir string) (Report, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return Report{}, err
	}
	slices.Sort(names)
	var rep Report
	for _, jsonPath := range names {
		name := strings.TrimSuffix(filepath.Base(jsonPath), ".json")
		var labels Labels
		data, err := os.ReadFile(jsonPath)
		if err != nil {
			return Report{}, err
		}
		if err := json.Unmarshal(data, &labels); err != nil {
			return Report{}, fmt.Errorf("%s: %w", jsonPath, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			return Report{}, err
		}
		ar := evalArticle(strings.TrimRight(string(text), "\n"), labels)
		ar.Name, ar.Split = name, labels.Split
		rep.Articles = append(rep.Articles, ar)
		rep.Overall.add(ar.Figures)
		if labels.Split == "heldout" {
			rep.HeldOut.add(ar.Figures)
		} else {
			rep.Dev.add(ar.Figures)
		}
	}
	return rep, nil
}

// evalArticle matches suggestions to labels. Each label is located at its
// first unused occurrence in the text; each label matches at most one
// suggestion, preferring an exact match.
func evalArticle(text string, labels Labels) ArticleReport {
	runes := []rune(text)
	var quotes []Suggestion
	for _, s := range Suggest(text) {
		if s.Kind == Quote {
			quotes = append(quotes, s)
		}
	}
	spans := locateLabels(runes, labels.Quotes)
	var ar ArticleReport
	ar.Labels, ar.Found = len(labels.Quotes), len(quotes)
	used := make([]bool, len(quotes))
	for i, lq := range labels.Quotes {
		at := spans[i]
		best := -1
		for j, q := range quotes {
			if used[j] || !q.Span.Overlaps(at) {
				continue
			}
			if best < 0 || q.Span == at {
				best = j
			}
		}
		if best < 0 {
			ar.Errors = append(ar.Errors, fmt.Sprintf("missed %q", clip(lq.Text)))
			continue
		}
		used[best] = true
		q := quotes[best]
		ar.Lenient++
		if q.Span == at {
			ar.Exact++
		} else {
			ar.Errors = append(ar.Errors, fmt.Sprintf("span %q for %q", clip(string(runes[q.Span.Start:q.Span.End])), clip(lq.Text)))
		}
		ar.Speakers++
		if normalizeSpeaker(q.Speaker) == normalizeSpeaker(lq.Speaker) {
			ar.SpeakerRight++
		} else {
			ar.Errors = append(ar.Errors, fmt.Sprintf("speaker %q, want %q, for %q", q.Speaker, lq.Speaker, clip(lq.Text)))
		}
	}
	for j, q := range quotes {
		if !used[j] {
			ar.Errors = append(ar.Errors, fmt.Sprintf("spurious %q", clip(string(runes[q.Span.Start:q.Span.End]))))
		}
	}
	return ar
}

// locateLabels finds each label's span: its first occurrence starting
// after the previous label's start (labels are listed in text order, an
// inner quotation right after its outer one), else anywhere.
func locateLabels(runes []rune, labels []LabelQuote) []span.Span {
	text := string(runes)
	ix := span.NewIndex(text)
	out := make([]span.Span, len(labels))
	from := 0
	for i, l := range labels {
		b := strings.Index(text[from:], l.Text)
		if b >= 0 {
			b += from
		} else {
			b = strings.Index(text, l.Text)
		}
		if b < 0 {
			out[i] = span.Span{Start: -1, End: -1}
			continue
		}
		out[i] = ix.BytesToSpan(b, b+len(l.Text))
		from = b + 1
	}
	return out
}

func normalizeSpeaker(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimPrefix(s, "the ")
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 50 {
		return string(r[:50]) + "…"
	}
	return s
}
