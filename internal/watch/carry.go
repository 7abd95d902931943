package watch

import (
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/migrate"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// carriedIRI is the id a carried annotation is prepared under: the
// stored JSON has no id (the protocol adds the IRI per request), so any
// IRI that is not a client's own id does.
const carriedIRI = "urn:redline:carried"

// Carried is the outcome of carrying a story's annotations onto a new
// revision.
type Carried struct {
	Docs    []store.Doc   // copies on the new revision, with their status
	Alerts  []store.Alert // annotated words that were changed or dropped
	Skipped int           // annotations Redline's model cannot place (other tools' selectors)
}

// Carry carries the annotations of revision old onto revision next, as
// the app does when a revision is added by hand (library.CommitRevision):
// the two texts are diffed and every annotation migrated (package
// migrate); each gets a copy on the new revision with a new id, its
// status and its old words, and the old revision's stay as they were.
// An annotation belongs to the revision it names (redline:revision), or,
// naming none, to the latest revision added before it was created.
// Whatever was changed or orphaned raises an alert.
func Carry(old, next store.RevisionRec, revisions []store.RevisionRec, docs []store.Doc, now time.Time) Carried {
	var out Carried
	var anns []annotation.Annotation
	var from []store.Doc
	for _, d := range docs {
		if d.Deleted || d.JSON == nil {
			continue
		}
		decoded, err := annotation.Decode(protocol.WithID(d.JSON, carriedIRI))
		if err != nil || len(decoded) != 1 {
			out.Skipped++
			continue
		}
		a := decoded[0]
		if revisionOf(a, d, revisions) != old.ID {
			continue
		}
		anns, from = append(anns, a), append(from, d)
	}
	for i, r := range migrate.Migrate(old.Text, next.Text, nil, anns) {
		m := r.Annotation
		m.ID = carriedIRI
		m.Revision = next.ID
		m.Modified = now
		if r.Status != annotation.StatusOrphaned {
			m.Target.SourceDate = next.Date
		}
		doc, ok := carriedDoc(m, from[i], now)
		if !ok {
			out.Skipped++
			continue
		}
		out.Docs = append(out.Docs, doc)
		if r.Status == annotation.StatusChanged || r.Status == annotation.StatusOrphaned {
			out.Alerts = append(out.Alerts, store.Alert{
				Project: from[i].Project, ID: protocol.NewID(), StoryID: next.StoryID, RevisionID: next.ID,
				AnnotationID: from[i].ID, CarriedID: doc.ID, Kind: string(kindOf(m)), Status: string(r.Status),
				Before: r.Before, After: r.After, Created: now,
			})
		}
	}
	return out
}

// carriedDoc makes the stored document of a carried annotation, prepared
// and checked exactly as the protocol prepares one a client sends, with
// the creator of the annotation it copies.
func carriedDoc(m annotation.Annotation, from store.Doc, now time.Time) (store.Doc, bool) {
	body, err := annotation.MarshalAnnotation(m)
	if err != nil {
		return store.Doc{}, false
	}
	p, err := protocol.Prepare(body, carriedIRI, protocol.CreatorOf(from.JSON), false, now)
	if err != nil {
		return store.Doc{}, false
	}
	story := p.StoryID
	if story == "" {
		story = from.StoryID
	}
	return store.Doc{Project: from.Project, ID: carriedDocID(from.ID, m.Revision), JSON: p.JSON, StoryID: story}, true
}

// carriedDocID is the server id of doc id's copy on revision revisionID:
// annotation.CarriedID, as the app names the copies it carries, so that a
// reader whose editor is open on the annotation while the capture arrives
// follows it onto the copy (tester 5, bug 12) and goes on typing there.
func carriedDocID(id, revisionID string) string {
	return strings.TrimPrefix(annotation.CarriedID("urn:uuid:"+id, revisionID), "urn:uuid:")
}

// revisionOf is the id of the revision an annotation was made on.
func revisionOf(a annotation.Annotation, d store.Doc, revisions []store.RevisionRec) string {
	if a.Revision != "" {
		return a.Revision
	}
	if len(revisions) == 0 {
		return ""
	}
	id := revisions[0].ID
	for _, r := range revisions[1:] {
		if r.Added.After(d.Created) {
			break
		}
		id = r.ID
	}
	return id
}

func kindOf(a annotation.Annotation) annotation.Kind {
	if a.Kind == "" {
		return annotation.KindNote
	}
	return a.Kind
}
