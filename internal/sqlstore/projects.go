package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/store"
)

// Project returns the project with the slug.
func (db *DB) Project(ctx context.Context, slug string) (store.Project, error) {
	var p store.Project
	var created string
	err := db.reader(ctx).queryRow(`SELECT slug, title, created FROM projects WHERE slug = ?`, slug).Scan(&p.Slug, &p.Title, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Project{}, fmt.Errorf("project %q: %w", slug, store.ErrNotFound)
	}
	if err != nil {
		return store.Project{}, db.fail(ctx, err)
	}
	p.Created, err = parseTime(created)
	return p, db.fail(ctx, err)
}

// CreateProject adds a project with owner as its first admin.
func (db *DB) CreateProject(ctx context.Context, p store.Project, owner string) error {
	if err := checkText("project", []any{p, owner}); err != nil {
		return err
	}
	if p.Slug == "" {
		return fmt.Errorf("project without a slug: %w", store.ErrInvalid)
	}
	if p.Created.IsZero() {
		p.Created = db.now()
	}
	return db.write(ctx, func(w *wtx) error {
		r := w.reader()
		if found, err := r.exists(`SELECT 1 FROM projects WHERE slug = ?`, p.Slug); err != nil || found {
			return cmpErr(err, found, fmt.Errorf("project %q already exists: %w", p.Slug, store.ErrConflict))
		}
		if found, err := r.exists(`SELECT 1 FROM users WHERE name = ?`, owner); err != nil || !found {
			return cmpErr(err, !found, fmt.Errorf("owner %q: %w", owner, store.ErrNotFound))
		}
		if err := w.exec(`INSERT INTO projects (slug, title, created) VALUES (?, ?, ?)`, p.Slug, p.Title, formatTime(p.Created)); err != nil {
			return err
		}
		return w.setMember(store.Member{Project: p.Slug, User: owner, Role: store.RoleAdmin})
	})
}

// Role returns the user's role in the project; not being a member and the
// project not existing are the same ErrNotFound.
func (db *DB) Role(ctx context.Context, project, user string) (store.Role, error) {
	var role store.Role
	err := db.reader(ctx).queryRow(`SELECT role FROM members WHERE project = ? AND user_name = ? AND deleted = 0`, project, user).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("project %q: %w", project, store.ErrNotFound)
	}
	return role, db.fail(ctx, err)
}

// Projects lists the user's memberships by project slug.
func (db *DB) Projects(ctx context.Context, user string) ([]store.Member, error) {
	return db.members(ctx, `SELECT project, user_name, role FROM members WHERE user_name = ? AND deleted = 0 ORDER BY project`, user)
}

// Members lists a project's members by user name.
func (db *DB) Members(ctx context.Context, project string) ([]store.Member, error) {
	return db.members(ctx, `SELECT project, user_name, role FROM members WHERE project = ? AND deleted = 0 ORDER BY user_name`, project)
}

func (db *DB) members(ctx context.Context, q string, arg string) ([]store.Member, error) {
	out, err := queryAll(db.reader(ctx), func(sc scanner) (m store.Member, err error) {
		err = sc.Scan(&m.Project, &m.User, &m.Role)
		return
	}, q, arg)
	return out, db.fail(ctx, err)
}

// SetMember adds a member or changes their role.
func (db *DB) SetMember(ctx context.Context, a store.Actor, m store.Member) error {
	if err := checkText("member", []any{a, m}); err != nil {
		return err
	}
	if !slices.Contains(store.Roles, m.Role) {
		return fmt.Errorf("role %q, want one of %v: %w", m.Role, store.Roles, store.ErrInvalid)
	}
	err := db.writeOnce(ctx, m.Project, a, func(w *wtx) error {
		r := w.reader()
		if found, err := r.exists(`SELECT 1 FROM projects WHERE slug = ?`, m.Project); err != nil || !found {
			return cmpErr(err, !found, fmt.Errorf("project %q: %w", m.Project, store.ErrNotFound))
		}
		if found, err := r.exists(`SELECT 1 FROM users WHERE name = ?`, m.User); err != nil || !found {
			return cmpErr(err, !found, fmt.Errorf("user %q: %w", m.User, store.ErrNotFound))
		}
		if err := w.setMember(m); err != nil {
			return err
		}
		return w.applied(m.Project, a, store.KindMember, m.User, w.seq)
	})
	if errors.Is(err, errReplay) {
		return replayError(a)
	}
	return err
}

// setMember writes a membership (new, changed or revived) with a change.
func (w *wtx) setMember(m store.Member) error {
	seq, err := w.change(m.Project, store.KindMember, m.User)
	if err != nil {
		return err
	}
	found, err := w.reader().exists(`SELECT 1 FROM members WHERE project = ? AND user_name = ?`, m.Project, m.User)
	if err != nil {
		return err
	}
	if found {
		return w.exec(`UPDATE members SET role = ?, seq = ?, deleted = 0 WHERE project = ? AND user_name = ?`, m.Role, seq, m.Project, m.User)
	}
	return w.exec(`INSERT INTO members (project, user_name, role, seq, deleted) VALUES (?, ?, ?, ?, 0)`, m.Project, m.User, m.Role, seq)
}

// RemoveMember ends a membership (the feed reports it as a deleted
// member change).
func (db *DB) RemoveMember(ctx context.Context, a store.Actor, project, user string) error {
	if err := checkText("member", a); err != nil {
		return err
	}
	err := db.writeOnce(ctx, project, a, func(w *wtx) error {
		found, err := w.reader().exists(`SELECT 1 FROM members WHERE project = ? AND user_name = ? AND deleted = 0`, project, user)
		if err != nil || !found {
			return cmpErr(err, !found, fmt.Errorf("%q is not a member of %q: %w", user, project, store.ErrNotFound))
		}
		seq, err := w.change(project, store.KindMember, user)
		if err != nil {
			return err
		}
		if err := w.exec(`UPDATE members SET seq = ?, deleted = 1 WHERE project = ? AND user_name = ?`, seq, project, user); err != nil {
			return err
		}
		return w.applied(project, a, store.KindMember, user, seq)
	})
	if errors.Is(err, errReplay) {
		return replayError(a)
	}
	return err
}

// needProject refuses a write into a project that does not exist.
func (w *wtx) needProject(slug string) error {
	found, err := w.reader().exists(`SELECT 1 FROM projects WHERE slug = ?`, slug)
	return cmpErr(err, !found, fmt.Errorf("project %q: %w", slug, store.ErrNotFound))
}
