package sqlstore

// migrations is the schema's history, oldest first: migration i brings a
// database from version i to i+1. Never edit a released step; append a
// new one. Types are the portable subset both engines read the same way:
// TEXT, INTEGER, BIGINT (times are RFC 3339 text, "" for none; flags are
// 0/1 integers).
var migrations = [][]string{
	// 1: accounts, projects, stories, revisions, annotations with their
	// history, rejections, and the change sequence.
	{
		`CREATE TABLE counter (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)`,
		`INSERT INTO counter (id, seq) VALUES (1, 0)`,
		`CREATE TABLE users (
			name TEXT PRIMARY KEY,
			password_hash TEXT NOT NULL,
			created TEXT NOT NULL)`,
		`CREATE TABLE credentials (
			hash TEXT PRIMARY KEY,
			user_name TEXT NOT NULL REFERENCES users (name),
			kind TEXT NOT NULL,
			label TEXT NOT NULL,
			created TEXT NOT NULL,
			expires TEXT NOT NULL)`,
		`CREATE TABLE projects (
			slug TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			created TEXT NOT NULL)`,
		`CREATE TABLE members (
			project TEXT NOT NULL REFERENCES projects (slug),
			user_name TEXT NOT NULL REFERENCES users (name),
			role TEXT NOT NULL,
			seq BIGINT NOT NULL,
			deleted INTEGER NOT NULL,
			PRIMARY KEY (project, user_name))`,
		`CREATE TABLE stories (
			project TEXT NOT NULL REFERENCES projects (slug),
			id TEXT NOT NULL,
			title TEXT NOT NULL,
			created TEXT NOT NULL,
			rev INTEGER NOT NULL,
			pos BIGINT NOT NULL,
			seq BIGINT NOT NULL,
			deleted INTEGER NOT NULL,
			created_by TEXT NOT NULL,
			modified_by TEXT NOT NULL,
			modified TEXT NOT NULL,
			PRIMARY KEY (project, id))`,
		`CREATE TABLE revisions (
			project TEXT NOT NULL,
			id TEXT NOT NULL,
			story_id TEXT NOT NULL,
			date TEXT NOT NULL,
			title TEXT NOT NULL,
			text TEXT NOT NULL,
			added TEXT NOT NULL,
			pos BIGINT NOT NULL,
			seq BIGINT NOT NULL,
			deleted INTEGER NOT NULL,
			added_by TEXT NOT NULL,
			PRIMARY KEY (project, id),
			FOREIGN KEY (project, story_id) REFERENCES stories (project, id))`,
		`CREATE INDEX revisions_story ON revisions (project, story_id)`,
		// json is the W3C document (without its id) as the protocol and the
		// API see it; model is the store.Store record for annotations
		// written through that view. Either may be NULL.
		`CREATE TABLE annotations (
			project TEXT NOT NULL REFERENCES projects (slug),
			id TEXT NOT NULL,
			story_id TEXT NOT NULL,
			json TEXT,
			model TEXT,
			rev INTEGER NOT NULL,
			pos BIGINT NOT NULL,
			seq BIGINT NOT NULL,
			deleted INTEGER NOT NULL,
			created TEXT NOT NULL,
			modified TEXT NOT NULL,
			created_by TEXT NOT NULL,
			modified_by TEXT NOT NULL,
			PRIMARY KEY (project, id))`,
		`CREATE INDEX annotations_story ON annotations (project, story_id)`,
		`CREATE INDEX annotations_pos ON annotations (project, pos)`,
		`CREATE TABLE annotation_history (
			project TEXT NOT NULL,
			id TEXT NOT NULL,
			seq BIGINT NOT NULL,
			base_seq BIGINT NOT NULL,
			json TEXT,
			deleted INTEGER NOT NULL,
			by_user TEXT NOT NULL,
			device TEXT NOT NULL,
			change_id TEXT NOT NULL,
			at TEXT NOT NULL,
			PRIMARY KEY (project, id, seq))`,
		`CREATE TABLE rejections (
			project TEXT NOT NULL,
			revision_id TEXT NOT NULL,
			key TEXT NOT NULL,
			story_id TEXT NOT NULL,
			PRIMARY KEY (project, revision_id, key),
			FOREIGN KEY (project, revision_id) REFERENCES revisions (project, id))`,
		`CREATE TABLE changes (
			seq BIGINT PRIMARY KEY,
			project TEXT NOT NULL,
			kind TEXT NOT NULL,
			id TEXT NOT NULL)`,
		`CREATE INDEX changes_project ON changes (project, seq)`,
	},
	// 2: where stories and revisions came from (a URL, a file), and the
	// client change ids already applied, so a retried push applies once.
	{
		`ALTER TABLE stories ADD COLUMN source TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE revisions ADD COLUMN source TEXT NOT NULL DEFAULT ''`,
		`CREATE TABLE applied_changes (
			project TEXT NOT NULL,
			change_id TEXT NOT NULL,
			kind TEXT NOT NULL,
			id TEXT NOT NULL,
			seq BIGINT NOT NULL,
			PRIMARY KEY (project, change_id))`,
	},
	// 3: the change log keeps only each record's latest change (the feed
	// shows latest states anyway), so it stays as large as the project
	// and a checkpoint, however old, never points before what is kept.
	{
		`DELETE FROM changes WHERE seq NOT IN (SELECT MAX(seq) FROM changes GROUP BY project, kind, id)`,
		`CREATE UNIQUE INDEX changes_record ON changes (project, kind, id)`,
	},
	// 4: watched URLs with their schedule and lease (times the scheduler
	// compares are unix seconds), the captured pages (bodies base64, so
	// both engines store them as TEXT), changed-quote alerts, the
	// webhook each project's alerts are posted to, and settings the server
	// processes leave for the command line (whether watches may fetch
	// private addresses).
	{
		`CREATE TABLE watches (
			project TEXT NOT NULL REFERENCES projects (slug),
			id TEXT NOT NULL,
			kind TEXT NOT NULL,
			url TEXT NOT NULL,
			canonical TEXT NOT NULL,
			story_id TEXT NOT NULL,
			feed_id TEXT NOT NULL,
			ignore_robots INTEGER NOT NULL,
			interval_s BIGINT NOT NULL,
			due_at BIGINT NOT NULL,
			until_at BIGINT NOT NULL,
			etag TEXT NOT NULL,
			last_modified TEXT NOT NULL,
			last_fetch TEXT NOT NULL,
			last_result TEXT NOT NULL,
			last_error TEXT NOT NULL,
			failures INTEGER NOT NULL,
			lease_owner TEXT NOT NULL,
			lease_until BIGINT NOT NULL,
			created TEXT NOT NULL,
			created_by TEXT NOT NULL,
			PRIMARY KEY (project, id))`,
		`CREATE INDEX watches_due ON watches (due_at)`,
		`CREATE TABLE captures (
			project TEXT NOT NULL,
			id TEXT NOT NULL,
			story_id TEXT NOT NULL,
			revision_id TEXT NOT NULL,
			url TEXT NOT NULL,
			final_url TEXT NOT NULL,
			fetched TEXT NOT NULL,
			status INTEGER NOT NULL,
			request_header TEXT NOT NULL,
			response_header TEXT NOT NULL,
			body TEXT NOT NULL,
			sha256 TEXT NOT NULL,
			pos BIGINT NOT NULL,
			PRIMARY KEY (project, id),
			FOREIGN KEY (project, revision_id) REFERENCES revisions (project, id))`,
		`CREATE INDEX captures_story ON captures (project, story_id)`,
		`CREATE TABLE alerts (
			project TEXT NOT NULL,
			id TEXT NOT NULL,
			story_id TEXT NOT NULL,
			revision_id TEXT NOT NULL,
			annotation_id TEXT NOT NULL,
			carried_id TEXT NOT NULL,
			kind TEXT NOT NULL,
			status TEXT NOT NULL,
			before_text TEXT NOT NULL,
			after_text TEXT NOT NULL,
			created TEXT NOT NULL,
			seq BIGINT NOT NULL,
			PRIMARY KEY (project, id))`,
		`CREATE INDEX alerts_project ON alerts (project, seq)`,
		`CREATE TABLE webhooks (
			project TEXT PRIMARY KEY REFERENCES projects (slug),
			url TEXT NOT NULL)`,
		`CREATE TABLE settings (
			name TEXT PRIMARY KEY,
			value TEXT NOT NULL)`,
	},
	// 5: watches can be paused; webhook deliveries are queued and
	// retried with backoff (each attempt recorded); failed sign-ins are
	// counted in the database, so every server process shares one limit
	// per account and per client address.
	{
		`ALTER TABLE watches ADD COLUMN paused INTEGER NOT NULL DEFAULT 0`,
		`CREATE TABLE webhook_deliveries (
			project TEXT NOT NULL REFERENCES projects (slug),
			id TEXT NOT NULL,
			url TEXT NOT NULL,
			body TEXT NOT NULL,
			state TEXT NOT NULL,
			attempts INTEGER NOT NULL,
			due_at BIGINT NOT NULL,
			lease_owner TEXT NOT NULL,
			lease_until BIGINT NOT NULL,
			last_status INTEGER NOT NULL,
			last_error TEXT NOT NULL,
			last_attempt TEXT NOT NULL,
			created TEXT NOT NULL,
			pos BIGINT NOT NULL,
			PRIMARY KEY (project, id))`,
		`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, due_at)`,
		`CREATE TABLE signin_failures (
			key TEXT PRIMARY KEY,
			failures INTEGER NOT NULL,
			since BIGINT NOT NULL)`,
		`CREATE INDEX signin_failures_since ON signin_failures (since)`,
	},
	// 6: a revision whose text gives no date says so (its date is the
	// day it was added), and keeps the article's byline.
	{
		`ALTER TABLE revisions ADD COLUMN undated INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE revisions ADD COLUMN byline TEXT NOT NULL DEFAULT ''`,
	},
}
