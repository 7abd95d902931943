//go:build !js

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestAdminWatchStopResumeRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	site, _ := newsSite(t, "The council voted on Tuesday to approve the budget after a long debate that lasted into the evening.")
	admin := func(args ...string) (int, string, string) {
		return runCLI(t, "pw\n", append([]string{"admin", "--db", db}, args...)...)
	}
	for _, args := range [][]string{{"user", "add", "alice"}, {"project", "add", "desk", "--owner", "alice"},
		{"watch", "add", "desk", site.URL + "/story", "--allow-private"}} {
		if code, _, errOut := admin(args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	list := func() []struct{ ID, StoryID, State string } {
		t.Helper()
		code, out, errOut := admin("watch", "list", "desk")
		var ws []struct{ ID, StoryID, State string }
		if code != 0 || json.Unmarshal([]byte(out), &ws) != nil {
			t.Fatalf("watch list: exit %d, %q %q", code, out, errOut)
		}
		return ws
	}
	ws := list()
	if len(ws) != 1 || ws[0].State != "watching" || ws[0].StoryID == "" {
		t.Fatalf("watch list: %+v", ws)
	}
	id := ws[0].ID
	for _, c := range []struct {
		args  []string
		code  int
		out   string
		state string
	}{
		{[]string{"watch", "stop", "desk", id}, 0, "stopped watch " + id, "paused"},
		{[]string{"watch", "resume", "desk", id}, 0, "resumed watch " + id, "watching"},
		{[]string{"watch", "stop", "desk", "no-such-watch"}, 1, "", "watching"},
		{[]string{"watch", "stop", "desk", "../x"}, 1, "", "watching"},
		{[]string{"watch", "rm", "desk"}, 2, "", "watching"},
		{[]string{"watch", "rm", "desk", id}, 0, "story " + ws[0].StoryID + " stays", ""},
	} {
		code, out, errOut := admin(c.args...)
		if code != c.code || !strings.Contains(out, c.out) || code != 0 && strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q %q", c.args, code, out, errOut)
		}
		if ws := list(); c.state == "" && len(ws) != 0 || c.state != "" && (len(ws) != 1 || ws[0].State != c.state) {
			t.Errorf("after %v: %+v, want state %q", c.args, ws, c.state)
		}
	}
	if code, _, errOut := admin("watch", "rm", "desk", id); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("removing it twice: exit %d, %q", code, errOut)
	}
	if code, out, _ := admin("stories", "desk"); code != 0 || !strings.Contains(out, ws[0].StoryID) {
		t.Errorf("the story went with its watch: %s", out)
	}
}
