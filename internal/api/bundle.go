package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// Importer is a store that creates a story with its revisions and
// annotations in one transaction (*sqlstore.DB is one).
type Importer interface {
	ImportStory(ctx context.Context, a store.Actor, s store.StoryRec, revs []store.RevisionRec, docs []store.Doc) (store.StoryRec, []store.RevisionRec, []store.Doc, error)
}

// bundleIn is a new story with the revisions and annotations it brings
// ("Share with…" moves a whole local story into a project).
type bundleIn struct {
	storyIn
	Revisions   []revisionIn   `json:"revisions"`
	Annotations []annotationIn `json:"annotations"`
}

type annotationIn struct {
	ID         string          `json:"id"` // "" = a new UUID
	Annotation json.RawMessage `json:"annotation"`
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

// records checks a bundle and makes its records, every problem of its
// annotations listed.
func (in bundleIn) records(r *http.Request, project, user string, h *Handler) (store.StoryRec, []store.RevisionRec, []store.Doc, error) {
	now := h.opt.Now()
	s, err := in.record(project, now)
	if err != nil {
		return s, nil, nil, err
	}
	var revs []store.RevisionRec
	for i, v := range in.Revisions {
		rec, err := v.record(project, s.ID, now)
		if err != nil {
			return s, nil, nil, badRequest("revisions[%d]: %v", i, err)
		}
		revs = append(revs, rec)
	}
	var docs []store.Doc
	for i, a := range in.Annotations {
		if a.ID == "" {
			a.ID = protocol.NewID()
		}
		if err := auth.ValidSlug(a.ID); err != nil {
			return s, nil, nil, badRequest("annotations[%d].id: %v", i, err)
		}
		prep, err := protocol.Prepare(a.Annotation, protocol.ContainerIRI(r, project)+a.ID, protocol.Person(user), false, now)
		if err != nil {
			return s, nil, nil, prefixed(fmt.Sprintf("annotations[%d]", i), err)
		}
		if prep.StoryID != s.ID {
			return s, nil, nil, badRequest("annotations[%d]: its target is not this story (urn:redline:story:%s)", i, s.ID)
		}
		docs = append(docs, store.Doc{Project: project, ID: a.ID, JSON: prep.JSON, StoryID: prep.StoryID})
	}
	return s, revs, docs, nil
}

// prefixed puts where a bad annotation sits in the request before its
// problems' paths.
func prefixed(at string, err error) error {
	e, ok := err.(*httperr.Error)
	if !ok {
		return err
	}
	out := *e
	out.Message = at + ": " + e.Message
	out.Problems = nil
	for _, p := range e.Problems {
		p.Path = at + ".annotation" + p.Path[1:]
		out.Problems = append(out.Problems, p)
	}
	return &out
}
