package api

import (
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

// A signed-in user's own API tokens and sessions: listed, a token made,
// either revoked. Nobody sees or revokes another user's.

type credentialJSON struct {
	ID      string    `json:"id"`
	Label   string    `json:"label"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires,omitzero"`
	Current bool      `json:"current,omitempty"` // the session or token of this request
	Token   string    `json:"token,omitempty"`   // the secret, in the answer that made it only
}

func (h *Handler) registerCredentials(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/tokens", h.user(h.listCredentials(store.CredentialToken, "tokens")))
	mux.HandleFunc("POST /api/tokens", h.user(h.createToken))
	mux.HandleFunc("DELETE /api/tokens/{credential}", h.user(h.revoke(store.CredentialToken)))
	mux.HandleFunc("GET /api/sessions", h.user(h.listCredentials(store.CredentialSession, "sessions")))
	mux.HandleFunc("DELETE /api/sessions/{credential}", h.user(h.revoke(store.CredentialSession)))
}

// user wraps a handler for any signed-in user; it gets the user's
// identity.
func (h *Handler) user(next func(http.ResponseWriter, *http.Request, auth.Identity) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h.signedIn(r)
		if err == nil {
			err = next(w, r, auth.From(r.Context()))
		}
		if err != nil {
			httperr.Write(w, r, err)
		}
	}
}

func credentialOut(c store.Credential, id auth.Identity) credentialJSON {
	return credentialJSON{ID: auth.CredentialID(c), Label: c.Label, Created: c.Created.UTC(), Expires: c.Expires.UTC(),
		Current: c.Hash == id.CredentialHash}
}

func (h *Handler) listCredentials(kind, key string) func(http.ResponseWriter, *http.Request, auth.Identity) error {
	return func(w http.ResponseWriter, r *http.Request, id auth.Identity) error {
		cs, err := h.auth.Credentials(r.Context(), id.User, kind)
		if err != nil {
			return err
		}
		out := []credentialJSON{}
		for _, c := range cs {
			out = append(out, credentialOut(c, id))
		}
		return reply(w, http.StatusOK, map[string]any{key: out})
	}
}

// createToken makes an API token for the caller ({"label"}); its secret
// is in this answer only.
func (h *Handler) createToken(w http.ResponseWriter, r *http.Request, id auth.Identity) error {
	var in struct {
		Label string `json:"label"`
	}
	if err := h.decode(w, r, &in); err != nil {
		return err
	}
	secret, c, err := h.auth.NewToken(r.Context(), id.User, in.Label)
	if err != nil {
		return err
	}
	out := credentialOut(c, id)
	out.Token = secret
	w.Header().Set("Cache-Control", "no-store")
	return reply(w, http.StatusCreated, out)
}

func (h *Handler) revoke(kind string) func(http.ResponseWriter, *http.Request, auth.Identity) error {
	return func(w http.ResponseWriter, r *http.Request, id auth.Identity) error {
		if err := h.auth.Revoke(r.Context(), id.User, kind, r.PathValue("credential")); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}
