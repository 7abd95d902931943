package annotation

// Verdict is a fact-checker's rating of a claim.
type Verdict string

const (
	VerdictNone        Verdict = ""
	VerdictUnverified  Verdict = "unverified"
	VerdictTrue        Verdict = "true"
	VerdictMostlyTrue  Verdict = "mostly-true"
	VerdictMixed       Verdict = "mixed"
	VerdictMostlyFalse Verdict = "mostly-false"
	VerdictFalse       Verdict = "false"
)

// Verdicts lists every non-empty verdict, from unchecked to best to worst
// as a picker would show them.
var Verdicts = []Verdict{VerdictUnverified, VerdictTrue, VerdictMostlyTrue, VerdictMixed, VerdictMostlyFalse, VerdictFalse}

// Known reports whether v is a verdict Redline understands (the empty
// verdict included).
func (v Verdict) Known() bool {
	if v == VerdictNone {
		return true
	}
	for _, k := range Verdicts {
		if v == k {
			return true
		}
	}
	return false
}

// ClaimReviewRating maps a verdict onto a schema.org ClaimReview
// reviewRating: ratingValue on a scale where worstRating is 1 and
// bestRating is 5, and the human-readable alternateName. Google's
// fact-check markup uses exactly this 1–5 scale ("False" = 1, "True" = 5).
// ok is false for VerdictNone and VerdictUnverified, which are not
// ratings: a ClaimReview should not be published for them.
//
//	false 1 "False", mostly-false 2 "Mostly false", mixed 3 "Mixed",
//	mostly-true 4 "Mostly true", true 5 "True"
func (v Verdict) ClaimReviewRating() (rating int, alternateName string, ok bool) {
	switch v {
	case VerdictFalse:
		return 1, "False", true
	case VerdictMostlyFalse:
		return 2, "Mostly false", true
	case VerdictMixed:
		return 3, "Mixed", true
	case VerdictMostlyTrue:
		return 4, "Mostly true", true
	case VerdictTrue:
		return 5, "True", true
	}
	return 0, "", false
}
