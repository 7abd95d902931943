package ui

import (
	"cmp"
	"context"
	"net/url"

	"github.com/redline-news/redline/internal/sync"
)

// movedInto is the signed-in user's project that holds personal story
// id now: "Share with…" in another tab moves a story into a project
// under the same id, and only then deletes it from the personal library.
// nil when no project holds it (the story was deleted).
func movedInto(ctx context.Context, storyID string) *Project {
	s := CurrentSession()
	if !s.SignedIn() {
		return nil
	}
	for i, pr := range s.Projects {
		p, err := openProject(ctx, s.User, pr.Slug)
		if err != nil {
			continue
		}
		_ = p.Replica.Reload(ctx) // the share committed there before it deleted here: this tab may not have heard yet
		if rec, ok := p.Replica.Record(sync.KindStory, storyID); ok && !rec.Deleted {
			return &s.Projects[i]
		}
	}
	return nil
}

// movedAway is what a story page says once another tab moved its story
// into project pr: the way there, and that what was typed here goes too
// (drafts are kept by story and annotation, which keep their ids).
func movedAway(pr Project, storyID string) status {
	name := cmp.Or(pr.Title, pr.Slug)
	s := newStatus("note", "This story was moved into project “"+name+"”, so it can no longer be changed here, and what you typed and had not saved yet is saved there when you open it.")
	s.href = "/story?" + url.Values{"project": {pr.Slug}, "id": {storyID}}.Encode()
	s.link = "Open it in “" + name + "”"
	return s
}
