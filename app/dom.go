package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/span"
)

// This file wraps the functions of web/redline.js, the app's only
// JavaScript.

// pickedFile is one file the reader chose or dropped.
type pickedFile struct {
	Name string
	Data []byte
	Err  string // why it was not read (too large, unreadable)
}

// readFiles reads a FileList without blocking the page and hands the files
// to done on the UI goroutine. Files over maxBytes are refused unread.
func readFiles(ctx app.Context, files app.Value, maxBytes int, done func(app.Context, []pickedFile)) {
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer cb.Release()
		list := args[0]
		out := make([]pickedFile, list.Length())
		for i := range out {
			item := list.Index(i)
			out[i].Name = item.Get("name").String()
			if e := item.Get("error"); e.Truthy() {
				out[i].Err = e.String()
				continue
			}
			data := item.Get("data")
			out[i].Data = make([]byte, data.Get("length").Int())
			app.CopyBytesToGo(out[i].Data, data)
		}
		ctx.Dispatch(func(ctx app.Context) { done(ctx, out) })
		return nil
	})
	app.Window().Call("redlineReadFiles", files, maxBytes, cb)
}

// selection returns the selection inside the element with the given id in
// code points of the text rendered there.
func selection(rootID string) (span.Span, bool) {
	v := app.Window().Call("redlineSelection", rootID)
	if !v.Truthy() {
		return span.Span{}, false
	}
	return span.Span{Start: v.Get("start").Int(), End: v.Get("end").Int()}, true
}

func clearSelection() { app.Window().Call("redlineClearSelection") }

// placeNearSelection shows the element with the given id by the selection.
func placeNearSelection(id string) { app.Window().Call("redlinePlaceNearSelection", id) }

// download saves data as a file. The bytes go to JavaScript as they are:
// a Go string crosses through TextDecoder, which drops a leading byte
// order mark (the one that tells Excel a CSV is UTF-8).
func download(name, mime string, data []byte) {
	bytes := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(bytes, data)
	app.Window().Call("redlineDownload", name, mime, bytes)
}

// scrollIntoView brings the first element matching a CSS selector into view
// and focuses it.
func scrollIntoView(selector string) {
	el := app.Window().Get("document").Call("querySelector", selector)
	if el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "smooth"})
	}
}

// scrollAboveSheet brings the element matching selector into the part of
// a phone's window the editor sheet leaves free (redlineScrollAboveSheet).
func scrollAboveSheet(selector string) {
	app.Window().Call("redlineScrollAboveSheet", selector)
}

// setValue shows value in the form field with the given id, if there is
// one. go-app cannot clear a field (it drops empty values), and a
// textarea's text is only its initial value: set the value itself.
func setValue(id, value string) {
	el := app.Window().GetElementByID(id)
	if el.Truthy() && el.Get("value").String() != value {
		el.Set("value", value)
	}
}

// hasFocus reports whether the element with the given id has the focus.
func hasFocus(id string) bool {
	active := app.Window().Get("document").Get("activeElement")
	return active.Truthy() && active.Get("id").String() == id
}

// sideColumn is the sticky column beside the article (web/redline.css).
const sideColumn = ".columns > .side"

// scrollWithinSide brings the first element matching a CSS selector into
// view inside the side column, scrolling that column only: scrolling the
// window too would stop the article's smooth scroll to the same
// annotation's words.
func scrollWithinSide(selector string) {
	doc := app.Window().Get("document")
	col, el := doc.Call("querySelector", sideColumn), doc.Call("querySelector", selector)
	if !col.Truthy() || !el.Truthy() {
		return
	}
	c, r := col.Call("getBoundingClientRect"), el.Call("getBoundingClientRect")
	top, bottom := c.Get("top").Float(), c.Get("bottom").Float()
	if r.Get("top").Float() >= top && r.Get("bottom").Float() <= bottom {
		return
	}
	col.Set("scrollTop", col.Get("scrollTop").Float()+r.Get("top").Float()-top-8)
}

// narrowScreen reports whether the story is laid out in one column (a
// phone), as web/redline.css decides.
func narrowScreen() bool {
	return app.Window().Call("matchMedia", "(max-width: 52rem)").Get("matches").Bool()
}

// markSaving draws a mark (markHTML: an empty <mark …></mark>) over a span
// of the article's text before the paragraph is drawn again.
func markSaving(rootID string, sp span.Span, markHTML string) {
	app.Window().Call("redlineMarkSaving", rootID, sp.Start, sp.End, markHTML)
}

// unmarkSaving takes back the marks markSaving drew for an annotation.
func unmarkSaving(rootID, id string) { app.Window().Call("redlineUnmarkSaving", rootID, id) }
