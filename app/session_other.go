//go:build !(js && wasm)

package ui

// Natively (server pre-render, tests) nobody is signed in and nothing is
// kept.
func loadSession() Session                 { return Session{} }
func saveSession(Session)                  {}
func watchOtherTabsSessions(func(Session)) {}
func serverOrigin() string                 { return "" }
