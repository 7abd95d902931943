package api

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

type projectJSON struct {
	Slug  string     `json:"slug"`
	Title string     `json:"title,omitempty"`
	Role  store.Role `json:"role,omitempty"`
}

type memberJSON struct {
	User string     `json:"user"`
	Role store.Role `json:"role"`
}

func (h *Handler) listProjects(w http.ResponseWriter, r *http.Request) {
	err := h.signedIn(r)
	var ms []store.Member
	if err == nil {
		ms, err = h.store.Projects(r.Context(), auth.From(r.Context()).User)
	}
	out := []projectJSON{}
	for _, m := range ms {
		if err != nil {
			break
		}
		var p store.Project
		p, err = h.store.Project(r.Context(), m.Project)
		out = append(out, projectJSON{Slug: m.Project, Title: p.Title, Role: m.Role})
	}
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	reply(w, http.StatusOK, map[string]any{"projects": out})
}

// createProject lets any signed-in user start a project, of which they
// become the admin.
func (h *Handler) createProject(w http.ResponseWriter, r *http.Request) {
	var in projectJSON
	err := h.signedIn(r)
	if err == nil {
		err = h.decode(w, r, &in)
	}
	if err == nil && auth.ValidSlug(in.Slug) != nil {
		err = badRequest("%v", auth.ValidSlug(in.Slug))
	}
	if err == nil && in.Role != "" {
		err = badRequest("role: the creator of a project is its admin")
	}
	if err == nil {
		err = h.store.CreateProject(r.Context(), store.Project{Slug: in.Slug, Title: in.Title, Created: h.opt.Now().UTC()}, auth.From(r.Context()).User)
		if errors.Is(err, store.ErrConflict) {
			err = httperr.New(http.StatusConflict, "a project with this slug exists")
		}
	}
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	in.Role = store.RoleAdmin
	reply(w, http.StatusCreated, in)
}

func (h *Handler) signedIn(r *http.Request) error {
	if auth.From(r.Context()).User == "" {
		return auth.ErrUnauthenticated
	}
	return nil
}

func (h *Handler) getProject(w http.ResponseWriter, r *http.Request, project string) error {
	p, err := h.store.Project(r.Context(), project)
	if err != nil {
		return err
	}
	role, err := h.auth.Require(r.Context(), project, store.RoleViewer)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, projectJSON{Slug: p.Slug, Title: p.Title, Role: role})
}

func (h *Handler) listMembers(w http.ResponseWriter, r *http.Request, project string) error {
	ms, err := h.store.Members(r.Context(), project)
	if err != nil {
		return err
	}
	out := []memberJSON{}
	for _, m := range ms {
		out = append(out, memberJSON{User: m.User, Role: m.Role})
	}
	return reply(w, http.StatusOK, map[string]any{"members": out})
}

func (h *Handler) setMember(w http.ResponseWriter, r *http.Request, project string) error {
	var in struct {
		Role store.Role `json:"role"`
	}
	if err := h.decode(w, r, &in); err != nil {
		return err
	}
	if !slices.Contains(store.Roles, in.Role) {
		return badRequest("role must be one of %v", store.Roles)
	}
	user := r.PathValue("user")
	if in.Role != store.RoleAdmin {
		if err := h.keepAnAdmin(r, project, user); err != nil {
			return err
		}
	}
	err := h.store.SetMember(r.Context(), auth.Actor(r.Context(), "", ""), store.Member{Project: project, User: user, Role: in.Role})
	if errors.Is(err, store.ErrNotFound) {
		return httperr.New(http.StatusUnprocessableEntity, fmt.Sprintf("no user %q", user))
	}
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, memberJSON{User: user, Role: in.Role})
}

func (h *Handler) removeMember(w http.ResponseWriter, r *http.Request, project string) error {
	user := r.PathValue("user")
	if err := h.keepAnAdmin(r, project, user); err != nil {
		return err
	}
	if err := h.store.RemoveMember(r.Context(), auth.Actor(r.Context(), "", ""), project, user); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// keepAnAdmin refuses to demote or remove the project's last admin: a
// project nobody can manage could never be repaired through the API.
func (h *Handler) keepAnAdmin(r *http.Request, project, user string) error {
	ms, err := h.store.Members(r.Context(), project)
	if err != nil {
		return err
	}
	admins, isAdmin := 0, false
	for _, m := range ms {
		if m.Role == store.RoleAdmin {
			admins++
			isAdmin = isAdmin || m.User == user
		}
	}
	if isAdmin && admins == 1 {
		return httperr.New(http.StatusConflict, "the project's last admin cannot be removed or demoted")
	}
	return nil
}
