package ui

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/sync"
)

// conflictPanel shows, on a project story's page, every annotation
// edited differently on two sides (both values) and every one deleted
// elsewhere while edited here. The reader keeps one value or writes a
// new one; the choice syncs, so it is resolved on every side. The
// annotations' sidebar entries and marks carry data-conflict (and
// data-deleted-elsewhere) while it lasts.
type conflictPanel struct {
	app.Compo

	Project, StoryID string
	OnResolved       func() // the page reloads the story

	items   []conflictItem
	drafts  map[string]string // "id field" → a new value being written
	problem string
	stop    func()
}

// conflictItem is one annotation's conflicts.
type conflictItem struct {
	ID               string // the server id (urn:uuid:ID in the page)
	Exact            string
	Conflicts        []sync.Conflict
	DeletedElsewhere bool
	DeletedBy        sync.Author // who deleted it, when known
}

func (c *conflictPanel) OnMount(ctx app.Context) {
	c.drafts = map[string]string{}
	ctx.Async(func() {
		p, err := c.projectLib()
		if err != nil {
			return
		}
		read := func() { ctx.Dispatch(func(app.Context) { c.read(p) }) }
		stop := p.Replica.Watch(func(sync.Change) { read() })
		ctx.Dispatch(func(app.Context) {
			c.stop = stop
			c.read(p)
		})
	})
}

func (c *conflictPanel) OnDismount() {
	if c.stop != nil {
		c.stop()
	}
	markConflicts(nil, nil)
}

func (c *conflictPanel) projectLib() (*projectLib, error) {
	s := CurrentSession()
	if !s.SignedIn() {
		return nil, errors.New("sign in to resolve conflicts")
	}
	return openProject(context.Background(), s.User, c.Project)
}

// read collects the story's annotations in conflict from the replica.
func (c *conflictPanel) read(p *projectLib) {
	c.items = nil
	var conflicted, deleted []string
	for _, rec := range p.Replica.Records() {
		if rec.Kind != sync.KindAnnotation || rec.Deleted || rec.StoryID() != c.StoryID {
			continue
		}
		cs, gone := rec.Conflicts(), rec.DeletedElsewhere()
		if len(cs) == 0 && !gone {
			continue
		}
		a, _ := p.Replica.Annotation(rec.ID)
		item := conflictItem{ID: rec.ID, Conflicts: cs, DeletedElsewhere: gone, DeletedBy: rec.DeletedBy()}
		if q := a.Target.Selector.Quote; q != nil {
			item.Exact = q.Exact
		}
		c.items = append(c.items, item)
		if len(cs) > 0 {
			conflicted = append(conflicted, "urn:uuid:"+rec.ID)
		}
		if gone {
			deleted = append(deleted, "urn:uuid:"+rec.ID)
		}
	}
	markConflicts(conflicted, deleted)
}

func (c *conflictPanel) Render() app.UI {
	if len(c.items) == 0 {
		return app.Div().ID("conflicts").Hidden(true)
	}
	return app.Section().ID("conflicts").Class("conflicts").Aria("labelledby", "conflicts-title").Body(
		app.H2().ID("conflicts-title").Text("Edited on two sides"),
		app.If(c.problem != "", func() app.UI { return app.P().Role("alert").Class("error").Text(c.problem) }),
		app.Range(c.items).Slice(func(i int) app.UI {
			it := c.items[i]
			return app.Div().Class("conflict").DataSet("id", "urn:uuid:"+it.ID).Body(
				app.P().Class("exact").Text("“"+shorten(it.Exact, 80)+"”"),
				app.If(it.DeletedElsewhere, func() app.UI { return c.renderKept(it) }),
				app.Range(it.Conflicts).Slice(func(j int) app.UI { return c.renderConflict(it, it.Conflicts[j]) }),
			)
		}),
	)
}

func (c *conflictPanel) renderConflict(it conflictItem, cf sync.Conflict) app.UI {
	key := it.ID + " " + cf.Field
	scope := itemScope(key, string(cf.Ours)+"|"+string(cf.Theirs))
	user, here, now := CurrentSession().User, deviceName(), time.Now()
	choice := func(fallback, id string, v json.RawMessage) app.UI {
		side := sideOf(cf, id == "ours", user, here, now)
		return app.Li().Body(
			app.Span().Class("who").DataSet("by", side.Who).DataSet("at", side.at()).Text(side.label(fallback)),
			app.Text(": "),
			app.Span().Class("value").DataSet("value", fieldText(v)).Text(orNone(fieldText(v))),
			app.Text(" "),
			app.Button().Class("keep").DataSet("keep", id).Text("Keep this").
				Aria("label", "Keep "+orNone(fieldText(v))+" as the "+fieldLabel(cf.Field)).
				OnClick(func(ctx app.Context, e app.Event) { c.resolve(ctx, it.ID, cf.Field, v) }, scope),
		)
	}
	draftID := "conflict-new-" + it.ID + "-" + cf.Field
	return app.Div().Class("conflict-field").DataSet("field", cf.Field).Body(
		app.P().Text("The "+fieldLabel(cf.Field)+" was changed differently on two sides:"),
		app.Ul().Body(
			choice("One side", "theirs", cf.Theirs),
			choice("The other", "ours", cf.Ours),
		),
		app.If(textField(cf.Field), func() app.UI {
			return app.Form().Class("conflict-new").OnSubmit(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				v, _ := json.Marshal(c.drafts[key]) // a string always encodes
				c.resolve(ctx, it.ID, cf.Field, v)
			}, scope).Body(
				app.Label().For(draftID).Text("Or write a new "+fieldLabel(cf.Field)),
				app.Input().ID(draftID).Class("conflict-input").Value(c.drafts[key]).
					OnInput(func(ctx app.Context, e app.Event) { c.drafts[key] = ctx.JSSrc().Get("value").String() }, scope),
				app.Button().Type("submit").Text("Save this one"),
			)
		}),
	)
}

// renderKept is an annotation deleted on one side while edited on the
// other, naming who deleted it when the replica knows (the server's
// tombstone says); the words are true on both sides, and the choice
// settles it on every side.
func (c *conflictPanel) renderKept(it conflictItem) app.UI {
	scope := itemScope(it.ID, "kept")
	by := named(it.DeletedBy, CurrentSession().User, false, time.Now())
	return app.Div().Class("deleted-elsewhere").Body(
		app.P().Text("Deleted on one side while edited on the other: the edited annotation was kept."),
		app.If(by.Who != "", func() app.UI {
			return app.P().Class("deleted-by").DataSet("by", by.Who).DataSet("at", by.at()).Text("Deleted by " + by.label(""))
		}),
		app.Button().Class("keep-kept").Text("Keep it").
			Aria("label", "Keep “"+shorten(it.Exact, 40)+"”").
			OnClick(func(ctx app.Context, e app.Event) { c.settleKept(ctx, it.ID, false) }, scope),
		app.Text(" "),
		app.Button().Class("delete-kept danger").Text("Delete it").
			Aria("label", "Delete “"+shorten(it.Exact, 40)+"”").
			OnClick(func(ctx app.Context, e app.Event) { c.settleKept(ctx, it.ID, true) }, scope),
	)
}

// settleKept keeps (the mark goes) or deletes an annotation kept against
// a delete.
func (c *conflictPanel) settleKept(ctx app.Context, id string, del bool) {
	ctx.Async(func() {
		p, err := c.projectLib()
		if err == nil && del {
			err = p.Replica.DeleteAnnotation(context.Background(), id)
		} else if err == nil {
			err = p.Store.KeepDeletedElsewhere(context.Background(), "urn:uuid:"+id)
		}
		c.settled(ctx, id, err)
	})
}

// settled shows what a choice came to, and has the page reload the story.
func (c *conflictPanel) settled(ctx app.Context, draft string, err error) {
	ctx.Dispatch(func(app.Context) {
		c.problem = ""
		if err != nil {
			c.problem = err.Error()
			return
		}
		delete(c.drafts, draft)
		if c.OnResolved != nil {
			c.OnResolved()
		}
	})
}

// resolve keeps v as the field's value.
func (c *conflictPanel) resolve(ctx app.Context, id, field string, v json.RawMessage) {
	if v == nil {
		v = json.RawMessage("null")
	}
	ctx.Async(func() {
		p, err := c.projectLib()
		if err == nil {
			err = p.Store.Resolve(context.Background(), "urn:uuid:"+id, field, v)
		}
		c.settled(ctx, id+" "+field, err)
	})
}

// textField says a field takes free text (a new value can be written).
func textField(field string) bool {
	return slices.Contains([]string{"Note", "Speaker"}, field)
}

func fieldLabel(field string) string {
	switch field {
	case "Note":
		return "note"
	case "Speaker":
		return "speaker"
	case "Verdict":
		return "verdict"
	case "Kind":
		return "kind"
	case "Tags":
		return "tags"
	}
	return field
}

// fieldText is a field's JSON value for reading: a string as itself.
func fieldText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(v, &list) == nil {
		return "#" + strings.Join(list, " #")
	}
	return string(v)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
