package interop

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

// The schema.org ClaimReview markup fact-checkers publish and Google's
// Fact Check tools read (https://schema.org/ClaimReview): one per claim
// with a verdict that is a rating (unverified claims have none).
type claimReview struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	URL           string       `json:"url,omitempty"`
	ClaimReviewed string       `json:"claimReviewed"`
	DatePublished string       `json:"datePublished,omitempty"`
	Author        schemaThing  `json:"author"`
	ReviewRating  schemaRating `json:"reviewRating"`
	ItemReviewed  schemaClaim  `json:"itemReviewed"`
	ReviewBody    string       `json:"reviewBody,omitempty"`
}

type schemaThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type schemaRating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

type schemaClaim struct {
	Type          string         `json:"@type"`
	Author        *schemaThing   `json:"author,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	Appearance    []schemaSource `json:"appearance,omitempty"`
}

type schemaSource struct {
	Type     string `json:"@type"`
	URL      string `json:"url,omitempty"`
	Headline string `json:"headline,omitempty"`
}

// writeClaimReview writes a JSON array of ClaimReviews. The rating is
// Verdict.ClaimReviewRating (1 false … 5 true); the claim's author is the
// speaker when one is named, its appearance the story (its URL when
// known), and the review's date the annotation's last change.
func writeClaimReview(st Story, anns []annotation.Annotation) ([]byte, error) {
	reviews := []claimReview{}
	for _, a := range anns {
		rating, name, ok := a.Verdict.ClaimReviewRating()
		if a.Kind != annotation.KindClaim || !ok {
			continue
		}
		r := claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			ClaimReviewed: exactOf(a),
			DatePublished: day(a.Modified, a.Created),
			Author:        schemaThing{Type: "Person", Name: a.Creator},
			ReviewRating:  schemaRating{Type: "Rating", RatingValue: rating, BestRating: 5, WorstRating: 1, AlternateName: name},
			ItemReviewed:  schemaClaim{Type: "Claim", DatePublished: st.Date},
			ReviewBody:    a.Note,
		}
		if st.URL != "" || st.Title != "" {
			r.ItemReviewed.Appearance = []schemaSource{{Type: "CreativeWork", URL: st.URL, Headline: st.Title}}
		}
		if a.Creator == "" {
			r.Author = schemaThing{Type: "Organization", Name: "Redline"}
		}
		if a.Speaker != "" {
			r.ItemReviewed.Author = &schemaThing{Type: "Person", Name: a.Speaker}
		}
		reviews = append(reviews, r)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(reviews)
	return buf.Bytes(), err
}

func exactOf(a annotation.Annotation) string {
	if q := a.Target.Selector.Quote; q != nil {
		return q.Exact
	}
	return ""
}

// day is the first non-zero time as a schema.org Date (YYYY-MM-DD, UTC).
func day(times ...time.Time) string {
	for _, t := range times {
		if !t.IsZero() {
			return t.UTC().Format(time.DateOnly)
		}
	}
	return ""
}
