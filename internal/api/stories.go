package api

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// storyIn is a story as a client sends it.
type storyIn struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Created time.Time `json:"created"`
	Source  string    `json:"source"`
}

// revisionIn is a revision as a client sends it.
type revisionIn struct {
	ID      string    `json:"id"`
	Date    string    `json:"date"`
	Title   string    `json:"title"`
	Text    string    `json:"text"`
	Added   time.Time `json:"added"`
	Source  string    `json:"source"`
	Undated bool      `json:"undated"`
	Byline  string    `json:"byline"`
}

// keyedID is the id a story created under an Idempotency-Key gets when the
// client names none: a UUID made from the project, the user and the key,
// so that every retry names the same story.
func keyedID(project, user, key string) string {
	sum := sha256.Sum256([]byte(project + "\x00" + user + "\x00" + key))
	sum[6] = sum[6]&0x0f | 0x50 // a name-based UUID (version 5 layout)
	sum[8] = sum[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

// record checks a story a client sent and makes it a record of project.
func (in storyIn) record(project string, now time.Time) (store.StoryRec, error) {
	if in.ID == "" {
		in.ID = protocol.NewID()
	}
	if err := auth.ValidSlug(in.ID); err != nil {
		return store.StoryRec{}, badRequest("story id: %v", err)
	}
	if in.Created.IsZero() {
		in.Created = now
	}
	created := in.Created.UTC().Truncate(time.Second) // as stored
	return store.StoryRec{Project: project, Story: annotation.Story{ID: in.ID, Title: in.Title, Created: created}, Source: in.Source}, nil
}

// record checks a revision a client sent and makes it a record of a story.
func (in revisionIn) record(project, storyID string, now time.Time) (store.RevisionRec, error) {
	if in.ID == "" {
		in.ID = protocol.NewID()
	}
	if err := auth.ValidSlug(in.ID); err != nil {
		return store.RevisionRec{}, badRequest("revision id: %v", err)
	}
	if strings.TrimSpace(in.Text) == "" {
		return store.RevisionRec{}, badRequest("revision text: empty")
	}
	if in.Added.IsZero() {
		in.Added = now
	}
	return store.RevisionRec{Project: project, Source: in.Source, Revision: annotation.Revision{
		ID: in.ID, StoryID: storyID, Date: in.Date, Title: in.Title, Text: in.Text, Added: in.Added.UTC().Truncate(time.Second),
		Undated: in.Undated, Byline: in.Byline}}, nil
}

func (h *Handler) listStories(w http.ResponseWriter, r *http.Request, project string) error {
	ss, err := h.store.Stories(r.Context(), project)
	if err != nil {
		return err
	}
	out := []storyJSON{}
	for _, s := range ss {
		out = append(out, storyOut(s))
	}
	return reply(w, http.StatusOK, map[string]any{"stories": out})
}

// createStory creates a story, alone or as a bundle with its revisions
// and annotations (all stored or none). With an Idempotency-Key, a retry
// creates nothing and answers what the first request stored.
func (h *Handler) createStory(w http.ResponseWriter, r *http.Request, project string) error {
	var body createIn
	if err := h.decode(w, r, &body); err != nil {
		return err
	}
	actor := auth.Actor(r.Context(), "", r.Header.Get("Idempotency-Key"))
	if body.isBundle() {
		return h.importBundle(w, r, project, actor, body)
	}
	in := body.storyIn
	if in.ID == "" && actor.ChangeID != "" {
		// A retry must name the same story, or its replay could not be found.
		in.ID = keyedID(project, actor.User, actor.ChangeID)
	}
	rec, err := in.record(project, h.opt.Now())
	if err != nil {
		return err
	}
	status := http.StatusCreated
	s, err := h.store.PutStory(r.Context(), actor, rec, 0)
	if errors.Is(err, store.ErrReplayed) {
		status, err = http.StatusOK, nil
	}
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/projects/"+project+"/stories/"+s.ID)
	return reply(w, status, storyOut(s))
}

// getStory answers a story together with its revisions and annotations.
func (h *Handler) getStory(w http.ResponseWriter, r *http.Request, project string) error {
	id := r.PathValue("story")
	s, err := h.store.Story(r.Context(), project, id)
	if err != nil {
		return err
	}
	revs, err := h.store.Revisions(r.Context(), project, id)
	if err != nil {
		return err
	}
	docs, err := h.store.Docs(r.Context(), project, store.DocQuery{StoryID: id})
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, newBundleOut(r, s, revs, docs.Docs))
}

// updateStory changes a story's title and source; If-Match (the seq read)
// is required so that nobody overwrites a change they have not seen.
func (h *Handler) updateStory(w http.ResponseWriter, r *http.Request, project string) error {
	seq, err := ifSeq(r)
	if err != nil {
		return err
	}
	if seq == 0 {
		return errNoIfMatch
	}
	var in storyIn
	if err := h.decode(w, r, &in); err != nil {
		return err
	}
	id := r.PathValue("story")
	if in.ID != "" && in.ID != id {
		return badRequest("id: %q is not the story of this URL", in.ID)
	}
	current, err := h.store.Story(r.Context(), project, id)
	if err != nil {
		return err
	}
	current.Title, current.Source = in.Title, in.Source
	s, err := h.store.PutStory(r.Context(), auth.Actor(r.Context(), "", ""), current, seq)
	if err != nil {
		return stale(err)
	}
	return reply(w, http.StatusOK, storyOut(s))
}

// deleteStory tombstones a story with its revisions and annotations.
func (h *Handler) deleteStory(w http.ResponseWriter, r *http.Request, project string) error {
	seq, err := ifSeq(r)
	if err != nil {
		return err
	}
	if _, err := h.store.DeleteStory(r.Context(), auth.Actor(r.Context(), "", ""), project, r.PathValue("story"), seq); err != nil {
		return stale(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) listRevisions(w http.ResponseWriter, r *http.Request, project string) error {
	revs, err := h.store.Revisions(r.Context(), project, r.PathValue("story"))
	if err != nil {
		return err
	}
	out := []revisionJSON{}
	for _, v := range revs {
		out = append(out, revisionOut(v))
	}
	return reply(w, http.StatusOK, map[string]any{"revisions": out})
}

func (h *Handler) addRevision(w http.ResponseWriter, r *http.Request, project string) error {
	var in revisionIn
	if err := h.decode(w, r, &in); err != nil {
		return err
	}
	rec, err := in.record(project, r.PathValue("story"), h.opt.Now())
	if err != nil {
		return err
	}
	v, err := h.store.AddRevision(r.Context(), auth.Actor(r.Context(), "", ""), rec)
	if err != nil {
		return err
	}
	return reply(w, http.StatusCreated, revisionOut(v))
}

// deleteRevision tombstones a story's latest revision with the
// annotations made on it that onRevision claims (never its only
// revision: delete the story).
func (h *Handler) deleteRevision(ctx context.Context, a store.Actor, project, storyID, id string, ifSeq int64, onRevision func(doc []byte) bool) (int64, error) {
	if err := auth.ValidSlug(storyID); err != nil {
		return 0, badRequest("storyId: %v", err)
	}
	return h.store.DeleteRevision(ctx, a, project, storyID, id, ifSeq, onRevision)
}

// deleteRevisionReq is DELETE …/revisions/ID [If-Match: SEQ].
func (h *Handler) deleteRevisionReq(w http.ResponseWriter, r *http.Request, project string) error {
	seq, err := ifSeq(r)
	if err != nil {
		return err
	}
	_, err = h.deleteRevision(r.Context(), auth.Actor(r.Context(), "", r.Header.Get("Idempotency-Key")), project, r.PathValue("story"), r.PathValue("revision"), seq, protocol.OnRevision(r.PathValue("revision")))
	if err != nil && !errors.Is(err, store.ErrReplayed) {
		return stale(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) listAnnotations(w http.ResponseWriter, r *http.Request, project string) error {
	id := r.PathValue("story")
	if _, err := h.store.Story(r.Context(), project, id); err != nil {
		return err
	}
	docs, err := h.store.Docs(r.Context(), project, store.DocQuery{StoryID: id})
	if err != nil {
		return err
	}
	out := []annotationJSON{}
	for _, d := range docs.Docs {
		out = append(out, annotationOut(r, d))
	}
	return reply(w, http.StatusOK, map[string]any{"annotations": out})
}

type historyJSON struct {
	Seq        int64           `json:"seq"`
	BaseSeq    int64           `json:"baseSeq"`
	Deleted    bool            `json:"deleted,omitempty"`
	By         string          `json:"by"`
	Device     string          `json:"device,omitempty"`
	ChangeID   string          `json:"changeId,omitempty"`
	At         time.Time       `json:"at"`
	Annotation json.RawMessage `json:"annotation,omitempty"`
}

func (h *Handler) history(w http.ResponseWriter, r *http.Request, project string) error {
	id := r.PathValue("id")
	revs, err := h.store.DocHistory(r.Context(), project, id)
	if err != nil {
		return err
	}
	iri := protocol.ContainerIRI(r, project) + id
	out := []historyJSON{}
	for _, v := range revs {
		e := historyJSON{Seq: v.Seq, BaseSeq: v.BaseSeq, Deleted: v.Deleted, By: v.By, Device: v.Device, ChangeID: v.ChangeID, At: v.At.UTC()}
		if len(v.JSON) > 0 {
			e.Annotation = protocol.WithID(v.JSON, iri)
		}
		out = append(out, e)
	}
	return reply(w, http.StatusOK, map[string]any{"history": out})
}
