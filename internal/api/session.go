package api

import (
	"mime"
	"net/http"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
)

type credentials struct {
	Name     string `json:"name"`
	Username string `json:"username"` // the name password managers fill in
	Password string `json:"password"`
}

type session struct {
	User string `json:"user"`
}

// signIn accepts JSON {"name"|"username", "password"} or a form with
// username and password (the fields the app's sign-in form has).
func (h *Handler) signIn(w http.ResponseWriter, r *http.Request) {
	var c credentials
	var err error
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/x-www-form-urlencoded" {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err = r.ParseForm(); err == nil {
			c = credentials{Username: r.PostForm.Get("username"), Password: r.PostForm.Get("password")}
		}
	} else {
		err = h.decode(w, r, &c)
	}
	if c.Name == "" {
		c.Name = c.Username
	}
	if err == nil {
		err = h.auth.SignIn(w, r, c.Name, c.Password)
	}
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	reply(w, http.StatusOK, session{User: c.Name})
}

func (h *Handler) whoAmI(w http.ResponseWriter, r *http.Request) {
	id := auth.From(r.Context())
	if id.User == "" {
		httperr.Write(w, r, auth.ErrUnauthenticated)
		return
	}
	reply(w, http.StatusOK, session{User: id.User})
}

func (h *Handler) signOut(w http.ResponseWriter, r *http.Request) {
	if err := h.auth.SignOut(w, r); err != nil {
		httperr.Write(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
