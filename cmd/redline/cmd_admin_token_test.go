//go:build !js

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestAdminTokenListRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	admin := func(args ...string) (int, string, string) {
		return runCLI(t, "pw\n", append([]string{"admin", "--db", db}, args...)...)
	}
	for _, args := range [][]string{{"user", "add", "alice"}, {"token", "add", "alice", "--label", "ci"}, {"token", "add", "alice"}} {
		if code, _, errOut := admin(args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	list := func() []struct{ ID, Label string } {
		t.Helper()
		code, out, errOut := admin("token", "list", "alice")
		var ts []struct{ ID, Label string }
		if code != 0 || json.Unmarshal([]byte(out), &ts) != nil {
			t.Fatalf("token list: exit %d, %q %q", code, out, errOut)
		}
		return ts
	}
	ts := list() // tokens made in one second are listed in no particular order
	if len(ts) != 2 || ts[0].Label+ts[1].Label != "ci" || len(ts[0].ID) != 16 {
		t.Fatalf("token list: %+v", ts)
	}
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"token", "list", "nobody"}, 1, "not found"},
		{[]string{"token", "rm", "alice", "0123456789abcdef"}, 1, "not found"},
		{[]string{"token", "rm", "alice", "../x"}, 1, "invalid"},
		{[]string{"token", "rm", "alice"}, 2, "usage"},
	} {
		if code, out, errOut := admin(c.args...); code != c.code || out != "" || !strings.Contains(errOut, c.stderr) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q %q", c.args, code, out, errOut)
		}
	}
	if code, out, errOut := admin("token", "rm", "alice", ts[0].ID); code != 0 || !strings.Contains(out, "revoked token "+ts[0].ID) {
		t.Fatalf("token rm: exit %d, %q %q", code, out, errOut)
	}
	if after := list(); len(after) != 1 || after[0].ID != ts[1].ID {
		t.Errorf("after token rm: %+v", after)
	}
}
