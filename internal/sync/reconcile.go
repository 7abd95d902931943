package sync

import (
	"encoding/json"
	"slices"
	"time"
)

// serverOwned are annotation fields the server sets itself (creator is
// the user it authenticated, via the id the client gave): what we sent
// there is not an edit.
var serverOwned = []string{"Creator", "Via"}

// edited says f differs from base in what rec shares with the server,
// other than in server-owned fields.
func (r Record) edited(f, base Fields) bool {
	return !r.shared(f).without(serverOwned...).Equal(r.shared(base).without(serverOwned...))
}

// reconcile brings the server's state of rec (theirs, at seq, written by
// who) into rec,
// given the base both sides started from, and queues what is left to
// send. Nothing local is dropped: an edit against a delete keeps the
// edit (an annotation moves to a new id, since ids are never reused),
// a delete against an edit keeps the edit, and a field edited on both
// sides keeps both values (Merge3).
func (r *Replica) reconcile(b *Batch, rec Record, base Fields, baseDeleted bool, theirs Fields, theirsDeleted bool, seq int64, who Author) {
	ours, oursDeleted, oursBase := rec.Fields, rec.Deleted, rec.BaseSeq
	rec.Base, rec.BaseDeleted, rec.BaseSeq = theirs, theirsDeleted, seq
	switch {
	case theirsDeleted && (oursDeleted || !rec.edited(ours, base) && !baseDeleted):
		rec.Fields, rec.Deleted = nil, true
	case theirsDeleted && rec.Kind != KindAnnotation:
		// Stories and revisions are named by others: the edited one
		// stays here, marked, without going back to the server.
		rec.Fields = markDeletedElsewhere(ours, who)
		r.settle(b, rec, false)
		return
	case theirsDeleted:
		// Ids are never reused: the edited annotation is created again
		// under a new id, marked, so that every replica gets it.
		rec.Fields, rec.Deleted = nil, true
		r.queue(b, r.keepOnLiveRevision(b, Record{Kind: rec.Kind, ID: newChangeID(), Fields: markDeletedElsewhere(ours, who)}))
	case oursDeleted && !baseDeleted && !rec.edited(theirs, base):
		// our delete stands; it goes with the new base
	case oursDeleted:
		rec.Fields, rec.Deleted = markDeletedElsewhere(theirs, Author{By: r.user}), false // deleted here: by this replica's user
	case rec.Kind == KindRevision:
		// Revisions never change, and one id is one content (the hash
		// of story and text when the same file is added on two
		// devices): the server's copy, added first, is the revision.
		rec.Fields = theirs
	default:
		rec.Fields = Merge3(base, serverOwnedFrom(ours, theirs), theirs)
		nameHeads(rec.Fields, Conflict{TheirsSeq: seq, OursBase: oursBase, Device: r.device,
			TheirsBy: who, OursBy: Author{By: r.user, At: modifiedOf(ours)}})
	}
	r.settle(b, rec, !rec.synced())
	if rec.Kind == KindRevision && rec.Deleted {
		r.rehome(b, rec.ID)
	}
}

// markDeletedElsewhere marks f deleted elsewhere by who: the mark is
// who (an Author object), or true when who is not known.
func markDeletedElsewhere(f Fields, who Author) Fields {
	f = f.without()
	if f == nil {
		f = Fields{}
	}
	f[fieldDeletedElsewhere] = json.RawMessage("true")
	if who != (Author{}) {
		f[fieldDeletedElsewhere], _ = json.Marshal(who) // an Author always encodes
	}
	return f
}

// settle stores rec in b and makes the outbox agree: an unsent entry if
// it is to be sent; else none, and no failed one either (the server has
// what the record holds now).
func (r *Replica) settle(b *Batch, rec Record, send bool) {
	if send {
		r.queue(b, rec)
		return
	}
	b.Records = append(b.Records, rec)
	for _, e := range r.outbox {
		if e.Kind == rec.Kind && e.ID == rec.ID && (!e.Sent || e.Failed != "") && !slices.Contains(b.Done, e.ChangeID) {
			b.Done = append(b.Done, e.ChangeID)
		}
	}
}

// serverOwnedFrom is ours with the server-owned fields as theirs has
// them: the server sets those, so they are never ours to conflict on (a
// carried copy made on two devices has the creator who sent it first).
func serverOwnedFrom(ours, theirs Fields) Fields {
	if ours == nil || theirs == nil {
		return ours
	}
	out := ours.without(serverOwned...)
	for _, k := range serverOwned {
		if v, ok := theirs[k]; ok {
			out[k] = v
		}
	}
	return out
}

// modifiedOf is when f was last edited here, as an annotation says it
// (its Modified field); zero for a record that does not say.
func modifiedOf(f Fields) time.Time {
	var t time.Time
	if raw, ok := f["Modified"]; ok {
		_ = json.Unmarshal(raw, &t) // not a time: not said
	}
	return t
}
