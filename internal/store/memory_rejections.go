package store

import "context"

func (m *Memory) Rejections(ctx context.Context, revisionID string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := CheckRevisionID(revisionID); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, found := m.revisions[revisionID]; !found {
		return nil, MissingRevision(revisionID)
	}
	var keys []string
	for r := range m.rejections {
		if r.revisionID == revisionID {
			keys = append(keys, r.key)
		}
	}
	return ListRejections(keys), nil
}

func (m *Memory) Reject(ctx context.Context, storyID, revisionID, key string) error {
	return m.changeRejection(ctx, storyID, revisionID, key, func(r rejection) { m.rejections[r] = storyID })
}

func (m *Memory) Unreject(ctx context.Context, storyID, revisionID, key string) error {
	return m.changeRejection(ctx, storyID, revisionID, key, func(r rejection) { delete(m.rejections, r) })
}

// changeRejection checks a Reject or Unreject and, if it may go ahead,
// makes it with change, under the lock.
func (m *Memory) changeRejection(ctx context.Context, storyID, revisionID, key string, change func(rejection)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := CheckRejection(storyID, revisionID, key); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	rev, found := m.revisions[revisionID]
	if err := CheckRevisionOf(revisionID, found, rev.Record.StoryID, storyID); err != nil {
		return err
	}
	change(rejection{revisionID, key})
	return nil
}
