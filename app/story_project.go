package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// openWhenItArrives opens the page's story again once a change of it
// arrives: a project story opened from a link before this browser has
// synced it (or before its text came) shows as soon as it is here.
// watch is nil when the library could not be opened at all.
func (p *storyPage) openWhenItArrives(ctx app.Context, watch func(fn func(storyID string)) (stop func())) {
	if p.m.project == "" || watch == nil {
		return
	}
	if p.stopWatch != nil {
		p.stopWatch()
	}
	id := p.m.storyID
	p.stopWatch = watch(func(storyID string) {
		if storyID == id {
			ctx.Dispatch(func(ctx app.Context) {
				if p.m.sess == nil && p.m.storyID == id {
					p.OnNav(ctx)
				}
			})
		}
	})
}
