package httperr

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/store"
)

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{New(418, "teapot"), 418},
		{fmt.Errorf("wrapped: %w", store.ErrNotFound), 404},
		{store.ErrGone, 410},
		{store.ErrConflict, 409},
		{store.ErrInvalid, 400},
		{auth.ErrUnauthenticated, 401},
		{auth.ErrBadCredentials, 401},
		{auth.ErrForbidden, 403},
		{auth.ErrCrossSite, 403},
		{&auth.RetryAfter{}, 429},
		{&http.MaxBytesError{Limit: 1}, 413},
		{errors.New("disk on fire"), 500},
	} {
		if got := Status(tc.err); got != tc.want {
			t.Errorf("Status(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		err      error
		contains string
		hides    string
	}{
		{New(400, "invalid annotation", annotation.Problem{Path: "$.target", Message: "missing"}), `"path":"$.target"`, ""},
		{fmt.Errorf("project desk: %w", store.ErrNotFound), `"not found"`, "desk"},
		{errors.New("pq: password authentication failed for user redline"), `"internal server error"`, "redline"},
	} {
		rec := httptest.NewRecorder()
		Write(rec, httptest.NewRequest("GET", "/api/x", nil), tc.err)
		body := rec.Body.String()
		var v map[string]any
		if err := json.Unmarshal([]byte(body), &v); err != nil || !strings.Contains(body, tc.contains) || tc.hides != "" && strings.Contains(body, tc.hides) {
			t.Errorf("Write(%v): %s", tc.err, body)
		}
		if rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
		}
	}
	rec := httptest.NewRecorder()
	Write(rec, httptest.NewRequest("HEAD", "/", nil), store.ErrNotFound)
	if rec.Body.Len() != 0 || rec.Code != 404 {
		t.Errorf("HEAD: %d %q", rec.Code, rec.Body.String())
	}
}
