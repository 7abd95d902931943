package protocol

import (
	"errors"
	"net/http"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

// Errors of conditional requests.
var (
	errNoIfMatch = httperr.New(http.StatusPreconditionRequired, "send If-Match with the ETag you last read (a replacement without it could overwrite someone else's change)")
	errStale     = httperr.New(http.StatusPreconditionFailed, "the annotation changed since you read it (If-Match does not match its ETag): read it again")
)

func (h *Handler) annotation(w http.ResponseWriter, r *http.Request) {
	project, id := r.PathValue("project"), r.PathValue("id")
	commonHeaders(w, annotationAllow)
	if preflight(w, r) {
		return
	}
	need := store.RoleEditor
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		need = store.RoleViewer
	case http.MethodPut, http.MethodDelete:
	default:
		methodNotAllowed(w, r, annotationAllow)
		return
	}
	if err := h.access(r, project, need); err != nil {
		httperr.Write(w, r, err)
		return
	}
	if auth.ValidSlug(id) != nil {
		httperr.Write(w, r, store.ErrNotFound)
		return
	}
	if isRead(r) && !acceptable(r) {
		httperr.Write(w, r, httperr.New(http.StatusNotAcceptable, "annotations are served as "+ContentType))
		return
	}
	current, err := h.store.Doc(r.Context(), project, id)
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	container := containerIRI(r, project)
	switch r.Method {
	case http.MethodPut:
		err = h.replace(w, r, container, current)
	case http.MethodDelete:
		err = h.delete(w, r, current)
	default:
		if !notModifiedDoc(w, r, current) {
			h.sendDoc(w, r, container, current, http.StatusOK)
		}
	}
	if err != nil {
		httperr.Write(w, r, err)
	}
}

// checkIfMatch applies If-Match to the stored annotation; required says
// whether a request without it is refused (428).
func checkIfMatch(r *http.Request, current store.Doc, required bool) error {
	list := tags(r, "If-Match")
	if len(list) == 0 {
		if required {
			return errNoIfMatch
		}
		return nil
	}
	if !matches(list, docETag(current), false) {
		return errStale
	}
	return nil
}

func (h *Handler) replace(w http.ResponseWriter, r *http.Request, container string, current store.Doc) error {
	if err := checkIfMatch(r, current, true); err != nil {
		return err
	}
	body, err := h.readBody(w, r)
	if err != nil {
		return err
	}
	prep, err := Prepare(body, container+current.ID, CreatorOf(current.JSON), true, h.opt.Now())
	if err != nil {
		return err
	}
	current.JSON, current.StoryID = prep.JSON, prep.StoryID
	d, err := h.store.PutDoc(r.Context(), auth.Actor(r.Context(), "", ""), current, current.Seq)
	if errors.Is(err, store.ErrConflict) {
		return errStale // written by someone else between our read and our write
	}
	if err != nil {
		return err
	}
	h.sendDoc(w, r, container, d, http.StatusOK)
	return nil
}

func (h *Handler) delete(w http.ResponseWriter, r *http.Request, current store.Doc) error {
	if err := checkIfMatch(r, current, false); err != nil {
		return err
	}
	_, err := h.store.DeleteDoc(r.Context(), auth.Actor(r.Context(), "", ""), current.Project, current.ID, current.Seq)
	if errors.Is(err, store.ErrConflict) {
		return errStale
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func docETag(d store.Doc) string { return etag(d.Seq, "") }

func notModifiedDoc(w http.ResponseWriter, r *http.Request, d store.Doc) bool {
	setDocHeaders(w, d)
	return notModified(w, r, docETag(d))
}

func setDocHeaders(w http.ResponseWriter, d store.Doc) {
	hd := w.Header()
	hd.Set("Link", `<`+ldpResource+`>; rel="type"`)
	hd.Set("Allow", annotationAllow)
	hd.Set("Vary", "Accept")
	hd.Set("ETag", docETag(d))
}

// sendDoc answers with an annotation and its headers.
func (h *Handler) sendDoc(w http.ResponseWriter, r *http.Request, container string, d store.Doc, status int) {
	setDocHeaders(w, d)
	w.Header().Set("Content-Location", container+d.ID)
	send(w, r, status, WithID(d.JSON, container+d.ID))
}
