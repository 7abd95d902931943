package protocol

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

// collection is a container's description.
type collection struct {
	Context []string `json:"@context"`
	ID      string   `json:"id"`
	Type    []string `json:"type"`
	Label   string   `json:"label,omitempty"`
	Total   int      `json:"total"`
	First   any      `json:"first,omitempty"` // a page IRI, or the embedded *page
	Last    string   `json:"last,omitempty"`
}

// page is an AnnotationPage. Embedded in its container it inherits the
// @context.
type page struct {
	Context    string            `json:"@context,omitempty"`
	ID         string            `json:"id"`
	Type       string            `json:"type"`
	PartOf     any               `json:"partOf"`
	StartIndex int               `json:"startIndex"`
	Next       string            `json:"next,omitempty"`
	Prev       string            `json:"prev,omitempty"`
	Items      []json.RawMessage `json:"items"`
}

type partOf struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Total int    `json:"total"`
}

func (h *Handler) container(w http.ResponseWriter, r *http.Request) {
	project := r.PathValue("project")
	commonHeaders(w, containerAllow)
	if preflight(w, r) {
		return
	}
	need := store.RoleViewer
	if r.Method == http.MethodPost {
		need = store.RoleEditor
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPost:
	default:
		methodNotAllowed(w, r, containerAllow)
		return
	}
	if err := h.access(r, project, need); err != nil {
		httperr.Write(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		h.create(w, r, project)
		return
	}
	if !acceptable(r) {
		httperr.Write(w, r, httperr.New(http.StatusNotAcceptable, "this container speaks "+ContentType))
		return
	}
	var err error
	if q := r.URL.Query(); q.Has("page") {
		err = h.page(w, r, project, q.Get("page"), q.Get("iris") == "1")
	} else {
		err = h.collection(w, r, project)
	}
	if err != nil {
		httperr.Write(w, r, err)
	}
}

// collection serves the container itself. By default (and for
// PreferMinimalContainer) first and last are page IRIs, which is what
// the W3C test suite follows; PreferContainedIRIs and
// PreferContainedDescriptions embed the first page.
func (h *Handler) collection(w http.ResponseWriter, r *http.Request, project string) error {
	v, preferred := preferredView(r)
	p, err := h.store.Project(r.Context(), project)
	if err != nil {
		return err
	}
	limit := h.opt.PageSize
	if v == viewMinimal || !preferred {
		limit = 1 // the total is all that is needed
	}
	docs, err := h.store.Docs(r.Context(), project, store.DocQuery{Limit: limit})
	if err != nil {
		return err
	}
	iri := containerIRI(r, project)
	c := collection{
		Context: []string{Profile, ldpContext},
		ID:      iri,
		Type:    []string{"BasicContainer", "AnnotationCollection"},
		Label:   p.Title,
		Total:   docs.Total,
	}
	iris := v == viewIRIs
	embed := preferred && v != viewMinimal
	if pages := h.pages(docs.Total); pages > 0 {
		c.Last = pageIRI(iri, pages-1, iris)
		if embed {
			c.First = h.makePage(iri, docs, 0, iris, true)
		} else {
			c.First = pageIRI(iri, 0, iris)
		}
	}
	body, err := marshal(c)
	if err != nil {
		return err
	}
	hd := w.Header()
	hd.Add("Link", `<`+ldpBasicContainer+`>; rel="type"`)
	hd.Add("Link", `<`+constraints+`>; rel="`+ldpConstrainedBy+`"`)
	hd.Set("Allow", containerAllow)
	hd.Set("Accept-Post", ContentType)
	hd.Set("Vary", "Accept, Prefer")
	hd.Set("Content-Location", iri)
	if preferred {
		hd.Set("Preference-Applied", "return=representation")
	}
	variant := "links" // the default and PreferMinimalContainer are the same document
	if embed {
		variant = map[bool]string{true: "iris", false: "descriptions"}[iris]
	}
	tag := etag(docs.Seq, fmt.Sprintf("-%s-%d", variant, h.opt.PageSize))
	hd.Set("ETag", tag)
	if notModified(w, r, tag) {
		return nil
	}
	send(w, r, http.StatusOK, body)
	return nil
}

// page serves one AnnotationPage (?page=N, from 0).
func (h *Handler) page(w http.ResponseWriter, r *http.Request, project, number string, iris bool) error {
	n, err := strconv.Atoi(number)
	if err != nil || n < 0 || strconv.Itoa(n) != number {
		return store.ErrNotFound
	}
	docs, err := h.store.Docs(r.Context(), project, store.DocQuery{Offset: n * h.opt.PageSize, Limit: h.opt.PageSize})
	if err != nil {
		return err
	}
	if n >= max(1, h.pages(docs.Total)) {
		return store.ErrNotFound
	}
	iri := containerIRI(r, project)
	body, err := marshal(h.makePage(iri, docs, n, iris, false))
	if err != nil {
		return err
	}
	hd := w.Header()
	hd.Set("Allow", pageAllow)
	hd.Set("Vary", "Accept, Prefer")
	hd.Set("Content-Location", pageIRI(iri, n, iris))
	tag := etag(docs.Seq, fmt.Sprintf("-p%d-%d-%t", n, h.opt.PageSize, iris))
	hd.Set("ETag", tag)
	if notModified(w, r, tag) {
		return nil
	}
	send(w, r, http.StatusOK, body)
	return nil
}

// pages is how many pages total annotations fill.
func (h *Handler) pages(total int) int {
	return (total + h.opt.PageSize - 1) / h.opt.PageSize
}

func pageIRI(container string, n int, iris bool) string {
	if iris {
		return container + "?iris=1&page=" + strconv.Itoa(n)
	}
	return container + "?page=" + strconv.Itoa(n)
}

// makePage builds page n from the annotations read for it.
func (h *Handler) makePage(container string, docs store.DocPage, n int, iris, embedded bool) page {
	p := page{
		ID:         pageIRI(container, n, iris),
		Type:       "AnnotationPage",
		PartOf:     partOf{ID: container, Type: "AnnotationCollection", Total: docs.Total},
		StartIndex: n * h.opt.PageSize,
		Items:      []json.RawMessage{},
	}
	if embedded {
		p.PartOf = container
	} else {
		p.Context = Profile
	}
	if n > 0 {
		p.Prev = pageIRI(container, n-1, iris)
	}
	if n+1 < h.pages(docs.Total) {
		p.Next = pageIRI(container, n+1, iris)
	}
	for _, d := range docs.Docs {
		itemIRI := container + d.ID
		if iris {
			q, _ := marshal(itemIRI)
			p.Items = append(p.Items, q)
		} else {
			p.Items = append(p.Items, WithID(d.JSON, itemIRI))
		}
	}
	return p
}

// create stores a POSTed annotation under a new id.
func (h *Handler) create(w http.ResponseWriter, r *http.Request, project string) {
	body, err := h.readBody(w, r)
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	container := containerIRI(r, project)
	user := auth.From(r.Context()).User
	slug := strings.ToLower(strings.TrimSpace(r.Header.Get("Slug")))
	for attempt := 0; ; attempt++ {
		id := slug
		if attempt > 0 || auth.ValidSlug(id) != nil {
			id = NewID()
		}
		prep, err := Prepare(body, container+id, Person(user), false, h.opt.Now())
		if err != nil {
			httperr.Write(w, r, err)
			return
		}
		d, err := h.store.PutDoc(r.Context(), auth.Actor(r.Context(), "", ""),
			store.Doc{Project: project, ID: id, JSON: prep.JSON, StoryID: prep.StoryID}, 0)
		if errors.Is(err, store.ErrConflict) && attempt < 3 {
			continue // the Slug is taken (or, once in 2^122, the UUID): take another
		}
		if err != nil {
			httperr.Write(w, r, err)
			return
		}
		w.Header().Set("Location", container+id)
		h.sendDoc(w, r, container, d, http.StatusCreated)
		return
	}
}

// NewID is a fresh random UUID, which is a valid id in a path.
func NewID() string {
	return strings.TrimPrefix(annotation.NewID(), "urn:uuid:")
}
