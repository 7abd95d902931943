package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// Importer is a store that creates a story with its revisions and
// annotations in one transaction, all or nothing (*sqlstore.DB is one).
type Importer interface {
	ImportStory(ctx context.Context, a store.Actor, s store.StoryRec, revs []store.RevisionRec, docs []store.Doc) (store.StoryRec, []store.RevisionRec, []store.Doc, error)
}

// createIn is the body of POST …/stories: a story alone (its fields at
// the top) or a bundle in the shape GET …/stories/ID answers, so that a
// story read from one project can be sent to another as it is. What the
// server assigns (seq, createdBy, modified…) is ignored.
type createIn struct {
	storyIn
	Story       *storyJSON        `json:"story"`
	Revisions   *[]revisionJSON   `json:"revisions"`
	Annotations *[]annotationJSON `json:"annotations"`
}

func (in createIn) isBundle() bool {
	return in.Story != nil || in.Revisions != nil || in.Annotations != nil
}

// bundleOut is a story with its revisions and annotations.
type bundleOut struct {
	Story       storyJSON        `json:"story"`
	Revisions   []revisionJSON   `json:"revisions"`
	Annotations []annotationJSON `json:"annotations"`
}

func newBundleOut(r *http.Request, s store.StoryRec, revs []store.RevisionRec, docs []store.Doc) bundleOut {
	out := bundleOut{Story: storyOut(s), Revisions: []revisionJSON{}, Annotations: []annotationJSON{}}
	for _, v := range revs {
		out.Revisions = append(out.Revisions, revisionOut(v))
	}
	for _, d := range docs {
		out.Annotations = append(out.Annotations, annotationOut(r, d))
	}
	return out
}

// bundle checks a bundle and makes its records. Bad input is one 400
// listing every problem of every part, so a client fixes all at once.
func (h *Handler) bundle(r *http.Request, project string, a store.Actor, in createIn) (store.StoryRec, []store.RevisionRec, []store.Doc, error) {
	if in.storyIn != (storyIn{}) {
		return store.StoryRec{}, nil, nil, badRequest(`a bundle has its story under "story", not at the top`)
	}
	if in.Story == nil {
		return store.StoryRec{}, nil, nil, badRequest("story: required in a bundle")
	}
	now := h.opt.Now()
	sIn := storyIn{ID: in.Story.ID, Title: in.Story.Title, Created: in.Story.Created, Source: in.Story.Source}
	if sIn.ID == "" && a.ChangeID != "" {
		sIn.ID = keyedID(project, a.User, a.ChangeID) // a retry names the same story
	}
	s, err := sIn.record(project, now)
	if err != nil {
		return s, nil, nil, err
	}
	var problems []annotation.Problem
	add := func(path, format string, args ...any) {
		problems = append(problems, annotation.Problem{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	var revs []store.RevisionRec
	for i, v := range deref(in.Revisions) {
		at := fmt.Sprintf("$.revisions[%d]", i)
		if v.StoryID != "" && v.StoryID != s.ID {
			add(at+".storyId", "%q is not the story of the bundle (%q)", v.StoryID, s.ID)
		}
		rec, err := revisionIn{ID: v.ID, Date: v.Date, Title: v.Title, Text: v.Text, Added: v.Added, Source: v.Source, Undated: v.Undated, Byline: v.Byline}.record(project, s.ID, now)
		if err != nil {
			add(at, "%v", err)
		}
		revs = append(revs, rec)
	}
	var docs []store.Doc
	seen := map[string]bool{}
	for i, v := range deref(in.Annotations) {
		at := fmt.Sprintf("$.annotations[%d]", i)
		if v.ID == "" {
			v.ID = protocol.NewID()
		}
		if err := auth.ValidSlug(v.ID); err != nil {
			add(at+".id", "%v", err)
			continue
		}
		if seen[v.ID] {
			add(at+".id", "%q appears twice", v.ID)
		}
		seen[v.ID] = true
		prep, err := protocol.Prepare(v.Annotation, protocol.ContainerIRI(r, project)+v.ID, protocol.Person(a.User), false, now)
		if err != nil {
			problems = append(problems, problemsAt(at+".annotation", err)...)
			continue
		}
		if prep.StoryID != s.ID {
			add(at+".annotation.target", "does not target this story (urn:redline:story:%s)", s.ID)
		}
		docs = append(docs, store.Doc{Project: project, ID: v.ID, JSON: prep.JSON, StoryID: prep.StoryID})
	}
	if len(problems) > 0 {
		return s, nil, nil, httperr.New(http.StatusBadRequest, fmt.Sprintf("the bundle has %d problems; nothing was stored", len(problems)), problems...)
	}
	return s, revs, docs, nil
}

// problemsAt lists the problems of one part's error with paths from the
// top of the request ($ of the part becomes at).
func problemsAt(at string, err error) []annotation.Problem {
	e, ok := err.(*httperr.Error)
	if !ok || len(e.Problems) == 0 {
		return []annotation.Problem{{Path: at, Message: err.Error()}}
	}
	out := make([]annotation.Problem, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = annotation.Problem{Path: at + p.Path[min(1, len(p.Path)):], Message: p.Message}
	}
	return out
}

func deref[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

// importBundle creates a bundle in one transaction; with an
// Idempotency-Key a retry answers 200 with what the first stored.
func (h *Handler) importBundle(w http.ResponseWriter, r *http.Request, project string, a store.Actor, in createIn) error {
	imp, ok := h.store.(Importer)
	if !ok {
		return httperr.New(http.StatusNotImplemented, "this server's store cannot import a story with its revisions and annotations; send them one by one")
	}
	s, revs, docs, err := h.bundle(r, project, a, in)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	s, revs, docs, err = imp.ImportStory(r.Context(), a, s, revs, docs)
	if errors.Is(err, store.ErrReplayed) {
		status, err = http.StatusOK, nil
	}
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/projects/"+project+"/stories/"+s.ID)
	return reply(w, status, newBundleOut(r, s, revs, docs))
}
