package store

import "time"

// Watch kinds.
const (
	WatchPage = "page" // one article, re-fetched on a schedule
	WatchFeed = "feed" // an RSS/Atom/JSON feed whose items become page watches
)

// Watch is a URL the server re-fetches on a schedule (package watch). Its
// schedule lives in the database, so every server process sees it, and a
// lease keeps two processes from fetching it at once.
type Watch struct {
	Project, ID string
	Kind        string // WatchPage or WatchFeed
	URL         string // as given
	Canonical   string // the page's <link rel=canonical>, once fetched ("" unknown)
	StoryID     string // the story its captures become ("" before the first one; feeds none)
	FeedID      string // the feed watch that found it ("" added by hand)
	// IgnoreRobots fetches even where robots.txt disallows Redline.
	IgnoreRobots bool
	// Interval is the current wait between fetches (it grows on a page
	// that does not change); DueAt the next fetch; Until the end of the
	// watch (zero: never).
	Interval     time.Duration
	DueAt, Until time.Time
	// ETag and LastModified make the next request conditional.
	ETag, LastModified string
	LastFetch          time.Time
	LastResult         string // "changed", "unchanged", "not modified", "error"
	LastError          string // why the last fetch failed ("" it did not)
	Failures           int    // fetches failed in a row
	// Paused watches are not fetched until resumed (their story stays).
	Paused    bool
	Created   time.Time
	CreatedBy string
}

// Capture is the evidence of one revision: the page exactly as fetched.
type Capture struct {
	Project, ID         string
	StoryID, RevisionID string
	URL, FinalURL       string // requested, and after redirects
	Fetched             time.Time
	Status              int
	RequestHeader       string // the request line and header as sent, CRLF-separated
	ResponseHeader      string // the status line and header as received, CRLF-separated
	Body                []byte // as received (after transfer decoding)
	SHA256              string // lower-case hex of Body
}

// Alert says that a captured revision changed words someone annotated.
type Alert struct {
	Project, ID         string
	StoryID, RevisionID string
	AnnotationID        string // the annotation on the previous revision
	CarriedID           string // its copy on the new revision ("" if none was made)
	Kind                string // quote, claim or note
	Status              string // changed, moved or orphaned
	Before, After       string
	Created             time.Time
	Seq                 int64 // orders alerts: newest first
}

// CaptureWrite is everything one captured revision stores, in one
// transaction: the story (when new), the revision, the annotations carried
// onto it, its capture and its alerts.
type CaptureWrite struct {
	WatchID  string    // the watch that fetched it: gets the story id and canonical URL
	NewStory *StoryRec // non-nil: create this story first
	Revision RevisionRec
	Docs     []Doc // carried annotations, created with the revision
	Capture  Capture
	Alerts   []Alert
	// Delivery, when set and the project has a webhook, is queued for
	// it (its URL, state and times are filled in by the store).
	Delivery *Delivery
}

// Webhook delivery states.
const (
	DeliveryPending   = "pending"   // to be (re)tried at DueAt
	DeliveryDelivered = "delivered" // the receiver answered 2xx
	DeliveryFailed    = "failed"    // given up: every attempt failed, or the webhook was removed
)

// Delivery is one alert summary to post to a project's webhook: queued in
// the transaction of the capture that raised it, so it is not lost, and
// retried with backoff until the receiver takes it or the attempts run
// out; every attempt's outcome is recorded.
type Delivery struct {
	Project, ID string
	URL         string // where it was (last) posted
	Body        []byte // the JSON summary
	State       string // DeliveryPending, DeliveryDelivered or DeliveryFailed
	Attempts    int
	DueAt       time.Time // the next attempt (pending ones)
	LastStatus  int       // the receiver's last HTTP status (0: none, such as a refused connection)
	LastError   string    // why the last attempt failed ("" it did not)
	LastAttempt time.Time
	Created     time.Time
}
