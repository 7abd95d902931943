package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The browser's own action for the events the app handles itself is
// stopped by web/redline.js, while the browser is still dispatching the
// event: go-app runs Go event handlers afterwards, on its UI goroutine, so
// an e.PreventDefault() there comes too late.

// carriesFiles reports whether a drag event carries files (text dragged
// into a field keeps its default action).
func carriesFiles(e app.Value) bool {
	dt := e.Get("dataTransfer")
	return dt.Truthy() && dt.Get("types").Call("includes", "Files").Bool()
}

// within reports whether an event's target is inside an element matching
// a CSS selector.
func within(e app.Value, selector string) bool {
	t := e.Get("target")
	return t.Truthy() && t.Get("closest").Truthy() && t.Call("closest", selector).Truthy()
}

// onFilesDropped calls fn with the files dropped anywhere on the page until
// stop is called. fn runs during the drop event, as it must: once the
// event is over the browser empties its dataTransfer, so a go-app OnDrop
// handler (which runs later) would find no files.
func onFilesDropped(fn func(files app.Value)) (stop func()) {
	listener := app.FuncOf(func(this app.Value, args []app.Value) any {
		if e := args[0]; carriesFiles(e) {
			fn(e.Get("dataTransfer").Get("files"))
		}
		return nil
	})
	app.Window().Call("addEventListener", "drop", listener)
	return func() {
		app.Window().Call("removeEventListener", "drop", listener)
		listener.Release()
	}
}
