// Package ui is Redline's user interface: go-app components over internal/.
// It lives in app/ but is named ui so that go-app's own package keeps its
// conventional name, app.
package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Routes registers every page; both the server and the wasm client call it.
func Routes() {
	app.Route("/", func() app.Composer { return &libraryPage{} })
	app.Route("/story", func() app.Composer { return &storyPage{} })
	app.Route("/watch", func() app.Composer { return &watchPage{} })
	app.Route("/selftest/storage", func() app.Composer { return &storageSelfTest{} })
}
