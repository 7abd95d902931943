package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/redline-news/redline/internal/sync"
)

// errSignedOut: the server no longer knows this browser's session.
var errSignedOut = errors.New("signed out by the server: sign in again to sync (your edits are kept here)")

// apiCall makes one request to the API of the server at base and decodes
// its JSON answer into out (nil: ignore it). A non-2xx answer is an
// error with the server's one-line reason; 401 is errSignedOut.
func apiCall(ctx context.Context, base, method, path string, body io.Reader, contentType string, out any) error {
	req := sync.Request{Method: method, URL: base + path, Header: map[string]string{}}
	if _, err := url.Parse(req.URL); err != nil {
		return err
	}
	if body != nil {
		data, err := io.ReadAll(body)
		if err != nil {
			return err
		}
		req.Body = data
	}
	if contentType != "" {
		req.Header["Content-Type"] = contentType
	}
	resp, err := fetchClient{}.Do(ctx, req)
	if err != nil {
		return fmt.Errorf("the server cannot be reached (%v)", err)
	}
	if resp.Code/100 != 2 {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(resp.Body, &e) != nil || e.Error == "" {
			e.Error = resp.Status
		}
		if resp.Code == http.StatusUnauthorized && path != "/api/session" {
			return errSignedOut
		}
		return &apiError{code: resp.Code, msg: e.Error}
	}
	if out == nil || resp.Code == http.StatusNoContent {
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("the server's answer is not JSON (%v)", err)
	}
	return nil
}

// apiError is an answer of the server other than success.
type apiError struct {
	code int
	msg  string
}

func (e *apiError) Error() string { return e.msg }

// signIn signs in at the server at base and fetches the user's projects.
func signIn(ctx context.Context, base, user, password string) (Session, error) {
	form := url.Values{"username": {user}, "password": {password}}.Encode()
	var who struct {
		User string `json:"user"`
	}
	if err := apiCall(ctx, base, http.MethodPost, "/api/session", strings.NewReader(form), "application/x-www-form-urlencoded", &who); err != nil {
		var ae *apiError
		if errors.As(err, &ae) && ae.code == http.StatusNotFound {
			return Session{}, errors.New("this server has no accounts (it serves the app only)")
		}
		return Session{}, err
	}
	s := Session{User: who.User}
	var err error
	s.Projects, err = fetchProjects(ctx, base)
	return s, err
}

// fetchProjects lists the signed-in user's projects.
func fetchProjects(ctx context.Context, base string) ([]Project, error) {
	var out struct {
		Projects []Project `json:"projects"`
	}
	err := apiCall(ctx, base, http.MethodGet, "/api/projects", nil, "", &out)
	return out.Projects, err
}

// refreshSession asks the server whether s still holds and which
// projects it has now. Offline, s stays as it is (and the error says
// why); a session the server refuses comes back Revoked.
func refreshSession(ctx context.Context, base string, s Session) (Session, error) {
	if !s.SignedIn() {
		return s, nil
	}
	projects, err := fetchProjects(ctx, base)
	switch {
	case errors.Is(err, errSignedOut):
		s.Revoked = true
		return s, err
	case err != nil:
		return s, err
	}
	s.Projects, s.Revoked = projects, false
	return s, nil
}

// signOut revokes the session on the server (best effort: offline, the
// cookie stays until it expires, but this browser forgets it).
func signOut(ctx context.Context, base string) error {
	return apiCall(ctx, base, http.MethodDelete, "/api/session", nil, "", nil)
}
