package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// pushIn is a batch of changes from one device.
type pushIn struct {
	Device  string     `json:"device"`
	Changes []changeIn `json:"changes"`
}

// changeIn is one change: put or delete one story, revision or annotation.
type changeIn struct {
	ChangeID   string          `json:"changeId"` // the client's id for this change: a retry applies once
	Kind       string          `json:"kind"`     // story, revision, annotation
	Op         string          `json:"op"`       // put, delete
	ID         string          `json:"id"`       // the record's id
	BaseSeq    int64           `json:"baseSeq"`  // the seq the change is based on; 0 creates
	StoryID    string          `json:"storyId"`  // a revision's story
	Story      *storyIn        `json:"story"`
	Revision   *revisionIn     `json:"revision"`
	Annotation json.RawMessage `json:"annotation"` // W3C JSON-LD
	// KeepAnnotations: a revision delete takes the revision only (a
	// replica deletes the annotations it knows on it in the same push).
	KeepAnnotations bool `json:"keepAnnotations"`
}

// Push result statuses.
const (
	statusApplied  = "applied"
	statusReplayed = "replayed" // this change id was applied before; nothing written again
	statusConflict = "conflict" // baseSeq is not the record's seq (or the id is taken): current holds what is stored
	statusGone     = "gone"
	statusNotFound = "notfound"
	statusInvalid  = "invalid"
)

type resultOut struct {
	ChangeID string       `json:"changeId"`
	Status   string       `json:"status"`
	Seq      int64        `json:"seq,omitempty"`
	Error    string       `json:"error,omitempty"`
	Problems []problemOut `json:"problems,omitempty"`
	Current  *changeJSON  `json:"current,omitempty"`
}

type problemOut struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

const maxChangeID = 128

// push applies a batch of changes in order, each in its own transaction,
// and says what became of each. A change that cannot apply (conflict,
// invalid, gone) does not stop the others.
func (h *Handler) push(w http.ResponseWriter, r *http.Request, project string) error {
	var in pushIn
	if err := h.decode(w, r, &in); err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	out := struct {
		Results []resultOut `json:"results"`
	}{Results: []resultOut{}}
	for _, c := range in.Changes {
		res, err := h.apply(r, project, in.Device, c)
		if err != nil {
			return err
		}
		out.Results = append(out.Results, res)
	}
	return reply(w, http.StatusOK, out)
}

// check refuses a malformed batch before anything is applied.
func (in pushIn) check() error {
	if len(in.Changes) > MaxPush {
		return badRequest("at most %d changes per push", MaxPush)
	}
	if len(in.Device) > maxChangeID {
		return badRequest("device: longer than %d bytes", maxChangeID)
	}
	seen := map[string]bool{}
	for i, c := range in.Changes {
		switch {
		case c.ChangeID == "" || len(c.ChangeID) > maxChangeID:
			return badRequest("changes[%d].changeId: 1 to %d bytes", i, maxChangeID)
		case seen[c.ChangeID]:
			return badRequest("changes[%d].changeId: %q appears twice", i, c.ChangeID)
		case c.Op != "put" && c.Op != "delete":
			return badRequest("changes[%d].op: put or delete", i)
		case c.Kind != store.KindStory && c.Kind != store.KindRevision && c.Kind != store.KindAnnotation:
			return badRequest("changes[%d].kind: story, revision or annotation", i)
		case c.BaseSeq < 0:
			return badRequest("changes[%d].baseSeq: negative", i)
		}
		seen[c.ChangeID] = true
	}
	return nil
}

// apply applies one change; the error is for failures of the server, not
// of the change.
func (h *Handler) apply(r *http.Request, project, device string, c changeIn) (resultOut, error) {
	if err := auth.ValidSlug(c.ID); err != nil {
		return h.outcome(r, project, c, 0, nil, badRequest("id: %v", err))
	}
	ctx := r.Context()
	actor := auth.Actor(ctx, device, c.ChangeID)
	switch c.Kind + " " + c.Op {
	case "story put":
		seq, current, err := h.putStory(ctx, actor, project, c)
		return h.outcome(r, project, c, seq, current, err)
	case "story delete":
		seq, err := h.store.DeleteStory(ctx, actor, project, c.ID, c.BaseSeq)
		return h.outcome(r, project, c, seq, nil, err)
	case "revision put":
		seq, current, err := h.putRevision(ctx, actor, project, c)
		return h.outcome(r, project, c, seq, current, err)
	case "annotation put":
		seq, current, err := h.putAnnotation(ctx, r, actor, project, c)
		return h.outcome(r, project, c, seq, current, err)
	case "revision delete":
		// With keepAnnotations, not the documents on it: the replica
		// deletes the annotations it knows of in the same push, and one it
		// has not seen (made on another device against the delete) is
		// kept, for the replicas to move onto a revision the story has.
		onRevision := protocol.OnRevision(c.ID)
		if c.KeepAnnotations {
			onRevision = nil
		}
		seq, err := h.deleteRevision(ctx, actor, project, c.StoryID, c.ID, c.BaseSeq, onRevision)
		return h.outcome(r, project, c, seq, nil, err)
	case "annotation delete":
		d, err := h.store.DeleteDoc(ctx, actor, project, c.ID, c.BaseSeq)
		return h.outcome(r, project, c, d.Seq, docChange(r, d), err)
	}
	return resultOut{}, fmt.Errorf("push: no case for %s %s", c.Kind, c.Op) // check refuses others
}

// outcome is the result of one change from what the store said.
func (h *Handler) outcome(r *http.Request, project string, c changeIn, seq int64, current *changeJSON, err error) (resultOut, error) {
	res := resultOut{ChangeID: c.ChangeID}
	switch {
	case err == nil:
		res.Status, res.Seq = statusApplied, seq
		return res, nil
	case errors.Is(err, store.ErrReplayed):
		res.Status, res.Seq, res.Current = statusReplayed, seq, current
		return res, nil
	case errors.Is(err, store.ErrConflict):
		res.Status, res.Current = statusConflict, h.currentOf(r, project, c)
	case errors.Is(err, store.ErrGone):
		res.Status, res.Current = statusGone, h.currentOf(r, project, c) // the tombstone: who deleted it, and when
	case errors.Is(err, store.ErrNotFound):
		res.Status = statusNotFound
	case httperr.Status(err) == http.StatusBadRequest:
		res.Status = statusInvalid
		var e *httperr.Error
		if errors.As(err, &e) {
			for _, p := range e.Problems {
				res.Problems = append(res.Problems, problemOut{p.Path, p.Message})
			}
		}
	default:
		return res, err
	}
	res.Error = err.Error()
	return res, nil
}

func (h *Handler) putStory(ctx context.Context, a store.Actor, project string, c changeIn) (int64, *changeJSON, error) {
	if c.Story == nil {
		return 0, nil, badRequest("story: required")
	}
	in := *c.Story
	if in.ID != "" && in.ID != c.ID {
		return 0, nil, badRequest("story.id: differs from id")
	}
	in.ID = c.ID
	rec, err := in.record(project, h.opt.Now())
	if err != nil {
		return 0, nil, err
	}
	if c.BaseSeq > 0 {
		current, err := h.store.Story(ctx, project, c.ID)
		if err != nil {
			return 0, nil, err
		}
		current.Title, current.Source = rec.Title, rec.Source
		rec = current
	}
	s, err := h.store.PutStory(ctx, a, rec, c.BaseSeq)
	out := storyOut(s)
	return s.Seq, &changeJSON{Seq: s.Seq, Kind: store.KindStory, ID: s.ID, Story: &out}, err
}

func (h *Handler) putRevision(ctx context.Context, a store.Actor, project string, c changeIn) (int64, *changeJSON, error) {
	if c.Revision == nil {
		return 0, nil, badRequest("revision: required")
	}
	in := *c.Revision
	if in.ID != "" && in.ID != c.ID {
		return 0, nil, badRequest("revision.id: differs from id")
	}
	in.ID = c.ID
	if auth.ValidSlug(c.StoryID) != nil {
		return 0, nil, badRequest("storyId: %v", auth.ValidSlug(c.StoryID))
	}
	rec, err := in.record(project, c.StoryID, h.opt.Now())
	if err != nil {
		return 0, nil, err
	}
	v, err := h.store.AddRevision(ctx, a, rec)
	out := revisionOut(v)
	return v.Seq, &changeJSON{Seq: v.Seq, Kind: store.KindRevision, ID: v.ID, Revision: &out}, err
}

func (h *Handler) putAnnotation(ctx context.Context, r *http.Request, a store.Actor, project string, c changeIn) (int64, *changeJSON, error) {
	if len(c.Annotation) == 0 {
		return 0, nil, badRequest("annotation: required")
	}
	creator := any(protocol.Person(a.User))
	doc := store.Doc{Project: project, ID: c.ID}
	if c.BaseSeq > 0 {
		current, err := h.store.Doc(ctx, project, c.ID)
		if err != nil {
			return 0, nil, err
		}
		creator, doc = protocol.CreatorOf(current.JSON), current
	}
	// Not "replacing" for Prepare: the app's own id (urn:uuid:…) is kept
	// as via on every write, not refused.
	prep, err := protocol.Prepare(c.Annotation, protocol.ContainerIRI(r, project)+c.ID, creator, false, h.opt.Now())
	if err != nil {
		return 0, nil, err
	}
	doc.JSON, doc.StoryID = prep.JSON, prep.StoryID
	d, err := h.store.PutDoc(ctx, a, doc, c.BaseSeq)
	return d.Seq, docChange(r, d), err
}

func docChange(r *http.Request, d store.Doc) *changeJSON {
	if d.ID == "" {
		return nil
	}
	out := annotationOut(r, d)
	return &changeJSON{Seq: d.Seq, Kind: store.KindAnnotation, ID: d.ID, Deleted: d.Deleted, Annotation: &out}
}

// currentOf is what is stored for a change that conflicted, for the
// client to merge with.
func (h *Handler) currentOf(r *http.Request, project string, c changeIn) *changeJSON {
	ctx := r.Context()
	switch c.Kind {
	case store.KindStory:
		if s, err := h.store.Story(ctx, project, c.ID); err == nil || errors.Is(err, store.ErrGone) {
			out := storyOut(s)
			return &changeJSON{Seq: s.Seq, Kind: c.Kind, ID: s.ID, Deleted: s.Deleted, Story: &out}
		}
	case store.KindRevision:
		revs, _ := h.store.Revisions(ctx, project, c.StoryID)
		for _, v := range revs {
			if v.ID == c.ID {
				out := revisionOut(v)
				return &changeJSON{Seq: v.Seq, Kind: c.Kind, ID: v.ID, Revision: &out}
			}
		}
	case store.KindAnnotation:
		if d, err := h.store.Doc(ctx, project, c.ID); err == nil || errors.Is(err, store.ErrGone) {
			return docChange(r, d)
		}
	}
	return nil
}
