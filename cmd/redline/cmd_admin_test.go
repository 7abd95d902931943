//go:build !js

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// adminCase is one admin command line and what it must do.
type adminCase struct {
	name   string
	stdin  string
	args   []string
	code   int
	stdout string // a substring of it
	stderr string // a substring of its one line
}

// TestAdmin runs the admin commands in order on one database per engine:
// each good one changes what it says, each bad one exits non-zero with a
// one-line error and changes nothing.
func TestAdmin(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		flag := []string{"--db", url}
		if engine == "postgres" {
			flag = []string{"--postgres", url}
		}
		cases := []adminCase{
			{"add a user", "s3cret pass\n", []string{"user", "add", "alice"}, 0, "added user alice", ""},
			{"add another", "hunter2", []string{"user", "add", "bob"}, 0, "added user bob", ""},
			{"a user twice", "x\n", []string{"user", "add", "alice"}, 1, "", "already exists"},
			{"a bad user name", "x\n", []string{"user", "add", "Alice/.."}, 1, "", "invalid user name"},
			{"no password", "", []string{"user", "add", "carol"}, 1, "", "no password"},
			{"an empty password", "\n", []string{"user", "add", "carol"}, 1, "", "empty"},
			{"a token", "", []string{"token", "add", "alice", "--label", "ci script"}, 0, "", ""},
			{"a token of nobody", "", []string{"token", "add", "carol"}, 1, "", "not found"},
			{"a project", "", []string{"project", "add", "desk", "--owner", "alice"}, 0, "added project desk", ""},
			{"a project twice", "", []string{"project", "add", "desk", "--owner", "bob"}, 1, "", "already exists"},
			{"a project without owner", "", []string{"project", "add", "news"}, 2, "", "--owner NAME is required"},
			{"a project of nobody", "", []string{"project", "add", "news", "--owner", "carol"}, 1, "", "not found"},
			{"a bad slug", "", []string{"project", "add", "../etc", "--owner", "alice"}, 1, "", "invalid slug"},
			{"a member", "", []string{"member", "add", "desk", "bob", "--role", "editor"}, 0, "bob is editor of desk", ""},
			{"a bad role", "", []string{"member", "add", "desk", "bob", "--role", "owner"}, 2, "", "--role must be"},
			{"a member of nothing", "", []string{"member", "add", "news", "bob", "--role", "viewer"}, 1, "", "not found"},
			{"a member who is nobody", "", []string{"member", "add", "desk", "carol", "--role", "viewer"}, 1, "", "not found"},
			{"a stray flag", "", []string{"user", "add", "dave", "--role", "admin"}, 2, "", "does not take --role"},
			{"an unknown action", "", []string{"user", "delete", "alice"}, 2, "", "usage: redline admin"},
			{"too many arguments", "", []string{"member", "add", "desk"}, 2, "", "usage: redline admin"},
			{"two databases", "", []string{"--db", "x.db", "--postgres", "postgres://x/y", "user", "add", "dave"}, 2, "", "not both"},
		}
		var token string
		for _, c := range cases {
			args := append([]string{"admin"}, flag...)
			if strings.HasPrefix(c.name, "two databases") {
				args = []string{"admin"}
			}
			code, out, errOut := runCLI(t, c.stdin, append(args, c.args...)...)
			if code != c.code || !strings.Contains(out, c.stdout) || !strings.Contains(errOut, c.stderr) {
				t.Fatalf("%s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					c.name, code, out, errOut, c.code, c.stdout, c.stderr)
			}
			if code != 0 && (out != "" || strings.Count(errOut, "\n") != 1) {
				t.Errorf("%s: stdout %q, stderr %q; want nothing and one line", c.name, out, errOut)
			}
			if c.name == "a token" {
				token = strings.TrimSpace(out)
			}
		}

		db, err := sqltest.OpenURL(context.Background(), engine, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		checkAdminResult(t, db, token)
	})
}

// checkAdminResult: what TestAdmin's good commands made, and nothing of
// the bad ones.
func checkAdminResult(t *testing.T, db *sqlstore.DB, token string) {
	ctx := context.Background()
	u, err := db.User(ctx, "alice")
	if err != nil || !strings.HasPrefix(u.PasswordHash, "$argon2id$") {
		t.Errorf("alice: %+v, %v; want an Argon2id hash", u, err)
	}
	if _, err := db.User(ctx, "carol"); err == nil {
		t.Error("carol was added by a refused command")
	}
	c, err := db.Credential(ctx, auth.HashSecret(token))
	if err != nil || c.User != "alice" || c.Kind != store.CredentialToken || c.Label != "ci script" {
		t.Errorf("token %q: %+v, %v", token, c, err)
	}
	members, err := db.Members(ctx, "desk")
	if err != nil || len(members) != 2 || members[0].Role != store.RoleAdmin || members[1].Role != store.RoleEditor {
		t.Errorf("desk's members: %v, %v", members, err)
	}
	if _, err := db.Project(ctx, "news"); err == nil {
		t.Error("project news was added by a refused command")
	}
}

// TestAdminBadInputCreatesNoDatabase: input refused before the database
// is opened leaves no file behind.
func TestAdminBadInputCreatesNoDatabase(t *testing.T) {
	file := filepath.Join(t.TempDir(), "new.db")
	for _, args := range [][]string{
		{"user", "add", "Bad Name"},
		{"project", "add", "desk"},
		{"member", "add", "desk", "bob", "--role", "boss"},
	} {
		if code, _, _ := runCLI(t, "pw\n", append([]string{"admin", "--db", file}, args...)...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a refused command created %s (%v)", file, err)
	}
}

func TestServeRefusesTwoDatabases(t *testing.T) {
	code, _, errOut := runCLI(t, "", "serve", "--db", "a.db", "--postgres", "postgres://x/y")
	if code != 2 || !strings.Contains(errOut, "not both") {
		t.Fatalf("exit %d, stderr %q; want 2 and a refusal", code, errOut)
	}
}
