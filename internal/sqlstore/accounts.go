package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// User returns the account called name.
func (db *DB) User(ctx context.Context, name string) (store.User, error) {
	var u store.User
	var created string
	err := db.reader(ctx).queryRow(`SELECT name, password_hash, created FROM users WHERE name = ?`, name).
		Scan(&u.Name, &u.PasswordHash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return store.User{}, fmt.Errorf("user %q: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return store.User{}, db.fail(ctx, err)
	}
	u.Created, err = parseTime(created)
	return u, db.fail(ctx, err)
}

// CreateUser adds an account; a name already taken is ErrConflict.
func (db *DB) CreateUser(ctx context.Context, u store.User) error {
	if err := checkText("user", u); err != nil {
		return err
	}
	if u.Name == "" {
		return fmt.Errorf("user without a name: %w", store.ErrInvalid)
	}
	if u.Created.IsZero() {
		u.Created = db.now()
	}
	return db.write(ctx, func(w *wtx) error {
		if found, err := w.reader().exists(`SELECT 1 FROM users WHERE name = ?`, u.Name); err != nil || found {
			return cmpErr(err, found, fmt.Errorf("user %q already exists: %w", u.Name, store.ErrConflict))
		}
		return w.exec(`INSERT INTO users (name, password_hash, created) VALUES (?, ?, ?)`, u.Name, u.PasswordHash, formatTime(u.Created))
	})
}

// AddCredential stores a session or token (its hash); a hash already
// stored is ErrConflict, an unknown user ErrNotFound.
func (db *DB) AddCredential(ctx context.Context, c store.Credential) error {
	if err := checkText("credential", c); err != nil {
		return err
	}
	switch {
	case c.Hash == "":
		return fmt.Errorf("credential without a hash: %w", store.ErrInvalid)
	case c.Kind != store.CredentialSession && c.Kind != store.CredentialToken:
		return fmt.Errorf("credential kind %q, want %q or %q: %w", c.Kind, store.CredentialSession, store.CredentialToken, store.ErrInvalid)
	}
	if c.Created.IsZero() {
		c.Created = db.now()
	}
	return db.write(ctx, func(w *wtx) error {
		r := w.reader()
		if found, err := r.exists(`SELECT 1 FROM users WHERE name = ?`, c.User); err != nil || !found {
			return cmpErr(err, !found, fmt.Errorf("user %q: %w", c.User, store.ErrNotFound))
		}
		if found, err := r.exists(`SELECT 1 FROM credentials WHERE hash = ?`, c.Hash); err != nil || found {
			return cmpErr(err, found, fmt.Errorf("credential already stored: %w", store.ErrConflict))
		}
		return w.exec(`INSERT INTO credentials (hash, user_name, kind, label, created, expires) VALUES (?, ?, ?, ?, ?, ?)`,
			c.Hash, c.User, c.Kind, c.Label, formatTime(c.Created), formatTime(c.Expires))
	})
}

// Credential returns the session or token with the hash, expired or not.
func (db *DB) Credential(ctx context.Context, hash string) (store.Credential, error) {
	c, err := scanCredential(db.reader(ctx).queryRow(`SELECT hash, user_name, kind, label, created, expires FROM credentials WHERE hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Credential{}, fmt.Errorf("credential: %w", store.ErrNotFound)
	}
	return c, db.fail(ctx, err)
}

// DeleteCredential revokes a session or token.
func (db *DB) DeleteCredential(ctx context.Context, hash string) error {
	return db.write(ctx, func(w *wtx) error {
		return w.affectOne(fmt.Errorf("credential: %w", store.ErrNotFound), `DELETE FROM credentials WHERE hash = ?`, hash)
	})
}

// exists reports whether the query finds a row.
func (r reader) exists(q string, args ...any) (bool, error) {
	var one int
	err := r.queryRow(q, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// cmpErr is for checks that either failed to run (err) or found what
// refuses the write (refused): it returns err, else refusal if refused.
func cmpErr(err error, refused bool, refusal error) error {
	if err != nil {
		return err
	}
	if refused {
		return refusal
	}
	return nil
}

// Credentials lists a user's sessions and tokens (expired ones too),
// oldest first.
func (db *DB) Credentials(ctx context.Context, user string) ([]store.Credential, error) {
	rows, err := db.reader(ctx).query(`SELECT hash, user_name, kind, label, created, expires FROM credentials
		WHERE user_name = ? ORDER BY created, hash`, user)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.Credential
	for rows.Next() {
		c, err := scanCredential(rows)
		if err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, c)
	}
	return out, db.fail(ctx, rows.Err())
}

func scanCredential(sc scanner) (store.Credential, error) {
	var c store.Credential
	var created, expires string
	if err := sc.Scan(&c.Hash, &c.User, &c.Kind, &c.Label, &created, &expires); err != nil {
		return c, err
	}
	var err error
	if c.Created, err = parseTime(created); err == nil {
		c.Expires, err = parseTime(expires)
	}
	return c, err
}
