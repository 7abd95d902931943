package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// A user lists, makes and revokes their own API tokens and sessions; a
// revoked one signs nobody in, and nobody touches another user's.
func TestTokensAndSessionsListedAndRevoked(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		list := e.do("bob", "GET", "/api/tokens", "").expect(t, http.StatusOK).json(t)["tokens"].([]any)
		if len(list) != 1 || list[0].(map[string]any)["label"] != "test" || list[0].(map[string]any)["current"] != true {
			t.Fatalf("bob's tokens: %v", list)
		}
		made := e.do("bob", "POST", "/api/tokens", `{"label": "nightly export"}`, "Content-Type: application/json").expect(t, http.StatusCreated)
		if made.Header.Get("Cache-Control") != "no-store" {
			t.Error("a new token's answer may be cached")
		}
		tok := made.json(t)
		secret, id := tok["token"].(string), tok["id"].(string)
		if len(secret) != 43 || len(id) != 16 || tok["label"] != "nightly export" {
			t.Fatalf("new token %v", tok)
		}
		e.tokens["script"] = secret
		e.do("script", "GET", desk, "").expect(t, http.StatusOK)
		list = e.do("script", "GET", "/api/tokens", "").expect(t, http.StatusOK).json(t)["tokens"].([]any)
		found := 0
		for _, tk := range list {
			if tk := tk.(map[string]any); tk["id"] == id && tk["current"] == true && tk["token"] == nil {
				found++
			}
		}
		if len(list) != 2 || found != 1 {
			t.Fatalf("tokens after one was made (as the new one): %v", list)
		}
		// Nobody else sees or revokes it.
		if other := e.do("alice", "GET", "/api/tokens", "").expect(t, http.StatusOK).json(t)["tokens"].([]any); len(other) != 1 {
			t.Errorf("alice sees %v", other)
		}
		e.do("alice", "DELETE", "/api/tokens/"+id, "").expect(t, http.StatusNotFound)
		e.do("", "GET", "/api/tokens", "").expect(t, http.StatusUnauthorized)
		for _, bad := range []string{"nope", "..%2F" + id, id + "0", id[:15]} {
			e.do("bob", "DELETE", "/api/tokens/"+bad, "").expect(t, http.StatusNotFound)
		}
		e.do("bob", "POST", "/api/tokens", fmt.Sprintf(`{"label": %q}`, strings.Repeat("x", 201)), "Content-Type: application/json").expect(t, http.StatusBadRequest)
		e.do("bob", "DELETE", "/api/tokens/"+id, "").expect(t, http.StatusNoContent)
		e.do("script", "GET", desk, "").expect(t, http.StatusUnauthorized)

		// Sessions: signed in twice (two browsers), one signs the other out.
		laptop, phone := e.signIn("vera"), e.signIn("vera")
		sessions := e.do("", "GET", "/api/sessions", "", "Cookie: "+laptop).expect(t, http.StatusOK).json(t)["sessions"].([]any)
		if len(sessions) != 2 {
			t.Fatalf("vera's sessions: %v", sessions)
		}
		var phoneID string
		for _, s := range sessions {
			if s := s.(map[string]any); s["current"] != true {
				phoneID = s["id"].(string)
			}
		}
		e.do("", "DELETE", "/api/sessions/"+phoneID, "", "Cookie: "+laptop).expect(t, http.StatusForbidden) // a cookie write with no Origin
		e.do("", "DELETE", "/api/sessions/"+phoneID, "", "Cookie: "+laptop, "Origin: "+e.srv.URL).expect(t, http.StatusNoContent)
		e.do("", "GET", desk, "", "Cookie: "+phone).expect(t, http.StatusUnauthorized)
		e.do("", "GET", desk, "", "Cookie: "+laptop).expect(t, http.StatusOK)
	})
}
