package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Webhook deliveries: an outbox. A captured revision's alert summary is
// queued in the capture's transaction, and server processes claim due
// deliveries with a lease (as they claim watches), post them, and record
// each attempt. Finished ones beyond keptDeliveries per project are
// dropped, oldest first, so the table stays bounded.

// keptDeliveries is how many finished deliveries a project keeps listed.
const keptDeliveries = 1000

const deliveryColumns = `project, id, url, body, state, attempts, due_at, last_status, last_error, last_attempt, created`

func scanDelivery(sc scanner) (store.Delivery, error) {
	var d store.Delivery
	var body, lastAttempt, created string
	var due int64
	err := sc.Scan(&d.Project, &d.ID, &d.URL, &body, &d.State, &d.Attempts, &due, &d.LastStatus, &d.LastError, &lastAttempt, &created)
	if err != nil {
		return d, err
	}
	d.DueAt = unixTime(due)
	var errB, errL, errC error
	d.Body, errB = base64.StdEncoding.DecodeString(body)
	d.LastAttempt, errL = parseTime(lastAttempt)
	d.Created, errC = parseTime(created)
	return d, errors.Join(errB, errL, errC)
}

// queueDelivery queues d for the project's webhook, due now; without a
// webhook nothing is queued. pos orders the project's deliveries.
func (w *wtx) queueDelivery(d store.Delivery, pos int64) error {
	var url string
	err := w.queryRow(`SELECT url FROM webhooks WHERE project = ?`, d.Project).Scan(&url)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if d.ID == "" || len(d.Body) == 0 {
		return fmt.Errorf("webhook delivery without an id or body: %w", store.ErrInvalid)
	}
	if err := w.exec(`INSERT INTO webhook_deliveries (`+deliveryColumns+`, lease_owner, lease_until, pos)
		VALUES (?, ?, ?, ?, ?, 0, ?, 0, '', '', ?, '', 0, ?)`,
		d.Project, d.ID, url, base64.StdEncoding.EncodeToString(d.Body), store.DeliveryPending, w.now.Unix(),
		formatTime(w.now), pos); err != nil {
		return err
	}
	return w.exec(`DELETE FROM webhook_deliveries WHERE project = ? AND state <> ? AND pos <= (
		SELECT pos FROM webhook_deliveries WHERE project = ? AND state <> ? ORDER BY pos DESC LIMIT 1 OFFSET ?)`,
		d.Project, store.DeliveryPending, d.Project, store.DeliveryPending, keptDeliveries)
}

// ClaimDelivery leases the pending delivery due longest to owner until
// now+lease. ErrNotFound: none is due.
func (db *DB) ClaimDelivery(ctx context.Context, owner string, now time.Time, lease time.Duration) (store.Delivery, error) {
	const due = `FROM webhook_deliveries WHERE state = 'pending' AND due_at <= ? AND lease_until <= ?`
	t := now.Unix()
	var n int
	if err := db.reader(ctx).queryRow(`SELECT COUNT(*) `+due, t, t).Scan(&n); err != nil || n == 0 {
		return store.Delivery{}, cmpErr(db.fail(ctx, err), n == 0, fmt.Errorf("no delivery is due: %w", store.ErrNotFound))
	}
	var out store.Delivery
	err := db.write(ctx, func(w *wtx) error {
		d, err := scanDelivery(w.queryRow(`SELECT `+deliveryColumns+` `+due+` ORDER BY due_at, pos LIMIT 1`, t, t))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no delivery is due: %w", store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		out = d
		return w.exec(`UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? WHERE project = ? AND id = ?`,
			owner, now.Add(lease).Unix(), d.Project, d.ID)
	})
	return out, err
}

// FinishDelivery records an attempt (state, attempts, next due time, URL,
// last status and error) and ends owner's lease. ErrConflict: the lease
// was lost, and nothing is saved.
func (db *DB) FinishDelivery(ctx context.Context, owner string, d store.Delivery) error {
	return db.write(ctx, func(w *wtx) error {
		return w.affectOne(fmt.Errorf("delivery %q: the lease was lost: %w", d.ID, store.ErrConflict),
			`UPDATE webhook_deliveries SET url = ?, state = ?, attempts = ?, due_at = ?, last_status = ?, last_error = ?,
			last_attempt = ?, lease_owner = '', lease_until = 0
			WHERE project = ? AND id = ? AND lease_owner = ?`,
			d.URL, d.State, d.Attempts, unixSeconds(d.DueAt), d.LastStatus, d.LastError, formatTime(d.LastAttempt),
			d.Project, d.ID, owner)
	})
}

// Deliveries lists a project's webhook deliveries, newest first, at most
// limit.
func (db *DB) Deliveries(ctx context.Context, project string, limit int) ([]store.Delivery, error) {
	rows, err := db.reader(ctx).query(`SELECT `+deliveryColumns+` FROM webhook_deliveries WHERE project = ?
		ORDER BY pos DESC LIMIT ?`, project, limit)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.Delivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, d)
	}
	return out, db.fail(ctx, rows.Err())
}
