package annotation

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"time"

	"github.com/redline-news/redline/internal/anchor"
)

// Kind says what an annotation marks in the text.
type Kind string

const (
	KindQuote Kind = "quote" // words someone said, attributed to a Speaker
	KindClaim Kind = "claim" // a checkable statement, optionally with a Verdict
	KindNote  Kind = "note"  // anything else: a free-text comment on a passage
)

// Kinds lists every kind, in the order the UI offers them.
var Kinds = []Kind{KindQuote, KindClaim, KindNote}

// Status is how migration placed an annotation on a later revision. The
// zero value means the annotation has not been migrated.
type Status string

const (
	StatusNone     Status = ""
	StatusIntact   Status = "intact"   // the same words, where they were
	StatusMoved    Status = "moved"    // the same words, somewhere else
	StatusChanged  Status = "changed"  // the passage was edited; Before keeps the old words
	StatusOrphaned Status = "orphaned" // gone, or too different to place with confidence
)

// Statuses lists every non-empty status.
var Statuses = []Status{StatusIntact, StatusMoved, StatusChanged, StatusOrphaned}

// Annotation is one quote, claim or note on a passage of a story revision.
type Annotation struct {
	ID       string // an IRI; Redline makes "urn:uuid:…" with NewID
	Kind     Kind
	Speaker  string  // who said it (quotes; claims may name a claimant too)
	Verdict  Verdict // claims only
	Tags     []string
	Note     string
	Created  time.Time // kept to the second, in UTC
	Modified time.Time
	Creator  string // optional display name of the person who made it
	// Via is the IRI the annotation had in the tool it was imported from,
	// when Redline gave it a new id (see DecodeLenient).
	Via string

	Target Target

	Status   Status // set by migration
	Before   string // for a migrated annotation: the old exact text
	Revision string // id of the revision it belongs to (optional)

	// Moved is set by migration on a changed annotation whose passage
	// was also moved elsewhere in the story (status moved says it alone).
	Moved bool

	// Suggested marks an annotation proposed by a detector rather than a
	// person; Suggester optionally names the detector (letters, digits,
	// '.', '_' and '-').
	Suggested bool
	Suggester string
}

// Target is the passage an annotation is about.
type Target struct {
	Source     string // the story: "urn:redline:story:<id>" (see StorySource) or any IRI
	SourceDate string // the revision's date: YYYY-MM-DD or an RFC 3339 date-time
	Selector   anchor.Selector
}

// Story is an article followed across its revisions.
type Story struct {
	ID, Title string
	Created   time.Time
}

// Revision is one version of a story's text, as published on Date.
type Revision struct {
	ID, StoryID, Date, Title, Text string
	Added                          time.Time
	// Undated: the text gives no date, and Date is the day it was added
	// (a TimeState needs one), never to be shown as its publication date.
	Undated bool
	Byline  string // the author line the article gives, if any
	// Words is the word diff against the revision before it, counted
	// when this one was added, so the timeline is drawn from what is
	// stored without starting the core's worker. Zero when not known
	// (a record stored before it was kept, or synced from the server,
	// whose format has no place for it): the diff is then asked for.
	Words WordDiff
}

// WordDiff is how many words a revision added and removed against the
// revision From (the one before it when it was added).
type WordDiff struct {
	From           string // the earlier revision's id; empty: not known
	Added, Removed int
}

// DateLabel is how a revision's date is shown: the date it was published
// on, or for an undated text the day it was added, labelled so.
func (r Revision) DateLabel() string { return DateLabel(r.Date, r.Undated) }

// DateLabel is Revision.DateLabel for a date and whether it is the day
// the text was added (the text being undated).
func DateLabel(date string, undated bool) string {
	if undated {
		return "undated, added " + date
	}
	return date
}

// StorySource is the target source IRI of the story with the given id.
func StorySource(storyID string) string {
	return "urn:redline:story:" + url.PathEscape(storyID)
}

// NewID returns a fresh "urn:uuid:" IRI holding a random (version 4) UUID.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("annotation: crypto/rand failed: " + err.Error()) // never happens on supported platforms
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return formatUUID(b)
}

func formatUUID(b [16]byte) string {
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
