package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/revision"
)

// movedArrival draws a passage (paragraph or sentence) that moved, at its
// new place: an <ins class="moved"> that says where it came from, holding
// its text with the edits made on the way marked in <del> and <ins>, so a
// passage moved and reworded shows both at once.
func movedArrival(d *revision.Diff, m *revision.Move, hunk int, cls string) app.UI {
	var body []app.UI
	for _, op := range m.Ops {
		switch text := d.Text(op); op.Kind {
		case revision.Equal:
			body = append(body, app.Text(text))
		case revision.Insert:
			body = append(body, app.Ins().Text(text))
		case revision.Delete:
			body = append(body, app.Del().Text(text))
		}
	}
	return movedEnd(app.Ins().DataSet("hunk", hunk).Class(cls), m, revision.Insert).Body(body...)
}

// movedEnd marks one end of a move: where it went (on the Delete it
// leaves) or where it came from (on its arrival), the paragraph number in
// data-moved-to or data-moved-from and the whole label ("moved to ¶3,
// sentence 2") in data-move-label and the title.
func movedEnd[E interface {
	Class(...string) E
	DataSet(string, any) E
	Title(string, ...any) E
}](e E, m *revision.Move, kind revision.OpKind) E {
	e = e.Class("moved").DataSet("move-label", m.Label(kind)).Title("%s", m.Label(kind))
	if kind == revision.Delete {
		return e.DataSet("moved-to", m.NewPara)
	}
	return e.DataSet("moved-from", m.OldPara)
}
