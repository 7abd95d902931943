// Package corecall is the one message API between Redline's page and its
// core: the engines (article parsing, the word diff, migration,
// suggestions) that are too heavy for the page's own wasm and run in a Web
// Worker with theirs. Core is what the library needs of them; Request and
// Response are its calls as plain data with a JSON codec; Serve answers a
// request with a Core (the worker's side) and Client makes a Core of any
// transport that carries a request to Serve and back (the page's side).
// Natively, and in the CLI and server, package core implements Core
// directly and nothing crosses a boundary.
package corecall
