package sqlstore_test

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// v1Rows is a small desk as version 1 of the schema stored it: a user, a
// project, a story with a revision, an annotation document with its
// history (created, then edited), and the changes of all that.
var v1Rows = []string{
	`INSERT INTO users VALUES ('alice', '$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA', '2025-03-23T09:30:00Z')`,
	`INSERT INTO credentials VALUES ('cafe', 'alice', 'token', 'script', '2025-03-23T09:30:00Z', '')`,
	`INSERT INTO projects VALUES ('desk', 'The desk', '2025-03-23T09:30:00Z')`,
	`INSERT INTO members VALUES ('desk', 'alice', 'admin', 1, 0)`,
	`INSERT INTO stories VALUES ('desk', 's1', 'Putin prayed 🙏', '2025-03-23T09:30:00Z', 1, 2, 2, 0, 'alice', 'alice', '2025-03-23T09:30:00Z')`,
	`INSERT INTO revisions VALUES ('desk', 'r1', 's1', '2025-03-23', 'Putin prayed 🙏', 'Putin prayed 🙏 for peace.', '2025-03-23T09:30:00Z', 3, 3, 0, 'alice')`,
	`INSERT INTO annotations VALUES ('desk', 'a1', 's1', '{"type":"Annotation","target":"urn:x"}', NULL, 2, 4, 5, 0,
		'2025-03-23T09:30:00Z', '2025-03-23T09:30:00Z', 'alice', 'alice')`,
	`INSERT INTO annotation_history VALUES ('desk', 'a1', 4, 0, '{"type":"Annotation"}', 0, 'alice', 'laptop', '', '2025-03-23T09:30:00Z')`,
	`INSERT INTO annotation_history VALUES ('desk', 'a1', 5, 4, '{"type":"Annotation","target":"urn:x"}', 0, 'alice', 'laptop', '', '2025-03-23T09:31:00Z')`,
	`INSERT INTO changes VALUES (1, 'desk', 'member', 'alice'), (2, 'desk', 'story', 's1'), (3, 'desk', 'revision', 'r1'),
		(4, 'desk', 'annotation', 'a1'), (5, 'desk', 'annotation', 'a1')`,
	`UPDATE counter SET seq = 5`,
}

// TestUpgradeFromV1: a database written by version 1 of the schema opens
// with the current one and keeps every record.
func TestUpgradeFromV1(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		old, err := sqlstore.OpenAt(ctx, engine, url, 1)
		must(t, err)
		must(t, old.Close())
		raw, err := sql.Open(map[string]string{"sqlite": "sqlite", "postgres": "pgx"}[engine], url)
		must(t, err)
		for _, stmt := range v1Rows {
			if _, err := raw.Exec(stmt); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		must(t, raw.Close())

		db := sqltest.Open(t, engine, url)
		if u, err := db.User(ctx, "alice"); err != nil || !strings.HasPrefix(u.PasswordHash, "$argon2id$") {
			t.Errorf("user after upgrade: %+v, %v", u, err)
		}
		if c, err := db.Credential(ctx, "cafe"); err != nil || c.Label != "script" {
			t.Errorf("token after upgrade: %+v, %v", c, err)
		}
		if r, err := db.Role(ctx, "desk", "alice"); err != nil || r != store.RoleAdmin {
			t.Errorf("role after upgrade: %q, %v", r, err)
		}
		s, err := db.Story(ctx, "desk", "s1")
		if err != nil || s.Title != "Putin prayed 🙏" || s.Source != "" || s.Seq != 2 {
			t.Errorf("story after upgrade: %+v, %v", s, err)
		}
		revs, err := db.Revisions(ctx, "desk", "s1")
		if err != nil || len(revs) != 1 || revs[0].Text != "Putin prayed 🙏 for peace." {
			t.Errorf("revisions after upgrade: %+v, %v", revs, err)
		}
		d, err := db.Doc(ctx, "desk", "a1")
		if err != nil || d.Seq != 5 || string(d.JSON) != `{"type":"Annotation","target":"urn:x"}` {
			t.Errorf("annotation after upgrade: %+v, %v", d, err)
		}
		if h, err := db.DocHistory(ctx, "desk", "a1"); err != nil || len(h) != 2 || h[1].BaseSeq != 4 || h[0].Device != "laptop" {
			t.Errorf("history after upgrade: %+v, %v", h, err)
		}
		// Version 3 keeps each record's latest change only.
		if feed, err := db.Changes(ctx, "desk", 0, 0); err != nil || len(feed) != 4 || feed[3].Seq != 5 {
			t.Errorf("feed after upgrade: %+v, %v", feed, err)
		}
		// What version 2 added works, and numbering goes on after the old seqs.
		push := store.Actor{User: "alice", ChangeID: "c1"}
		next, err := db.PutDoc(ctx, push, store.Doc{Project: "desk", ID: "a2", JSON: []byte(`{}`)}, 0)
		must(t, err)
		if next.Seq != 6 {
			t.Errorf("first write after upgrade got seq %d, want 6", next.Seq)
		}
		_, err = db.PutDoc(ctx, push, store.Doc{Project: "desk", ID: "a2", JSON: []byte(`{}`)}, 0)
		wantErr(t, "a replay after upgrade", err, store.ErrReplayed)
	})
}

// TestNewerSchemaRefused: a database from a newer redline is not touched.
func TestNewerSchemaRefused(t *testing.T) {
	url := sqltest.NewURL(t, "sqlite")
	sqltest.Open(t, "sqlite", url).Close()
	raw, err := sql.Open("sqlite", url)
	must(t, err)
	_, err = raw.Exec(`UPDATE schema_version SET version = 99`)
	must(t, err)
	raw.Close()
	_, err = sqlstore.OpenSQLite(ctx, url)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer database: %v, want a refusal naming it newer", err)
	}
}

// TestNewFileOwnerOnly: a new SQLite file (it holds password hashes) is
// readable by its owner only.
func TestNewFileOwnerOnly(t *testing.T) {
	url := sqltest.NewURL(t, "sqlite")
	sqltest.Open(t, "sqlite", url)
	info, err := os.Stat(url)
	must(t, err)
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("new database file has mode %o, want 600", mode)
	}
}

// TestConcurrentStarts: processes started at once on a new database all
// open it; one of them creates the schema, the others find it current.
func TestConcurrentStarts(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		errs := make(chan error, 4)
		for i := range 4 {
			go func() {
				db, err := sqltest.OpenURL(ctx, engine, url)
				if err == nil {
					err = db.CreateUser(ctx, store.User{Name: fmt.Sprint("u", i)})
					db.Close()
				}
				errs <- err
			}()
		}
		for range 4 {
			must(t, <-errs)
		}
	})
}
